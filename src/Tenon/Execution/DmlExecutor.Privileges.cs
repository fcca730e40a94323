using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

public sealed partial class DmlExecutor
{
    /// <summary>
    /// The target's privileges for INSERT / UPDATE / DELETE, plus SELECT when the statement reads
    /// the target (WHERE, RETURNING, FROM/USING, ON CONFLICT), checked at bind time: a plan is
    /// kept only for the catalog and user it was bound for, so GRANT, REVOKE and SET ROLE re-check.
    /// </summary>
    /// <summary>Whether a RETURNING list may read the target's columns (anything but constants does).</summary>
    private static bool ReadsColumns(IReadOnlyList<SelectItem>? returning) =>
        returning is not null && !returning.All(r => r.Expr is IntegerLiteral or NumericLiteral or StringLiteral or BoolLiteral or NullLiteral);

    private void RequireTargetPrivileges(Binder binder, QualifiedName name, int position, Privilege needed, bool reads, IReadOnlyList<short>? columns)
    {
        if (ctx.Session.IsSuperuser(Catalog.Auth)) return;
        var oid = binder.LookupRelation(name, position);
        if (oid == 0) return;
        Privileges.RequireOnRelation(ctx, oid, needed, columns);
        if (reads) Privileges.RequireOnRelation(ctx, oid, Privilege.Select);
    }
}
