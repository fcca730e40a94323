using Tenon.Catalog;
using Tenon.Errors;

namespace Tenon.Execution;

/// <summary>ALTER … OWNER TO: the new owner takes the old one's place in the object's acl (aclnewowner).</summary>
public sealed partial class DdlExecutor
{
    /// <summary>The older OWNER TO parsers keep current_user / session_user / current_role in lower case; role specs are upper case.</summary>
    private static string OwnerSpec(string role) => role is "current_user" or "session_user" or "current_role" ? role.ToUpperInvariant() : role;

    private void SetRelationOwner(uint oid, string role)
    {
        var owned = Catalog.Indexes.TryGetValue(oid, out var ix) ? ix.TableOid : oid;
        SetOwner(new ObjectKey(ObjectKey.Relation, owned), Privileges.RelationKindName(Catalog, oid), Catalog.RelationName(oid), role);
        // A table's owned sequences change owner with it.
        foreach (var seq in Catalog.Sequences.Values.Where(s => s.OwnerTableOid == owned && owned != 0).ToList())
            SetOwner(new ObjectKey(ObjectKey.Relation, seq.Oid), "sequence", seq.Name, role, check: false);
    }

    private void SetOwner(ObjectKey key, string kind, string name, string role, bool check = true)
    {
        var newOwner = RoleOf(OwnerSpec(role));
        var current = Catalog.AclOf(key);
        if (current.Owner == newOwner.Oid || newOwner.Oid == AuthCatalog.BootstrapOid && Auth.Role(AuthCatalog.BootstrapOid)!.Name != newOwner.Name && current.Owner == AuthCatalog.BootstrapOid)
            return;
        if (check && !ctx.Session.IsSuperuser(Auth))
        {
            Privileges.RequireOwner(ctx, key, kind, name);
            var me = ctx.Session.CurrentUserOid(Auth);
            if (!Auth.IsMemberOf(me, newOwner.Oid))
                throw new TenonException(SqlState.InsufficientPrivilege, $"must be member of role \"{newOwner.Name}\"");
        }
        AclItem[]? acl = null;
        if (current.Acl is { } old)
        {
            // Entries that become the same grantee and grantor merge (aclnewowner).
            var merged = new List<AclItem>();
            foreach (var a in old)
            {
                var moved = a with
                {
                    Grantee = a.Grantee == current.Owner ? newOwner.Oid : a.Grantee,
                    Grantor = a.Grantor == current.Owner ? newOwner.Oid : a.Grantor,
                };
                var i = merged.FindIndex(m => m.Grantee == moved.Grantee && m.Grantor == moved.Grantor);
                if (i >= 0) merged[i] = merged[i] with { Privileges = merged[i].Privileges | moved.Privileges, GrantOptions = merged[i].GrantOptions | moved.GrantOptions };
                else merged.Add(moved);
            }
            acl = merged.ToArray();
        }
        Catalog = Catalog.WithAuth(Auth.PutObject(key, current with { Owner = newOwner.Oid, Acl = acl }));
    }

    /// <summary>
    /// Gives the objects a statement created to the current user when that is a role other than the
    /// bootstrap superuser, and the privileges ALTER DEFAULT PRIVILEGES set for what that role
    /// creates: relations (an index goes with its table), schemas, routines and types that
    /// <paramref name="before"/> did not have.
    /// </summary>
    internal static void AssignNewOwners(ExecContext ctx, SystemCatalog before)
    {
        var after = ctx.Transaction.Catalog;
        if (ReferenceEquals(before, after)) return;
        var owner = ctx.Session.CurrentUserOid(after.Auth);
        var auth = after.Auth;
        if (owner == AuthCatalog.BootstrapOid && auth.DefaultAcls.IsEmpty) return;
        void Give(ObjectKey key, char kind, uint schemaOid)
        {
            if (auth.Objects.ContainsKey(key)) return;
            var acl = DefaultPrivileges.For(auth, owner, kind, schemaOid);
            if (owner != AuthCatalog.BootstrapOid || acl is not null) auth = auth.PutObject(key, new ObjectAcl { Owner = owner, Acl = acl });
        }
        var existed = before.RelationsByName.Values.ToHashSet();
        foreach (var oid in after.RelationsByName.Values)
            if (!existed.Contains(oid) && !after.Indexes.ContainsKey(oid))
                Give(new ObjectKey(ObjectKey.Relation, oid), after.Sequences.ContainsKey(oid) ? 'S' : 'r', after.SchemaOid(after.RelationSchema(oid)));
        foreach (var (_, oid) in after.SchemaOidsByName)
            if (!before.SchemaOidsByName.ContainsValue(oid)) Give(new ObjectKey(ObjectKey.Namespace, oid), 'n', 0);
        foreach (var (oid, f) in after.Functions)
            if (!before.Functions.ContainsKey(oid)) Give(new ObjectKey(ObjectKey.Routine, oid), 'f', after.SchemaOid(f.Schema));
        foreach (var (oid, t) in after.UserTypes)
            if (!before.UserTypes.ContainsKey(oid)) Give(new ObjectKey(ObjectKey.Type, oid), 'T', after.SchemaOid(t.Schema));
        if (!ReferenceEquals(auth, after.Auth)) ctx.Transaction.Catalog = after.WithAuth(auth);
    }
}
