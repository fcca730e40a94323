using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;

namespace Tenon.Execution;

/// <summary>
/// pg_get_viewdef: the query of a view or materialized view printed again by
/// <see cref="QueryDeparser"/>. Plain mode still lays the query out over lines (PostgreSQL's
/// PRETTYFLAG_INDENT) and differs from pretty mode in parentheses only; the wrap column is 0
/// (every select-list and FROM item on a line of its own) unless given. An oid that names no
/// view gives NULL, as in PostgreSQL 15.
/// </summary>
public static class ViewDefinitions
{
    public static string? Print(ExecContext ctx, uint oid, bool pretty, int wrapColumn = 0)
    {
        var catalog = ctx.Transaction.Catalog;
        ViewDef? view = catalog.Views.GetValueOrDefault(oid);
        IReadOnlyList<string>? names = view?.Columns.Select(c => c.Name).ToList();
        if (view is null && catalog.Tables.TryGetValue(oid, out var table) && table.MatView is { } matView)
        {
            view = matView.Query;
            names = table.Columns.Where(c => !c.IsDropped).Select(c => c.Name).ToList();
        }
        if (view is null) return null;
        return Print(ctx, view, names ?? [], pretty, wrapColumn);
    }

    public static string Print(ExecContext ctx, ViewDef view, IReadOnlyList<string> columnNames, bool pretty, int wrapColumn)
    {
        var recording = new BindRecording();
        var binder = new Binder(ctx) { Recording = recording };
        binder.BindStoredQuery(view);
        return new QueryDeparser(ctx, recording, pretty, wrapColumn).PrintView(view.Query, columnNames);
    }

    /// <summary>
    /// pg_get_ruledef of a view's _RETURN rule: <c>CREATE RULE "_RETURN" AS ON SELECT TO v DO INSTEAD</c>
    /// and the query (the relation qualified unless pretty and visible); NULL for an oid that names no rule.
    /// </summary>
    public static string? Rule(ExecContext ctx, uint ruleOid, bool pretty)
    {
        var catalog = ctx.Transaction.Catalog;
        if (ruleOid == 0 || catalog.StoredQueries.FirstOrDefault(v => v.RuleOid == ruleOid) is not { } view) return null;
        var names = catalog.Tables.TryGetValue(view.Oid, out var table)
            ? table.Columns.Where(c => !c.IsDropped).Select(c => c.Name).ToList()
            : view.Columns.Select(c => c.Name).ToList();
        var relation = pretty ? RegClassName.Format(view.Oid, catalog, ctx.Session.SearchPath)
            : Errors.SqlErrors.QuoteIdentifier(view.Schema) + "." + Errors.SqlErrors.QuoteIdentifier(view.Name);
        return "CREATE RULE \"_RETURN\" AS\n    ON SELECT TO " + relation + " DO INSTEAD " + Print(ctx, view, names, pretty, 0);
    }

    /// <summary>pg_get_viewdef(text): the name resolved as regclass input is (42P01 when there is none).</summary>
    public static uint Resolve(ExecContext ctx, string name) =>
        RegClassName.Resolve(name, ctx.Transaction.Catalog, ctx.Session.SearchPath);
}
