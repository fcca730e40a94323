using Tenon.Execution.Expressions;

namespace Tenon.Execution.Plan;

/// <summary>A set-returning function in FROM (generate_series, unnest): one output row per value.</summary>
public sealed class FunctionScanNode(IReadOnlyList<BoundExpr> args, Func<object?[], ExecContext, IEnumerable<object?>> produce, IReadOnlyList<PlanColumn> columns) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } = columns;
    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var outer = ctx.OuterRows.Count > 0 ? ctx.OuterRows[^1] : Array.Empty<object?>();
        var values = args.Select(a => a.Eval(outer, ctx)).ToArray();
        if (values.Any(v => v is null)) yield break;
        foreach (var v in produce(values, ctx))
        {
            ctx.Session.CheckForInterrupts();
            yield return [v];
        }
    }
}
