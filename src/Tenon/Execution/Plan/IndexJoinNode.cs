using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;

namespace Tenon.Execution.Plan;

/// <summary>
/// Index nested-loop join (inner or left): for each left row, the right table's index is probed
/// with values computed from that row (<see cref="IndexScanNode.Probe"/>), and the full join
/// condition is checked on each combined row. Output order matches <see cref="JoinNode"/>'s:
/// left rows in order, each followed by its matches in row id order.
/// </summary>
public sealed partial class IndexJoinNode : PlanNode
{
    private readonly JoinKind _kind;
    private readonly PlanNode _left;
    private readonly IndexScanNode _right;
    private readonly BoundExpr? _condition;

    /// <summary>The condition without the equalities the index seek has decided (null when none is left).</summary>
    private readonly BoundExpr? _residual;

    /// <param name="decided">
    /// Conjuncts of <paramref name="condition"/> that every row the seek returns satisfies (an
    /// equality of integers between a seek value and its key column): not checked again.
    /// </param>
    public IndexJoinNode(JoinKind kind, PlanNode left, IndexScanNode right, BoundExpr? condition, IReadOnlyList<BoundExpr>? decided = null)
    {
        if (kind is not (JoinKind.Inner or JoinKind.Left))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "an index join keeps no state for unmatched right rows");
        _kind = kind;
        _left = left;
        _right = right;
        _condition = condition;
        Columns = left.Columns.Concat(right.Columns).ToArray();
        _residual = condition;
        if (condition is not null && decided is { Count: > 0 })
        {
            var conjuncts = condition is LogicalExpr { IsAnd: true } and ? and.Operands : [condition];
            var rest = conjuncts.Where(c => !decided.Contains(c)).ToList();
            _residual = rest.Count == conjuncts.Count ? condition : rest.Count == 0 ? null : rest.Count == 1 ? rest[0] : new LogicalExpr(true, rest);
        }
    }

    public JoinKind Kind => _kind;
    public PlanNode Left => _left;
    public IndexScanNode Right => _right;
    /// <summary>What a probed pair must still satisfy beyond what the seek decided; null when nothing.</summary>
    internal BoundExpr? ResidualCondition => _residual;
    internal BoundExpr? Condition => _condition;

    public override IReadOnlyList<PlanColumn> Columns { get; }

    public override IEnumerable<object?[]> Execute(ExecContext ctx) => Run(ctx, transient: false);

    internal override IEnumerable<object?[]> ExecuteTransient(ExecContext ctx) => Run(ctx, transient: true);

    private IEnumerable<object?[]> Run(ExecContext ctx, bool transient)
    {
        ctx.Session.PlanCounters.IndexJoins++;
        var leftWidth = _left.Columns.Count;
        var rightWidth = _right.Columns.Count;
        var buffer = transient ? new object?[leftWidth + rightWidth] : null;
        foreach (var l in _left.Execute(ctx))
        {
            ctx.Session.CheckForInterrupts();
            var matched = false;
            foreach (var r in Probe(ctx, l))
            {
                ctx.Session.CheckForInterrupts();
                var combined = JoinNode.Combine(l, r, leftWidth, rightWidth, buffer);
                if (_residual is not null && _residual.Eval(combined, ctx) is not true) continue;
                matched = true;
                yield return combined;
            }
            if (!matched && _kind == JoinKind.Left)
                yield return JoinNode.Combine(l, null, leftWidth, rightWidth, buffer);
        }
    }
}
