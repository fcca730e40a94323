using System.Diagnostics;
using Tenon.Execution.Plan;

namespace Tenon.Execution.Explain;

/// <summary>What EXPLAIN ANALYZE measured for one plan node over all its executions (loops).</summary>
public sealed class NodeStats
{
    public long Rows;
    public long Loops;
    /// <summary>Sums over loops, in stopwatch ticks: until the first row, and until the node was exhausted.</summary>
    public long StartupTicks;
    public long TotalTicks;
}

/// <summary>
/// Per-node measurements of one EXPLAIN ANALYZE run, keyed by the plan node the binder built.
/// The plan is copied with every node wrapped in an <see cref="InstrumentedNode"/> (each node's
/// <c>Instrumented</c> rebuilds it over wrapped inputs); the copy runs, the original is printed.
/// </summary>
public sealed partial class ExplainStats
{
    private readonly Dictionary<PlanNode, NodeStats> _stats = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PlanNode, PlanNode> _copies = new(ReferenceEqualityComparer.Instance);

    public bool Timing { get; init; } = true;

    public NodeStats? Of(PlanNode node) => _stats.GetValueOrDefault(node);

    /// <summary>Whether the node ran measured; one that did not (a subquery Tenon does not measure) shows no figures.</summary>
    public bool Measures(PlanNode node) => _copies.ContainsKey(node) || _stats.ContainsKey(node);

    /// <summary>The expression with its subqueries running measured copies of their plans.</summary>
    public Expressions.BoundExpr Instrument(Expressions.BoundExpr e) =>
        e.Rewrite(x => x is Expressions.SubqueryExpr s ? s.WithPlan(Instrument(s.Plan)) : null);

    public Expressions.BoundExpr? InstrumentOptional(Expressions.BoundExpr? e) => e is null ? null : Instrument(e);

    internal NodeStats For(PlanNode node)
    {
        if (!_stats.TryGetValue(node, out var s)) _stats[node] = s = new NodeStats();
        return s;
    }

    /// <summary>A measured copy of <paramref name="plan"/>; a node shared by two parents (a CTE) stays shared.</summary>
    public PlanNode Instrument(PlanNode plan)
    {
        if (_copies.TryGetValue(plan, out var copy)) return copy;
        copy = new InstrumentedNode(plan.Instrumented(Instrument, this), plan, this);
        _copies[plan] = copy;
        return copy;
    }

    /// <summary>Counts the rows of one index probe of a nested loop as one loop of the inner index scan.</summary>
    public IEnumerable<object?[]> Probe(IndexScanNode scan, ExecContext ctx, object?[] probeRow) =>
        Measure(For(scan), scan.Probe(ctx, probeRow));

    internal IEnumerable<object?[]> Measure(NodeStats stats, IEnumerable<object?[]> rows)
    {
        stats.Loops++;
        var clock = Timing ? Stopwatch.StartNew() : null;
        clock?.Stop();
        var first = true;
        using var e = rows.GetEnumerator();
        while (true)
        {
            clock?.Start();
            var more = e.MoveNext();
            clock?.Stop();
            if (first && clock is not null) stats.StartupTicks += clock.ElapsedTicks;
            first = false;
            if (!more) break;
            stats.Rows++;
            yield return e.Current;
        }
        if (clock is not null) stats.TotalTicks += clock.ElapsedTicks;
    }
}

/// <summary>Passes a node's rows through, counting them and the time spent producing them.</summary>
public sealed class InstrumentedNode(PlanNode copy, PlanNode original, ExplainStats stats) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns => copy.Columns;
    public override IEnumerable<object?[]> Execute(ExecContext ctx) => stats.Measure(stats.For(original), copy.Execute(ctx));
}
