using Tenon.Sql;
using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_attrdef: one row per column default and per generation expression of a stored generated
/// column. adbin (pg_node_tree) holds the expression as SQL text (<see cref="ExprSource"/>), which
/// pg_get_expr(adbin, adrelid) prints the way PostgreSQL does. Tenon gives defaults no object
/// identity of their own, so PostgreSQL's oid column is left out.
/// </summary>
public static class PgAttrdef
{
    public static SystemRelation Relation { get; } = new("pg_attrdef", 2604,
        [new("adrelid", SqlType.Oid), new("adnum", SqlType.Int2), new("adbin", SqlType.Text)],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog)
    {
        foreach (var table in catalog.Tables.Values.OrderBy(t => t.Oid))
            foreach (var c in table.Columns)
                if (!c.IsDropped && (c.Generated ?? c.Default) is { } e)
                    yield return [table.Oid, c.Number, ExprSource.Print(e)];
    }
}
