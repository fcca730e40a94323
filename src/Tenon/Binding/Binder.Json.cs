using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Types;
using AstSubscript = Tenon.Sql.Ast.SubscriptExpr;

namespace Tenon.Binding;

/// <summary>
/// json has neither equality nor ordering (jsonb has both): grouping, DISTINCT or sorting by a
/// json value fails as in PostgreSQL, naming the missing operator. jsonb subscripts
/// (<c>doc['a'][0]</c>) read like a #&gt; path.
/// </summary>
public sealed partial class Binder
{
    // json and the geometric types have no btree or hash operator class (box's = compares areas).
    private static bool LacksEquality(SqlType t) => t.Id == TypeId.Json || t.IsGeometric || (t.IsArray && (t.Element!.Id == TypeId.Json || t.Element.IsGeometric));

    private static void RequireEquality(SqlType t, int position)
    {
        if (LacksEquality(t))
            throw new TenonException(SqlState.UndefinedFunction, $"could not identify an equality operator for type {t.DisplayName}") { Position = position };
    }

    private static void RequireOrdering(SqlType t, int position)
    {
        if (LacksEquality(t))
            throw new TenonException(SqlState.UndefinedFunction, $"could not identify an ordering operator for type {t.DisplayName}",
                hint: "Use an explicit ordering operator or modify the query.") { Position = position };
    }

    /// <summary>
    /// <c>jsonb[…][…]</c>: each subscript an integer or a text key (an unknown literal is text),
    /// applied as the elements of a #&gt; path; no slices. Reading only: assigning to a jsonb
    /// subscript is not supported.
    /// </summary>
    private BoundExpr BindJsonbSubscript(BoundExpr operand, List<AstSubscript> chain, Scope? scope)
    {
        var args = new List<BoundExpr> { operand };
        foreach (var c in chain)
        {
            if (c.IsSlice)
                throw new TenonException(SqlState.DatatypeMismatch, "jsonb subscript does not support slices") { Position = (c.Upper ?? c.Lower ?? c.Operand).Position };
            var bound = BindExpr(c.Lower!, scope);
            if (bound.Type.Id == TypeId.Unknown) bound = TryCoerce(bound, SqlType.Text, CastContext.Implicit, c.Lower!.Position)!;
            if (!bound.Type.IsInteger && !bound.Type.IsString)
                throw new TenonException(SqlState.DatatypeMismatch, $"subscript type {bound.Type.DisplayName} is not supported",
                    hint: "jsonb subscript must be coercible to either integer or text.") { Position = c.Lower!.Position };
            args.Add(bound);
        }
        return new FunctionExpr("jsonb_subscript", args, SqlType.Jsonb, (v, ctx) =>
        {
            var path = v.Skip(1).Select((x, i) => (object?)(x as string ?? ValueText.Format(x!, args[i + 1].Type, ctx.Settings))).ToArray();
            return JsonOps.Path((JsonValue)v[0]!, PgArray.Of(SqlType.Text, path));
        }, strict: true, volatileFn: false);
    }
}
