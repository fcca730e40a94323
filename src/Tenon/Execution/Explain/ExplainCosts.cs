using Tenon.Execution.Expressions;

namespace Tenon.Execution.Explain;

/// <summary>
/// EXPLAIN's cost estimates, in PostgreSQL's units and with its default parameters
/// (seq_page_cost 1, random_page_cost 4, cpu_tuple_cost 0.01, cpu_index_tuple_cost 0.005,
/// cpu_operator_cost 0.0025). Tenon plans by rules, not costs (Binder.Access.cs), so these numbers
/// only describe a plan; they are deliberately simple:
///
///   C.1  A table's row count is the real one (no statistics); its pages are its rows times
///        (width + 28 bytes of tuple header and line pointer) over 8 kB.
///   C.2  A condition keeps 0.5% of the rows for an equality, a third for a range comparison,
///        half for anything else (PostgreSQL's defaults without statistics); at least one row.
///   C.3  Seq Scan: pages × seq_page_cost + rows × (cpu_tuple_cost + conditions × cpu_operator_cost).
///        Index Scan: startup one comparison per tree level; then per matched row a random page,
///        an index tuple and a heap tuple.
///   C.4  Sort: startup = input + 2 × cpu_operator_cost × N × log2 N; run = cpu_operator_cost × N.
///        Hash: the inner input's total, all at startup. Joins add cpu_tuple_cost per output row
///        and cpu_operator_cost per condition checked. Grouping: min(N, 200) groups (PostgreSQL's
///        default without statistics). Function scans: 1000 rows.
/// </summary>
public static class ExplainCosts
{
    public const double SeqPageCost = 1.0;
    public const double RandomPageCost = 4.0;
    public const double CpuTupleCost = 0.01;
    public const double CpuIndexTupleCost = 0.005;
    public const double CpuOperatorCost = 0.0025;

    public static double Pages(double rows, int width) => rows <= 0 ? 0 : Math.Ceiling(rows * (width + 28) / 8192.0);

    // C.2
    public static double Selectivity(BoundExpr conjunct) => conjunct switch
    {
        BinaryOpExpr { Op: "=" } => 0.005,
        BinaryOpExpr { Op: "<" or "<=" or ">" or ">=" } => 1.0 / 3,
        IsNullExpr { Negated: false } => 0.005,
        _ => 0.5,
    };

    public static double Filtered(double rows, IEnumerable<BoundExpr> conjuncts)
    {
        var result = rows;
        foreach (var c in conjuncts) result *= Selectivity(c);
        return Clamp(result);
    }

    /// <summary>An estimate is a whole number of rows, at least one.</summary>
    public static double Clamp(double rows) => Math.Max(1, Math.Round(rows));

    // C.3
    public static (double Startup, double Total) SeqScan(double rows, int width, int conditions) =>
        (0, Pages(rows, width) * SeqPageCost + rows * (CpuTupleCost + conditions * CpuOperatorCost));

    public static (double Startup, double Total) IndexScan(double tableRows, double matched, int conditions)
    {
        var startup = CpuOperatorCost * Math.Ceiling(Math.Log2(tableRows + 2)) + CpuOperatorCost;
        return (startup, startup + matched * (RandomPageCost + CpuIndexTupleCost + CpuTupleCost + conditions * CpuOperatorCost));
    }

    // C.4
    public static (double Startup, double Total) Sort(double inputTotal, double rows)
    {
        var n = Math.Max(rows, 2);
        var startup = inputTotal + 2 * CpuOperatorCost * n * Math.Log2(n);
        return (startup, startup + CpuOperatorCost * rows);
    }

    public static double Groups(double rows) => Math.Min(Clamp(rows), 200);
}
