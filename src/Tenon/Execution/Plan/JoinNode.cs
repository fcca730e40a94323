using Tenon.Types;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;

namespace Tenon.Execution.Plan;

/// <summary>
/// Nested-loop join of any kind. The output row is the left row's columns followed by the right
/// row's; unmatched sides of outer joins are padded with NULLs. When the join condition is a
/// conjunction of equalities between the two sides (<paramref name="leftKeys"/> =
/// <paramref name="rightKeys"/>), the right side is hashed on those keys instead of rescanned.
/// Either way the output order is: left rows in order, each followed by its matches in right order.
/// </summary>
public sealed partial class JoinNode(JoinKind kind, PlanNode left, PlanNode right, BoundExpr? condition,
    IReadOnlyList<BoundExpr>? leftKeys = null, IReadOnlyList<BoundExpr>? rightKeys = null) : PlanNode
{
    public JoinKind Kind { get; } = kind;
    public PlanNode Left { get; } = left;
    public PlanNode Right { get; } = right;
    /// <summary>The join condition over the combined row (left columns first), or null for none.</summary>
    public BoundExpr? Condition { get; } = condition;

    public override IReadOnlyList<PlanColumn> Columns { get; } = left.Columns.Concat(right.Columns).ToArray();

    /// <summary>
    /// What a hashed pair of rows must still satisfy: the condition without the key equalities
    /// the hash has already decided (built-in <c>=</c> of one type, which is the hash's own
    /// equality); null when nothing is left. The same split EXPLAIN shows as Hash Cond and Join Filter.
    /// </summary>
    private readonly BoundExpr? _residual = Residual(condition, leftKeys);

    /// <summary>The equality keys over the left row, or null when the join does not hash.</summary>
    internal IReadOnlyList<BoundExpr>? LeftKeys => leftKeys;
    /// <summary>The equality keys over the right row alone, matching <see cref="LeftKeys"/>.</summary>
    internal IReadOnlyList<BoundExpr>? RightKeys => rightKeys;
    /// <summary>What a hashed pair must still satisfy beyond equal keys; null when nothing.</summary>
    internal BoundExpr? ResidualCondition => _residual;

    private static BoundExpr? Residual(BoundExpr? condition, IReadOnlyList<BoundExpr>? leftKeys)
    {
        if (condition is null || leftKeys is not { Count: > 0 }) return condition;
        var conjuncts = condition is LogicalExpr { IsAnd: true } and ? and.Operands : [condition];
        var rest = conjuncts.Where(c => !(c is BinaryOpExpr { Op: "=", Impl.IsValueEquality: true } eq
            && eq.Left.Type.Id == eq.Impl.LeftType.Id && eq.Right.Type.Id == eq.Impl.LeftType.Id
            && leftKeys.Any(k => ReferenceEquals(eq.Left, k) || ReferenceEquals(eq.Right, k)))).ToList();
        return rest.Count == conjuncts.Count ? condition : rest.Count == 0 ? null : rest.Count == 1 ? rest[0] : new LogicalExpr(true, rest);
    }

    public override IEnumerable<object?[]> Execute(ExecContext ctx) => Run(ctx, transient: false);

    internal override IEnumerable<object?[]> ExecuteTransient(ExecContext ctx) => Run(ctx, transient: true);

    private IEnumerable<object?[]> Run(ExecContext ctx, bool transient)
    {
        var leftWidth = Left.Columns.Count;
        var rightWidth = Right.Columns.Count;
        var rightRows = Right.Execute(ctx).ToList();
        var rightMatched = Kind is JoinKind.Right or JoinKind.Full ? new bool[rightRows.Count] : null;
        var hash = leftKeys is { Count: > 0 } && rightKeys is not null ? new JoinHashTable(leftKeys, rightKeys, rightRows, ctx) : null;
        var session = ctx.Session;
        var buffer = transient ? new object?[leftWidth + rightWidth] : null;

        foreach (var l in Left.Execute(ctx))
        {
            session.CheckForInterrupts();
            var matched = false;
            if (hash is not null)
            {
                for (var i = hash.First(l, ctx); i >= 0; i = hash.Next(i))
                {
                    var combined = Combine(l, rightRows[i], leftWidth, rightWidth, buffer);
                    if (_residual is not null && _residual.Eval(combined, ctx) is not true) continue;
                    matched = true;
                    if (rightMatched is not null) rightMatched[i] = true;
                    yield return combined;
                }
            }
            else
                for (var i = 0; i < rightRows.Count; i++)
                {
                    session.CheckForInterrupts();
                    var combined = Combine(l, rightRows[i], leftWidth, rightWidth, buffer);
                    if (Condition is not null && Condition.Eval(combined, ctx) is not true) continue;
                    matched = true;
                    if (rightMatched is not null) rightMatched[i] = true;
                    yield return combined;
                }
            if (!matched && Kind is JoinKind.Left or JoinKind.Full)
                yield return Combine(l, null, leftWidth, rightWidth, buffer);
        }

        if (rightMatched is not null)
            for (var i = 0; i < rightRows.Count; i++)
                if (!rightMatched[i])
                    yield return Combine(null, rightRows[i], leftWidth, rightWidth, buffer);
    }

    /// <summary>The left row's columns then the right row's (NULLs for a missing side), in <paramref name="into"/> when given.</summary>
    internal static object?[] Combine(object?[]? l, object?[]? r, int leftWidth, int rightWidth, object?[]? into = null)
    {
        var row = into ?? new object?[leftWidth + rightWidth];
        if (l is not null) Array.Copy(l, row, leftWidth);
        else if (into is not null) Array.Clear(row, 0, leftWidth);
        if (r is not null) Array.Copy(r, 0, row, leftWidth, rightWidth);
        else if (into is not null) Array.Clear(row, leftWidth, rightWidth);
        return row;
    }
}
