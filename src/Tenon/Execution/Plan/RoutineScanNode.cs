using Tenon.Catalog;
using Tenon.Execution.Expressions;
using Tenon.Execution.Routines;

namespace Tenon.Execution.Plan;

/// <summary>A user-defined function in FROM: its result rows (followed by a bigint ordinal WITH ORDINALITY).</summary>
public sealed class RoutineScanNode(RoutineDef routine, IReadOnlyList<BoundExpr> args, IReadOnlyList<PlanColumn> columns, bool ordinality) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } = columns;

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var outer = ctx.LateralRow ?? Array.Empty<object?>();
        var values = args.Select(a => a.Eval(outer, ctx)).ToArray();
        var width = RoutineRuntime.Width(routine);
        List<object?[]> rows;
        if (routine.Strict && values.Any(v => v is null)) rows = routine.ReturnsSet ? [] : [new object?[width]];
        else rows = RoutineRuntime.Run(routine, values, ctx);
        if (!routine.ReturnsSet && rows.Count == 0) rows = [new object?[width]];
        long n = 0;
        foreach (var r in rows)
        {
            ctx.Session.CheckForInterrupts();
            if (!ordinality) yield return r;
            else
            {
                var o = new object?[r.Length + 1];
                Array.Copy(r, o, r.Length);
                o[^1] = ++n;
                yield return o;
            }
        }
    }
}
