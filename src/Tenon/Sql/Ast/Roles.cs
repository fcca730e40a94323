namespace Tenon.Sql.Ast;

/// <summary>Which statement made a role: CREATE ROLE, USER (LOGIN by default) or GROUP.</summary>
public enum RoleStatementKind { Role, User, Group }

/// <summary>
/// One option of CREATE/ALTER ROLE, by PostgreSQL's internal name: superuser, createdb,
/// createrole, inherit, canlogin, isreplication, bypassrls (bool Value), connectionlimit (int),
/// password (string or null), validUntil (string), addroleto (IN ROLE), rolemembers (ROLE / USER),
/// adminmembers (ADMIN) (role name lists), sysid.
/// </summary>
public sealed record RoleOption(string Name, object? Value, int Position);

/// <summary><c>CREATE ROLE | USER | GROUP name [WITH] option …</c></summary>
public sealed record CreateRoleStatement(RoleStatementKind Kind, string Name, IReadOnlyList<RoleOption> Options) : Statement;

/// <summary><c>ALTER ROLE | USER | GROUP name [WITH] option …</c> (also ALTER GROUP … ADD/DROP USER as role membership).</summary>
public sealed record AlterRoleStatement(string Name, IReadOnlyList<RoleOption> Options) : Statement;

/// <summary><c>ALTER ROLE name RENAME TO new</c></summary>
public sealed record RenameRoleStatement(string Name, string NewName) : Statement;

/// <summary><c>DROP ROLE | USER | GROUP [IF EXISTS] name, …</c></summary>
public sealed record DropRoleStatement(IReadOnlyList<string> Names, bool IfExists) : Statement;

/// <summary>
/// <c>GRANT role, … TO role, … [WITH ADMIN OPTION] [GRANTED BY r]</c> and
/// <c>REVOKE [ADMIN OPTION FOR] role, … FROM role, … [CASCADE | RESTRICT]</c>.
/// </summary>
public sealed record GrantRoleStatement(bool IsGrant, IReadOnlyList<string> Roles, IReadOnlyList<string> Grantees, bool AdminOption) : Statement;

/// <summary>The kind of object GRANT/REVOKE is about.</summary>
public enum GrantObjectKind { Table, Sequence, Schema, Function, Procedure, Routine, Database, Language, Type, Domain }

/// <summary>A privilege named in GRANT/REVOKE (lower case), with its column list; null Columns for the whole object.</summary>
public sealed record PrivilegeSpec(string Name, IReadOnlyList<string>? Columns, int Position);

/// <summary>
/// <c>GRANT privileges ON [kind] objects TO grantees [WITH GRANT OPTION]</c> and <c>REVOKE [GRANT
/// OPTION FOR] privileges ON … FROM grantees [CASCADE | RESTRICT]</c>. Privileges null means ALL;
/// a grantee "public" (unquoted PUBLIC) is everyone. <see cref="InSchemas"/> is set for
/// <c>ALL TABLES | SEQUENCES | FUNCTIONS … IN SCHEMA s, …</c> (then Objects is empty).
/// </summary>
public sealed record GrantStatement(bool IsGrant, IReadOnlyList<PrivilegeSpec>? Privileges, GrantObjectKind Kind,
    IReadOnlyList<QualifiedName> Objects, IReadOnlyList<string> Grantees) : Statement
{
    public IReadOnlyList<RoutineSignature>? Routines { get; init; }
    public IReadOnlyList<string>? InSchemas { get; init; }
    public bool GrantOption { get; init; }
    public bool Cascade { get; init; }
    /// <summary>Whether ON named the kind (TABLE, SEQUENCE …) rather than leaving it implicit.</summary>
    public bool KindWritten { get; init; }
}

/// <summary><c>SET [LOCAL | SESSION] ROLE {name | NONE}</c> (Role null for NONE) and <c>RESET ROLE</c> (IsReset).</summary>
public sealed record SetRoleStatement(string? Role, bool Local, bool IsReset = false) : Statement;


/// <summary>
/// <c>ALTER DEFAULT PRIVILEGES [FOR ROLE r, …] [IN SCHEMA s, …] {GRANT … ON kind TO … | REVOKE … ON kind FROM …}</c>;
/// <see cref="ObjectType"/> is pg_default_acl's defaclobjtype: r tables, S sequences, f functions and routines, T types, n schemas.
/// </summary>
public sealed record AlterDefaultPrivilegesStatement(IReadOnlyList<string>? ForRoles, IReadOnlyList<string>? InSchemas, char ObjectType, GrantStatement Grant) : Statement;
