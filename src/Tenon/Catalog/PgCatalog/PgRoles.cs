using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_authid, and the views pg_roles and pg_user over it: the roles of <see cref="AuthCatalog"/>
/// (the bootstrap superuser, oid 10, named as <see cref="Execution.Functions.BootstrapSuperuserName"/>;
/// pg_database_owner; CREATE ROLE's). pg_authid.rolpassword holds the password as given (PostgreSQL
/// keeps a SCRAM verifier there); the views show "********" as PostgreSQL does. Login users of
/// <c>tenon serve</c> that are no role are not listed. rolconfig is null (ALTER ROLE … SET is not supported).
/// </summary>
public static class PgRoles
{
    private static object? ValidUntil(RoleDef r) =>
        r.ValidUntil is null ? null : ValueText.Parse(r.ValidUntil, SqlType.Timestamptz, FormatSettings.Default);

    public static SystemRelation Relation { get; } = new("pg_roles", 12000,
        [
            new("rolname", SqlType.Name), new("rolsuper", SqlType.Bool), new("rolinherit", SqlType.Bool),
            new("rolcreaterole", SqlType.Bool), new("rolcreatedb", SqlType.Bool), new("rolcanlogin", SqlType.Bool),
            new("rolreplication", SqlType.Bool), new("rolconnlimit", SqlType.Int4), new("rolpassword", SqlType.Text),
            new("rolvaliduntil", SqlType.Timestamptz), new("rolbypassrls", SqlType.Bool),
            new("rolconfig", SqlType.ArrayOf(SqlType.Text)), new("oid", SqlType.Oid),
        ],
        catalog => catalog.Auth.AllRoles.Select(r => new object?[]
        {
            r.Name, r.Superuser, r.Inherit, r.CreateRole, r.CreateDb, r.CanLogin, r.Replication, r.ConnectionLimit,
            "********", ValidUntil(r), r.BypassRls, null, r.Oid,
        }));

    public static SystemRelation Authid { get; } = new("pg_authid", 1260,
        [
            new("oid", SqlType.Oid), new("rolname", SqlType.Name), new("rolsuper", SqlType.Bool), new("rolinherit", SqlType.Bool),
            new("rolcreaterole", SqlType.Bool), new("rolcreatedb", SqlType.Bool), new("rolcanlogin", SqlType.Bool),
            new("rolreplication", SqlType.Bool), new("rolbypassrls", SqlType.Bool), new("rolconnlimit", SqlType.Int4),
            new("rolpassword", SqlType.Text), new("rolvaliduntil", SqlType.Timestamptz),
        ],
        catalog => catalog.Auth.AllRoles.Select(r => new object?[]
        {
            r.Oid, r.Name, r.Superuser, r.Inherit, r.CreateRole, r.CreateDb, r.CanLogin, r.Replication, r.BypassRls, r.ConnectionLimit,
            r.Password, ValidUntil(r),
        }));

    public static SystemRelation User { get; } = new("pg_user", 12004,
        [
            new("usename", SqlType.Name), new("usesysid", SqlType.Oid), new("usecreatedb", SqlType.Bool), new("usesuper", SqlType.Bool),
            new("userepl", SqlType.Bool), new("usebypassrls", SqlType.Bool), new("passwd", SqlType.Text),
            new("valuntil", SqlType.Timestamptz), new("useconfig", SqlType.ArrayOf(SqlType.Text)),
        ],
        catalog => catalog.Auth.AllRoles.Where(r => r.CanLogin).Select(r => new object?[]
        {
            r.Name, r.Oid, r.CreateDb, r.Superuser, r.Replication, r.BypassRls, "********", ValidUntil(r), null,
        }));

    public static SystemRelation AuthMembers { get; } = new("pg_auth_members", 1261,
        [new("roleid", SqlType.Oid), new("member", SqlType.Oid), new("grantor", SqlType.Oid), new("admin_option", SqlType.Bool)],
        catalog => catalog.Auth.Members.Select(m => new object?[] { m.Role, m.Member, m.Grantor, m.AdminOption }));

    /// <summary>pg_default_acl: ALTER DEFAULT PRIVILEGES' entries (defaclobjtype, a "char", is text; defaclacl text[]).</summary>
    public static SystemRelation DefaultAcl { get; } = new("pg_default_acl", 826,
        [new("defaclrole", SqlType.Oid), new("defaclnamespace", SqlType.Oid), new("defaclobjtype", SqlType.Text), new("defaclacl", SqlType.ArrayOf(SqlType.Text))],
        catalog => catalog.Auth.DefaultAcls.Select(d => new object?[]
        {
            d.Role, d.Namespace, d.ObjectType.ToString(), Execution.Privileges.Format(catalog, d.Acl),
        }));
}
