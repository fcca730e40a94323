using Tenon.Types;
using Tenon.Execution.Expressions;

namespace Tenon.Execution.Plan;

/// <summary>
/// DISTINCT (on the first <paramref name="width"/> columns) or DISTINCT ON (key expressions):
/// keeps the first row of each group in input order.
/// </summary>
public sealed partial class DistinctNode(PlanNode input, int width, IReadOnlyList<BoundExpr>? onKeys) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns => input.Columns;

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var comparer = onKeys is null
            ? new KeyComparer(input.Columns.Take(width).Select(c => c.Type))
            : new KeyComparer(onKeys.Select(k => k.Type));
        var seen = new HashSet<object?[]>(comparer);
        foreach (var row in input.Execute(ctx))
        {
            var key = onKeys is null ? row : KeyOf(onKeys, row, ctx);
            if (seen.Add(key)) yield return row;
        }
    }

    // Not a lambda in the loop: one capturing the row would allocate its closure for every row.
    private static object?[] KeyOf(IReadOnlyList<BoundExpr> keys, object?[] row, ExecContext ctx)
    {
        var key = new object?[keys.Count];
        for (var i = 0; i < key.Length; i++) key[i] = keys[i].Eval(row, ctx);
        return key;
    }
}
