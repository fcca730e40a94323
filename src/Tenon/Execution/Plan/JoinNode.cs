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

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var leftWidth = Left.Columns.Count;
        var rightWidth = Right.Columns.Count;
        var rightRows = Right.Execute(ctx).ToList();
        var rightMatched = Kind is JoinKind.Right or JoinKind.Full ? new bool[rightRows.Count] : null;
        Dictionary<object?[], List<int>>? hash = null;
        var session = ctx.Session;
        if (leftKeys is { Count: > 0 } && rightKeys is not null)
        {
            hash = new Dictionary<object?[], List<int>>(new KeyComparer(rightKeys.Select(k => k.Type)));
            for (var i = 0; i < rightRows.Count; i++)
            {
                session.CheckForInterrupts();
                var key = EvalKey(rightKeys, rightRows[i], ctx);
                if (key is null) continue;
                if (!hash.TryGetValue(key, out var list)) hash[key] = list = new List<int>(1);
                list.Add(i);
            }
        }

        foreach (var l in Left.Execute(ctx))
        {
            session.CheckForInterrupts();
            var matched = false;
            if (hash is not null)
            {
                if (EvalKey(leftKeys!, l, ctx) is { } key && hash.TryGetValue(key, out var list))
                    foreach (var i in list)
                    {
                        var combined = Combine(l, rightRows[i], leftWidth, rightWidth);
                        if (Condition is not null && Condition.Eval(combined, ctx) is not true) continue;
                        matched = true;
                        if (rightMatched is not null) rightMatched[i] = true;
                        yield return combined;
                    }
            }
            else
                for (var i = 0; i < rightRows.Count; i++)
                {
                    session.CheckForInterrupts();
                    var combined = Combine(l, rightRows[i], leftWidth, rightWidth);
                    if (Condition is not null && Condition.Eval(combined, ctx) is not true) continue;
                    matched = true;
                    if (rightMatched is not null) rightMatched[i] = true;
                    yield return combined;
                }
            if (!matched && Kind is JoinKind.Left or JoinKind.Full)
                yield return Combine(l, null, leftWidth, rightWidth);
        }

        if (rightMatched is not null)
            for (var i = 0; i < rightRows.Count; i++)
                if (!rightMatched[i])
                    yield return Combine(null, rightRows[i], leftWidth, rightWidth);
    }

    /// <summary>The key of a row, or null when a key value is NULL (it can match nothing).</summary>
    private static object?[]? EvalKey(IReadOnlyList<BoundExpr> keys, object?[] row, ExecContext ctx)
    {
        var key = new object?[keys.Count];
        var hasNull = false;
        for (var k = 0; k < key.Length; k++)
            hasNull |= (key[k] = keys[k].Eval(row, ctx)) is null;
        return hasNull ? null : key;
    }

    internal static object?[] Combine(object?[]? l, object?[]? r, int leftWidth, int rightWidth)
    {
        var row = new object?[leftWidth + rightWidth];
        if (l is not null) Array.Copy(l, row, leftWidth);
        if (r is not null) Array.Copy(r, 0, row, leftWidth, rightWidth);
        return row;
    }
}
