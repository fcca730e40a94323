using System.Globalization;
using System.Text;
using Tenon.Bench.Workloads;

namespace Tenon.Bench;

/// <summary>The results of one engine, or why it was not measured.</summary>
public sealed record EngineRun(string Name, IReadOnlyList<Measurement>? Results, string? SkippedBecause = null);

/// <summary>Formats a run as markdown: the machine, the command, the table of times and ratios, the notes.</summary>
public static class Report
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The ratio columns: each engine over the one it should be compared with (in process with in process, durable with durable, wire with wire).</summary>
    private static readonly (string Tenon, string Other)[] RatioPairs =
    [
        ("Tenon", "SQLite :memory:"),
        (Engines.TenonAdoDb.EngineName, "SQLite :memory:"),
        (Engines.TenonDb.FileName, "SQLite WAL FULL"),
        (Engines.TenonServerHook.Name, "PostgreSQL 15"),
    ];

    public static string Build(IReadOnlyList<EngineRun> runs, IEnumerable<(string, string)> machine, string command, Sizes sizes, TimeSpan budget,
        MemoryResult? memory = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine("### Machine and software").AppendLine();
        foreach (var (k, v) in machine) sb.AppendLine($"- {k}: {v}");
        sb.AppendLine().AppendLine($"Command: `{command}`").AppendLine();
        sb.AppendLine($"Scale {sizes.Scale.ToString(Inv)}; time budget per timed phase {budget.TotalSeconds.ToString(Inv)} s.").AppendLine();

        var measured = runs.Where(r => r.Results is not null).ToList();
        var ratioColumns = RatioPairs
            .Select(p => (Tenon: measured.FirstOrDefault(r => r.Name == p.Tenon), Other: measured.FirstOrDefault(r => r.Name == p.Other)))
            .Where(p => p.Tenon is not null && p.Other is not null)
            .Select(p => (Tenon: p.Tenon!, Other: p.Other!))
            .ToList();

        sb.AppendLine("### Results").AppendLine();
        sb.AppendLine("Each cell: time of the timed phase and units per second. Ratios divide Tenon's time per unit by the other " +
                      "engine's (above 1: Tenon is slower): in process with SQLite :memory:, Tenon's durable file with SQLite's " +
                      "(W9 is the durable-commit comparison), Tenon's server with PostgreSQL (both over loopback through Npgsql). " +
                      "A capped phase stopped at the time budget; it is compared by its rate.").AppendLine();
        sb.Append("| workload | size |");
        foreach (var r in measured) sb.Append($" {r.Name} |");
        foreach (var (t, o) in ratioColumns) sb.Append($" {t.Name} ÷ {o.Name} |");
        sb.AppendLine();
        sb.Append("|---|---:|").Append(string.Concat(Enumerable.Repeat("---:|", measured.Count + ratioColumns.Count))).AppendLine();
        foreach (var (key, title, unit) in WorkloadCatalog.All)
        {
            var planned = measured.Select(r => Find(r, key)).FirstOrDefault(m => m is not null && m.Planned > 0)?.Planned;
            sb.Append($"| {key} {title} | {(planned is long p ? p.ToString("N0", Inv) + " " + unit : "")} |");
            foreach (var r in measured) sb.Append($" {Cell(Find(r, key))} |");
            foreach (var (t, o) in ratioColumns) sb.Append($" {Ratio(Find(t, key), Find(o, key))} |");
            sb.AppendLine();
        }
        sb.AppendLine();

        var notes = new List<string>();
        foreach (var (key, _, _) in WorkloadCatalog.All)
        {
            var described = measured.Select(r => Find(r, key)).FirstOrDefault(m => m is { Outcome: Outcome.Ok or Outcome.Capped, Note: not null });
            if (described is not null) notes.Add($"{key}: {described.Note}");
        }
        foreach (var r in measured)
            foreach (var m in r.Results!)
            {
                if (m.Outcome == Outcome.Capped)
                    notes.Add($"{r.Name} {m.Key}: capped by the {budget.TotalSeconds.ToString(Inv)} s budget after {m.Done.ToString("N0", Inv)} of {m.Planned.ToString("N0", Inv)} {m.Unit} (checks passed for those).");
                else if (m.Outcome is Outcome.Failed or Outcome.NotAvailable)
                    notes.Add($"{r.Name} {m.Key}: {(m.Outcome == Outcome.Failed ? "FAILED" : "not available")}: {m.Note}");
            }
        foreach (var r in runs.Where(r => r.Results is null)) notes.Add($"{r.Name}: not measured: {r.SkippedBecause}");
        if (notes.Count > 0)
        {
            sb.AppendLine("Notes:").AppendLine();
            foreach (var n in notes) sb.AppendLine("- " + n);
        }
        if (memory is not null) sb.AppendLine().Append(MemoryTable(memory));
        return sb.ToString();
    }

    /// <summary>The memory measurement (<see cref="MemoryCheck"/>) as a small table.</summary>
    public static string MemoryTable(MemoryResult m)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"### Room taken by {m.Rows.ToString("N0", Inv)} child rows (bigint key, bigint FK, short text)").AppendLine();
        if (m.Note is not null)
        {
            sb.AppendLine($"Not measured: {m.Note}");
            return sb.ToString();
        }
        sb.AppendLine("| what | bytes | per row | ÷ SQLite file |");
        sb.AppendLine("|---|---:|---:|---:|");
        void Row(string what, long? bytes)
        {
            if (bytes is not long b) return;
            var ratio = m.SqliteFileBytes is long s && s > 0 ? ((double)b / s).ToString("0.00", Inv) + "×" : "–";
            sb.AppendLine($"| {what} | {b.ToString("N0", Inv)} | {((double)b / m.Rows).ToString("0.0", Inv)} | {ratio} |");
        }
        Row("Tenon in memory: managed heap growth after a full GC (rows + primary-key index)", m.TenonHeapBytes);
        Row("Tenon file after a checkpoint (snapshot; indexes are not stored)", m.TenonFileBytes);
        Row("SQLite file (WAL mode) after a truncating checkpoint (table + primary key)", m.SqliteFileBytes);
        return sb.ToString();
    }

    private static Measurement? Find(EngineRun run, string key) => run.Results?.FirstOrDefault(m => m.Key == key);

    private static string Cell(Measurement? m) => m switch
    {
        null => "",
        { Outcome: Outcome.NotAvailable } => "n/a",
        { Outcome: Outcome.Failed } => "FAILED",
        { Done: 0 } => "none done",
        { Outcome: Outcome.Capped } => $"capped: {Rate(m.UnitsPerSecond)}/s ({m.Done.ToString("N0", Inv)} in {Seconds(m.Seconds)})",
        _ => $"{Seconds(m.Seconds)} · {Rate(m.UnitsPerSecond)}/s",
    };

    private static string Ratio(Measurement? tenon, Measurement? other)
    {
        if (tenon is null || other is null || !tenon.HasTiming || !other.HasTiming) return "–";
        var ratio = tenon.SecondsPerUnit / other.SecondsPerUnit;
        return ratio >= 10 ? $"{ratio.ToString("N0", Inv)}×" : $"{ratio.ToString("0.00", Inv)}×";
    }

    private static string Seconds(double s) => s >= 10 ? $"{s.ToString("0.0", Inv)} s" : s >= 0.1 ? $"{s.ToString("0.00", Inv)} s" : $"{(s * 1000).ToString("0.0", Inv)} ms";

    private static string Rate(double perSecond) => perSecond switch
    {
        double.PositiveInfinity => "∞",
        >= 1e6 => $"{(perSecond / 1e6).ToString("0.00", Inv)}M",
        >= 1e4 => $"{(perSecond / 1e3).ToString("0", Inv)}k",
        >= 1e3 => $"{(perSecond / 1e3).ToString("0.0", Inv)}k",
        >= 10 => perSecond.ToString("0", Inv),
        _ => perSecond.ToString("0.0", Inv),
    };
}
