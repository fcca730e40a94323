using Tenon.Catalog;
using Tenon.Execution.Expressions;
using Tenon.Types;

namespace Tenon.Constraints;

public sealed partial class RowWriter
{
    /// <summary>
    /// Whether an ON UPDATE CASCADE may rewrite its children of <paramref name="table"/> together
    /// (<see cref="UpdateChildren"/>): no row trigger on update could run or look at the table
    /// between two of the updates, and no write of one child can fail, so that the first error is
    /// the one the one-by-one updates would meet (a cast, NOT NULL or CHECK failure, all found
    /// before anything is written). A write cannot fail when every index is plain and any index
    /// holding a changed (foreign-key) column is not unique; the other unique ones keep their key
    /// and only move it to the new row id (<see cref="KeyUnchanged"/>). No stored generated column
    /// may follow the key into another index. A plain table only, on the transaction's own snapshot.
    /// </summary>
    private bool CanUpdateTogether(TableDef table, ForeignKeyDef fk)
    {
        if (table.IsPartition || table.IsPartitioned || Tx.Latest is not null || _ctx.Explain is not null) return false;
        if (RowTriggers(table, 'B', "update").Count != 0 || RowTriggers(table, 'A', "update").Count != 0) return false;
        var columns = table.Columns;
        for (var i = 0; i < columns.Count; i++)
            if (columns[i].Generated is not null) return false;
        var indexes = table.Indexes;
        for (var i = 0; i < indexes.Count; i++)
        {
            var index = indexes[i];
            if (index.HasExpressions || index.Predicate is not null) return false;
            if (!(index.Unique || index.Exclusion)) continue;
            if (index.Deferrable) return false;
            for (var j = 0; j < index.Columns.Count; j++)
                if (IndexOf(fk.Columns, index.Columns[j]) >= 0) return false;
        }
        return true;
    }

    private static bool SameKeyValues(IndexDef index, object?[] key, object?[] row)
    {
        for (var i = 0; i < key.Length; i++)
            if (!SameImage(key[i], row[index.Columns[i] - 1])) return false;
        return true;
    }

    /// <summary>
    /// Sets the foreign-key columns of the children a cascade found to the parent's new key, as
    /// <see cref="Update"/> does one by one (same new rows and row ids, same errors, same events in
    /// the same order), but takes the old rows and each changed index's old entries out of their
    /// trees in one sorted pass each, so children of one parent, stored and indexed close together,
    /// share descents.
    /// </summary>
    private void UpdateChildren(TableDef parent, TableDef table, ForeignKeyDef fk, object?[] newParentRow,
        List<(long RowId, object?[] Row)> children)
    {
        var n = children.Count;
        var updated = new object?[n][];
        for (var c = 0; c < n; c++)
        {
            var (rowId, row) = children[c];
            var next = (object?[])row.Clone();
            for (var i = 0; i < fk.Columns.Count; i++)
            {
                var v = newParentRow[fk.ParentColumns[i] - 1];
                next[fk.Columns[i] - 1] = v is null ? null
                    : ValueCast.Cast(v, parent.Column(fk.ParentColumns[i]).Type, table.Column(fk.Columns[i]).Type, CastContext.Assignment, _ctx.Settings);
            }
            CheckRow(table, next);
            CheckNotChangedConcurrently(table, rowId, row);
            updated[c] = next;
        }
        var wt = Tx.Write(table.Oid);
        var ids = new long[n];
        for (var c = 0; c < n; c++) ids[c] = children[c].RowId;
        Array.Sort(ids);
        wt.Rows = wt.Rows.DeleteSorted(ids, Tx.Token);
        var newIds = new long[n];
        for (var c = 0; c < n; c++) wt.Rows = wt.Rows.Insert(updated[c], Tx.Token, out newIds[c], Tx.Xid);
        List<(object?[] Key, long RowId)>? removed = null;
        for (var i = 0; i < table.Indexes.Count; i++)
        {
            var index = table.Indexes[i];
            removed?.Clear();
            for (var c = 0; c < n; c++)
            {
                var (rowId, row) = children[c];
                if (KeyUnchanged(index, row, updated[c]))
                    wt.Indexes[i] = wt.Indexes[i].MoveRow(KeyOf(index, updated[c]), rowId, newIds[c], Tx.Token);
                else
                {
                    // A removal keeps no key: children of one parent share the one of equal values.
                    removed ??= new List<(object?[] Key, long RowId)>(n);
                    var key = removed.Count > 0 && SameKeyValues(index, removed[^1].Key, row) ? removed[^1].Key : KeyOf(index, row);
                    removed.Add((key, rowId));
                }
            }
            if (removed is null || removed.Count == 0) continue;
            wt.Indexes[i] = wt.Indexes[i].RemoveMany(removed, Tx.Token);
            // Not unique (CanUpdateTogether): the additions cannot collide.
            for (var c = 0; c < n; c++)
                if (!KeyUnchanged(index, children[c].Row, updated[c]))
                    wt.Indexes[i] = wt.Indexes[i].Add(KeyOf(index, updated[c]), newIds[c], Tx.Token);
        }
        var referencing = Catalog.ReferencingForeignKeys(table.Oid);
        var fks = table.ForeignKeys;
        for (var c = 0; c < n; c++)
        {
            var (rowId, oldRow) = children[c];
            var newRow = updated[c];
            for (var i = 0; i < referencing.Count; i++)
            {
                var r = referencing[i];
                if (!HasNull(r.ParentColumns, oldRow) && !SameKey(r.ParentColumns, oldRow, newRow, byImage: true))
                    _events.Enqueue(Counted(ConstraintEvent.ParentUpdate(r, oldRow, newRow)));
            }
            for (var i = 0; i < fks.Count; i++)
            {
                var f = fks[i];
                if ((!SameKey(f.Columns, oldRow, newRow, byImage: false) || Tx.WroteRow(table.Oid, rowId)) && ChildCheckNeeded(f, newRow))
                    _events.Enqueue(Counted(ConstraintEvent.ChildCheck(f, newIds[c], newRow)));
            }
        }
    }
}
