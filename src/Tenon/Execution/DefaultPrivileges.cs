using Tenon.Catalog;

namespace Tenon.Execution;

/// <summary>
/// The privileges a new object gets from ALTER DEFAULT PRIVILEGES (PostgreSQL's
/// get_user_default_acl): the role's entry for every schema replaces the built-in default, the
/// entry for the object's schema is merged into it, and the result is sorted as aclitemsort sorts
/// (by grantee, grantor, privileges); null when that is just the built-in default.
/// </summary>
public static class DefaultPrivileges
{
    public static AclItem[]? For(AuthCatalog auth, uint owner, char kind, uint schemaOid)
    {
        if (auth.DefaultAcls.IsEmpty) return null;
        var global = auth.DefaultAcls.FirstOrDefault(d => d.Role == owner && d.Namespace == 0 && d.ObjectType == kind);
        var inSchema = schemaOid == 0 ? null : auth.DefaultAcls.FirstOrDefault(d => d.Role == owner && d.Namespace == schemaOid && d.ObjectType == kind);
        if (global is null && inSchema is null) return null;
        var builtin = Privileges.Default(kind, owner, default);
        var acl = (global?.Acl ?? builtin).ToList();
        foreach (var item in inSchema?.Acl ?? [])
        {
            var i = acl.FindIndex(a => a.Grantee == item.Grantee && a.Grantor == item.Grantor);
            if (i >= 0) acl[i] = acl[i] with { Privileges = acl[i].Privileges | item.Privileges, GrantOptions = acl[i].GrantOptions | item.GrantOptions };
            else acl.Add(item);
        }
        Sort(acl);
        return Same(acl, builtin) ? null : acl.ToArray();
    }

    /// <summary>aclitemsort: by grantee, grantor, then privileges with grant options above them.</summary>
    public static void Sort(List<AclItem> acl) =>
        acl.Sort((a, b) => a.Grantee != b.Grantee ? a.Grantee.CompareTo(b.Grantee)
            : a.Grantor != b.Grantor ? a.Grantor.CompareTo(b.Grantor)
            : ((int)a.Privileges | (int)a.GrantOptions << 16).CompareTo((int)b.Privileges | (int)b.GrantOptions << 16));

    /// <summary>aclequal: the same entries in the same order.</summary>
    public static bool Same(IReadOnlyList<AclItem> a, IReadOnlyList<AclItem> b) => a.Count == b.Count && a.Zip(b).All(p => p.First == p.Second);
}
