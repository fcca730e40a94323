using Tenon.Execution.Expressions;
using Tenon.Types;

namespace Tenon.Execution.Plan;

/// <summary>
/// unnest(array) in FROM: one row per element in storage order (all dimensions flattened), NULL
/// elements included; a NULL array gives no rows. WITH ORDINALITY adds the 1-based row number.
/// </summary>
public sealed partial class UnnestScanNode(BoundExpr array, bool ordinality, IReadOnlyList<PlanColumn> columns) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } = columns;

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var outer = ctx.LateralRow ?? Array.Empty<object?>();
        if (array.Eval(outer, ctx) is not PgArray a) yield break;
        for (var i = 0; i < a.Items.Length; i++)
            yield return ordinality ? [a.Items[i], (long)(i + 1)] : [a.Items[i]];
    }
}
