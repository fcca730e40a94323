using System.Globalization;
using System.Text;
using Tenon.Bench.Engines;
using Tenon.Bench.Workloads;

namespace Tenon.Bench;

/// <summary>
/// <c>--scale-check</c>: W1..W8 on Tenon (in memory) at scale s and at 10·s, and how the cost per
/// row grows. A workload whose unit covers a fixed number of rows (an insert, a lookup, a delete
/// through an index) should cost about the same per unit at both sizes (B+tree depth adds a little);
/// W8's queries cover more rows as the tables grow, so their time per unit is divided by the rows
/// they join; W5b's deletes scan unindexed child tables, so its per-row cost rises 10× by design.
/// </summary>
public static class ScaleCheck
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static (string Report, bool Failed) Run(double scale, TimeSpan budget, bool warmup, Action<string> log)
    {
        var small = new Sizes(scale);
        var large = new Sizes(scale * 10);
        if (warmup)
        {
            // Without it the first, smaller run would also pay for the JIT and look slower per row.
            log("[scale-check] warm-up...");
            WarmUp.Run(() => new TenonDb());
        }
        log($"[scale-check] Tenon at scale {scale.ToString(Inv)}...");
        IReadOnlyList<Measurement> a, b;
        using (var db = new TenonDb()) a = new Suite(db, small, budget, log).RunAll();
        GC.Collect();
        log($"[scale-check] Tenon at scale {(scale * 10).ToString(Inv)}...");
        using (var db = new TenonDb()) b = new Suite(db, large, budget, log).RunAll();

        var sb = new StringBuilder();
        sb.AppendLine($"### Scaling: Tenon at scale {scale.ToString(Inv)} and {(scale * 10).ToString(Inv)}").AppendLine();
        sb.AppendLine("Cost per row: time per unit divided by the rows one unit covers (1 for inserts, lookups and updates; " +
                      "the joined child rows for W8). Growth = cost per row at 10·s ÷ at s; \"expected\" is what a constant " +
                      "per-row cost gives for that workload.").AppendLine();
        sb.AppendLine("| workload | size at s | size at 10·s | per row at s | per row at 10·s | growth | expected |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        var failed = false;
        foreach (var (key, title, unit) in WorkloadCatalog.All)
        {
            if (key == "W9") continue;
            var x = a.FirstOrDefault(m => m.Key == key);
            var y = b.FirstOrDefault(m => m.Key == key);
            if (x?.Outcome == Outcome.Failed || y?.Outcome == Outcome.Failed) failed = true;
            var rowsA = RowsPerUnit(key, small);
            var rowsB = RowsPerUnit(key, large);
            string PerRow(Measurement? m, double rows) =>
                m is null ? "" : m.Outcome == Outcome.Failed ? "FAILED" : !m.HasTiming ? "–" : Micro(m.SecondsPerUnit / rows) + (m.Outcome == Outcome.Capped ? " (capped)" : "");
            var growth = x is { HasTiming: true } && y is { HasTiming: true }
                ? (y.SecondsPerUnit / rowsB / (x.SecondsPerUnit / rowsA)).ToString("0.00", Inv) + "×" : "–";
            sb.AppendLine($"| {key} {title} | {Size(x)} {unit} | {Size(y)} {unit} | {PerRow(x, rowsA)} | {PerRow(y, rowsB)} | {growth} | {Expected(key)} |");
        }
        sb.AppendLine();
        var notes = a.Concat(b).Where(m => m.Outcome == Outcome.Failed).Select(m => $"- {m.Key} FAILED: {m.Note}").ToList();
        if (notes.Count > 0) sb.AppendLine("Notes:").AppendLine().AppendLine(string.Join('\n', notes));
        return (sb.ToString(), failed);
    }

    /// <summary>Rows one unit of the workload covers (what its cost is divided by).</summary>
    private static double RowsPerUnit(string key, Sizes s) => key switch
    {
        // Each query of W8a joins the children of RangeWidth parents; W8b all of them.
        "W8a" => (double)s.JoinChildren / s.JoinParents * s.RangeWidth,
        "W8b" => s.JoinChildren,
        _ => 1,
    };

    private static string Expected(string key) => key switch
    {
        "W5b" => "10× (each delete scans the unindexed children)",
        _ => "1×",
    };

    private static string Size(Measurement? m) => m is null ? "" : m.Planned.ToString("N0", Inv);

    private static string Micro(double seconds) => seconds * 1e6 >= 100
        ? $"{(seconds * 1e3).ToString("0.00", Inv)} ms"
        : $"{(seconds * 1e6).ToString("0.00", Inv)} µs";
}
