using Tenon.Catalog;
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
    private bool PartitionedParentKeyExists(TableDef parent, ForeignKeyDef fk, (object? Value, SqlType Type)[] fkOrderKey)
    {
        var index = parent.Indexes[parent.IndexPosition(fk.ParentIndexOid)];
        foreach (var leaf in PartitionBound.Leaves(Catalog, parent))
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
                if (newRow is null) _events.Enqueue(ConstraintEvent.ParentDelete(fk, oldRow));
                else if (!SameKey(fk.ParentColumns, oldRow, newRow, byImage: true)) _events.Enqueue(ConstraintEvent.ParentUpdate(fk, oldRow, newRow));
            }
        }
    }

    /// <summary>The table that declared a foreign key: for a partition's copy, the partitioned table it came from.</summary>
    private TableDef ReportedChild(TableDef child, ForeignKeyDef fk)
    {
        while (fk.ParentConstraintOid != 0 && child.PartitionParent != 0 && Catalog.Tables.TryGetValue(child.PartitionParent, out var up)
               && up.ForeignKeys.FirstOrDefault(f => f.Oid == fk.ParentConstraintOid) is { } origin)
        {
            child = up;
            fk = origin;
        }
        return child;
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
