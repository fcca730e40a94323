using Tenon.Catalog;
using Tenon.Execution.Expressions;
using Tenon.Types;

namespace Tenon.Binding;

public sealed partial class Binder
{
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
                    return new ConstExpr(RegClassName.Resolve((string)c.Value, Catalog, Path), SqlType.RegClass);
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
