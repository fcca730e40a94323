using Tenon.Catalog;
using Tenon.Types;

namespace Tenon.Execution.Plan;

/// <summary>
/// A scan of a partitioned table: the rows of its leaf partitions, in bound order (PostgreSQL's
/// Append), each converted to the partitioned table's column layout. After the columns come the
/// row id (with <see cref="IncludeRowId"/>) and the oid of the partition the row is stored in,
/// which is the row's tableoid and what UPDATE and DELETE need to find it again.
/// Also the scan of a table with inheritance children: its own rows, then each descendant's
/// (<see cref="SystemCatalog.InheritanceTree"/>), projected onto the parent's columns by name.
/// </summary>
public sealed partial class PartitionScanNode(uint tableOid, IReadOnlyList<PlanColumn> columns, bool includeRowId) : PlanNode
{
    public uint TableOid { get; } = tableOid;
    public bool IncludeRowId { get; } = includeRowId;

    public override IReadOnlyList<PlanColumn> Columns { get; } =
        includeRowId ? [.. columns, new PlanColumn("ctid", SqlType.Int8), new PlanColumn("tableoid", SqlType.Oid)]
            : [.. columns, new PlanColumn("tableoid", SqlType.Oid)];

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var catalog = ctx.Transaction.Catalog;
        var parent = catalog.Table(TableOid);
        var width = parent.Columns.Count;
        var session = ctx.Session;
        var sources = parent.IsPartitioned ? PartitionBound.Leaves(catalog, parent).ToList() : catalog.InheritanceTree(parent);
        foreach (var leaf in sources)
        {
            var same = Execution.PartitionRouter.SameLayout(leaf, parent);
            foreach (var (rowId, row) in ctx.Transaction.Rows(leaf.Oid).Scan())
            {
                session.CheckForInterrupts();
                var output = new object?[Columns.Count];
                if (same) Array.Copy(row, output, width);
                else Array.Copy(Execution.PartitionRouter.MapRow(leaf, parent, row), output, width);
                if (IncludeRowId) output[width] = rowId;
                output[^1] = leaf.Oid;
                yield return output;
            }
        }
    }
}
