using Tenon.Execution.Explain;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;

namespace Tenon.Execution.Plan;

public sealed partial class JoinNode
{
    /// <summary>
    /// With equality keys this is PostgreSQL's Hash Join: the right input is hashed (shown under a
    /// Hash node) and probed with each left row; the keys are the Hash Cond (left = right), the
    /// rest of the condition the Join Filter. Without keys it is a Nested Loop.
    /// </summary>
    internal override Explained Explain(ExplainBuilder b) => Explain(b, hashLeft: false);

    /// <param name="hashLeft">
    /// Describe the join as run with the left input hashed and the right one probing it (by
    /// <see cref="JoinAggregateNode"/>): the right input comes first, the left one under Hash,
    /// and the Hash Cond reads right = left. The columns stay the left's then the right's.
    /// </param>
    internal Explained Explain(ExplainBuilder b, bool hashLeft)
    {
        var l = b.Build(Left);
        var r = b.Build(Right);
        var columns = l.Columns.Concat(r.Columns).ToArray();
        var hashed = leftKeys is { Count: > 0 } && rightKeys is not null;
        hashLeft &= hashed;
        var node = new ExplainNode(JoinName(hashed ? "Hash" : "Nested Loop", Kind), "")
            { Measured = this, IsInnerJoin = Kind is JoinKind.Inner or JoinKind.Cross };
        var (outer, inner) = hashLeft ? (r, l) : (l, r);
        node.Children.Add(outer.Node);
        var rest = ExplainBuilder.Conjuncts(Condition);
        double rows;
        var lr = l.Node.Rows;
        var rr = r.Node.Rows;
        if (hashed)
        {
            var pairs = leftKeys!.Select((k, i) => (Left: b.Expr(k, l.Columns, b.UpperPrefix, node), Right: b.Expr(rightKeys![i], r.Columns, b.UpperPrefix, node)))
                .Select(p => hashLeft ? $"({p.Right} = {p.Left})" : $"({p.Left} = {p.Right})").ToList();
            node.Details.Add(new ExplainDetail("Hash Cond: " + (pairs.Count == 1 ? pairs[0] : "(" + string.Join(" AND ", pairs) + ")")));
            rest = rest.Where(c => !(c is BinaryOpExpr { Op: "=" } eq && leftKeys!.Any(k => ReferenceEquals(eq.Left, k) || ReferenceEquals(eq.Right, k)))).ToList();
            var hash = new ExplainNode("Hash") { Measured = inner.Node.Measured };
            hash.SetCosts(inner.Node.TotalCost, inner.Node.TotalCost, inner.Node.Rows, inner.Node.Width);
            hash.Children.Add(inner.Node);
            if (b.Verbose) hash.Output = inner.Node.Output ?? inner.Columns.Select(c => c(b.OutputPrefix)).ToList();
            node.Children.Add(hash);
            rows = Math.Max(Math.Min(lr, rr), 1);
        }
        else
        {
            node.Children.Add(r.Node);
            rows = lr * rr;
        }
        if (rest.Count > 0)
            node.Details.Add(new ExplainDetail("Join Filter: " + b.Qual(rest, columns, b.UpperPrefix, node)));
        rows = ExplainCosts.Filtered(rows, rest);
        if (Kind is JoinKind.Left or JoinKind.Full) rows = Math.Max(rows, lr);
        if (Kind is JoinKind.Right or JoinKind.Full) rows = Math.Max(rows, rr);
        var width = l.Node.Width + r.Node.Width;
        double startup, total;
        if (hashed)
        {
            startup = inner.Node.TotalCost + outer.Node.StartupCost;
            total = startup + (outer.Node.TotalCost - outer.Node.StartupCost) + outer.Node.Rows * ExplainCosts.CpuOperatorCost * leftKeys!.Count
                + rows * ExplainCosts.CpuTupleCost;
        }
        else
        {
            startup = l.Node.StartupCost + r.Node.StartupCost;
            total = l.Node.TotalCost + lr * r.Node.TotalCost + lr * rr * ExplainCosts.CpuOperatorCost * Math.Max(rest.Count, 1)
                + rows * ExplainCosts.CpuTupleCost;
        }
        node.SetCosts(startup, total, rows, width);
        if (b.Verbose) node.Output = columns.Select(c => c(b.OutputPrefix)).ToList();
        return new Explained(node, columns);
    }

    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) =>
        new JoinNode(Kind, wrap(Left), wrap(Right), stats.InstrumentOptional(Condition), leftKeys, rightKeys);
}

public sealed partial class IndexJoinNode
{
    /// <summary>A Nested Loop whose inner side is an index scan probed with values of each outer row.</summary>
    internal override Explained Explain(ExplainBuilder b)
    {
        var l = b.Build(_left);
        var saved = b.ProbeColumns;
        b.ProbeColumns = l.Columns;
        var r = b.Build(_right);
        b.ProbeColumns = saved;
        var columns = l.Columns.Concat(r.Columns).ToArray();
        var node = new ExplainNode(JoinName("Nested Loop", _kind)) { Measured = this, IsInnerJoin = _kind == JoinKind.Inner };
        node.Children.Add(l.Node);
        node.Children.Add(r.Node);
        var seekValues = _right.Seek.Equal;
        var rest = ExplainBuilder.Conjuncts(_condition)
            .Where(c => !(c is BinaryOpExpr { Op: "=" } eq && seekValues.Any(v => ReferenceEquals(eq.Left, v) || ReferenceEquals(eq.Right, v))))
            .ToList();
        if (rest.Count > 0)
            node.Details.Add(new ExplainDetail("Join Filter: " + b.Qual(rest, columns, b.UpperPrefix, node)));
        var lr = l.Node.Rows;
        var rows = ExplainCosts.Filtered(lr * r.Node.Rows, rest);
        if (_kind == JoinKind.Left) rows = Math.Max(rows, lr);
        node.SetCosts(l.Node.StartupCost + r.Node.StartupCost, l.Node.TotalCost + lr * r.Node.TotalCost + rows * ExplainCosts.CpuTupleCost,
            rows, l.Node.Width + r.Node.Width);
        if (b.Verbose) node.Output = columns.Select(c => c(b.OutputPrefix)).ToList();
        return new Explained(node, columns);
    }

    /// <summary>The inner scan stays the same node: its probes are measured through <see cref="ExecContext.Explain"/>.</summary>
    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) => new IndexJoinNode(_kind, wrap(_left), _right, stats.InstrumentOptional(_condition));

    /// <summary>The right table's rows for one left row; counted as one loop of the inner scan under EXPLAIN ANALYZE.</summary>
    internal IEnumerable<object?[]> Probe(ExecContext ctx, object?[] left) =>
        ctx.Explain is { } stats ? stats.Probe(_right, ctx, left) : _right.Probe(ctx, left);
}

public sealed partial class LateralJoinNode
{
    internal override Explained Explain(ExplainBuilder b)
    {
        var l = b.Build(left);
        var r = b.Build(right);
        var columns = l.Columns.Concat(r.Columns).ToArray();
        var node = new ExplainNode(JoinName("Nested Loop", kind)) { Measured = this, IsInnerJoin = kind is JoinKind.Inner or JoinKind.Cross };
        node.Children.Add(l.Node);
        node.Children.Add(r.Node);
        var conjuncts = ExplainBuilder.Conjuncts(condition);
        if (conjuncts.Count > 0)
            node.Details.Add(new ExplainDetail("Join Filter: " + b.Qual(conjuncts, columns, b.UpperPrefix, node)));
        var rows = ExplainCosts.Filtered(l.Node.Rows * r.Node.Rows, conjuncts);
        node.SetCosts(l.Node.StartupCost, l.Node.TotalCost + l.Node.Rows * r.Node.TotalCost, rows, l.Node.Width + r.Node.Width);
        if (b.Verbose) node.Output = columns.Select(c => c(b.OutputPrefix)).ToList();
        return new Explained(node, columns);
    }

    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) =>
        new LateralJoinNode(kind, wrap(left), wrap(right), stats.InstrumentOptional(condition), leftOffset, asOuterRow);
}
