using Tenon.Bench.Engines;
using System.Diagnostics;

namespace Tenon.Bench.Workloads;

/// <summary>W1..W4: one parent table with a serial key and a UNIQUE code, children that reference it.</summary>
public sealed partial class Suite
{
    /// <summary>Parent <c>i</c> gets id i and code <c>c{i}</c>; child <c>k</c> of <paramref name="parents"/> references this parent.</summary>
    internal static int ChildParent(long k, long parents) => (int)(k * 7919 % parents + 1);

    private void ParentChildGroup()
    {
        var parents = W1ParentInserts();
        W2ChildInserts("W2a", "child_plain", indexed: false, parents);
        W2ChildInserts("W2b", "child_indexed", indexed: true, parents);
        db.Exec("DROP TABLE child_plain");
        W3Violations(parents);
        W4PointLookups(parents);
    }

    private long W1ParentInserts()
    {
        db.Exec($"CREATE TABLE parent ({SerialKey}, code text NOT NULL UNIQUE, name text NOT NULL)");
        using var insert = db.Prepare("INSERT INTO parent (code, name) VALUES ($1, $2)");
        var planned = sizes.Parents;
        var budgetLeft = NewBudget();
        long done = 0;
        var watch = Stopwatch.StartNew();
        db.Exec("BEGIN");
        for (long i = 1; i <= planned && !budgetLeft.Expired; i++, done++)
            Check.Equal(1, insert.Execute("c" + i, "parent number " + i), "INSERT row count");
        db.Exec("COMMIT");
        watch.Stop();

        var r = db.QueryOnce("SELECT count(*), count(DISTINCT code), min(id), max(id) FROM parent")[0];
        Check.Equal(done, Check.Long(r[0]), "parent rows");
        Check.Equal(done, Check.Long(r[1]), "distinct codes");
        Check.Equal(1, Check.Long(r[2]), "first serial value");
        Check.Equal(done, Check.Long(r[3]), "last serial value");
        Check.Equal(0, db.LongOnce("SELECT count(*) FROM parent WHERE code <> 'c' || id"), "parents whose code does not match their serial id");
        Timed("W1", planned, done, watch);
        return done;
    }

    private void W2ChildInserts(string key, string table, bool indexed, long parents)
    {
        db.Exec($"CREATE TABLE {table} ({SerialKey}, parent_id integer NOT NULL REFERENCES parent (id), v integer NOT NULL)");
        if (indexed) db.Exec($"CREATE INDEX {table}_parent_id ON {table} (parent_id)");
        using var insert = db.Prepare($"INSERT INTO {table} (parent_id, v) VALUES ($1, $2)");
        var planned = sizes.Children;
        var budgetLeft = NewBudget();
        long done = 0, parentSum = 0, vSum = 0;
        var watch = Stopwatch.StartNew();
        db.Exec("BEGIN");
        for (long k = 1; k <= planned && !budgetLeft.Expired; k++, done++)
        {
            var parent = ChildParent(k, parents);
            var v = (int)(k % 1000);
            Check.Equal(1, insert.Execute(parent, v), "INSERT row count");
            parentSum += parent;
            vSum += v;
        }
        db.Exec("COMMIT");
        watch.Stop();

        var r = db.QueryOnce($"SELECT count(*), sum(parent_id), sum(v) FROM {table}")[0];
        Check.Equal(done, Check.Long(r[0]), "child rows");
        if (done > 0)
        {
            Check.Equal(parentSum, Check.Long(r[1]), "sum of parent_id");
            Check.Equal(vSum, Check.Long(r[2]), "sum of v");
        }
        Check.Equal(0, db.LongOnce($"SELECT count(*) FROM {table} c LEFT JOIN parent p ON p.id = c.parent_id WHERE p.id IS NULL"), "orphan children");
        Timed(key, planned, done, watch);
    }

    private void W3Violations(long parents)
    {
        var before = Count("child_indexed");
        using var insert = db.Prepare("INSERT INTO child_indexed (parent_id, v) VALUES ($1, $2)");
        var planned = sizes.Violations;
        var budgetLeft = NewBudget();
        long done = 0, rejected = 0;
        var watch = Stopwatch.StartNew();
        for (long i = 1; i <= planned && !budgetLeft.Expired; i++, done++)
        {
            try
            {
                insert.Execute((int)(parents + i), 0);
            }
            catch (Exception e) when (db.IsForeignKeyViolation(e))
            {
                rejected++;
            }
        }
        watch.Stop();
        Check.Equal(done, rejected, "inserts rejected with a foreign-key violation");
        Check.Equal(before, Count("child_indexed"), "child rows after the rejected inserts");
        Timed("W3", planned, done, watch);
    }

    private void W4PointLookups(long parents)
    {
        using var select = db.Prepare("SELECT code FROM parent WHERE id = $1");
        var planned = sizes.Lookups;
        var budgetLeft = NewBudget();
        long done = 0, wrong = 0;
        var watch = Stopwatch.StartNew();
        for (long i = 1; i <= planned && !budgetLeft.Expired; i++, done++)
        {
            var id = ChildParent(i, parents);
            if (select.Scalar(id) is not string code || code[0] != 'c' || !int.TryParse(code.AsSpan(1), out var n) || n != id) wrong++;
        }
        watch.Stop();
        Check.Equal(0, wrong, "lookups that returned the wrong code");
        Timed("W4", planned, done, watch);
    }
}
