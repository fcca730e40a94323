using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_namespace: one row per schema, in oid order. A session's temporary schema (pg_temp_N)
/// is listed from its first temporary relation, as PostgreSQL creates it on first use.
/// nspowner and nspacl come from <see cref="AuthCatalog"/>; the built-in schemas start with what a
/// fresh PostgreSQL 15 database holds (usage and create for the owner, usage for everyone on
/// pg_catalog, information_schema and public). nspacl is text[] where PostgreSQL's is aclitem[],
/// which prints the same.
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
        {
            var key = new ObjectKey(ObjectKey.Namespace, catalog.SchemaOid(schema));
            yield return [key.ObjectOid, schema, catalog.Auth.OwnerOf(key), Execution.Privileges.AclText(catalog, key)];
        }
    }
}
