using Tenon.Catalog;
using Tenon.Execution.Expressions;
using Tenon.Types;

namespace Tenon.Binding;

public sealed partial class Binder
{
    /// <summary>
    /// Set to record, while binding an expression kept in the catalog (a column DEFAULT), which
    /// string literals became regclass constants and the oid each resolved to. PostgreSQL keeps
    /// such a constant as the oid, so the expression keeps naming that relation after a rename, a
    /// SET SCHEMA or a change of search_path; the caller writes the oids back into the parsed tree.
    /// Keyed by the literal node itself (reference identity).
    /// </summary>
    public Dictionary<Sql.Ast.Expr, uint>? RegClassLiterals { get; init; }

    /// <summary>
    /// Set to record, with <see cref="RegClassLiterals"/>, the user function each call resolved to
    /// (keyed by the call node), so that a kept expression can go on calling it.
    /// </summary>
    public Dictionary<Sql.Ast.Expr, RoutineDef>? RoutineCalls { get; init; }

    /// <summary>The literal each untyped constant was made from, while <see cref="RegClassLiterals"/> is recorded.</summary>
    private Dictionary<ConstExpr, Sql.Ast.Expr>? _literalSources;

    /// <summary>An untyped constant for <paramref name="literal"/>, remembered when regclass literals are recorded.</summary>
    private ConstExpr UntypedLiteral(Sql.Ast.Expr literal, string value)
    {
        var c = new ConstExpr(value, SqlType.Unknown);
        if (RegClassLiterals is not null)
            (_literalSources ??= new(ReferenceEqualityComparer.Instance))[c] = literal;
        return c;
    }

    /// <summary>
    /// Coercions between names and regclass, which need the catalog. A string constant is resolved
    /// now, as PostgreSQL does while parsing, so nextval('no_such_seq') fails at the literal and the
    /// call keeps the sequence's oid. Text computed at run time is resolved when evaluated.
    /// regclass to text gives the relation's name. Null when another rule applies.
    /// </summary>
    private BoundExpr? CoerceRegClass(BoundExpr e, SqlType target, int position)
    {
        if (target.Id == TypeId.RegClass)
        {
            if (e is ConstExpr { Type.Id: TypeId.Unknown } c)
            {
                if (c.Value is null) return new ConstExpr(null, SqlType.RegClass);
                try
                {
                    var oid = RegClassName.Resolve((string)c.Value, Catalog, Path);
                    if (_literalSources is not null && _literalSources.TryGetValue(c, out var literal)) RegClassLiterals![literal] = oid;
                    return new ConstExpr(oid, SqlType.RegClass);
                }
                catch (Errors.TenonException ex) when (ex.Position == 0)
                {
                    ex.Position = position;
                    throw;
                }
            }
            if (e.Type.Id is TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name)
                return new FunctionExpr("regclass", [e], SqlType.RegClass,
                    (a, ctx) => RegClassName.Resolve((string)a[0]!, ctx.Transaction.Catalog, ctx.Session.SearchPath), strict: true, volatileFn: false);
            return null;
        }
        if (e.Type.Id == TypeId.RegClass && target.Id is TypeId.Text or TypeId.Varchar or TypeId.Name)
        {
            BoundExpr name = new FunctionExpr("text", [e], SqlType.Text,
                (a, ctx) => RegClassName.Format((uint)a[0]!, ctx.Transaction.Catalog, ctx.Session.SearchPath), strict: true, volatileFn: false);
            return target.Id == TypeId.Text ? name : TryCoerce(name, target, CastContext.Explicit, position);
        }
        return null;
    }
}
