using Tenon.Execution.Expressions;

namespace Tenon.Execution.Plan;

/// <summary>
/// A set-returning function in FROM (generate_series, unnest): one output row per value, followed
/// by its 1-based position (bigint) WITH ORDINALITY. With <see cref="ProducesRows"/> each value is
/// itself a row of several columns (json_each's key and value).
/// </summary>
public sealed partial class FunctionScanNode(IReadOnlyList<BoundExpr> args, Func<object?[], ExecContext, IEnumerable<object?>> produce, IReadOnlyList<PlanColumn> columns, bool ordinality = false) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } = columns;
    public bool ProducesRows { get; init; }
    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var outer = ctx.LateralRow ?? Array.Empty<object?>();
        var values = args.Select(a => a.Eval(outer, ctx)).ToArray();
        if (values.Any(v => v is null)) yield break;
        long n = 0;
        foreach (var v in produce(values, ctx))
        {
            ctx.Session.CheckForInterrupts();
            if (ProducesRows) yield return ordinality ? [.. (object?[])v!, ++n] : (object?[])v!;
            else yield return ordinality ? [v, ++n] : [v];
        }
    }
}
