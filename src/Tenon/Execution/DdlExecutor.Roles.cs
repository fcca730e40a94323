using System.Collections.Immutable;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>CREATE / ALTER / DROP ROLE and GRANT / REVOKE of role membership, with PostgreSQL's checks and messages.</summary>
public sealed partial class DdlExecutor
{
    private AuthCatalog Auth => Catalog.Auth;

    /// <summary>A role spec as written (CURRENT_USER …, a quoted name marked by a leading '"') resolved to a role; 42704 when there is none.</summary>
    private RoleDef RoleOf(string spec, bool publicAllowed = false)
    {
        var name = RoleSpecName(spec, out var isPublic);
        if (isPublic && !publicAllowed) throw new TenonException(SqlState.UndefinedObject, "role \"public\" does not exist");
        return Auth.RoleNamed(name) ?? (name == ctx.Session.UserName || name == ctx.Session.SessionUserName
            ? AuthCatalog.BuiltinRoles[0] with { Name = name }
            : throw new TenonException(SqlState.UndefinedObject, $"role \"{name}\" does not exist"));
    }

    private string RoleSpecName(string spec, out bool isPublic)
    {
        isPublic = spec == "public";
        return spec switch
        {
            "CURRENT_USER" or "CURRENT_ROLE" => ctx.Session.UserName,
            "SESSION_USER" => ctx.Session.SessionUserName,
            _ when spec.StartsWith('"') => spec[1..],
            _ => spec,
        };
    }

    private void RequireCreateRole(string what)
    {
        if (ctx.Session.IsSuperuser(Auth)) return;
        var me = Auth.Role(ctx.Session.CurrentUserOid(Auth));
        if (me is not { CreateRole: true }) throw new TenonException(SqlState.InsufficientPrivilege, $"permission denied to {what}");
    }

    public StatementResult CreateRole(CreateRoleStatement stmt)
    {
        RequireCreateRole("create role");
        if (stmt.Name.StartsWith("pg_", StringComparison.Ordinal))
            throw new TenonException(SqlState.ReservedName, $"role name \"{stmt.Name}\" is reserved", "Role names starting with \"pg_\" are reserved.");
        if (Auth.RoleNamed(stmt.Name) is not null) throw new TenonException(SqlState.DuplicateObject, $"role \"{stmt.Name}\" already exists");
        var role = new RoleDef { Oid = (uint)Db.NextOid(), Name = stmt.Name, CanLogin = stmt.Kind == RoleStatementKind.User };
        role = ApplyRoleOptions(role, stmt.Options, out var inRoles, out var members, out var admins);
        if (role.Superuser && !ctx.Session.IsSuperuser(Auth))
            throw new TenonException(SqlState.InsufficientPrivilege, "must be superuser to create superusers");
        var auth = Auth.PutRole(role);
        Catalog = Catalog.WithAuth(auth);
        var grantor = ctx.Session.CurrentUserOid(Auth);
        foreach (var r in inRoles) AddMember(RoleOf(r), role, grantor, false);
        foreach (var m in members) AddMember(role, RoleOf(m), grantor, false);
        foreach (var m in admins) AddMember(role, RoleOf(m), grantor, true);
        return new StatementResult("CREATE ROLE");
    }

    private static RoleDef ApplyRoleOptions(RoleDef role, IReadOnlyList<RoleOption> options, out List<string> inRoles, out List<string> members, out List<string> admins)
    {
        inRoles = []; members = []; admins = [];
        var seen = new HashSet<string>();
        foreach (var o in options)
        {
            if (!seen.Add(o.Name))
                throw new TenonException(SqlState.SyntaxError, "conflicting or redundant options") { Position = o.Position };
            switch (o.Name)
            {
                case "superuser": role = role with { Superuser = (bool)o.Value! }; break;
                case "createrole": role = role with { CreateRole = (bool)o.Value! }; break;
                case "createdb": role = role with { CreateDb = (bool)o.Value! }; break;
                case "inherit": role = role with { Inherit = (bool)o.Value! }; break;
                case "canlogin": role = role with { CanLogin = (bool)o.Value! }; break;
                case "isreplication": role = role with { Replication = (bool)o.Value! }; break;
                case "bypassrls": role = role with { BypassRls = (bool)o.Value! }; break;
                case "connectionlimit":
                    var n = (int)o.Value!;
                    if (n < -1) throw new TenonException(SqlState.InvalidParameterValue, $"invalid connection limit: {n}");
                    role = role with { ConnectionLimit = n };
                    break;
                case "password": role = role with { Password = (string?)o.Value }; break;
                case "validUntil": role = role with { ValidUntil = (string)o.Value! }; break;
                case "addroleto": inRoles = (List<string>)o.Value!; break;
                case "rolemembers": members = (List<string>)o.Value!; break;
                case "adminmembers": admins = (List<string>)o.Value!; break;
            }
        }
        return role;
    }

    public StatementResult AlterRole(AlterRoleStatement stmt)
    {
        var role = RoleOf(stmt.Name);
        if (Auth.Role(role.Oid) is null || role.Oid is AuthCatalog.BootstrapOid or AuthCatalog.DatabaseOwnerOid && stmt.Options.Count > 0 && !ctx.Session.IsSuperuser(Auth))
            throw new TenonException(SqlState.InsufficientPrivilege, "permission denied");
        var super = ctx.Session.IsSuperuser(Auth);
        if (!super)
        {
            var onlyPassword = stmt.Options.All(o => o.Name == "password") && role.Oid == ctx.Session.CurrentUserOid(Auth);
            if (role.Superuser) throw new TenonException(SqlState.InsufficientPrivilege, "must be superuser to alter superuser roles or change superuser attribute");
            if (!onlyPassword) RequireCreateRole("alter role");
        }
        if (stmt.Options.Any(o => o.Name == "superuser") && !super)
            throw new TenonException(SqlState.InsufficientPrivilege, "must be superuser to alter superuser roles or change superuser attribute");
        var changed = ApplyRoleOptions(role, stmt.Options, out _, out var members, out _);
        if (role.Oid is AuthCatalog.BootstrapOid or AuthCatalog.DatabaseOwnerOid)
        {
            if (changed != role) throw new TenonException(SqlState.FeatureNotSupported, $"altering the built-in role \"{role.Name}\" is not supported by Tenon");
        }
        else Catalog = Catalog.WithAuth(Auth.PutRole(changed));
        foreach (var m in members) AddMember(changed, RoleOf(m), ctx.Session.CurrentUserOid(Auth), false);
        return new StatementResult("ALTER ROLE");
    }

    public StatementResult RenameRole(RenameRoleStatement stmt)
    {
        var role = RoleOf(stmt.Name);
        if (role.Oid == ctx.Session.SessionUserOid(Auth) || role.Name == ctx.Session.SessionUserName)
            throw new TenonException(SqlState.FeatureNotSupported, "session user cannot be renamed");
        if (role.Oid == ctx.Session.CurrentUserOid(Auth) && Auth.Role(role.Oid) is not null && role.Name == ctx.Session.UserName)
            throw new TenonException(SqlState.FeatureNotSupported, "current user cannot be renamed");
        if (Auth.Role(role.Oid) is null || role.Oid is AuthCatalog.BootstrapOid or AuthCatalog.DatabaseOwnerOid)
            throw new TenonException(SqlState.FeatureNotSupported, $"renaming the built-in role \"{role.Name}\" is not supported by Tenon");
        if (Auth.RoleNamed(stmt.NewName) is not null) throw new TenonException(SqlState.DuplicateObject, $"role \"{stmt.NewName}\" already exists");
        if (stmt.NewName.StartsWith("pg_", StringComparison.Ordinal))
            throw new TenonException(SqlState.ReservedName, $"role name \"{stmt.NewName}\" is reserved", "Role names starting with \"pg_\" are reserved.");
        if (role.Superuser && !ctx.Session.IsSuperuser(Auth)) throw new TenonException(SqlState.InsufficientPrivilege, "must be superuser to rename superusers");
        RequireCreateRole("rename role");
        var renamed = role with { Name = stmt.NewName };
        if (role.Password is not null)
        {
            renamed = renamed with { Password = null };
            ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", "MD5 password cleared because of role rename"));
        }
        Catalog = Catalog.WithAuth(Auth.PutRole(renamed));
        return new StatementResult("ALTER ROLE");
    }

    public StatementResult DropRole(DropRoleStatement stmt)
    {
        RequireCreateRole("drop role");
        foreach (var spec in stmt.Names)
        {
            var name = RoleSpecName(spec, out var isPublic);
            if (isPublic) throw new TenonException(SqlState.UndefinedObject, "role \"public\" does not exist");
            var role = Auth.RoleNamed(name);
            if (role is null)
            {
                if (!stmt.IfExists) throw new TenonException(SqlState.UndefinedObject, $"role \"{name}\" does not exist");
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"role \"{name}\" does not exist, skipping"));
                continue;
            }
            if (name == ctx.Session.UserName) throw new TenonException(SqlState.ObjectInUse, "current user cannot be dropped");
            if (name == ctx.Session.SessionUserName) throw new TenonException(SqlState.ObjectInUse, "session user cannot be dropped");
            if (role.Oid is AuthCatalog.BootstrapOid or AuthCatalog.DatabaseOwnerOid)
                throw new TenonException(SqlState.DependentObjectsStillExist, $"cannot drop role {name} because it is required by the database system");
            if (role.Superuser && !ctx.Session.IsSuperuser(Auth)) throw new TenonException(SqlState.InsufficientPrivilege, "must be superuser to drop superusers");
            var dependents = RoleDependents(role.Oid);
            if (dependents.Count > 0)
                throw new TenonException(SqlState.DependentObjectsStillExist, $"role \"{name}\" cannot be dropped because some objects depend on it",
                    string.Join("\n", dependents));
            var auth = Auth with
            {
                Roles = Auth.Roles.Remove(role.Oid),
                Members = Auth.Members.RemoveAll(m => m.Role == role.Oid || m.Member == role.Oid),
            };
            Catalog = Catalog.WithAuth(auth);
        }
        return new StatementResult("DROP ROLE");
    }

    /// <summary>The DETAIL lines of DROP ROLE's 2BP01: objects the role owns and objects it has privileges on, in oid order.</summary>
    private List<string> RoleDependents(uint role)
    {
        var lines = new List<string>();
        foreach (var (key, acl) in Auth.Objects.OrderBy(p => p.Key.ObjectOid).ThenBy(p => p.Key.ClassOid))
        {
            var described = DescribeForDependency(key);
            if (described is null) continue;
            if (acl.Owner == role) lines.Add("owner of " + described);
            if (acl.Acl is { } items && items.Any(a => (a.Grantee == role || a.Grantor == role) && a.Grantee != acl.Owner))
                lines.Add("privileges for " + described);
            foreach (var c in acl.Columns)
                if (c.Acl.Any(a => a.Grantee == role || a.Grantor == role) && Catalog.Tables.TryGetValue(key.ObjectOid, out var t)
                    && t.Columns.FirstOrDefault(x => x.Number == c.Column) is { } col)
                    lines.Add($"privileges for column {col.Name} of {described}");
        }
        foreach (var d in Auth.DefaultAcls)
        {
            if (d.Role != role && !d.Acl.Any(a => a.Grantee == role)) continue;
            var kinds = d.ObjectType switch { 'S' => "sequences", 'f' => "functions", 'T' => "types", 'n' => "schemas", _ => "relations" };
            var where = d.Namespace == 0 ? "" : $" in schema {Catalog.SchemaName(d.Namespace)}";
            lines.Add($"{(d.Role == role ? "owner of" : "privileges for")} default privileges on new {kinds} belonging to role {Auth.RoleName(d.Role)}{where}");
        }
        return lines;
    }

    /// <summary>The object as pg_describe_object names it, or null when it no longer exists.</summary>
    private string? DescribeForDependency(ObjectKey key)
    {
        switch (key.ClassOid)
        {
            case ObjectKey.Namespace:
                return Catalog.SchemaName(key.ObjectOid) is { } s ? $"schema {s}" : null;
            case CommentKey.TypeClass:
                return Catalog.UserTypes.TryGetValue(key.ObjectOid, out var t) ? $"type {t.Name}" : null;
            case ObjectKey.Routine:
                return Catalog.Functions.TryGetValue(key.ObjectOid, out var f)
                    ? $"{(f.Kind == 'p' ? "procedure" : "function")} {f.Name}({string.Join(", ", f.Parameters.Where(p => p.IsInput).Select(p => p.Type.DisplayName))})"
                    : null;
            default:
                if (Catalog.RelationKind(key.ObjectOid) == '\0') return null;
                return ObjectDescriptions.Describe(ctx, ObjectKey.Relation, key.ObjectOid, 0);
        }
    }

    public StatementResult GrantRole(GrantRoleStatement stmt)
    {
        var grantor = ctx.Session.CurrentUserOid(Auth);
        var roles = stmt.Roles.Select(r => RoleOf(r)).ToList();
        var members = stmt.Grantees.Select(m => RoleOf(m)).ToList();
        foreach (var role in roles)
        {
            if (!ctx.Session.IsSuperuser(Auth) && !(Auth.Role(grantor) is { CreateRole: true } && !role.Superuser)
                && !Auth.Members.Any(m => m.Role == role.Oid && m.Member == grantor && m.AdminOption))
                throw new TenonException(SqlState.InsufficientPrivilege, $"must have admin option on role \"{role.Name}\"");
            foreach (var member in members)
            {
                if (stmt.IsGrant) AddMember(role, member, grantor, stmt.AdminOption);
                else RemoveMember(role, member, stmt.AdminOption);
            }
        }
        return new StatementResult(stmt.IsGrant ? "GRANT ROLE" : "REVOKE ROLE");
    }

    private void AddMember(RoleDef role, RoleDef member, uint grantor, bool admin)
    {
        if (role.Oid == AuthCatalog.DatabaseOwnerOid)
            throw new TenonException(SqlState.InvalidGrantOperation, "role \"pg_database_owner\" cannot have explicit members");
        if (member.Oid == role.Oid || Auth.RolesOf(role.Oid, inheritOnly: false).Contains(member.Oid))
            throw new TenonException(SqlState.InvalidGrantOperation, $"role \"{role.Name}\" is a member of role \"{member.Name}\"");
        var existing = Auth.Members.FirstOrDefault(m => m.Role == role.Oid && m.Member == member.Oid);
        if (existing is not null)
        {
            if (!admin || existing.AdminOption)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"role \"{member.Name}\" is already a member of role \"{role.Name}\""));
                return;
            }
            Catalog = Catalog.WithAuth(Auth with { Members = Auth.Members.Replace(existing, existing with { AdminOption = true }) });
            return;
        }
        Catalog = Catalog.WithAuth(Auth with { Members = Auth.Members.Add(new RoleMembership { Role = role.Oid, Member = member.Oid, Grantor = grantor, AdminOption = admin }) });
    }

    private void RemoveMember(RoleDef role, RoleDef member, bool adminOnly)
    {
        var existing = Auth.Members.FirstOrDefault(m => m.Role == role.Oid && m.Member == member.Oid);
        if (existing is null)
        {
            ctx.Session.RaiseNotice(new Notice("WARNING", "01000", $"role \"{member.Name}\" is not a member of role \"{role.Name}\""));
            return;
        }
        Catalog = Catalog.WithAuth(Auth with
        {
            Members = adminOnly ? Auth.Members.Replace(existing, existing with { AdminOption = false }) : Auth.Members.Remove(existing),
        });
    }
}
