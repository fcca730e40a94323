using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;

namespace Tenon.Execution.Plan;

/// <summary>
/// Nested-loop join of any kind. The output row is the left row's columns followed by the right
/// row's; unmatched sides of outer joins are padded with NULLs. When the join condition is a
/// conjunction of equalities between the two sides (<paramref name="leftKeys"/> =
/// <paramref name="rightKeys"/>), the right side is hashed on those keys instead of rescanned.
/// </summary>
public sealed class JoinNode(JoinKind kind, PlanNode left, PlanNode right, BoundExpr? condition,
    IReadOnlyList<BoundExpr>? leftKeys = null, IReadOnlyList<BoundExpr>? rightKeys = null) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } = left.Columns.Concat(right.Columns).ToArray();

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var leftWidth = left.Columns.Count;
        var rightWidth = right.Columns.Count;
        var rightRows = right.Execute(ctx).ToList();
        var rightMatched = kind is JoinKind.Right or JoinKind.Full ? new bool[rightRows.Count] : null;
        Dictionary<object?[], List<int>>? hash = null;
        RowKeyComparer? keyComparer = null;
        if (leftKeys is { Count: > 0 } && rightKeys is not null)
        {
            keyComparer = new RowKeyComparer(rightKeys.Select(k => k.Type));
            hash = new Dictionary<object?[], List<int>>(keyComparer);
            for (var i = 0; i < rightRows.Count; i++)
            {
                var key = rightKeys.Select(k => k.Eval(rightRows[i], ctx)).ToArray();
                if (key.Any(v => v is null)) continue;
                if (!hash.TryGetValue(key, out var list)) hash[key] = list = new List<int>();
                list.Add(i);
            }
        }

        foreach (var l in left.Execute(ctx))
        {
            var matched = false;
            IEnumerable<int> candidates;
            if (hash is not null)
            {
                var key = leftKeys!.Select(k => k.Eval(l, ctx)).ToArray();
                candidates = !key.Any(v => v is null) && hash.TryGetValue(key, out var list) ? list : Array.Empty<int>();
            }
            else candidates = Enumerable.Range(0, rightRows.Count);

            foreach (var i in candidates)
            {
                var combined = Combine(l, rightRows[i], leftWidth, rightWidth);
                if (condition is not null && condition.Eval(combined, ctx) is not true) continue;
                matched = true;
                if (rightMatched is not null) rightMatched[i] = true;
                yield return combined;
            }
            if (!matched && kind is JoinKind.Left or JoinKind.Full)
                yield return Combine(l, null, leftWidth, rightWidth);
        }

        if (rightMatched is not null)
            for (var i = 0; i < rightRows.Count; i++)
                if (!rightMatched[i])
                    yield return Combine(null, rightRows[i], leftWidth, rightWidth);
    }

    private static object?[] Combine(object?[]? l, object?[]? r, int leftWidth, int rightWidth)
    {
        var row = new object?[leftWidth + rightWidth];
        if (l is not null) Array.Copy(l, row, leftWidth);
        if (r is not null) Array.Copy(r, 0, row, leftWidth, rightWidth);
        return row;
    }
}
