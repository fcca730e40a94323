using Tenon.Catalog;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;

namespace Tenon.Binding;

/// <summary>
/// What a view's query uses, as pg_depend records it for the view's rewrite rule: the tables and
/// views it reads directly, and the table columns it names (a <c>*</c> names them all). A view
/// read by the query counts as itself, not as what it reads.
/// </summary>
public sealed class QueryDependencies
{
    public HashSet<uint> Relations { get; } = new();
    public HashSet<(uint Table, short Column)> Columns { get; } = new();
    /// <summary>Each relation name as written, with the relation it named.</summary>
    public Dictionary<(string? Schema, string Name), uint> Names { get; } = new();
    /// <summary>The user functions and aggregates the query calls.</summary>
    public HashSet<uint> Functions { get; } = new();
    /// <summary>The primary-key constraints a GROUP BY's functional dependency relied on.</summary>
    public HashSet<uint> Constraints { get; } = new();
}

public sealed partial class Binder
{
    /// <summary>When set, binding records the relations and columns the query uses there.</summary>
    public QueryDependencies? Dependencies { get; set; }

    private void NoteFunctionUse(Catalog.RoutineDef routine) => Dependencies?.Functions.Add(routine.Oid);

    private void NoteColumnUse(ScopeColumn col)
    {
        if (Dependencies is { } d && col.TableOid != 0 && col.ColumnNumber > 0 && d.Relations.Contains(col.TableOid))
            d.Columns.Add((col.TableOid, col.ColumnNumber));
    }
}

public sealed partial class Binder
{
    private SearchPath? _pathOverride;
    private ViewDef? _bindingView;

    /// <summary>The relation a name in the view being bound meant when the view was made, or 0 (not in a view, or not recorded, or gone).</summary>
    private uint RecordedRelation(QualifiedName name)
    {
        if (_bindingView is null) return 0;
        foreach (var r in _bindingView.Relations)
            if (r.Schema == name.Schema && r.Name == name.Name)
                return Catalog.Tables.ContainsKey(r.Oid) || Catalog.Views.ContainsKey(r.Oid) ? r.Oid : 0;
        return 0;
    }

    /// <summary>A table column's name as the view being bound knew it (columns renamed since keep their old name there).</summary>
    private string RecordedColumnName(TableDef table, ColumnDef column)
    {
        if (_bindingView is null) return column.Name;
        foreach (var t in _bindingView.TableColumns)
            if (t.TableOid == table.Oid && column.Number <= t.Names.Count && t.Names[column.Number - 1] is { Length: > 0 } old)
                return old;
        return column.Name;
    }

    /// <summary>
    /// The column names of a view read by the stored query being bound: those it recorded when it
    /// was made (a view column renamed since keeps its old name there), after any the alias gives.
    /// </summary>
    private IReadOnlyList<string>? RecordedViewColumnNames(ViewDef view, IReadOnlyList<string>? aliases)
    {
        if (_bindingView is null) return aliases;
        foreach (var t in _bindingView.TableColumns)
        {
            if (t.TableOid != view.Oid) continue;
            var names = t.Names.ToList();
            for (var i = 0; aliases is not null && i < aliases.Count; i++)
                if (i < names.Count) names[i] = aliases[i];
                else names.Add(aliases[i]);
            return names;
        }
        return aliases;
    }

    /// <summary>The search path names resolve along: the session's, or a view's own while its query is bound.</summary>
    public SearchPath Path => _pathOverride ?? Session.SearchPath;

    /// <summary>A materialized view's query bound again, as a view's is when read (REFRESH).</summary>
    public PlanNode BindStoredQuery(ViewDef query) => BindView(query, 0);

    /// <summary>
    /// A view's rows: its query bound again, along the search path it was created with, under
    /// its column names. Columns the query yields beyond those the view was created with (a
    /// <c>*</c> over a table that gained columns since) are left out, as PostgreSQL expanded the
    /// <c>*</c> when the view was made.
    /// </summary>
    private PlanNode BindView(ViewDef view, int position)
    {
        var savedDeps = Dependencies;
        var savedPath = _pathOverride;
        var savedView = _bindingView;
        Dependencies = null;
        _bindingView = view;
        _pathOverride = view.SearchPathSetting is { } setting ? SearchPath.Parse(setting, Session.UserName, Session.TempSchemaName) : savedPath;
        try
        {
            var plan = BindQuery(view.Query, null);
            if (view.Columns.Count > 0 && plan.Columns.Count > view.Columns.Count) plan = new TrimNode(plan, view.Columns.Count);
            if (view.ColumnNames is not null) plan = new RenameNode(plan, RenameColumns(plan.Columns, view.ColumnNames, position));
            return plan;
        }
        finally
        {
            Dependencies = savedDeps;
            _pathOverride = savedPath;
            _bindingView = savedView;
        }
    }
}
