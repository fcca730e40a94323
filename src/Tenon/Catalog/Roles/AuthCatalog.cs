using System.Collections.Immutable;

namespace Tenon.Catalog;

/// <summary>
/// The roles of a database, their memberships, and the owners and privileges of its objects.
/// Objects without an entry in <see cref="Objects"/> belong to the bootstrap superuser (the public
/// schema to pg_database_owner) and have the default privileges of their kind. The bootstrap
/// superuser and pg_database_owner are built in (<see cref="BuiltinRoles"/>) and never stored.
/// </summary>
public sealed record AuthCatalog(
    ImmutableDictionary<uint, RoleDef> Roles,
    ImmutableList<RoleMembership> Members,
    ImmutableDictionary<ObjectKey, ObjectAcl> Objects)
{
    public static AuthCatalog Empty { get; } = new(ImmutableDictionary<uint, RoleDef>.Empty, ImmutableList<RoleMembership>.Empty,
        ImmutableDictionary<ObjectKey, ObjectAcl>.Empty);

    public bool IsEmpty => Roles.IsEmpty && Members.IsEmpty && Objects.IsEmpty && DefaultAcls.IsEmpty;

    /// <summary>ALTER DEFAULT PRIVILEGES' entries (pg_default_acl).</summary>
    public ImmutableList<DefaultAcl> DefaultAcls { get; init; } = ImmutableList<DefaultAcl>.Empty;

    public const uint BootstrapOid = PgCatalog.SchemaOids.BootstrapSuperuser;
    public const uint DatabaseOwnerOid = PgCatalog.SchemaOids.DatabaseOwnerRole;

    /// <summary>The roles every database has: the bootstrap superuser (oid 10) and pg_database_owner.</summary>
    public static readonly RoleDef[] BuiltinRoles =
    [
        new RoleDef { Oid = BootstrapOid, Name = Execution.Functions.BootstrapSuperuserName, Superuser = true, CreateRole = true, CreateDb = true,
            CanLogin = true, Replication = true, BypassRls = true },
        new RoleDef { Oid = DatabaseOwnerOid, Name = "pg_database_owner" },
    ];

    /// <summary>Every role, built-in ones first, then by oid.</summary>
    public IEnumerable<RoleDef> AllRoles => BuiltinRoles.Concat(Roles.Values.OrderBy(r => r.Oid));

    public RoleDef? Role(uint oid) =>
        oid == BootstrapOid ? BuiltinRoles[0] : oid == DatabaseOwnerOid ? BuiltinRoles[1] : Roles.GetValueOrDefault(oid);

    public RoleDef? RoleNamed(string name)
    {
        foreach (var b in BuiltinRoles) if (b.Name == name) return b;
        foreach (var r in Roles.Values) if (r.Name == name) return r;
        return null;
    }

    /// <summary>A role's name, or PostgreSQL's text for an oid that is no role.</summary>
    public string RoleName(uint oid) => Role(oid)?.Name ?? $"unknown (OID={oid})";

    public uint OwnerOf(ObjectKey key) =>
        Objects.TryGetValue(key, out var o) ? o.Owner
        : key is { ClassOid: ObjectKey.Namespace, ObjectOid: PgCatalog.SchemaOids.Public } ? DatabaseOwnerOid : BootstrapOid;

    /// <summary>
    /// The roles whose privileges <paramref name="role"/> has (itself and, through INHERIT, the
    /// roles it is a member of, transitively); with <paramref name="inheritOnly"/> false, every role
    /// it may SET ROLE to. pg_database_owner's member is the bootstrap superuser, the database's owner.
    /// </summary>
    public HashSet<uint> RolesOf(uint role, bool inheritOnly = true)
    {
        var seen = new HashSet<uint> { role };
        var queue = new Queue<uint>();
        queue.Enqueue(role);
        while (queue.Count > 0)
        {
            var r = queue.Dequeue();
            if (inheritOnly && r != role && Role(r) is { Inherit: false }) continue;
            if (inheritOnly && r == role && Role(r) is { Inherit: false }) continue;
            if (r == BootstrapOid && seen.Add(DatabaseOwnerOid)) queue.Enqueue(DatabaseOwnerOid);
            foreach (var m in Members)
                if (m.Member == r && seen.Add(m.Role)) queue.Enqueue(m.Role);
        }
        return seen;
    }

    public bool IsSuperuser(uint role) => Role(role)?.Superuser == true;

    /// <summary>PostgreSQL's has_privs_of_role: superusers have every role's privileges.</summary>
    public bool HasPrivilegesOf(uint member, uint role) => member == role || IsSuperuser(member) || RolesOf(member).Contains(role);

    /// <summary>PostgreSQL's is_member_of_role: membership regardless of INHERIT (what SET ROLE needs).</summary>
    public bool IsMemberOf(uint member, uint role) => member == role || IsSuperuser(member) || RolesOf(member, inheritOnly: false).Contains(role);

    public AuthCatalog PutRole(RoleDef role) => this with { Roles = Roles.SetItem(role.Oid, role) };

    public AuthCatalog PutObject(ObjectKey key, ObjectAcl acl) => this with { Objects = Objects.SetItem(key, acl) };

    public AuthCatalog RemoveObject(ObjectKey key) => Objects.ContainsKey(key) ? this with { Objects = Objects.Remove(key) } : this;
}
