namespace Tenon.Catalog;

/// <summary>
/// A role (pg_authid row): CREATE ROLE / USER / GROUP and ALTER ROLE set its attributes. The
/// password is kept as given (PostgreSQL would store its SCRAM verifier); Tenon's wire server
/// authenticates with its own user list, so the attributes are stored and shown, not enforced at
/// login. Roles live in the database's catalog (PostgreSQL's are shared by the cluster).
/// </summary>
public sealed record RoleDef
{
    public required uint Oid { get; init; }
    public required string Name { get; init; }
    public bool Superuser { get; init; }
    public bool Inherit { get; init; } = true;
    public bool CreateRole { get; init; }
    public bool CreateDb { get; init; }
    public bool CanLogin { get; init; }
    public bool Replication { get; init; }
    public bool BypassRls { get; init; }
    public int ConnectionLimit { get; init; } = -1;
    public string? Password { get; init; }
    /// <summary>VALID UNTIL as written (a timestamptz literal), or null.</summary>
    public string? ValidUntil { get; init; }
}

/// <summary>A membership (pg_auth_members row): <see cref="Member"/> is a member of <see cref="Role"/>.</summary>
public sealed record RoleMembership
{
    public required uint Role { get; init; }
    public required uint Member { get; init; }
    public required uint Grantor { get; init; }
    public bool AdminOption { get; init; }
}

/// <summary>
/// A pg_default_acl row: the privileges objects of <see cref="ObjectType"/> (r tables, S sequences,
/// f routines, T types, n schemas) get when <see cref="Role"/> creates them, everywhere
/// (<see cref="Namespace"/> 0: the whole acl, replacing the built-in default) or in one schema
/// (added to it).
/// </summary>
public sealed record DefaultAcl
{
    public required uint Role { get; init; }
    public required uint Namespace { get; init; }
    public required char ObjectType { get; init; }
    public required AclItem[] Acl { get; init; }
}
