using Tenon.Execution.Explain;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;

namespace Tenon.Execution.Plan;

public sealed partial class AggregateNode
{
    /// <summary>Aggregate without GROUP BY; Tenon groups by hashing, so with keys it is a HashAggregate.</summary>
    internal override Explained Explain(ExplainBuilder b) => Explain(b, b.Build(input), this, groupKeys, aggregates, Columns);

    /// <summary>The HashAggregate (or Aggregate) line of <paramref name="measured"/> over its described input.</summary>
    internal static Explained Explain(ExplainBuilder b, Explained inner, PlanNode measured, IReadOnlyList<BoundExpr> groupKeys,
        IReadOnlyList<AggregateCall> aggregates, IReadOnlyList<PlanColumn> outputColumns)
    {
        var node = new ExplainNode(groupKeys.Count == 0 ? "Aggregate" : "HashAggregate") { Measured = measured };
        node.Children.Add(inner.Node);
        if (groupKeys.Count > 0)
            node.Details.Add(new ExplainDetail("Group Key: " + string.Join(", ", groupKeys.Select(k => b.Expr(k, inner.Columns, b.UpperPrefix, node)))));
        var columns = groupKeys.Select(k => b.Computed(k, inner.Columns, node))
            .Concat(aggregates.Select(a => (ColumnText)(p => "(" + CallText(b, a, inner.Columns, p, node) + ")"))).ToArray();
        var n = inner.Node.Rows;
        var rows = groupKeys.Count == 0 ? 1 : ExplainCosts.Groups(n);
        var startup = inner.Node.TotalCost + n * ExplainCosts.CpuOperatorCost * (groupKeys.Count + aggregates.Count);
        node.SetCosts(startup, startup + rows * ExplainCosts.CpuTupleCost, rows, ExplainBuilder.WidthOf(outputColumns));
        if (b.Verbose)
            node.Output = groupKeys.Select(k => b.Expr(k, inner.Columns, b.OutputPrefix, node))
                .Concat(aggregates.Select(a => CallText(b, a, inner.Columns, b.OutputPrefix, node))).ToList();
        var own = groupKeys.Select(k => (ColumnText)(p => b.Expr(k, inner.Columns, p, node)))
            .Concat(aggregates.Select(a => (ColumnText)(p => CallText(b, a, inner.Columns, p, node)))).ToArray();
        return new Explained(node, columns) { OwnColumns = own };
    }

    /// <summary><c>count(*)</c>, <c>sum(x)</c>, <c>count(DISTINCT x)</c>, <c>string_agg(x, ',' ORDER BY y)</c>, <c>… FILTER (WHERE …)</c>.</summary>
    internal static string CallText(ExplainBuilder b, AggregateCall a, IReadOnlyList<ColumnText> columns, bool prefix, ExplainNode owner)
    {
        var args = a.Args.Count == 0 ? "*" : string.Join(", ", a.Args.Select(x => b.Expr(x, columns, prefix, owner)));
        var order = a.Order.Count == 0 ? "" : " ORDER BY " + string.Join(", ", a.Order.Select(k => SortNode.SortKeyText(b, k, columns, owner)));
        var text = $"{a.Function.Name}({(a.Distinct ? "DISTINCT " : "")}{args}{order})";
        if (a.Filter is not null) text += $" FILTER (WHERE {b.Expr(a.Filter, columns, prefix, owner)})";
        return text;
    }

    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) => new AggregateNode(wrap(input), groupKeys, aggregates, Columns);
}

public sealed partial class JoinAggregateNode
{
    /// <summary>
    /// A HashAggregate over the join: over a hash join, PostgreSQL's shape for hashing the left
    /// side, which is what runs (the right input outer, the left one under Hash); over an index
    /// join, the Nested Loop as it is.
    /// </summary>
    internal override Explained Explain(ExplainBuilder b)
    {
        var inner = Join is JoinNode hash ? hash.Explain(b, hashLeft: true) : b.Build(Join);
        return AggregateNode.Explain(b, inner, this, GroupKeys, Aggregates, Columns);
    }
}

public sealed partial class DistinctNode
{
    /// <summary>DISTINCT ON over sorted input is PostgreSQL's Unique; a plain DISTINCT, done by hashing, a HashAggregate.</summary>
    internal override Explained Explain(ExplainBuilder b)
    {
        var inner = b.Build(input);
        var sorted = inner.Node.Name == "Sort";
        var node = new ExplainNode(sorted ? "Unique" : "HashAggregate") { Measured = this };
        node.Children.Add(inner.Node);
        if (!sorted)
        {
            var keys = onKeys is null
                ? inner.Columns.Take(width).Select(c => c(b.UpperPrefix))
                : onKeys.Select(k => b.Expr(k, inner.Columns, b.UpperPrefix, node));
            node.Details.Add(new ExplainDetail("Group Key: " + string.Join(", ", keys)));
        }
        var n = inner.Node.Rows;
        var rows = ExplainCosts.Groups(n);
        node.SetCosts(sorted ? inner.Node.StartupCost : inner.Node.TotalCost, inner.Node.TotalCost + n * ExplainCosts.CpuOperatorCost * width,
            rows, inner.Node.Width);
        if (b.Verbose) node.Output = inner.Columns.Select(c => c(b.OutputPrefix)).ToList();
        return new Explained(node, inner.Columns);
    }

    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) => new DistinctNode(wrap(input), width, onKeys);
}

public sealed partial class SetOperationNode
{
    /// <summary>
    /// UNION ALL is an Append of its inputs; UNION a HashAggregate over that Append; INTERSECT and
    /// EXCEPT a HashSetOp over an Append of its inputs as subqueries.
    /// </summary>
    internal override Explained Explain(ExplainBuilder b)
    {
        b.Relations += 2;
        var l = b.Build(left);
        var r = b.Build(right);
        var setOp = op != SetOperator.Union;
        var append = new ExplainNode("Append");
        foreach (var (side, number) in new[] { (l, 1), (r, 2) })
        {
            if (!setOp && side.Node.Name == "Append" && side.Node.Measured is null)
                append.Children.AddRange(side.Node.Children);
            else if (setOp)
            {
                var sub = new ExplainNode("Subquery Scan", $" on \"*SELECT* {number}\"") { Measured = side.Node.Measured };
                sub.SetCosts(side.Node.StartupCost, side.Node.TotalCost + side.Node.Rows * ExplainCosts.CpuTupleCost, side.Node.Rows, side.Node.Width);
                sub.Children.Add(side.Node);
                append.Children.Add(sub);
            }
            else append.Children.Add(side.Node);
        }
        var rows = append.Children.Sum(c => c.Rows);
        append.SetCosts(append.Children.Min(c => c.StartupCost), append.Children.Sum(c => c.TotalCost), rows, ExplainBuilder.WidthOf(Columns));
        var columns = ExplainBuilder.RelationColumns("*SELECT* 1", Columns);
        // The output columns are named after the first input's (X.1).
        ColumnText[] named = l.Columns.Take(Columns.Count).ToArray();
        if (op == SetOperator.Union && all)
        {
            append.Measured = this;
            return new Explained(append, named);
        }
        var top = new ExplainNode(setOp ? $"HashSetOp {(op == SetOperator.Intersect ? "Intersect" : "Except")}{(all ? " All" : "")}" : "HashAggregate")
            { Measured = this };
        if (!setOp) top.Details.Add(new ExplainDetail("Group Key: " + string.Join(", ", named.Select(c => c(b.UpperPrefix)))));
        top.Children.Add(append);
        var groups = ExplainCosts.Groups(rows);
        top.SetCosts(append.TotalCost + rows * ExplainCosts.CpuOperatorCost * Columns.Count,
            append.TotalCost + rows * ExplainCosts.CpuOperatorCost * Columns.Count + groups * ExplainCosts.CpuTupleCost, groups, append.Width);
        return new Explained(top, setOp ? columns : named);
    }

    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) => new SetOperationNode(op, all, wrap(left), wrap(right), Columns);
}

public sealed partial class WindowNode
{
    internal override Explained Explain(ExplainBuilder b)
    {
        var inner = b.Build(input);
        var node = new ExplainNode("WindowAgg") { Measured = this };
        // The window's rows are sorted by its PARTITION BY and ORDER BY keys first, as PostgreSQL's Sort below it does.
        var first = calls[0];
        var keys = first.Partition.Select(p => new SortKey(p, false, false)).Concat(first.Order).ToList();
        if (keys.Count > 0)
        {
            var sort = new ExplainNode("Sort") { Measured = inner.Node.Measured };
            sort.Details.Add(new ExplainDetail("Sort Key: " + string.Join(", ", keys.Select(k => SortNode.SortKeyText(b, k, inner.Columns, sort)))));
            var (startup, total) = ExplainCosts.Sort(inner.Node.TotalCost, inner.Node.Rows);
            sort.SetCosts(startup, total, inner.Node.Rows, inner.Node.Width);
            sort.Children.Add(inner.Node);
            node.Children.Add(sort);
        }
        else node.Children.Add(inner.Node);
        var columns = inner.Columns.Concat(calls.Select(c => (ColumnText)(p =>
            $"{c.Name}({string.Join(", ", c.Args.Select(a => b.Expr(a, inner.Columns, p, node)))}) OVER (?)"))).ToArray();
        var n = inner.Node.Rows;
        node.SetCosts(inner.Node.StartupCost, inner.Node.TotalCost + n * ExplainCosts.CpuOperatorCost * calls.Count + n * ExplainCosts.CpuTupleCost,
            n, ExplainBuilder.WidthOf(Columns));
        if (b.Verbose) node.Output = columns.Select(c => c(b.OutputPrefix)).ToList();
        return new Explained(node, columns);
    }

    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) => new WindowNode(wrap(input), calls, Columns);
}

public sealed partial class ProjectSetNode
{
    internal override Explained Explain(ExplainBuilder b)
    {
        var inner = b.Build(input);
        var node = new ExplainNode("ProjectSet") { Measured = this };
        node.Children.Add(inner.Node);
        var columns = inner.Columns.Concat(calls.Select(c => (ColumnText)(p =>
            $"{c.Name}({string.Join(", ", c.Args.Select(a => b.Expr(a, inner.Columns, p, node)))})"))).ToArray();
        var rows = inner.Node.Rows * 10;
        node.SetCosts(inner.Node.StartupCost, inner.Node.TotalCost + rows * ExplainCosts.CpuTupleCost, rows, ExplainBuilder.WidthOf(Columns));
        if (b.Verbose) node.Output = columns.Select(c => c(b.OutputPrefix)).ToList();
        return new Explained(node, columns);
    }

    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) => new ProjectSetNode(wrap(input), calls);
}

public sealed partial class RecursiveUnionNode
{
    internal override Explained Explain(ExplainBuilder b)
    {
        var s = b.Build(seed);
        var r = b.Build(recursive);
        var node = new ExplainNode("Recursive Union") { Measured = this };
        node.Children.Add(s.Node);
        node.Children.Add(r.Node);
        var rows = s.Node.Rows * 10 + r.Node.Rows * 10;
        node.SetCosts(s.Node.StartupCost, s.Node.TotalCost + r.Node.TotalCost * 10, rows, s.Node.Width);
        return new Explained(node, s.Columns);
    }

    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) => new RecursiveUnionNode(wrap(seed), wrap(recursive), workTable, unionAll);
}
