using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;

namespace Tenon.Execution.Plan;

/// <summary>
/// A join whose right side reads the current left row (a function in FROM whose arguments name
/// earlier FROM items, or a LATERAL subquery): the right side runs once per left row. The left row
/// is handed over laid out at its place in the whole FROM row (<paramref name="leftOffset"/>):
/// to a function scan as <see cref="ExecContext.LateralRow"/> (its arguments were bound at the FROM
/// level), to a subquery as an outer row (it was bound one level down). INNER, CROSS and LEFT only,
/// as PostgreSQL allows.
/// </summary>
public sealed partial class LateralJoinNode(JoinKind kind, PlanNode left, PlanNode right, BoundExpr? condition, int leftOffset, bool asOuterRow) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } = left.Columns.Concat(right.Columns).ToArray();

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var leftWidth = left.Columns.Count;
        var rightWidth = right.Columns.Count;
        foreach (var l in left.Execute(ctx))
        {
            // Items before this join's left side come from an enclosing lateral join's FROM row.
            var saved = ctx.LateralRow;
            var fromRow = new object?[leftOffset + leftWidth];
            if (saved is not null) Array.Copy(saved, fromRow, Math.Min(saved.Length, leftOffset));
            Array.Copy(l, 0, fromRow, leftOffset, leftWidth);
            List<object?[]> rightRows;
            ctx.LateralRow = fromRow;
            if (asOuterRow) ctx.OuterRows.Add(fromRow);
            try { rightRows = right.Execute(ctx).ToList(); }
            finally
            {
                if (asOuterRow) ctx.OuterRows.RemoveAt(ctx.OuterRows.Count - 1);
                ctx.LateralRow = saved;
            }
            var matched = false;
            foreach (var r in rightRows)
            {
                var combined = new object?[leftWidth + rightWidth];
                Array.Copy(l, combined, leftWidth);
                Array.Copy(r, 0, combined, leftWidth, rightWidth);
                if (condition is not null && condition.Eval(combined, ctx) is not true) continue;
                matched = true;
                yield return combined;
            }
            if (!matched && kind == JoinKind.Left)
            {
                var padded = new object?[leftWidth + rightWidth];
                Array.Copy(l, padded, leftWidth);
                yield return padded;
            }
        }
    }
}
