using Tenon.Execution.Expressions;
using Tenon.Types;

namespace Tenon.Execution.Plan;

public sealed record SortKey(BoundExpr Expr, bool Descending, bool NullsFirst);

/// <summary>ORDER BY: a stable sort on key expressions evaluated once per row.</summary>
public sealed partial class SortNode(PlanNode input, IReadOnlyList<SortKey> keys) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns => input.Columns;

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var rows = new List<(object?[] Row, object?[] Keys)>();
        var session = ctx.Session;
        foreach (var row in input.Execute(ctx))
            rows.Add((row, keys.Select(k => k.Expr.Eval(row, ctx)).ToArray()));
        var types = keys.Select(k => k.Expr.Type.Id).ToArray();
        var ordered = rows.OrderBy(r => r.Keys, Comparer<object?[]>.Create((a, b) =>
        {
            session.CheckForInterrupts();
            for (var i = 0; i < types.Length; i++)
            {
                var x = a[i];
                var y = b[i];
                int c;
                if (x is null || y is null)
                {
                    if (x is null && y is null) continue;
                    c = (x is null) == keys[i].NullsFirst ? -1 : 1;
                    return c;
                }
                c = ValueComparer.Compare(x, y, types[i]);
                if (c != 0) return keys[i].Descending ? -c : c;
            }
            return 0;
        }));
        foreach (var r in ordered) yield return r.Row;
    }
}
