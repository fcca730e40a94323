using Tenon.Catalog;
using Tenon.Execution;

namespace Tenon.Binding;

/// <summary>
/// SELECT privilege on the relations a query reads, checked while binding (a kept plan is reused
/// only for the same catalog and user). A user with SELECT on some columns only may read a table
/// whose every referenced column it may select: the table is noted here, and each column bound
/// from it is checked (<see cref="RequireColumnSelect"/>). Superusers skip it all.
/// </summary>
public sealed partial class Binder
{
    /// <summary>Tables read on the strength of column privileges; null (the usual case) when there are none.</summary>
    private HashSet<uint>? _columnPrivilegeTables;

    /// <summary>False while CREATE VIEW binds its query: PostgreSQL checks a view's privileges when it is used, not made.</summary>
    public bool ChecksPrivileges { get; init; } = true;

    private void RequireSelect(uint oid)
    {
        var catalog = Catalog;
        if (!ChecksPrivileges || _ctx.Session.IsSuperuser(catalog.Auth)) return;
        var role = _ctx.Session.CurrentUserOid(catalog.Auth);
        if ((Privileges.Held(catalog, role, new ObjectKey(ObjectKey.Relation, oid)) & Privilege.Select) != 0) return;
        if (Privileges.HasOnRelation(catalog, role, oid, Privilege.Select, null))
        {
            (_columnPrivilegeTables ??= new HashSet<uint>()).Add(oid);
            return;
        }
        throw Privileges.Denied(Privileges.RelationKindName(catalog, oid), catalog.RelationName(oid));
    }

    /// <summary>
    /// A relation a view's query reads is checked against the view's owner, as PostgreSQL does (a
    /// superuser's view needs nothing; the usual case costs one field test).
    /// </summary>
    private void RequireSelectAsViewOwner(uint oid)
    {
        var catalog = Catalog;
        if (!ChecksPrivileges || _bindingView is not { } view || _ctx.Session.IsSuperuser(catalog.Auth) && catalog.Auth.Objects.IsEmpty) return;
        var owner = catalog.Auth.OwnerOf(new ObjectKey(ObjectKey.Relation, view.Oid));
        if (catalog.Auth.IsSuperuser(owner) || catalog.Auth.Role(owner) is null) return;
        if (!Privileges.HasOnRelation(catalog, owner, oid, Privilege.Select, null))
            throw Privileges.Denied(Privileges.RelationKindName(catalog, oid), catalog.RelationName(oid));
    }

    /// <summary>EXECUTE on a user function a query calls (PUBLIC has it unless revoked).</summary>
    private void RequireExecute(RoutineDef fn)
    {
        var catalog = Catalog;
        if (!ChecksPrivileges || _ctx.Session.IsSuperuser(catalog.Auth)) return;
        var role = _ctx.Session.CurrentUserOid(catalog.Auth);
        if ((Privileges.Held(catalog, role, new ObjectKey(ObjectKey.Routine, fn.Oid)) & Privilege.Execute) == 0)
            throw Privileges.Denied(fn.Kind == 'p' ? "procedure" : "function", fn.Name);
    }

    private void RequireColumnSelect(ScopeColumn col)
    {
        var catalog = Catalog;
        var role = _ctx.Session.CurrentUserOid(catalog.Auth);
        if ((Privileges.HeldOnColumn(catalog, role, col.TableOid, (short)col.ColumnNumber) & Privilege.Select) == 0)
            throw Privileges.Denied(Privileges.RelationKindName(catalog, col.TableOid), catalog.RelationName(col.TableOid));
    }
}
