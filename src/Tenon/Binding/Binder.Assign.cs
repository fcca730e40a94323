using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;
using Tenon.Types;
using BSubscript = Tenon.Execution.Expressions.SubscriptExpr;

namespace Tenon.Binding;

/// <summary>
/// Assignment through a target's path of fields and subscripts (<c>f3.if2[1] = v</c>,
/// <c>f4[1].if1 = v</c>): the new whole column value, built from the current one by replacing
/// one field or element at each step.
/// </summary>
public sealed partial class Binder
{
    /// <summary>
    /// Binds assigning a value along <paramref name="steps"/> into <paramref name="current"/> (of
    /// column <paramref name="column"/>'s type). <paramref name="value"/> gets the type the value
    /// must have and the message to raise when it has no assignment cast to it, and returns the
    /// bound, coerced value.
    /// </summary>
    internal BoundExpr BindPathAssignment(BoundExpr current, string column, IReadOnlyList<AssignStep> steps, int targetPosition,
        Func<SqlType, string, BoundExpr> value, Scope? scope) =>
        AssignAlong(current, current.Type, column, steps, 0, targetPosition, value, scope);

    private BoundExpr AssignAlong(BoundExpr current, SqlType type, string column, IReadOnlyList<AssignStep> steps, int from, int position,
        Func<SqlType, string, BoundExpr> value, Scope? scope)
    {
        var step = steps[from];
        if (step.Field is { } field)
        {
            var composite = type.BaseType.Composite
                ?? throw new TenonException(SqlState.DatatypeMismatch,
                    $"cannot assign to field \"{field}\" of column \"{column}\" because its type {type.DisplayName} is not a composite type") { Position = position };
            var at = composite.IndexOf(field);
            if (at < 0)
                throw new TenonException(SqlState.UndefinedColumn,
                    $"cannot assign to field \"{field}\" of column \"{column}\" because there is no such column in data type {composite.Name}") { Position = position };
            var fieldType = composite.Fields[at].Type;
            var inner = from + 1 == steps.Count
                ? value(fieldType, $"subfield \"{field}\" is of type {fieldType.WithoutModifier().DisplayName}")
                : AssignAlong(new RecordFieldExpr(current, at, fieldType), fieldType, column, steps, from + 1, position, value, scope);
            return new RecordAssignExpr(current, at, inner, type);
        }
        var end = from;
        while (end < steps.Count && steps[end].Field is null) end++;
        if (!type.BaseType.IsArray)
            // PostgreSQL reports this one without a position.
            throw new TenonException(SqlState.DatatypeMismatch, $"cannot subscript type {type.DisplayName} because it does not support subscripting");
        if (steps.Skip(from).Take(end - from).Any(s => s.Slice))
            throw new TenonException(SqlState.FeatureNotSupported, "assignment to an array slice is not supported by Tenon yet") { Position = position };
        var subscripts = steps.Skip(from).Take(end - from).Select(s => BindSubscriptValue(s.Lower, scope)!).ToList();
        var element = type.BaseType.Element!;
        BoundExpr elementValue;
        if (end == steps.Count)
            elementValue = value(element, $"subscripted assignment to \"{column}\" requires type {element.WithoutModifier().DisplayName}");
        else
        {
            var read = new BSubscript(current, subscripts.Select(s => ((BoundExpr?)s, (BoundExpr?)null, false)).ToList(), false, element.WithoutModifier());
            elementValue = AssignAlong(read, element, column, steps, end, position, value, scope);
        }
        return new ArrayAssignExpr(current, subscripts, elementValue, type.BaseType);
    }
}
