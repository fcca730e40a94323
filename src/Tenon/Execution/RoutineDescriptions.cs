using System.Text;
using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Catalog.PgCatalog;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// What psql's \df and \sf read about a user routine, in PostgreSQL 15's text:
/// pg_get_function_arguments (<c>a integer, b text DEFAULT 'x'::text</c>; a procedure's IN
/// parameters say IN), pg_get_function_identity_arguments (the same without defaults),
/// pg_get_function_result (<c>SETOF text</c>, <c>TABLE(k integer)</c>, <c>record</c> for OUT
/// parameters, <c>trigger</c>; NULL for a procedure), pg_get_functiondef (the CREATE OR REPLACE
/// statement) and pg_function_is_visible. All answer NULL for an oid that is no routine.
/// The I/O functions pg_proc lists for the built-in types are described by visibility and
/// arguments only; their results and definitions answer NULL.
/// </summary>
internal static class RoutineDescriptions
{
    public static object? IsVisible(ExecContext ctx, uint oid)
    {
        var catalog = ctx.Transaction.Catalog;
        if (catalog.Functions.GetValueOrDefault(oid) is not { } routine)
            return PgProc.Procedures.Any(p => p.Oid == oid) ? true : null;
        // Found by its unqualified name and argument types: no routine of the same signature in a
        // schema earlier on the path (functions are never looked up in the temporary schema).
        var signature = IdentityTypes(routine);
        foreach (var schema in ctx.Session.SearchPath.Effective(catalog, includeTemp: false))
        {
            if (schema == routine.Schema) return true;
            foreach (var other in catalog.Functions.Values)
                if (other.Schema == schema && other.Name == routine.Name && IdentityTypes(other) == signature) return false;
        }
        return false;
    }

    public static string? Arguments(ExecContext ctx, uint oid, bool withDefaults)
    {
        var catalog = ctx.Transaction.Catalog;
        if (catalog.Functions.GetValueOrDefault(oid) is { } routine) return ArgumentList(ctx, routine, withDefaults);
        foreach (var p in PgProc.Procedures)
            if (p.Oid == oid) return string.Join(", ", p.Arguments);
        return null;
    }

    public static string? Result(ExecContext ctx, uint oid) =>
        ctx.Transaction.Catalog.Functions.GetValueOrDefault(oid) is { } routine ? ResultText(ctx, routine) : null;

    public static string? Definition(ExecContext ctx, uint oid)
    {
        if (ctx.Transaction.Catalog.Functions.GetValueOrDefault(oid) is not { } routine) return null;
        if (routine.Kind == 'a')
            throw new TenonException(SqlState.WrongObjectType, $"\"{routine.Name}\" is an aggregate function");
        var procedure = routine.Kind == 'p';
        var sb = new StringBuilder(procedure ? "CREATE OR REPLACE PROCEDURE " : "CREATE OR REPLACE FUNCTION ");
        sb.Append(SqlErrors.QuoteIdentifier(routine.Schema)).Append('.').Append(SqlErrors.QuoteIdentifier(routine.Name));
        sb.Append('(').Append(ArgumentList(ctx, routine, withDefaults: true)).Append(")\n");
        if (!procedure) sb.Append(" RETURNS ").Append(ResultText(ctx, routine)).Append('\n');
        sb.Append(" LANGUAGE ").Append(routine.Language).Append('\n');
        var options = new StringBuilder();
        if (routine.Volatility == 'i') options.Append(" IMMUTABLE");
        else if (routine.Volatility == 's') options.Append(" STABLE");
        if (routine.Strict) options.Append(" STRICT");
        if (routine.SecurityDefiner) options.Append(" SECURITY DEFINER");
        if (options.Length > 0) sb.Append(options).Append('\n');
        var tag = procedure ? "$procedure$" : "$function$";
        return sb.Append("AS ").Append(tag).Append(routine.Body).Append(tag).Append('\n').ToString();
    }

    private static string ArgumentList(ExecContext ctx, RoutineDef routine, bool withDefaults)
    {
        var parts = new List<string>();
        foreach (var p in routine.Parameters)
        {
            if (p.Mode == 't') continue;
            var sb = new StringBuilder(p.Mode switch
            {
                'o' => "OUT ",
                'b' => "INOUT ",
                'v' => "VARIADIC ",
                _ => routine.Kind == 'p' ? "IN " : "",
            });
            if (!string.IsNullOrEmpty(p.Name)) sb.Append(SqlErrors.QuoteIdentifier(p.Name)).Append(' ');
            sb.Append(TypeName(p.Type));
            if (withDefaults && p.Default is { } d) sb.Append(" DEFAULT ").Append(DefaultText(ctx, d, p.Type));
            parts.Add(sb.ToString());
        }
        return string.Join(", ", parts);
    }

    private static string? ResultText(ExecContext ctx, RoutineDef routine)
    {
        if (routine.Kind == 'p') return null;
        if (routine.IsTrigger) return "trigger";
        var table = routine.Parameters.Where(p => p.Mode == 't').ToList();
        if (table.Count > 0)
            return "TABLE(" + string.Join(", ", table.Select(p => $"{SqlErrors.QuoteIdentifier(p.Name ?? "")} {TypeName(p.Type)}")) + ")";
        string type;
        if (routine.Parameters.Any(p => p.IsOutput)) type = "record";
        else if (routine.ReturnRelation != 0) type = ctx.Transaction.Catalog.Tables.TryGetValue(routine.ReturnRelation, out var t)
            ? SqlErrors.QuoteIdentifier(t.Name) : routine.ReturnTypeName;
        else type = TypeName(routine.ReturnType);
        return routine.ReturnsSet ? "SETOF " + type : type;
    }

    // A parameter's type as a signature shows it: without a modifier (PostgreSQL keeps none for parameters).
    private static string TypeName(SqlType type) => PgProc.ArgumentTypeName(type.WithoutModifier().DisplayName);

    private static string IdentityTypes(RoutineDef routine) =>
        string.Join(",", routine.Parameters.Where(p => p.IsInput).Select(p => TypeName(p.Type)));

    // As pg_get_expr shows a column default: bound, converted to the parameter's type, printed plainly.
    private static string DefaultText(ExecContext ctx, Sql.Ast.Expr expr, SqlType type)
    {
        var binder = new Binder(ctx);
        var bound = binder.BindExpr(expr, null);
        bound = binder.TryCoerce(bound, type.WithoutModifier(), CastContext.Assignment) ?? bound;
        return CatalogDefinitions.Deparse(ctx, null, bound, false);
    }
}
