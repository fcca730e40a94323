using Tenon.Catalog;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// A partition's bound as pg_get_expr(relpartbound, oid) prints it: <c>FOR VALUES IN (…)</c>,
/// <c>FOR VALUES FROM (…) TO (…)</c> (MINVALUE, MAXVALUE), <c>FOR VALUES WITH (modulus m, remainder r)</c>
/// or <c>DEFAULT</c>. pg_class.relpartbound holds <see cref="Tree"/> for a partition: Tenon keeps the
/// bound itself in the catalog's form, and pg_get_expr renders it from there.
/// </summary>
internal static class PartitionBoundText
{
    /// <summary>What pg_class.relpartbound holds for every partition (PostgreSQL's holds the bound's node tree).</summary>
    public const string Tree = "{PARTITIONBOUNDSPEC}";

    public static string? Of(ExecContext ctx, TableDef partition)
    {
        var catalog = ctx.Transaction.Catalog;
        if (partition.PartitionBound is not { } bound || !catalog.Tables.TryGetValue(partition.PartitionParent, out var parent)
            || parent.PartitionKey is not { } key)
            return null;
        switch (bound.Kind)
        {
            case PartitionBoundKind.Default:
                return "DEFAULT";
            case PartitionBoundKind.Hash:
                return $"FOR VALUES WITH (modulus {bound.Modulus}, remainder {bound.Remainder})";
            case PartitionBoundKind.List:
                return "FOR VALUES IN (" + string.Join(", ", bound.Values.Select(v => Literal(ctx, v, key.Types[0]))) + ")";
            default:
                return "FOR VALUES FROM " + Range(ctx, bound.Lower, key) + " TO " + Range(ctx, bound.Upper, key);
        }
    }

    /// <summary>A range bound, <c>(1, MAXVALUE)</c>, as pg_get_expr and PostgreSQL's messages print it.</summary>
    public static string Range(ExecContext ctx, IReadOnlyList<PartitionDatum> datums, PartitionKeyDef key) =>
        PartitionBound.Format(datums, (v, i) => Literal(ctx, v, key.Types[i]));

    // As PostgreSQL's ruleutils prints a constant without its type: a number that starts with a
    // digit and a boolean bare, anything else (a negative number too) as a quoted literal.
    public static string Literal(ExecContext ctx, object? value, SqlType type)
    {
        if (value is null) return "NULL";
        if (value is bool b) return b ? "true" : "false";
        var text = ctx.Session.FormatValue(value, type);
        var bare = type.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Numeric or TypeId.Float4 or TypeId.Float8 or TypeId.Oid
            && text.Length > 0 && char.IsAsciiDigit(text[0]) && text.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or 'e' or 'E' or '.');
        return bare ? text : "'" + text.Replace("'", "''") + "'";
    }
}
