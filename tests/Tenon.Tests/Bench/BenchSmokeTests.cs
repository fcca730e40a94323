using Tenon.Bench;
using Tenon.Bench.Engines;
using Tenon.Bench.Workloads;

namespace Tenon.Tests.Bench;

/// <summary>
/// The benchmark's workloads on Tenon at a tiny scale: every correctness check of every workload
/// must pass (so a benchmark run measures right answers), and W9 is reported as not available.
/// Needs neither PostgreSQL nor SQLite; takes well under a second.
/// </summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public void EveryTenonWorkloadPassesItsChecksAtTinyScale()
    {
        using var db = new TenonDb();
        var results = new Suite(db, new Sizes(0.001), TimeSpan.FromMinutes(1)).RunAll();

        Assert.Equal(WorkloadCatalog.All.Select(w => w.Key), results.Select(r => r.Key));
        foreach (var m in results.Where(r => r.Key != "W9"))
        {
            Assert.True(m.Outcome == Outcome.Ok, $"{m.Key}: {m.Outcome} {m.Note}");
            Assert.Equal(m.Planned, m.Done);
        }
        Assert.Equal(Outcome.NotAvailable, results.Single(r => r.Key == "W9").Outcome);
    }

    [Fact]
    public void ShortGroupsRunInRoundsAndKeepEveryWorkloadOnce()
    {
        using var db = new TenonDb();
        var lines = new List<string>();
        var results = new Suite(db, new Sizes(0.001), TimeSpan.FromMinutes(1), lines.Add, rounds: 3).RunAll();

        Assert.Equal(WorkloadCatalog.All.Select(w => w.Key), results.Select(r => r.Key));
        Assert.All(results.Where(r => r.Key != "W9"), m => Assert.Equal(Outcome.Ok, m.Outcome));
        // Every group is far under the repeat threshold at this size: each ran three times.
        Assert.Equal(3, lines.Count(l => l.Contains(" W6 ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.EndsWith("W1, W2a, W2b, W3, W4: round 3 of 3", StringComparison.Ordinal));
    }

    [Fact]
    public void TheBestRoundIsTheFastestPerUnitAndAFailedRoundIsNeverHidden()
    {
        Measurement Run(double seconds, long done = 100, Outcome outcome = Outcome.Ok) =>
            new("W6", "t", "deletes", 100, done, seconds, outcome);
        var slow = Run(2.0);
        var fast = Run(1.0);
        var cappedFaster = Run(0.4, done: 50, outcome: Outcome.Capped);
        var failed = Run(0, done: 0, outcome: Outcome.Failed);

        Assert.Same(fast, Suite.Better(slow, fast));
        Assert.Same(fast, Suite.Better(fast, slow));
        Assert.Same(cappedFaster, Suite.Better(fast, cappedFaster)); // 8 ms per unit against 10
        Assert.Same(failed, Suite.Better(fast, failed));
        Assert.Same(failed, Suite.Better(failed, fast));
        var notAvailable = Run(0, done: 0, outcome: Outcome.NotAvailable);
        Assert.Same(notAvailable, Suite.Better(notAvailable, notAvailable));
    }

    [Fact]
    public void TenonThroughAdoNetPassesEveryCheckAtTinyScale()
    {
        using var db = new TenonAdoDb();
        var results = new Suite(db, new Sizes(0.001), TimeSpan.FromMinutes(1)).RunAll();
        foreach (var m in results.Where(r => r.Key != "W9"))
        {
            Assert.True(m.Outcome == Outcome.Ok, $"{m.Key}: {m.Outcome} {m.Note}");
            Assert.Equal(m.Planned, m.Done);
        }
        Assert.Equal(Outcome.NotAvailable, results.Single(r => r.Key == "W9").Outcome);
        var report = Report.Build([new EngineRun(TenonAdoDb.EngineName, results), new EngineRun("SQLite :memory:", results)], [], "cmd", new Sizes(0.001), TimeSpan.FromMinutes(1));
        Assert.Contains("| Tenon ADO.NET ÷ SQLite :memory: |", report);
    }

    [Fact]
    public void TenonOnAFileRunsEveryWorkloadIncludingDurableCommitsAndTheMemoryCheck()
    {
        var sizes = new Sizes(0.001);
        IReadOnlyList<Measurement> results;
        using (var db = TenonDb.File(Path.Combine(Path.GetTempPath(), "tenon-bench-smoke")))
            results = new Suite(db, sizes, TimeSpan.FromMinutes(1)).RunAll();
        foreach (var m in results)
        {
            Assert.True(m.Outcome == Outcome.Ok, $"{m.Key}: {m.Outcome} {m.Note}");
            Assert.Equal(m.Planned, m.Done);
        }

        var memory = MemoryCheck.Run(1000, _ => { });
        Assert.Null(memory.Note);
        // The heap growth is measured process-wide: here other tests allocate and free at the same
        // time, so only its presence is checked (the benchmark itself runs alone); file sizes are exact.
        Assert.True(memory is { TenonHeapBytes: not null, TenonFileBytes: > 0, SqliteFileBytes: > 0 });

        var report = Report.Build([new EngineRun(TenonDb.FileName, results), new EngineRun("SQLite WAL FULL", results)], [], "cmd", sizes, TimeSpan.FromMinutes(1), memory);
        Assert.Contains("| Tenon file ÷ SQLite WAL FULL |", report);
        Assert.Contains("Room taken by 1,000 child rows", report);
    }
}
