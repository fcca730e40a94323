using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_views: every view with its query as pg_get_viewdef prints it (plain mode). The owner is the
/// bootstrap superuser, which owns every relation.
/// </summary>
public static class PgViews
{
    public static SystemRelation Relation { get; } = SystemRelation.Scanning("pg_views", 12028,
        [new("schemaname", SqlType.Name), new("viewname", SqlType.Name), new("viewowner", SqlType.Name), new("definition", SqlType.Text)],
        scan => scan.Catalog.Views.Values.OrderBy(v => v.Oid)
            .Select(v => new object?[] { v.Schema, v.Name, Execution.Functions.BootstrapSuperuserName, scan.ViewDefinition(v.Oid) }));
}

/// <summary>
/// information_schema.views: a view's definition as pg_get_viewdef prints it, and whether it can
/// be written through as PostgreSQL's automatically updatable views can (<see cref="AutoUpdatable"/>).
/// check_option is the view's WITH CHECK OPTION: LOCAL, CASCADED or NONE.
/// </summary>
public static class InfoViews
{
    public static SystemRelation Relation { get; } = SystemRelation.Scanning("views", 13483,
        [
            InformationSchema.Identifier("table_catalog"), InformationSchema.Identifier("table_schema"), InformationSchema.Identifier("table_name"),
            InformationSchema.CharacterData("view_definition"), InformationSchema.CharacterData("check_option"),
            InformationSchema.YesOrNo("is_updatable"), InformationSchema.YesOrNo("is_insertable_into"),
            InformationSchema.YesOrNo("is_trigger_updatable"), InformationSchema.YesOrNo("is_trigger_deletable"),
            InformationSchema.YesOrNo("is_trigger_insertable_into"),
        ],
        scan => scan.Catalog.Views.Values.OrderBy(v => v.Oid).Select(v =>
        {
            var (updatable, insertable) = AutoUpdatable(scan.Catalog, v);
            bool Instead(string e) => scan.Catalog.Routines.Triggers.Values.Any(t => t.TableOid == v.Oid && t.Timing == 'I' && t.Events.Contains(e, StringComparer.OrdinalIgnoreCase));
            return new object?[]
            {
                scan.Database, InformationSchema.SchemaName(v.Schema), v.Name, scan.ViewDefinition(v.Oid), v.CheckOption?.ToUpperInvariant() ?? "NONE",
                InformationSchema.YesNo(updatable), InformationSchema.YesNo(insertable),
                InformationSchema.YesNo(Instead("UPDATE")), InformationSchema.YesNo(Instead("DELETE")), InformationSchema.YesNo(Instead("INSERT")),
            };
        }));

    /// <summary>
    /// PostgreSQL's view_query_is_auto_updatable on the written query: one table or view in FROM,
    /// no DISTINCT, WITH, GROUP BY, HAVING, WINDOW, set operation, LIMIT or OFFSET, no aggregate,
    /// window or set-returning call in the select list; then UPDATE and INSERT need some item to be
    /// a plain column, so both answers are the same.
    /// </summary>
    public static (bool Updatable, bool Insertable) AutoUpdatable(SystemCatalog catalog, ViewDef view)
    {
        var q = view.Query;
        if (q.With is not null || q.Limit is not null || q.Offset is not null || q.Body is not SelectCore core) return (false, false);
        if (core.Distinct || core.GroupBy.Count > 0 || core.Having is not null || core.Windows.Count > 0) return (false, false);
        if (core.From is not [NamedTableRef named]) return (false, false);
        var oid = view.Relations.FirstOrDefault(r => r.Name == named.Name.Name && r.Schema == named.Name.Schema)?.Oid ?? 0;
        if (oid == 0) return (false, false);
        if (catalog.Tables.TryGetValue(oid, out var t) ? t.IsMatView : !catalog.Views.TryGetValue(oid, out var inner) || AutoUpdatable(catalog, inner) == (false, false))
            return (false, false);
        if (core.Targets.Any(item => Binding.Binder.ContainsAggregate(item.Expr, n => catalog.FunctionsNamed(n.Name, [n.Schema ?? "public"]).Any(r => r.Kind == 'a')) || Binding.Binder.ContainsWindow(item.Expr) || ReturnsSet(item.Expr)))
            return (false, false);
        var plainColumn = core.Targets.Any(item => item.Expr is ColumnRef or StarExpr);
        return (plainColumn, plainColumn);
    }

    private static bool ReturnsSet(Expr e) => e is FunctionCall { Name.Name: "generate_series" or "unnest" or "generate_subscripts" or "regexp_matches" or "json_array_elements" or "jsonb_array_elements" };
}
