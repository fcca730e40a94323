using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// INSERT target columns with fields or subscripts, <c>INSERT INTO t (f[1], f[2], g.x) …</c>: each
/// such target assigns one element or field, starting from NULL (not the column's default), and
/// several targets on one column compose left to right.
/// </summary>
public sealed partial class DmlExecutor
{
    /// <param name="assign">The column's new value over a row of (current value, value given).</param>
    /// <param name="valueType">The type the given value must have (the element's or field's).</param>
    /// <param name="mismatch">The start of the message for a value with no assignment cast to it.</param>
    /// <param name="DomainCheck">For a domain column, its constraints over the finished value (row of one).</param>
    private sealed record PathTarget(BoundExpr Assign, SqlType ValueType, string Mismatch, bool FieldFirst, BoundExpr? DomainCheck)
    {
        public object? Apply(object? current, object? value, ExecContext ctx) => Assign.Eval([current, value], ctx);
    }

    /// <summary>
    /// Checks the domain constraints of columns assigned through paths, once all of a row's
    /// targets are applied (the finished value, not each step, as PostgreSQL does).
    /// </summary>
    private static void CheckPathDomains(ExecContext ctx, List<ColumnDef> targets, PathTarget?[] paths, object?[] row)
    {
        HashSet<ColumnDef>? done = null;
        for (var i = 0; i < targets.Count && i < paths.Length; i++)
        {
            if (paths[i]?.DomainCheck is not { } check) continue;
            done ??= new HashSet<ColumnDef>();
            if (done.Add(targets[i])) check.Eval([row[targets[i].Number - 1]], ctx);
        }
    }

    /// <summary>The path targets of an INSERT's column list (null where a target is a plain column).</summary>
    private static PathTarget?[] BindInsertIndirections(Binder binder, InsertStatement stmt, List<ColumnDef> targets)
    {
        var result = new PathTarget?[targets.Count];
        if (stmt.Indirections is not { } list) return result;
        for (var i = 0; i < targets.Count; i++)
        {
            if (list[i] is not { } ind) continue;
            var col = targets[i];
            var pos = stmt.ColumnPositions?[i] ?? stmt.Position;
            SqlType? valueType = null;
            var mismatch = "";
            var assign = binder.BindPathAssignment(new ColumnExpr(0, col.Type, 0, col.Name), col.Name, ind.Steps, pos, (type, message) =>
            {
                (valueType, mismatch) = (type, message);
                return new ColumnExpr(1, type.WithoutModifier(), 0, col.Name);
            }, null);
            var domainCheck = col.Type.Domain is null ? null
                : new DomainCheckExpr(new ColumnExpr(0, col.Type.BaseType, 0, col.Name), binder.DomainConstraintsOf(col.Type));
            result[i] = new PathTarget(assign, valueType!, mismatch, ind.Steps[0].Field is not null, domainCheck);
        }
        return result;
    }

    /// <summary>Coerces a value for a target: to the column's type, or to its element's or field's type for a path target (a mismatch then points at the target).</summary>
    private static BoundExpr CoerceForTarget(Binder binder, BoundExpr e, ColumnDef col, PathTarget? path, int position, int targetPosition)
    {
        if (path is null) return binder.CoerceForColumn(e, col, position);
        return binder.TryCoerce(e, path.ValueType, CastContext.Assignment, position)
            ?? throw new TenonException(SqlState.DatatypeMismatch,
                $"{path.Mismatch} but expression is of type {e.Type.WithoutModifier().DisplayName}",
                hint: "You will need to rewrite or cast the expression.") { Position = targetPosition };
    }
}
