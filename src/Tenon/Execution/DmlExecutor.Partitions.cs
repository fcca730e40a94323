using Tenon.Catalog;
using Tenon.Constraints;

namespace Tenon.Execution;

/// <summary>
/// UPDATE and DELETE through a partitioned table: the target scan (a <see cref="PartitionScanNode"/>)
/// says which partition holds each row. An UPDATE whose new row no longer fits its partition
/// moves it, as PostgreSQL 15 does: the row is deleted from its partition and inserted again
/// through the target table, which routes it (only within the target's own subtree).
/// </summary>
public sealed partial class DmlExecutor
{
    /// <summary>
    /// Updates one row of partition <paramref name="storedIn"/> to <paramref name="newRow"/> (in the
    /// layout of the target <paramref name="target"/>): in place when it still fits, else moved.
    /// Returns the new row id and partition, or null when the row is gone.
    /// </summary>
    private (long RowId, uint Partition)? UpdatePartitioned(RowWriter writer, TableDef target, uint storedIn, long rowId, object?[] newRow)
    {
        var leaf = Catalog.Table(storedIn);
        if (!ctx.Transaction.Rows(leaf.Oid).TryGet(rowId, out var current)) return null;
        var leafRow = PartitionRouter.MapRow(target, leaf, newRow);
        if (writer.Partitions.SatisfiesConstraint(leaf, leafRow))
            return (writer.Update(leaf, rowId, current, leafRow), leaf.Oid);
        writer.Delete(leaf, rowId, current);
        var (destination, routed) = writer.Partitions.Route(target, newRow);
        return (writer.Insert(destination, routed), destination.Oid);
    }
}
