using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_roles: the roles Tenon knows, which are the two that own its objects: the bootstrap
/// superuser (oid 10, named as <see cref="Execution.Functions.BootstrapSuperuserName"/>) that owns
/// every relation, and pg_database_owner, which owns the public schema. Login users of
/// <c>tenon serve</c> are not roles with catalog entries. rolvaliduntil and rolconfig are null.
/// </summary>
public static class PgRoles
{
    public static SystemRelation Relation { get; } = new("pg_roles", 12000,
        [
            new("rolname", SqlType.Name), new("rolsuper", SqlType.Bool), new("rolinherit", SqlType.Bool),
            new("rolcreaterole", SqlType.Bool), new("rolcreatedb", SqlType.Bool), new("rolcanlogin", SqlType.Bool),
            new("rolreplication", SqlType.Bool), new("rolconnlimit", SqlType.Int4), new("rolpassword", SqlType.Text),
            new("rolvaliduntil", SqlType.Timestamptz), new("rolbypassrls", SqlType.Bool),
            new("rolconfig", SqlType.ArrayOf(SqlType.Text)), new("oid", SqlType.Oid),
        ],
        _ =>
        [
            [Execution.Functions.BootstrapSuperuserName, true, true, true, true, true, true, -1, "********", null, true, null, SchemaOids.BootstrapSuperuser],
            ["pg_database_owner", false, true, false, false, false, false, -1, "********", null, false, null, SchemaOids.DatabaseOwnerRole],
        ]);
}
