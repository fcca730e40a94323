using Tenon.Bench.Engines;
using System.Diagnostics;

namespace Tenon.Bench.Workloads;

/// <summary>W9: single-row inserts, each its own (autocommit) transaction, durable when COMMIT returns.</summary>
public sealed partial class Suite
{
    private void DurableCommits()
    {
        if (!db.Durable)
        {
            var (title, unit) = WorkloadCatalog.Describe("W9");
            Record(new Measurement("W9", title, unit, sizes.DurableRows, 0, 0, Outcome.NotAvailable,
                db is NpgsqlDb ? "a server the harness did not start: not known to be durable" : "in-memory database: nothing is durable"));
            return;
        }
        db.Exec("CREATE TABLE dur (id integer PRIMARY KEY, v text NOT NULL)");
        using var insert = db.Prepare("INSERT INTO dur (id, v) VALUES ($1, $2)");
        var planned = sizes.DurableRows;
        var budgetLeft = NewBudget();
        long done = 0;
        var watch = Stopwatch.StartNew();
        for (long i = 1; i <= planned && !budgetLeft.Expired; i++, done++)
            Check.Equal(1, insert.Execute((int)i, "row " + i), "INSERT row count");
        watch.Stop();
        Check.Equal(done, Count("dur"), "rows");
        Timed("W9", planned, done, watch);
    }
}
