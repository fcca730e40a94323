using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;
using Tenon.Types;
using AstSubscript = Tenon.Sql.Ast.SubscriptExpr;
using BSubscript = Tenon.Execution.Expressions.SubscriptExpr;

namespace Tenon.Binding;

/// <summary>
/// Array expressions: ARRAY[…] (with the element type taken from a cast around it when there is
/// one, so <c>ARRAY[]::int[]</c> works), ARRAY(subquery), subscripts and slices, and
/// <c>x op ANY|ALL (array)</c>.
/// </summary>
public sealed partial class Binder
{
    /// <summary>Binds ARRAY[…]; <paramref name="target"/> is the array type of a cast directly around it, if any.</summary>
    private BoundExpr BindArrayConstructor(ArrayExpr a, Scope? scope, SqlType? target)
    {
        var elementHint = target?.Element;
        var items = new List<BoundExpr>();
        foreach (var item in a.Items)
            items.Add(item is ArrayExpr nested ? BindArrayConstructor(nested, scope, target) : BindExpr(item, scope));
        if (items.Count == 0)
        {
            if (target is null)
                throw new TenonException(SqlState.IndeterminateDatatype, "cannot determine type of empty array",
                    hint: "Explicitly cast to the desired type, for example ARRAY[]::integer[].") { Position = a.Position };
            return new ConstExpr(PgArray.Empty(target.Element!.WithoutModifier()), target.WithoutModifier());
        }
        var multi = a.Items.Any(i => i is ArrayExpr)
            || (items.Any(i => i.Type.IsArray) && items.All(i => i.Type.IsArray || i.Type.Id == TypeId.Unknown));
        var positions = a.Items.Select(i => i.Position).ToList();
        if (multi)
        {
            // Every item is an array; unknown literals among them are array literals of the common type.
            var known = items.Where(i => i.Type.Id != TypeId.Unknown).Select(i => i.Type).ToList();
            var arrayType = target?.WithoutModifier() ?? (known.Count > 0 ? Operators.CommonType(known, out _) : null);
            if (arrayType is null || !arrayType.IsArray)
                throw new TenonException(SqlState.DatatypeMismatch, "could not find array type for data type " +
                    (known.Count > 0 ? known[0].DisplayName : "unknown")) { Position = a.Position };
            var coerced = items.Select((i, k) => TryCoerce(i, arrayType, CastContext.Implicit, positions[k])
                ?? throw new TenonException(SqlState.DatatypeMismatch,
                    $"ARRAY could not convert type {i.Type.DisplayName} to {arrayType.DisplayName}") { Position = positions[k] }).ToList();
            return new ArrayConstructorExpr(coerced, arrayType, multiDimensional: true);
        }
        SqlType element;
        List<BoundExpr> elements;
        if (elementHint is not null)
        {
            element = elementHint.WithoutModifier();
            elements = items.Select((i, k) => TryCoerce(i, element, CastContext.Explicit, positions[k])
                ?? throw new TenonException(SqlState.CannotCoerce, $"cannot cast type {i.Type.DisplayName} to {element.DisplayName}") { Position = positions[k] }).ToList();
        }
        else
        {
            elements = UnifyTypes(items, "ARRAY", positions, out element);
            if (element.Id == TypeId.Unknown) element = SqlType.Text;
            if (element.Composite is null && ArrayTypes.ArrayOid(element.TypeOid) == 0)
                throw new TenonException(SqlState.UndefinedObject, $"could not find array type for data type {element.DisplayName}") { Position = a.Position };
        }
        return new ArrayConstructorExpr(elements, SqlType.ArrayOf(element), multiDimensional: false);
    }

    /// <summary>ARRAY(SELECT x …): the values of the single column in row order; an array column gives one more dimension.</summary>
    private BoundExpr BindArraySubquery(ArraySubqueryExpr a, Scope? scope)
    {
        var (plan, correlated) = BindSubquery(a.Subquery, scope);
        if (plan.Columns.Count != 1)
            throw new TenonException(SqlState.SyntaxError, "subquery must return only one column") { Position = a.Position };
        var type = plan.Columns[0].Type.WithoutModifier();
        if (type.Id == TypeId.Unknown) type = SqlType.Text;
        var arrayType = SqlType.ArrayOf(type);
        return new SubqueryExpr(plan, SubqueryKind.Array, correlated, null, null, arrayType) { ElementIsArray = type.IsArray };
    }

    private BoundExpr BindSubscript(AstSubscript s, Scope? scope)
    {
        // a[i][j] parses as nested subscripts; PostgreSQL applies them together.
        var chain = new List<AstSubscript>();
        Expr baseAst = s;
        while (baseAst is AstSubscript inner)
        {
            chain.Insert(0, inner);
            baseAst = inner.Operand;
        }
        var operand = BindExpr(baseAst, scope);
        if (operand is ConstExpr { Type.Id: TypeId.Unknown } or ParamExpr { Type.Id: TypeId.Unknown })
            operand = TryCoerce(operand, SqlType.ArrayOf(SqlType.Text), CastContext.Implicit, baseAst.Position)!;
        if (operand.Type.Id == TypeId.Jsonb) return BindJsonbSubscript(operand, chain, scope);
        if (!operand.Type.IsArray)
            throw new TenonException(SqlState.DatatypeMismatch,
                $"cannot subscript type {operand.Type.DisplayName} because it does not support subscripting") { Position = baseAst.Position };
        if (chain.Count > PgArray.MaxDimensions)
            throw new TenonException(SqlState.ProgramLimitExceeded,
                $"number of array dimensions ({chain.Count}) exceeds the maximum allowed ({PgArray.MaxDimensions})") { Position = s.Position };
        var slice = chain.Any(c => c.IsSlice);
        var subs = chain.Select(c => (BindSubscriptValue(c.Lower, scope), BindSubscriptValue(c.Upper, scope), c.IsSlice)).ToList();
        var type = slice ? operand.Type.WithoutModifier() : operand.Type.Element!.WithoutModifier();
        return new BSubscript(operand, subs, slice, type);
    }

    private BoundExpr? BindSubscriptValue(Expr? e, Scope? scope)
    {
        if (e is null) return null;
        var bound = BindExpr(e, scope);
        if (bound is ParamExpr { Type.Id: TypeId.Unknown } p) bound = RetypeParam(p, SqlType.Int4);
        return TryCoerce(bound, SqlType.Int4, CastContext.Assignment, e.Position)
            ?? throw new TenonException(SqlState.DatatypeMismatch, "array subscript must have type integer") { Position = e.Position };
    }

    /// <summary><c>x op ANY|ALL (array expression)</c>.</summary>
    private BoundExpr BindArrayQuantified(QuantifiedExpr q, Scope? scope)
    {
        var left = BindExpr(q.Left, scope);
        var array = BindExpr(q.Array!, scope);
        if (array.Type.Id == TypeId.Unknown && array is ConstExpr or ParamExpr)
        {
            var elementType = left.Type.Id == TypeId.Unknown ? SqlType.Text : left.Type.WithoutModifier();
            array = array is ParamExpr p ? RetypeParam(p, SqlType.ArrayOf(elementType))
                : TryCoerce(array, SqlType.ArrayOf(elementType), CastContext.Implicit, q.Array!.Position)!;
        }
        if (!array.Type.IsArray)
            throw new TenonException(SqlState.WrongObjectType, "op ANY/ALL (array) requires array on right side") { Position = q.Position };
        var elementExpr = new ConstExpr(null, array.Type.Element!.WithoutModifier());
        var cmp = MakeBinary(q.Op, left, elementExpr, q.Position, q.Left.Position, q.Array!.Position);
        if (cmp is not BinaryOpExpr b || b.Impl.ResultType.Id != TypeId.Bool)
            throw new TenonException(SqlState.WrongObjectType, "op ANY/ALL (array) requires operator to yield boolean") { Position = q.Position };
        var arrayType = SqlType.ArrayOf(b.Impl.RightType);
        var coercedArray = array.Type.WithoutModifier() == arrayType ? array
            : TryCoerce(array, arrayType, CastContext.Implicit, q.Array!.Position) ?? array;
        return new ArrayQuantifiedExpr(b.Left, coercedArray, b.Impl, q.All);
    }

    /// <summary>
    /// <c>SET col[i][j] = value</c>: the column's new value, from <paramref name="current"/> (an earlier
    /// assignment to the same column in this SET list) or the column itself.
    /// </summary>
    internal BoundExpr BindArrayAssignment(SetClause s, SqlType columnType, string columnName, BoundExpr? current, Scope scope)
    {
        if (s.Subscripted is not AstSubscript target)
            throw new TenonException(SqlState.FeatureNotSupported, "assignment to a field of a composite column is not supported") { Position = s.Position };
        if (columnType.Id == TypeId.Jsonb)
            throw new TenonException(SqlState.FeatureNotSupported, "assigning to a jsonb subscript is not supported by Tenon yet",
                hint: "Use jsonb_set instead.") { Position = s.Position };
        if (!columnType.IsArray)
            throw new TenonException(SqlState.DatatypeMismatch,
                $"cannot subscript type {columnType.DisplayName} because it does not support subscripting") { Position = s.Position };
        var chain = new List<AstSubscript>();
        for (Expr e = target; e is AstSubscript sub; e = sub.Operand) chain.Insert(0, sub);
        if (chain.Any(c => c.IsSlice))
            throw new TenonException(SqlState.FeatureNotSupported, "assignment to an array slice is not supported by Tenon yet") { Position = s.Position };
        var subscripts = chain.Select(c => BindSubscriptValue(c.Lower, scope)!).ToList();
        var element = columnType.Element!;
        var value = BindExpr(s.Value, scope);
        var coerced = TryCoerce(value, element, CastContext.Assignment, s.Value.Position)
            ?? throw new TenonException(SqlState.DatatypeMismatch,
                $"subscripted assignment to \"{columnName}\" requires type {element.WithoutModifier().DisplayName} but expression is of type {value.Type.DisplayName}",
                hint: "You will need to rewrite or cast the expression.") { Position = s.Value.Position };
        var array = current ?? BindExpr(new ColumnRef([columnName]) { Position = s.Position }, scope);
        return new ArrayAssignExpr(array, subscripts, coerced, columnType);
    }
}
