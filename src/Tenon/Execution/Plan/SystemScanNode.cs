using Tenon.Catalog;

namespace Tenon.Execution.Plan;

/// <summary>Scans a pg_catalog relation: its rows are computed from the transaction's catalog when execution starts.</summary>
public sealed class SystemScanNode(SystemRelation relation, IReadOnlyList<PlanColumn> columns) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } = columns;
    public override IEnumerable<object?[]> Execute(ExecContext ctx) => relation.Rows(ctx.Transaction.Catalog).ToList();
}
