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
            var key = onKeys is null ? row : onKeys.Select(k => k.Eval(row, ctx)).ToArray();
            if (seen.Add(key)) yield return row;
        }
    }
}
