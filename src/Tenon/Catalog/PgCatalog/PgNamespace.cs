using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_namespace: one row per schema, in oid order. A session's temporary schema (pg_temp_N)
/// is listed from its first temporary relation, as PostgreSQL creates it on first use.
/// nspacl is what a fresh PostgreSQL 15 database holds (Tenon has no GRANT on schemas): usage and
/// create for the owner and usage for everyone on pg_catalog, information_schema and public, NULL
/// (the owner's implicit rights) elsewhere; it is text[] where PostgreSQL's is aclitem[], which
/// prints the same.
/// </summary>
public static class PgNamespace
{
    public static SystemRelation Relation { get; } = new("pg_namespace", 2615,
        [new("oid", SqlType.Oid), new("nspname", SqlType.Name), new("nspowner", SqlType.Oid), new("nspacl", SqlType.ArrayOf(SqlType.Text))],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog)
    {
        foreach (var schema in catalog.Schemas.Where(s => catalog.SchemaOid(s) != 0).OrderBy(catalog.SchemaOid))
            // public belongs to pg_database_owner in PostgreSQL 15; the other schemas to the bootstrap superuser, the only role.
            yield return [catalog.SchemaOid(schema), schema, schema == SystemCatalog.PublicSchema ? SchemaOids.DatabaseOwnerRole : SchemaOids.BootstrapSuperuser, Acl(schema)];
    }

    private static PgArray? Acl(string schema) => schema switch
    {
        SystemCatalog.PublicSchema => Grants("pg_database_owner"),
        SystemRelations.Schema or "information_schema" => Grants(Execution.Functions.BootstrapSuperuserName),
        _ => null,
    };

    private static PgArray Grants(string owner) => PgArray.Of(SqlType.Text, [$"{owner}=UC/{owner}", $"=U/{owner}"]);
}
