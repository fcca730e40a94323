using Tenon.Catalog.PgCatalog;
using Tenon.Execution;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Binding;

public sealed partial class Binder
{
    /// <summary>
    /// Coercions between names and regtype: a type name written as a string constant is resolved
    /// now (so an unknown type fails at the literal), other text when evaluated; regtype to text
    /// gives the type's name as format_type does. Null when another rule applies.
    /// </summary>
    private BoundExpr? CoerceRegType(BoundExpr e, SqlType target, int position)
    {
        if (target.Id == TypeId.RegType)
        {
            if (e is ConstExpr { Type.Id: TypeId.Unknown } c)
            {
                if (c.Value is null) return new ConstExpr(null, SqlType.RegType);
                try
                {
                    return new ConstExpr(ResolveTypeName((string)c.Value, Catalog, Path.TempSchema), SqlType.RegType);
                }
                catch (Errors.TenonException ex)
                {
                    ex.Position = position;
                    throw;
                }
            }
            if (e.Type.Id is TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name)
                return new FunctionExpr("regtype", [e], SqlType.RegType, (a, ctx) => ResolveTypeName((string)a[0]!, ctx.Transaction.Catalog, ctx.Session.SearchPath.TempSchema), strict: true, volatileFn: false);
            return null;
        }
        if (e.Type.Id == TypeId.RegType && target.Id is TypeId.Text or TypeId.Varchar or TypeId.Name)
        {
            BoundExpr name = new FunctionExpr("text", [e], SqlType.Text,
                (a, ctx) => Functions.RegTypeName((uint)a[0]!, ctx.Transaction.Catalog), strict: true, volatileFn: false);
            return target.Id == TypeId.Text ? name : TryCoerce(name, target, CastContext.Explicit, position);
        }
        return null;
    }

    /// <summary>regtype input: a number is an oid as is; otherwise a type name as SQL writes it (int4, character varying(10), …).</summary>
    private static uint ResolveTypeName(string text, Catalog.SystemCatalog catalog, string? tempSchema)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit) && uint.TryParse(text, out var oid)) return oid;
        Expr? parsed = null;
        try
        {
            if (Sql.Parser.ParseStatement("SELECT NULL::" + text) is Sql.Ast.SelectStatement { Query.Body: SelectCore { Targets: [{ Expr: Sql.Ast.CastExpr cast }] } })
                parsed = cast;
        }
        catch (Errors.TenonException)
        {
        }
        if (parsed is not Sql.Ast.CastExpr typeCast)
            throw new Errors.TenonException(Errors.SqlState.InvalidTextRepresentation, $"invalid type name \"{text}\"");
        return ResolveType(typeCast.Type, catalog, tempSchema).CatalogOid;
    }

    /// <summary>Coercions between names and regnamespace, as for regtype: a schema name to its oid, an oid to the quoted name.</summary>
    private BoundExpr? CoerceRegNamespace(BoundExpr e, SqlType target, int position)
    {
        if (target.Id == TypeId.RegNamespace)
        {
            if (e is ConstExpr { Type.Id: TypeId.Unknown } c)
            {
                if (c.Value is null) return new ConstExpr(null, SqlType.RegNamespace);
                try
                {
                    return new ConstExpr(Functions.ResolveNamespace((string)c.Value, Catalog), SqlType.RegNamespace);
                }
                catch (Errors.TenonException ex)
                {
                    ex.Position = position;
                    throw;
                }
            }
            if (e.Type.Id is TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name)
                return new FunctionExpr("regnamespace", [e], SqlType.RegNamespace,
                    (a, ctx) => Functions.ResolveNamespace((string)a[0]!, ctx.Transaction.Catalog), strict: true, volatileFn: false);
            return null;
        }
        if (e.Type.Id == TypeId.RegNamespace && target.Id is TypeId.Text or TypeId.Varchar or TypeId.Name)
        {
            BoundExpr name = new FunctionExpr("text", [e], SqlType.Text,
                (a, ctx) => Functions.RegNamespaceName((uint)a[0]!, ctx.Transaction.Catalog), strict: true, volatileFn: false);
            return target.Id == TypeId.Text ? name : TryCoerce(name, target, CastContext.Explicit, position);
        }
        return null;
    }

    /// <summary>Coercions between names and regrole, as for regtype: a role name to its oid, an oid to the quoted name.</summary>
    private BoundExpr? CoerceRegRole(BoundExpr e, SqlType target, int position)
    {
        if (target.Id == TypeId.RegRole)
        {
            if (e is ConstExpr { Type.Id: TypeId.Unknown } c)
            {
                if (c.Value is null) return new ConstExpr(null, SqlType.RegRole);
                try
                {
                    return new ConstExpr(Functions.ResolveRole((string)c.Value, Catalog), SqlType.RegRole);
                }
                catch (Errors.TenonException ex)
                {
                    ex.Position = position;
                    throw;
                }
            }
            if (e.Type.Id is TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name)
                return new FunctionExpr("regrole", [e], SqlType.RegRole,
                    (a, ctx) => Functions.ResolveRole((string)a[0]!, ctx.Transaction.Catalog), strict: true, volatileFn: false);
            return null;
        }
        if (e.Type.Id == TypeId.RegRole && target.Id is TypeId.Text or TypeId.Varchar or TypeId.Name)
        {
            BoundExpr name = new FunctionExpr("text", [e], SqlType.Text,
                (a, ctx) => Functions.RegRoleName((uint)a[0]!, ctx.Transaction.Catalog), strict: true, volatileFn: false);
            return target.Id == TypeId.Text ? name : TryCoerce(name, target, CastContext.Explicit, position);
        }
        return null;
    }

    /// <summary>
    /// Coercions between names and regproc/regprocedure, as for regtype: a function name (or
    /// name(argument types) for regprocedure) to its oid, an oid to the name; regproc and
    /// regprocedure convert to each other as oids.
    /// </summary>
    private BoundExpr? CoerceRegProc(BoundExpr e, SqlType target, int position)
    {
        if (target.Id is TypeId.RegProc or TypeId.RegProcedure)
        {
            var withArguments = target.Id == TypeId.RegProcedure;
            if (e is ConstExpr { Type.Id: TypeId.Unknown } c)
            {
                if (c.Value is null) return new ConstExpr(null, target);
                try
                {
                    var catalog = Catalog;
                    return new ConstExpr(ResolveProc((string)c.Value, withArguments, catalog, _ctx.Session.SearchPath), target);
                }
                catch (Errors.TenonException ex)
                {
                    ex.Position = position;
                    throw;
                }
            }
            if (e.Type.Id is TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name)
                return new FunctionExpr(target.ToString(), [e], target,
                    (a, ctx) => ResolveProc((string)a[0]!, withArguments, ctx.Transaction.Catalog, ctx.Session.SearchPath), strict: true, volatileFn: false);
            return null;
        }
        if (e.Type.Id is TypeId.RegProc or TypeId.RegProcedure && target.Id is TypeId.Text or TypeId.Varchar or TypeId.Name)
        {
            var withArguments = e.Type.Id == TypeId.RegProcedure;
            BoundExpr name = new FunctionExpr("text", [e], SqlType.Text,
                (a, ctx) => Functions.RegProcName((uint)a[0]!, ctx.Transaction.Catalog, withArguments, ctx.Session.SearchPath), strict: true, volatileFn: false);
            return target.Id == TypeId.Text ? name : TryCoerce(name, target, CastContext.Explicit, position);
        }
        return null;
    }

    private static uint ResolveProc(string text, bool withArguments, Catalog.SystemCatalog catalog, Catalog.SearchPath path) =>
        withArguments
            ? Functions.ResolveRegProcedure(text, catalog, path, argument =>
            {
                try
                {
                    return PgProc.ArgumentTypeName(Functions.FormatType(catalog, ResolveTypeName(argument, catalog, path.TempSchema), null));
                }
                catch (Errors.TenonException)
                {
                    return argument.ToLowerInvariant();
                }
            })
            : Functions.ResolveRegProc(text, catalog, path);
}
