using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_indexes: every index of a table, partitioned table or materialized view, with its
/// CREATE INDEX statement as pg_get_indexdef prints it. Tablespaces do not exist in Tenon, so
/// <c>tablespace</c> is null, as it is in PostgreSQL for the default tablespace.
/// </summary>
public static class PgIndexes
{
    public static SystemRelation Relation { get; } = SystemRelation.Scanning("pg_indexes", 12043,
        [
            new("schemaname", SqlType.Name), new("tablename", SqlType.Name), new("indexname", SqlType.Name),
            new("tablespace", SqlType.Name), new("indexdef", SqlType.Text),
        ],
        scan => scan.Catalog.Tables.Values.OrderBy(t => t.Oid)
            .SelectMany(t => t.Indexes.Select(i => new object?[] { t.Schema, t.Name, i.Name, null, scan.IndexDefinition(i.Oid) })));
}
