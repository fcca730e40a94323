using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Types;

namespace Tenon.Constraints;

/// <summary>
/// Foreign keys and partitioned tables. A key referencing a partitioned table is found in the
/// leaf partitions' copies of its unique index; a row deleted or updated in a partition is a
/// parent row of every foreign key referencing one of the partition's ancestors. A partition's
/// copy of a foreign key reports "still referenced" errors in the name of the partitioned table
/// that declared the key, as PostgreSQL does.
/// </summary>
public sealed partial class RowWriter
{
    /// <summary>Whether a key (in FK column order) is in a leaf under <paramref name="within"/> (default: the whole referenced table).</summary>
    private bool PartitionedParentKeyExists(TableDef parent, ForeignKeyDef fk, (object? Value, SqlType Type)[] fkOrderKey, TableDef? within = null)
    {
        var index = parent.Indexes[parent.IndexPosition(fk.ParentIndexOid)];
        foreach (var leaf in PartitionBound.Leaves(Catalog, within ?? parent))
        {
            var columns = index.Columns.Select(n => leaf.FindColumn(parent.Column(n).Name)?.Number ?? (short)-1).ToArray();
            var position = -1;
            for (var i = 0; i < leaf.Indexes.Count && position < 0; i++)
                if (leaf.Indexes[i].Unique && leaf.Indexes[i].Predicate is null && !leaf.Indexes[i].HasExpressions && leaf.Indexes[i].Columns.SequenceEqual(columns)) position = i;
            if (position < 0) continue;
            var key = new object?[index.Columns.Count];
            var convertible = true;
            for (var i = 0; i < key.Length && convertible; i++)
            {
                var (value, type) = fkOrderKey[IndexOf(fk.ParentColumns, index.Columns[i])];
                var target = parent.Column(index.Columns[i]).Type;
                convertible = ForeignKeyTypes.SameFamily(type, target) ? TryConvert(value, type, target, out key[i]) : TryPromote(value, type, target, out key[i]);
            }
            if (convertible && Tx.Index(leaf.Oid, position).ContainsKey(key)) return true;
        }
        return false;
    }

    /// <summary>Queues the parent-side events of foreign keys that reference an ancestor of a partition whose row changed.</summary>
    private void QueueAncestorParentEvents(TableDef partition, object?[] oldRow, object?[]? newRow)
    {
        var table = partition;
        foreach (var ancestor in PartitionBound.Ancestors(Catalog, partition))
        {
            oldRow = PartitionRouter.MapRow(table, ancestor, oldRow);
            if (newRow is not null) newRow = PartitionRouter.MapRow(table, ancestor, newRow);
            table = ancestor;
            foreach (var fk in Catalog.ReferencingForeignKeys(ancestor.Oid))
            {
                if (HasNull(fk.ParentColumns, oldRow)) continue;
                if (newRow is null) _events.Enqueue(ConstraintEvent.ParentDelete(fk, oldRow) with { SourcePartition = partition.Oid });
                else if (!SameKey(fk.ParentColumns, oldRow, newRow, byImage: true))
                    _events.Enqueue(ConstraintEvent.ParentUpdate(fk, oldRow, newRow) with { SourcePartition = partition.Oid });
            }
        }
    }

    /// <summary>The table that declared a foreign key: for a partition's copy, the partitioned table it came from.</summary>
    private TableDef ReportedChild(TableDef child, ForeignKeyDef fk) => DeclaredKey(child, fk).Table;

    /// <summary>The key a partition's copy of a foreign key came from, with its table (the key itself when it is no copy).</summary>
    private (TableDef Table, ForeignKeyDef Key) DeclaredKey(TableDef child, ForeignKeyDef fk)
    {
        while (fk.ParentConstraintOid != 0 && child.PartitionParent != 0 && Catalog.Tables.TryGetValue(child.PartitionParent, out var up)
               && up.ForeignKeys.FirstOrDefault(f => f.Oid == fk.ParentConstraintOid) is { } origin)
        {
            child = up;
            fk = origin;
        }
        return (child, fk);
    }

    // The partition the parent event being run came from (ConstraintEvent.SourcePartition).
    private uint _eventSource;

    /// <summary>
    /// "still referenced": PostgreSQL raises it from the trigger of the partition the row was
    /// deleted or updated in, which belongs to the key's constraint row for that partition, so
    /// both are named; else the referenced table and the key as declared.
    /// </summary>
    private TenonException StillReferenced(TableDef parent, TableDef child, ForeignKeyDef fk, object?[] oldRow)
    {
        var (declaredIn, declared) = DeclaredKey(child, fk);
        var reportedParent = parent;
        var reportedKey = fk;
        if (_eventSource != 0 && Catalog.Tables.TryGetValue(_eventSource, out var source))
            foreach (var row in declared.ReferencedPartitions)
                if (row.PartitionOid == source.Oid)
                {
                    reportedParent = source;
                    reportedKey = fk with { Name = row.Name };
                    break;
                }
        return Errors.SqlErrors.ForeignKeyStillReferenced(reportedParent, reportedKey, declaredIn,
            KeyColumnList(parent, fk.ParentColumns, quote: false), KeyValueList(parent, fk.ParentColumns, oldRow));
    }

    /// <summary>
    /// A referential action's update of a row of a partition with a copy of the key: the action
    /// updates the table that declared the key, so a row that no longer fits its partition moves
    /// to the one that takes it there (as an UPDATE through that table would).
    /// </summary>
    private void UpdateActionRow(TableDef child, ForeignKeyDef fk, long rowId, object?[] row, object?[] updated)
    {
        if (!child.IsPartition || Partitions.SatisfiesConstraint(child, updated))
        {
            Update(child, rowId, row, updated);
            return;
        }
        var root = ReportedChild(child, fk);
        if (root.Oid == child.Oid || !FireBeforeUpdate(child, row, updated)) return;
        if (Partitions.SatisfiesConstraint(child, updated))
        {
            Update(child, rowId, row, updated, beforeRowFired: true);
            return;
        }
        Delete(child, rowId, row, moving: true);
        var (destination, routed) = Partitions.Route(root, PartitionRouter.MapRow(child, root, updated));
        Insert(destination, routed);
        QueueMoveEvents(child, row, destination, routed);
    }

    /// <summary>
    /// For DETACH of a partition of a referenced table: the first row of the key's table (a
    /// partitioned one through its leaves) whose key the partition holds, in the key's table
    /// layout; null when there is none.
    /// </summary>
    public object?[]? FirstRowReferencing(TableDef child, ForeignKeyDef fk, TableDef partition)
    {
        var parent = Catalog.Table(fk.ParentTableOid);
        foreach (var leaf in PartitionBound.Leaves(Catalog, child))
        {
            var columns = fk.Columns.Select(n => leaf.FindColumn(child.Column(n).Name)!.Number).ToArray();
            foreach (var (_, row) in Tx.Rows(leaf.Oid).Scan())
            {
                if (columns.Any(c => row[c - 1] is null)) continue;
                var key = columns.Select(c => (row[c - 1], leaf.Column(c).Type)).ToArray();
                if (PartitionedParentKeyExists(parent, fk, key, partition)) return PartitionRouter.MapRow(leaf, child, row);
            }
        }
        return null;
    }

    /// <summary>
    /// A row moved from partition <paramref name="from"/> to <paramref name="to"/>: for the
    /// foreign keys referencing an ancestor of both, that is an update of the referenced row; for
    /// those referencing an ancestor of the old partition only, a delete.
    /// </summary>
    public void QueueMoveEvents(TableDef from, object?[] oldRow, TableDef to, object?[] newRow)
    {
        var common = PartitionBound.Ancestors(Catalog, to).Select(a => a.Oid).ToHashSet();
        foreach (var ancestor in PartitionBound.Ancestors(Catalog, from))
        {
            var oldImage = PartitionRouter.MapRow(from, ancestor, oldRow);
            var newImage = common.Contains(ancestor.Oid) ? PartitionRouter.MapRow(to, ancestor, newRow) : null;
            foreach (var fk in Catalog.ReferencingForeignKeys(ancestor.Oid))
            {
                if (HasNull(fk.ParentColumns, oldImage)) continue;
                if (newImage is null) _events.Enqueue(ConstraintEvent.ParentDelete(fk, oldImage));
                else if (!SameKey(fk.ParentColumns, oldImage, newImage, byImage: true)) _events.Enqueue(ConstraintEvent.ParentUpdate(fk, oldImage, newImage));
            }
        }
    }
}
