using System.Text;

namespace Tenon.Catalog;

/// <summary>PostgreSQL's privilege bits (ACL_INSERT …), in the order aclitem text prints their letters.</summary>
[Flags]
public enum Privilege
{
    None = 0,
    Insert = 1 << 0,
    Select = 1 << 1,
    Update = 1 << 2,
    Delete = 1 << 3,
    Truncate = 1 << 4,
    References = 1 << 5,
    Trigger = 1 << 6,
    Execute = 1 << 7,
    Usage = 1 << 8,
    Create = 1 << 9,
    Temporary = 1 << 10,
    Connect = 1 << 11,
}

/// <summary>
/// One entry of an access control list (an aclitem): the grantee (0 for PUBLIC), the grantor,
/// the privileges granted and those of them granted WITH GRANT OPTION.
/// </summary>
public sealed record AclItem
{
    public required uint Grantee { get; init; }
    public required uint Grantor { get; init; }
    public required Privilege Privileges { get; init; }
    public Privilege GrantOptions { get; init; }

    /// <summary>The letters of the privileges, in aclitem order ("arwdDxtXUCTc").</summary>
    public const string Letters = "arwdDxtXUCTc";

    /// <summary>aclitem text: <c>grantee=privs/grantor</c>, grantee empty for PUBLIC, '*' after a letter granted with grant option.</summary>
    public string Format(Func<uint, string> roleName)
    {
        var sb = new StringBuilder();
        if (Grantee != 0) sb.Append(QuoteName(roleName(Grantee)));
        sb.Append('=');
        for (var i = 0; i < Letters.Length; i++)
        {
            var bit = (Privilege)(1 << i);
            if ((Privileges & bit) == 0) continue;
            sb.Append(Letters[i]);
            if ((GrantOptions & bit) != 0) sb.Append('*');
        }
        sb.Append('/').Append(QuoteName(roleName(Grantor)));
        return sb.ToString();
    }

    /// <summary>aclitem's putid: a name is double-quoted unless it is only letters, digits and underscores.</summary>
    private static string QuoteName(string name)
    {
        foreach (var c in name)
            if (!(char.IsLetterOrDigit(c) || c == '_'))
                return "\"" + name.Replace("\"", "\"\"") + "\"";
        return name;
    }
}

/// <summary>
/// The owner and privileges of one object (relation, schema, routine): its pg_class.relowner /
/// relacl (and the attacl of its columns), nspowner / nspacl, proowner / proacl. A null
/// <see cref="Acl"/> is PostgreSQL's NULL acl: the kind's default privileges (<see cref="Privileges.Default"/>).
/// </summary>
public sealed record ObjectAcl
{
    public required uint Owner { get; init; }
    public AclItem[]? Acl { get; init; }
    /// <summary>Column privileges (attacl) by column number; absent columns have none.</summary>
    public ColumnAcl[] Columns { get; init; } = [];
}

/// <summary>The privileges granted on one column (pg_attribute.attacl).</summary>
public sealed record ColumnAcl
{
    public required short Column { get; init; }
    public required AclItem[] Acl { get; init; }
}

/// <summary>Keys of <see cref="AuthCatalog.Objects"/>: the catalog of the object (pg_class, pg_namespace, pg_proc) and its oid.</summary>
public readonly record struct ObjectKey(uint ClassOid, uint ObjectOid)
{
    public const uint Relation = 1259, Namespace = 2615, Routine = 1255, Type = 1247;
}
