using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// ALTER DEFAULT PRIVILEGES (PostgreSQL's SetDefaultACL): the entry for each role and schema (0 for
/// all schemas) starts from the built-in default (or nothing in one schema), takes the GRANT or
/// REVOKE as the role's own grant, and is removed when it comes back to where it started.
/// </summary>
public sealed partial class DdlExecutor
{
    public StatementResult AlterDefaultPrivileges(AlterDefaultPrivilegesStatement stmt)
    {
        var me = ctx.Session.CurrentUserOid(Auth);
        var roles = stmt.ForRoles?.Select(r => RoleOf(r)).ToList() ?? [Auth.Role(me) ?? AuthCatalog.BuiltinRoles[0]];
        if (stmt.ObjectType == 'n' && stmt.InSchemas is not null)
            throw new TenonException(SqlState.InvalidGrantOperation, "cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS");
        var schemas = stmt.InSchemas?.Select(s => Catalog.SchemaOid(s) is var o and not 0 ? o
            : throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{s}\" does not exist")).ToList() ?? [0u];
        var all = Privileges.AllFor(stmt.ObjectType);
        var privileges = Privilege.None;
        foreach (var p in stmt.Grant.Privileges ?? [new PrivilegeSpec("all", null, 0)])
        {
            var bits = p.Name == "all" ? all
                : PrivilegeNames.TryGetValue(p.Name, out var b) ? b
                : throw new TenonException(SqlState.SyntaxError, $"unrecognized privilege type \"{p.Name}\"");
            if ((bits & ~all) != 0)
                throw new TenonException(SqlState.InvalidGrantOperation, $"invalid privilege type {p.Name.ToUpperInvariant()} for " +
                    stmt.ObjectType switch { 'S' => "sequence", 'f' => "function", 'T' => "type", 'n' => "schema", _ => "relation" });
            privileges |= bits;
        }
        var grantees = stmt.Grant.Grantees.Select(g => RoleSpecName(g, out var pub) is var _ && pub ? 0u : RoleOf(g).Oid).ToList();
        foreach (var role in roles)
        {
            if (!ctx.Session.IsSuperuser(Auth) && !Auth.HasPrivilegesOf(me, role.Oid))
                throw new TenonException(SqlState.InsufficientPrivilege, "permission denied to change default privileges");
            foreach (var schema in schemas)
            {
                var existing = Auth.DefaultAcls.FirstOrDefault(d => d.Role == role.Oid && d.Namespace == schema && d.ObjectType == stmt.ObjectType);
                var baseline = (schema == 0 ? Privileges.Default(stmt.ObjectType, role.Oid, default) : []).ToList();
                var acl = (existing?.Acl ?? baseline.ToArray()).ToList();
                foreach (var grantee in grantees)
                    acl = Update(acl, grantee, role.Oid, privileges, stmt.Grant, role.Oid);
                // Kept sorted, and compared sorted with where it started (SetDefaultACL).
                DefaultPrivileges.Sort(acl);
                DefaultPrivileges.Sort(baseline);
                var list = existing is null ? Auth.DefaultAcls : Auth.DefaultAcls.Remove(existing);
                if (!DefaultPrivileges.Same(acl, baseline))
                {
                    var entry = new DefaultAcl { Role = role.Oid, Namespace = schema, ObjectType = stmt.ObjectType, Acl = acl.ToArray() };
                    list = existing is null ? list.Add(entry) : Auth.DefaultAcls.Replace(existing, entry);
                }
                Catalog = Catalog.WithAuth(Auth with { DefaultAcls = list });
            }
        }
        return new StatementResult("ALTER DEFAULT PRIVILEGES");
    }
}
