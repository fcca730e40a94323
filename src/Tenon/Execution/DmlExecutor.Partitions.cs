using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;

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
        // The partition's BEFORE UPDATE triggers come first, and see the row whether or not it then
        // moves; a row one of them skipped is neither updated nor moved.
        if (!writer.FireBeforeUpdate(leaf, current, leafRow)) return null;
        if (writer.Partitions.SatisfiesConstraint(leaf, leafRow))
            return (writer.Update(leaf, rowId, current, leafRow, beforeRowFired: true), leaf.Oid);
        RefuseMoveUnderReferencedAncestor(target, leaf);
        newRow = PartitionRouter.MapRow(leaf, target, leafRow);
        writer.Delete(leaf, rowId, current, moving: true);
        var (destination, routed) = writer.Partitions.Route(target, newRow);
        var id = writer.Insert(destination, routed);
        writer.QueueMoveEvents(leaf, current, destination, routed);
        return (id, destination.Oid);
    }

    /// <summary>
    /// A row moving out of its partition reads, for the keys referencing the update's target, as
    /// an update of the referenced row; a key declared on a partitioned table between the two
    /// would see a delete instead, which PostgreSQL refuses (0A000).
    /// </summary>
    private void RefuseMoveUnderReferencedAncestor(TableDef target, TableDef leaf)
    {
        foreach (var ancestor in PartitionBound.Ancestors(Catalog, leaf))
        {
            if (ancestor.Oid == target.Oid) return;
            if (Catalog.ReferencingForeignKeys(ancestor.Oid).Any(fk => fk.ParentConstraintOid == 0))
                throw new TenonException(SqlState.FeatureNotSupported,
                    "cannot move tuple across partitions when a non-root ancestor of the source partition is directly referenced in a foreign key",
                    $"A foreign key points to ancestor \"{ancestor.Name}\" but not the root ancestor \"{target.Name}\".",
                    $"Consider defining the foreign key on table \"{target.Name}\".");
        }
    }

    /// <summary>
    /// ON CONFLICT through a partitioned table: the proposed row is routed first, and the
    /// arbiters are the leaf partition's copies of the parent's arbiter indexes. DO UPDATE may not
    /// change the row so that it belongs in another partition.
    /// </summary>
    private object?[]? InsertOrResolvePartitioned(RowWriter writer, TableDef table, ConflictAction action, object?[] row, HashSet<long> touched)
    {
        var (leaf, leafRow) = writer.Partitions.Route(table, row);
        writer.CheckRow(leaf, leafRow);
        foreach (var position in action.Arbiters)
        {
            var parentIndex = table.Indexes[position];
            var columns = parentIndex.Columns.Select(n => n == 0 ? (short)0 : leaf.FindColumn(table.Column(n).Name)?.Number ?? -1).ToArray();
            var leafPosition = -1;
            for (var i = 0; i < leaf.Indexes.Count && leafPosition < 0; i++)
                if (leaf.Indexes[i].Unique && leaf.Indexes[i].Columns.SequenceEqual(columns)) leafPosition = i;
            if (leafPosition < 0) continue;
            var index = leaf.Indexes[leafPosition];
            if (index.HasExpressions) continue;
            var key = RowWriter.KeyOf(index, leafRow);
            if (!index.NullsNotDistinct && key.Any(v => v is null)) continue;
            if (!ctx.Transaction.Index(leaf.Oid, leafPosition).TrySeekFirst(key, out var rowId)) continue;
            if (action.DoNothing) return null;
            if (touched.Contains(rowId))
                throw new TenonException(SqlState.CardinalityViolation, "ON CONFLICT DO UPDATE command cannot affect row a second time",
                    hint: "Ensure that no rows proposed for insertion within the same command have duplicate constrained values.");
            ctx.Transaction.Rows(leaf.Oid).TryGet(rowId, out var stored);
            var existing = PartitionRouter.MapRow(leaf, table, stored!);
            var width = table.Columns.Count;
            var input = new object?[2 * width];
            Array.Copy(existing, input, width);
            Array.Copy(row, 0, input, width, width);
            if (action.Where is not null && action.Where.Eval(input, ctx) is not true) return null;
            var newRow = (object?[])existing.Clone();
            foreach (var (col, expr) in action.Sets)
                newRow[col.Number - 1] = expr is null ? writer.DefaultValue(table, col) : expr.Eval(input, ctx);
            var newLeafRow = PartitionRouter.MapRow(table, leaf, newRow);
            if (!writer.Partitions.SatisfiesConstraint(leaf, newLeafRow))
                throw new TenonException(SqlState.FeatureNotSupported, "invalid ON UPDATE specification",
                    "The result tuple would appear in a different partition than the original tuple.");
            touched.Add(writer.Update(leaf, rowId, stored!, newLeafRow));
            return newRow;
        }
        touched.Add(writer.Insert(leaf, leafRow, rowChecked: true));
        return row;
    }

    /// <summary>The RETURNING scope of an INSERT into a partitioned table: its columns, then the hidden tableoid of the partition the row went to.</summary>
    private static Binding.Scope RoutedInsertScope(TableDef table, string? alias)
    {
        var scope = RowWriter.TableScope(table, alias);
        var entry = scope.Entries[^1];
        ((List<Binding.ScopeColumn>)entry.Columns).Add(new Binding.ScopeColumn("tableoid", Types.SqlType.Oid, table.Columns.Count) { Hidden = true });
        scope.Width = table.Columns.Count + 1;
        return scope;
    }

    /// <summary>Inserts a row through a partitioned table; returns it with its partition's oid appended (see <see cref="RoutedInsertScope"/>).</summary>
    private static object?[] InsertRouted(RowWriter writer, TableDef table, object?[] row)
    {
        var (leaf, leafRow) = writer.Partitions.Route(table, row);
        writer.Insert(leaf, leafRow, routedFrom: table);
        var written = new object?[row.Length + 1];
        Array.Copy(row, written, row.Length);
        written[^1] = leaf.Oid;
        return written;
    }
}
