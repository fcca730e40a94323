using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_namespace: one row per schema, in oid order. A session's temporary schema (pg_temp_N)
/// is listed from its first temporary relation, as PostgreSQL creates it on first use.
/// nspacl (an array) is left out.
/// </summary>
public static class PgNamespace
{
    public static SystemRelation Relation { get; } = new("pg_namespace", 2615,
        [new("oid", SqlType.Oid), new("nspname", SqlType.Name), new("nspowner", SqlType.Oid)],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog)
    {
        foreach (var schema in catalog.Schemas.Where(s => catalog.SchemaOid(s) != 0).OrderBy(catalog.SchemaOid))
            // public belongs to pg_database_owner in PostgreSQL 15; the other schemas to the bootstrap superuser, the only role.
            yield return [catalog.SchemaOid(schema), schema, schema == SystemCatalog.PublicSchema ? SchemaOids.DatabaseOwnerRole : SchemaOids.BootstrapSuperuser];
    }
}
