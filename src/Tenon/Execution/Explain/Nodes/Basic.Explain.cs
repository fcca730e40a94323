using Tenon.Execution.Explain;
using Tenon.Execution.Expressions;

namespace Tenon.Execution.Plan;

public sealed partial class FilterNode
{
    /// <summary>
    /// A filter is a condition of the node below it: Filter on a scan (its own columns unqualified
    /// unless VERBOSE), Join Filter on an inner join, Filter on anything else.
    /// </summary>
    internal override Explained Explain(ExplainBuilder b)
    {
        if (Input is PartitionScanNode appended && appended.ExplainFiltered(b, condition, this) is { } pushed) return pushed;
        var inner = b.Build(Input);
        var node = inner.Node;
        var conjuncts = ExplainBuilder.Conjuncts(condition);
        // A condition on a Result without input (SELECT … WHERE without FROM) is evaluated once.
        var label = node.IsInnerJoin ? "Join Filter"
            : node is { Name: "Result", Children.Count: 0 } && !conjuncts.Any(c => c.Descendants().Any(d => d is ColumnExpr { Level: 0 })) ? "One-Time Filter"
            : "Filter";
        var text = b.Qual(conjuncts, inner.OwnColumns ?? inner.Columns, node.IsScan ? b.Verbose : b.UpperPrefix, node);
        var removed = node.Measured is { } below ? new RemovedRows(label, below, this) : null;
        node.Details.Add(new ExplainDetail($"{label}: {text}", removed));
        node.Measured = this;
        var per = conjuncts.Count * ExplainCosts.CpuOperatorCost * node.Rows;
        node.SetCosts(node.StartupCost, node.TotalCost + per, ExplainCosts.Filtered(node.Rows, conjuncts), node.Width);
        return inner;
    }
}

public sealed partial class ProjectNode
{
    /// <summary>A projection is the output list of the node below it (shown by VERBOSE).</summary>
    internal override Explained Explain(ExplainBuilder b)
    {
        var inner = b.Build(input);
        var node = PartitionScanNode.ProjectionAbove(input, inner.Node, Exprs);
        var columns = Exprs.Select(e => b.Computed(e, inner.Columns, node)).ToArray();
        // Rendered once so that subplans in the list are registered with this node even without VERBOSE.
        var output = Exprs.Select(e => b.Expr(e, inner.Columns, b.OutputPrefix, node)).ToList();
        if (b.Verbose && node.Name != "Append") node.Output = output;
        node.Width = ExplainBuilder.WidthOf(Columns);
        return new Explained(node, columns);
    }

    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) => new ProjectNode(wrap(input), Exprs.Select(stats.Instrument).ToArray(), Columns);
}

public sealed partial class FilterNode
{
    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) => new FilterNode(wrap(Input), stats.Instrument(condition));
}

public sealed partial class TrimNode
{
    internal override Explained Explain(ExplainBuilder b)
    {
        var inner = b.Build(input);
        if (b.Verbose && inner.Node.Output is { } output && output.Count > width) inner.Node.Output = output.Take(width).ToList();
        return new Explained(inner.Node, inner.Columns.Take(width).ToArray());
    }

    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) => new TrimNode(wrap(input), width);
}

public sealed partial class RenameNode
{
    internal override Explained Explain(ExplainBuilder b) => b.Build(input);
    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) => new RenameNode(wrap(input), Columns);
}

public sealed partial class MaterializeNode
{
    internal override Explained Explain(ExplainBuilder b) => b.Build(input);
    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) => new MaterializeNode(wrap(input));
}

public sealed partial class LimitNode
{
    internal override Explained Explain(ExplainBuilder b)
    {
        var inner = b.Build(input);
        var node = new ExplainNode("Limit") { Measured = this };
        node.Children.Add(inner.Node);
        var rows = inner.Node.Rows;
        if (offset is ConstExpr { Value: long or int } o) rows = Math.Max(rows - Convert.ToDouble(o.Value), 0);
        if (limit is ConstExpr { Value: long or int } l) rows = Math.Min(rows, Convert.ToDouble(l.Value));
        else if (limit is not null) rows = Math.Max(1, Math.Round(rows / 10));
        var fraction = inner.Node.Rows > 0 ? rows / inner.Node.Rows : 0;
        var start = inner.Node.StartupCost;
        node.SetCosts(start, start + (inner.Node.TotalCost - start) * fraction, rows, inner.Node.Width);
        if (b.Verbose) node.Output = inner.Columns.Select(c => c(b.OutputPrefix)).ToList();
        // Expressions in LIMIT/OFFSET may hold subqueries: give them their InitPlans here.
        if (limit is not null) b.Expr(limit, [], b.UpperPrefix, node);
        if (offset is not null) b.Expr(offset, [], b.UpperPrefix, node);
        return new Explained(node, inner.Columns);
    }

    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) => new LimitNode(wrap(input), stats.InstrumentOptional(limit), stats.InstrumentOptional(offset));
}

public sealed partial class SortNode
{
    internal override Explained Explain(ExplainBuilder b)
    {
        var inner = b.Build(input);
        var node = new ExplainNode("Sort") { Measured = this };
        node.Children.Add(inner.Node);
        node.Details.Add(new ExplainDetail("Sort Key: " + string.Join(", ", keys.Select(k => SortKeyText(b, k, inner.Columns, node)))));
        var (startup, total) = ExplainCosts.Sort(inner.Node.TotalCost, inner.Node.Rows);
        node.SetCosts(startup, total, inner.Node.Rows, inner.Node.Width);
        if (b.Verbose) node.Output = inner.Columns.Select(c => c(b.OutputPrefix)).ToList();
        return new Explained(node, inner.Columns);
    }

    /// <summary>A key as PostgreSQL prints it: DESC, and NULLS FIRST/LAST only where not the default for the direction.</summary>
    internal static string SortKeyText(ExplainBuilder b, SortKey k, IReadOnlyList<ColumnText> columns, ExplainNode owner)
    {
        var text = b.Expr(k.Expr, columns, b.UpperPrefix, owner);
        if (k.Descending) text += " DESC";
        if (k.NullsFirst != k.Descending) text += k.NullsFirst ? " NULLS FIRST" : " NULLS LAST";
        return text;
    }

    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) => new SortNode(wrap(input), keys);
}
