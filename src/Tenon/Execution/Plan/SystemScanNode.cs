using Tenon.Catalog.PgCatalog;

namespace Tenon.Execution.Plan;

/// <summary>Scans a system catalog relation: its rows are computed from the executing transaction's catalog when execution starts.</summary>
public sealed partial class SystemScanNode(SystemRelation relation) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } = relation.Columns.Select(c => new PlanColumn(c.Name, c.Type)).ToArray();

    public override IEnumerable<object?[]> Execute(ExecContext ctx) =>
        relation.Rows(new SystemScan(ctx.Transaction.Catalog, ctx.Session.DatabaseName)
        {
            ExpressionText = (relid, tree) => CatalogDefinitions.Expression(ctx, tree, relid, pretty: false),
            IndexDefinition = oid => CatalogDefinitions.Index(ctx, oid, 0, pretty: false),
            ViewDefinition = oid => ViewDefinitions.Print(ctx, oid, pretty: false),
        }).ToList();
}
