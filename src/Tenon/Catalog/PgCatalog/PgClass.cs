using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_class: one row per user relation (tables, indexes, sequences, views). relkind is shown as
/// text, PostgreSQL's "char".
/// </summary>
public static class PgClass
{
    public static SystemRelation Relation { get; } = new("pg_class", 1259,
        [
            new("oid", SqlType.Oid), new("relname", SqlType.Name), new("relnamespace", SqlType.Oid),
            new("relkind", SqlType.Text), new("relpersistence", SqlType.Text), new("relhasindex", SqlType.Bool),
            new("relnatts", SqlType.Int2), new("relchecks", SqlType.Int2),
        ],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog)
    {
        foreach (var oid in catalog.RelationsByName.Values.Order())
        {
            var schema = catalog.RelationSchema(oid);
            var persistence = SearchPath.IsTempSchema(schema) ? "t" : "p";
            object?[] Row(char kind, bool hasIndex, int natts, int checks) =>
                [oid, catalog.RelationName(oid), SchemaOids.Of(catalog, schema), kind.ToString(), persistence, hasIndex, (short)natts, (short)checks];
            if (catalog.Tables.TryGetValue(oid, out var t))
                yield return Row('r', t.Indexes.Count > 0, t.Columns.Count, t.Checks.Count());
            else if (catalog.Indexes.TryGetValue(oid, out var i))
                yield return Row('i', false, i.Columns.Count, 0);
            else if (catalog.Sequences.ContainsKey(oid))
                yield return Row('S', false, 3, 0);
            else if (catalog.Views.TryGetValue(oid, out var v))
                yield return Row('v', false, v.Columns.Count, 0);
        }
    }
}
