using Tenon.Catalog;
using Tenon.Errors;

namespace Tenon.Execution;

/// <summary>
/// Privilege arithmetic and checks with PostgreSQL's rules: the default privileges of each kind
/// of object (acldefault), the privileges a role has through its memberships and PUBLIC, and the
/// 42501 errors ("permission denied for table t", "must be owner of table t"). Callers test
/// <see cref="Session.IsSuperuser"/> first, which is a field test on the hot path.
/// </summary>
public static class Privileges
{
    public const Privilege AllTable = Privilege.Insert | Privilege.Select | Privilege.Update | Privilege.Delete | Privilege.Truncate | Privilege.References | Privilege.Trigger;
    public const Privilege AllSequence = Privilege.Usage | Privilege.Select | Privilege.Update;
    public const Privilege AllSchema = Privilege.Usage | Privilege.Create;
    public const Privilege AllFunction = Privilege.Execute;
    public const Privilege AllColumn = Privilege.Select | Privilege.Insert | Privilege.Update | Privilege.References;

    /// <summary>The kind of an object as the catalog's oid says it: 'r' table (and view, matview), 'S' sequence, 'n' schema, 'f' routine.</summary>
    public static char KindOf(SystemCatalog catalog, ObjectKey key) => key.ClassOid switch
    {
        ObjectKey.Namespace => 'n',
        ObjectKey.Routine => 'f',
        ObjectKey.Type => 'T',
        _ => catalog.Sequences.ContainsKey(key.ObjectOid) ? 'S' : 'r',
    };

    public static Privilege AllFor(char kind) => kind switch { 'S' => AllSequence, 'n' => AllSchema, 'f' => AllFunction, 'T' => Privilege.Usage, _ => AllTable };

    /// <summary>
    /// acldefault: the owner's full rights, after PUBLIC's EXECUTE on routines and USAGE on types;
    /// the built-in schemas hold initdb's grants (the owner's first).
    /// </summary>
    public static AclItem[] Default(char kind, uint owner, ObjectKey key)
    {
        var own = new AclItem { Grantee = owner, Grantor = owner, Privileges = AllFor(kind) };
        if (kind is 'f' or 'T') return [new AclItem { Grantee = 0, Grantor = owner, Privileges = AllFor(kind) }, own];
        if (kind == 'n' && key.ObjectOid is Catalog.PgCatalog.SchemaOids.Public or Catalog.PgCatalog.SchemaOids.PgCatalog or Catalog.PgCatalog.SchemaOids.InformationSchema)
            return [own, new AclItem { Grantee = 0, Grantor = owner, Privileges = Privilege.Usage }];
        return [own];
    }

    /// <summary>The object's acl: the stored one, or the default of its kind.</summary>
    public static AclItem[] EffectiveAcl(SystemCatalog catalog, ObjectKey key)
    {
        var acl = catalog.AclOf(key);
        return acl.Acl ?? Default(KindOf(catalog, key), acl.Owner, key);
    }

    /// <summary>The acl as pg_class.relacl (etc.) shows it: null while it is the default (never granted or revoked).</summary>
    public static Types.PgArray? AclText(SystemCatalog catalog, ObjectKey key)
    {
        if (!catalog.Auth.Objects.TryGetValue(key, out var o) || o.Acl is null)
        {
            // The built-in schemas hold their initdb grants explicitly.
            if (key.ClassOid == ObjectKey.Namespace && key.ObjectOid is Catalog.PgCatalog.SchemaOids.Public or Catalog.PgCatalog.SchemaOids.PgCatalog or Catalog.PgCatalog.SchemaOids.InformationSchema)
                return Format(catalog, EffectiveAcl(catalog, key));
            return null;
        }
        return Format(catalog, o.Acl);
    }

    public static Types.PgArray Format(SystemCatalog catalog, IEnumerable<AclItem> acl) =>
        Types.PgArray.Of(Types.SqlType.Text, acl.Select(a => (object?)a.Format(catalog.Auth.RoleName)).ToArray());

    /// <summary>The privileges <paramref name="role"/> holds on an object (through its roles and PUBLIC); all of them for a superuser.</summary>
    public static Privilege Held(SystemCatalog catalog, uint role, ObjectKey key, bool grantOptions = false)
    {
        var auth = catalog.Auth;
        if (auth.IsSuperuser(role) || (role == AuthCatalog.BootstrapOid && auth.Role(role) is null)) return AllFor(KindOf(catalog, key));
        var roles = auth.RolesOf(role);
        var held = Privilege.None;
        foreach (var a in EffectiveAcl(catalog, key))
            if (a.Grantee == 0 || roles.Contains(a.Grantee))
                held |= grantOptions ? a.GrantOptions : a.Privileges;
        return held;
    }

    /// <summary>The privileges <paramref name="role"/> holds on one column (column grants only).</summary>
    public static Privilege HeldOnColumn(SystemCatalog catalog, uint role, uint relation, short column)
    {
        var auth = catalog.Auth;
        if (auth.IsSuperuser(role)) return AllColumn;
        if (!auth.Objects.TryGetValue(new ObjectKey(ObjectKey.Relation, relation), out var o)) return Privilege.None;
        var roles = auth.RolesOf(role);
        var held = Privilege.None;
        foreach (var c in o.Columns)
            if (c.Column == column)
                foreach (var a in c.Acl)
                    if (a.Grantee == 0 || roles.Contains(a.Grantee)) held |= a.Privileges;
        return held;
    }

    /// <summary>PostgreSQL's name of a relation's kind in messages: table, view, materialized view, sequence, index.</summary>
    public static string RelationKindName(SystemCatalog catalog, uint oid) => catalog.RelationKind(oid) switch
    {
        'S' => "sequence",
        'v' => "view",
        'm' => "materialized view",
        'i' => "index",
        _ => "table",
    };

    /// <summary>42501 "permission denied for table t" unless the current user holds <paramref name="needed"/> on relation <paramref name="oid"/>.</summary>
    public static void RequireOnRelation(ExecContext ctx, uint oid, Privilege needed, IReadOnlyList<short>? columns = null)
    {
        var catalog = ctx.Transaction.Catalog;
        if (ctx.Session.IsSuperuser(catalog.Auth)) return;
        var role = ctx.Session.CurrentUserOid(catalog.Auth);
        if (!HasOnRelation(catalog, role, oid, needed, columns))
            throw Denied(RelationKindName(catalog, oid), catalog.RelationName(oid));
    }

    /// <summary>
    /// Whether <paramref name="role"/> holds <paramref name="needed"/> on a relation: each privilege
    /// on the table, or else on every one of <paramref name="columns"/> (none given: on some column, as PostgreSQL's ACLMASK_ANY).
    /// </summary>
    public static bool HasOnRelation(SystemCatalog catalog, uint role, uint oid, Privilege needed, IReadOnlyList<short>? columns)
    {
        var key = new ObjectKey(ObjectKey.Relation, oid);
        var held = Held(catalog, role, key);
        var missing = needed & ~held;
        if (missing == 0) return true;
        if ((missing & ~AllColumn) != 0 || !catalog.Tables.TryGetValue(oid, out var table)) return false;
        if (columns is { Count: > 0 })
            return columns.All(c => (HeldOnColumn(catalog, role, oid, c) & missing) == missing);
        return table.Columns.Any(c => !c.IsDropped && (HeldOnColumn(catalog, role, oid, c.Number) & missing) == missing);
    }

    public static TenonException Denied(string kind, string name) =>
        new(SqlState.InsufficientPrivilege, $"permission denied for {kind} {name}");

    /// <summary>42501 "must be owner of KIND name" unless the current user owns the object (or has its owner's privileges).</summary>
    public static void RequireOwner(ExecContext ctx, ObjectKey key, string kind, string name)
    {
        var catalog = ctx.Transaction.Catalog;
        if (ctx.Session.IsSuperuser(catalog.Auth)) return;
        var role = ctx.Session.CurrentUserOid(catalog.Auth);
        if (!catalog.Auth.HasPrivilegesOf(role, catalog.Auth.OwnerOf(key)))
            throw new TenonException(SqlState.InsufficientPrivilege, $"must be owner of {kind} {name}");
    }

    /// <summary>"must be owner of table t" (view, sequence, index …) for a relation.</summary>
    public static void RequireRelationOwner(ExecContext ctx, uint oid)
    {
        var catalog = ctx.Transaction.Catalog;
        if (ctx.Session.IsSuperuser(catalog.Auth)) return;
        // An index belongs to its table's owner.
        var owned = catalog.Indexes.TryGetValue(oid, out var ix) ? ix.TableOid : oid;
        RequireOwner(ctx, new ObjectKey(ObjectKey.Relation, owned), RelationKindName(catalog, oid), catalog.RelationName(oid));
    }

    /// <summary>42501 "permission denied for schema s" unless the current user has <paramref name="needed"/> on it.</summary>
    public static void RequireOnSchema(ExecContext ctx, string schema, Privilege needed, int position = 0)
    {
        var catalog = ctx.Transaction.Catalog;
        if (ctx.Session.IsSuperuser(catalog.Auth)) return;
        var oid = catalog.SchemaOid(schema);
        if (oid == 0 || Catalog.SearchPath.IsTempSchema(schema)) return;
        var role = ctx.Session.CurrentUserOid(catalog.Auth);
        if (schema == "pg_catalog" || schema == "information_schema") return;
        if ((Held(catalog, role, new ObjectKey(ObjectKey.Namespace, oid)) & needed) != needed)
        {
            var e = Denied("schema", schema);
            if (position > 0) e.Position = position;
            throw e;
        }
    }

    /// <summary>The owner of an object a statement creates now: the current user (the bootstrap superuser for a login name that is no role).</summary>
    public static uint NewOwner(ExecContext ctx) => ctx.Session.CurrentUserOid(ctx.Transaction.Catalog.Auth);
}
