using System.Globalization;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// How PostgreSQL shows an index key expression in messages (pg_get_indexdef_columns, pretty):
/// a function call as is, anything else in parentheses; implicit casts of function arguments as
/// <c>x::type</c>. Only the expression forms below are rendered; for others Tenon refuses the
/// index rather than show a key text PostgreSQL would not.
/// </summary>
public static class IndexKeyText
{
    public static string Format(BoundExpr key, TableDef table, int position, ExecContext? ctx = null)
    {
        var rendered = Render(key, table);
        // Other forms as ruleutils prints them (the deparser of pg_get_indexdef).
        if (rendered is null && ctx is not null) return CatalogDefinitions.BoundKeyText(ctx, table, key);
        var text = rendered ?? throw new TenonException(SqlState.FeatureNotSupported,
            "this index expression is not supported yet") { Position = position };
        return key is FunctionExpr ? text : "(" + text + ")";
    }

    private static string? Render(BoundExpr e, TableDef table) => e switch
    {
        ColumnExpr { Level: 0, ColumnNumber: > 0 } c => SqlErrors.QuoteIdentifier(table.Column(c.ColumnNumber).Name),
        ConstExpr { Value: int or long or short } k => Convert.ToString(k.Value, CultureInfo.InvariantCulture),
        ConstExpr { Value: string s, Type.Id: TypeId.Text } => "'" + s.Replace("'", "''") + "'::text",
        FunctionExpr f => Join(f.Args.Select(a => Render(a, table))) is { } args ? $"{f.Name}({args})" : null,
        CastExpr c => Render(c.Operand, table) is { } inner ? Wrap(c.Operand, inner) + "::" + c.Type.DisplayName : null,
        BinaryOpExpr b => Render(b.Left, table) is { } l && Render(b.Right, table) is { } r
            ? $"{Wrap(b.Left, l)} {b.Op} {Wrap(b.Right, r)}" : null,
        _ => null,
    };

    private static string Wrap(BoundExpr e, string text) => e is BinaryOpExpr ? "(" + text + ")" : text;

    private static string? Join(IEnumerable<string?> parts)
    {
        var list = parts.ToList();
        return list.Any(p => p is null) ? null : string.Join(", ", list);
    }
}
