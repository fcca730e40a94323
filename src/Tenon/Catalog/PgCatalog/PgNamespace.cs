using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_namespace: one row per schema. The temporary schema is listed once it holds a relation,
/// as PostgreSQL creates it on first use. nspacl (an array) is left out.
/// </summary>
public static class PgNamespace
{
    public static SystemRelation Relation { get; } = new("pg_namespace", 2615,
        [new("oid", SqlType.Oid), new("nspname", SqlType.Name), new("nspowner", SqlType.Oid)],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog)
    {
        var tempUsed = catalog.RelationsByName.Keys.Any(k => k.StartsWith(SystemCatalog.TempSchema + ".", StringComparison.Ordinal));
        foreach (var schema in catalog.Schemas.OrderBy(SchemaOids.Of))
        {
            if (schema == SystemCatalog.TempSchema)
            {
                if (tempUsed) yield return [SchemaOids.PgTemp, SchemaOids.TempSchemaDisplayName, SchemaOids.BootstrapSuperuser];
                continue;
            }
            // public belongs to pg_database_owner in PostgreSQL 15; the other schemas to the bootstrap superuser.
            yield return [SchemaOids.Of(schema), schema, schema == SystemCatalog.PublicSchema ? SchemaOids.DatabaseOwnerRole : SchemaOids.BootstrapSuperuser];
        }
    }
}
