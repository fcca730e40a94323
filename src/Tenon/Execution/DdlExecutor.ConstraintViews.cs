using Tenon.Catalog;
using Tenon.Errors;

namespace Tenon.Execution;

/// <summary>
/// A view whose GROUP BY lets it name ungrouped columns because a primary key is grouped
/// (functional dependency) depends on that constraint, as PostgreSQL records it: ALTER TABLE …
/// DROP CONSTRAINT fails with 2BP01 while such a view exists, or with CASCADE drops the view
/// (and the views reading it) after the NOTICE.
/// </summary>
public sealed partial class DdlExecutor
{
    private void DropViewsUsingConstraint(TableDef table, ConstraintDef constraint, bool cascade)
    {
        var direct = Catalog.StoredQueries.Where(v => v.DependsOnConstraints.Contains(constraint.Oid)).OrderBy(v => v.Oid).ToList();
        if (direct.Count == 0) return;
        var what = $"constraint {constraint.Name} on table {Describe(table.Oid)}";
        var views = new List<(uint View, string DependsOn)>();
        foreach (var v in direct)
        {
            if (views.Any(x => x.View == v.Oid)) continue;
            views.Add((v.Oid, what));
            views.AddRange(DependentViews([v.Oid]).Where(d => views.All(x => x.View != d.View)));
        }
        ReportOrDropDependents([], views, cascade, what);
    }
}
