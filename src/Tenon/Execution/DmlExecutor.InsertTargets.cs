using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// INSERT target columns with subscripts, <c>INSERT INTO t (f[1], f[2]) …</c>: each such target
/// assigns one element, starting from NULL (not the column's default), and several targets on
/// one column compose left to right.
/// </summary>
public sealed partial class DmlExecutor
{
    private sealed class SubscriptTarget(IReadOnlyList<BoundExpr> subscripts, SqlType columnType)
    {
        public SqlType Element => columnType.Element!;

        public object? Apply(object? current, object? value, ExecContext ctx) =>
            new ArrayAssignExpr(new ConstExpr(current, columnType), subscripts, new ConstExpr(value, Element), columnType).Eval([], ctx);
    }

    /// <summary>The subscript targets of an INSERT's column list (null where a target is a plain column).</summary>
    private static SubscriptTarget?[] BindInsertIndirections(Binder binder, InsertStatement stmt, List<ColumnDef> targets)
    {
        var result = new SubscriptTarget?[targets.Count];
        if (stmt.Indirections is not { } list) return result;
        for (var i = 0; i < targets.Count; i++)
        {
            if (list[i] is not { } ind) continue;
            var pos = stmt.ColumnPositions?[i] ?? stmt.Position;
            var (subscripts, _) = binder.BindInsertSubscripts(ind.Subscripted, targets[i].Type, pos);
            result[i] = new SubscriptTarget(subscripts, targets[i].Type);
        }
        return result;
    }

    /// <summary>Coerces a value for a target: to the column's type, or to its element type for a subscript target (a mismatch then points at the target).</summary>
    private static BoundExpr CoerceForTarget(Binder binder, BoundExpr e, ColumnDef col, SubscriptTarget? sub, int position, int targetPosition)
    {
        if (sub is null) return binder.CoerceForColumn(e, col, position);
        return binder.TryCoerce(e, sub.Element, CastContext.Assignment, position)
            ?? throw new TenonException(SqlState.DatatypeMismatch,
                $"subscripted assignment to \"{col.Name}\" requires type {sub.Element.WithoutModifier().DisplayName} but expression is of type {e.Type.WithoutModifier().DisplayName}",
                hint: "You will need to rewrite or cast the expression.") { Position = targetPosition };
    }
}
