using System.Diagnostics;
using Tenon.Bench.Engines;

namespace Tenon.Bench.Workloads;

/// <summary>
/// Runs workloads W1..W9 in order on one engine. Each workload creates its tables, fills them
/// (untimed), runs its timed phase under the time budget, checks its results against answers
/// computed here (untimed; a wrong answer fails the workload, so a fast wrong engine cannot win),
/// and drops its tables. W1..W4 share the parent table of W1.
/// <para>
/// With <paramref name="rounds"/> above 1, a group of workloads runs again from scratch while its
/// rounds so far took less than <see cref="RepeatBelow"/> in all (setup and checks included), up to
/// that many rounds, and each workload keeps its fastest round; a round with a wrong answer fails the
/// workload whatever the other rounds did. Phases of a few milliseconds otherwise measure whatever
/// the JIT or the machine was doing at that moment rather than the engine.
/// </para>
/// </summary>
public sealed partial class Suite(IBenchDb db, Sizes sizes, TimeSpan budget, Action<string>? log = null, int rounds = 1)
{
    /// <summary>A group's rounds stop once they have taken this long in all: longer phases are steady enough to time once or twice.</summary>
    public static readonly TimeSpan RepeatBelow = TimeSpan.FromSeconds(10);

    private readonly List<Measurement> _results = [];

    public IReadOnlyList<Measurement> RunAll()
    {
        Group(["W1", "W2a", "W2b", "W3", "W4"], ParentChildGroup, ["child_indexed", "child_plain", "parent"]);
        Group(["W5a", "W5b"], CascadeDeletes, ["cas_leaf", "cas_mid", "cas_root"]);
        Group(["W6"], RestrictDeletes, ["rst_child", "rst_parent"]);
        Group(["W7"], UpdateCascade, ["upd_child", "upd_parent"]);
        Group(["W8a", "W8b"], JoinTopTen, ["j_child", "j_parent"]);
        Group(["W9"], DurableCommits, ["dur"]);
        return _results;
    }

    /// <summary>Runs one group of workloads in rounds (see the class summary) and keeps each workload's best round.</summary>
    private void Group(string[] keys, Action body, string[] tables)
    {
        var kept = _results.Count;
        var watch = Stopwatch.StartNew();
        Round(keys, body, tables);
        var best = _results.GetRange(kept, _results.Count - kept);
        for (var round = 2; round <= rounds && watch.Elapsed < RepeatBelow; round++)
        {
            _results.RemoveRange(kept, _results.Count - kept);
            log?.Invoke($"[{db.Name}] {string.Join(", ", keys)}: round {round} of {rounds}");
            Round(keys, body, tables);
            for (var i = 0; i < best.Count && kept + i < _results.Count; i++)
                best[i] = Better(best[i], _results[kept + i]);
        }
        _results.RemoveRange(kept, _results.Count - kept);
        _results.AddRange(best);
    }

    /// <summary>Of two rounds of one workload: a failure wins (a wrong answer is never hidden), then the lower time per unit.</summary>
    public static Measurement Better(Measurement a, Measurement b)
    {
        if (a.Outcome == Outcome.Failed) return a;
        if (b.Outcome == Outcome.Failed) return b;
        if (!b.HasTiming) return a;
        if (!a.HasTiming) return b;
        return b.SecondsPerUnit < a.SecondsPerUnit ? b : a;
    }

    /// <summary>
    /// Runs one round of a group. An exception fails the workload that was running and every later
    /// workload of the group (they depend on its data); the tables are dropped either way.
    /// </summary>
    private void Round(string[] keys, Action body, string[] tables)
    {
        DropTables(tables);
        var before = _results.Count;
        try
        {
            body();
        }
        catch (Exception e)
        {
            try { db.Exec("ROLLBACK"); } catch (Exception) { /* not in a transaction */ }
            var message = e is CheckFailedException ? "wrong result: " + e.Message : $"{e.GetType().Name}: {FirstLine(e.Message)}";
            if (Environment.GetEnvironmentVariable("TENON_BENCH_DEBUG") == "1") log?.Invoke(e.ToString());
            foreach (var key in keys.Skip(_results.Count - before))
            {
                var (title, unit) = WorkloadCatalog.Describe(key);
                Record(new Measurement(key, title, unit, 0, 0, 0, Outcome.Failed, message));
            }
        }
        DropTables(tables);
    }

    private static string FirstLine(string s)
    {
        var i = s.IndexOf('\n');
        return i < 0 ? s : s[..i];
    }

    private void DropTables(string[] tables)
    {
        foreach (var t in tables) db.Exec($"DROP TABLE IF EXISTS {t}");
    }

    private void Record(Measurement m)
    {
        _results.Add(m);
        var what = m.Outcome switch
        {
            Outcome.Ok => $"{m.Done:N0} {m.Unit} in {m.Seconds:F3} s ({m.UnitsPerSecond:N0}/s)",
            Outcome.Capped => $"CAPPED at {m.Done:N0} of {m.Planned:N0} {m.Unit} in {m.Seconds:F3} s ({m.UnitsPerSecond:N0}/s)",
            Outcome.NotAvailable => "not available: " + m.Note,
            _ => "FAILED: " + m.Note,
        };
        log?.Invoke($"[{db.Name}] {m.Key} {m.Title}: {what}");
    }

    /// <summary>Records a finished timed phase.</summary>
    private void Timed(string key, long planned, long done, Stopwatch watch, string? note = null)
    {
        var (title, unit) = WorkloadCatalog.Describe(key);
        Record(new Measurement(key, title, unit, planned, done, watch.Elapsed.TotalSeconds,
            done < planned ? Outcome.Capped : Outcome.Ok, note));
    }

    /// <summary>
    /// The budget of a timed phase, taken just before it starts. The managed heap is settled first
    /// (a full blocking collection, as BenchmarkDotNet does between iterations), so garbage the
    /// untimed setup left behind is not collected inside the timed phase: without it, whether a
    /// gen-2 collection of a 200 MB heap (~0.3 s) landed in a short phase such as W8a decided its time.
    /// </summary>
    private Budget NewBudget()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        GC.WaitForPendingFinalizers();
        return new(budget);
    }

    /// <summary>
    /// <c>INSERT INTO head SELECT list FROM 1..n AS s(i)</c>: generate_series where the dialect has it,
    /// a recursive CTE in SQLite. Used only for untimed setup.
    /// </summary>
    private void InsertSeries(string head, string selectList, long n)
    {
        db.Exec(db.Dialect == Dialect.Sqlite
            ? $"WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {n}) INSERT INTO {head} SELECT {selectList} FROM s"
            : $"INSERT INTO {head} SELECT {selectList} FROM generate_series(1, {n}) AS s(i)");
    }

    private string SerialKey => db.Dialect == Dialect.Sqlite ? "id INTEGER PRIMARY KEY" : "id serial PRIMARY KEY";

    private long Count(string table) => db.LongOnce($"SELECT count(*) FROM {table}") ?? 0;
}
