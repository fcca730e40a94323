using Tenon.Catalog;

namespace Tenon.Constraints;

public sealed partial class RowWriter
{
    /// <summary>
    /// Whether a cascade may delete its children of <paramref name="table"/> together
    /// (<see cref="DeleteChildren"/>): no row trigger on delete could look at the table between two
    /// of the deletes (BEFORE ones run code, AFTER ones evaluate WHEN), and the table is a plain
    /// one (a partition's deletes also reach its ancestors' keys).
    /// </summary>
    private bool CanDeleteTogether(TableDef table) =>
        !table.IsPartition && !table.IsPartitioned
        && RowTriggers(table, 'B', "delete").Count == 0 && RowTriggers(table, 'A', "delete").Count == 0;

    /// <summary>
    /// Deletes the children a cascade found as <see cref="Delete"/> does one by one (same checks,
    /// same events in the same order), but takes the rows and each index's entries out of their
    /// trees in one sorted pass each, so children stored close together (as those of one parent
    /// usually are) share descents.
    /// </summary>
    private void DeleteChildren(TableDef table, List<(long RowId, object?[] Row)> children)
    {
        for (var c = 0; c < children.Count; c++) CheckNotChangedConcurrently(table, children[c].RowId, children[c].Row);
        var wt = Tx.Write(table.Oid);
        var ids = new long[children.Count];
        for (var c = 0; c < ids.Length; c++) ids[c] = children[c].RowId;
        Array.Sort(ids);
        wt.Rows = wt.Rows.DeleteSorted(ids, Tx.Token);
        List<(object?[] Key, long RowId)>? entries = null;
        for (var i = 0; i < table.Indexes.Count; i++)
        {
            var index = table.Indexes[i];
            if (index.Columns.Count == 1 && !index.HasExpressions && index.Predicate is null)
            {
                // Every row has an entry, keyed by its one column: no key array per row.
                wt.Indexes[i] = wt.Indexes[i].RemoveRowsOfColumn(children, index.Columns[0] - 1, Tx.Token);
                continue;
            }
            if (entries is null) entries = new(children.Count);
            else entries.Clear();
            for (var c = 0; c < children.Count; c++)
            {
                var (rowId, row) = children[c];
                if (IndexCovers(table, index, row)) entries.Add((IndexKey(table, index, row), rowId));
            }
            wt.Indexes[i] = wt.Indexes[i].RemoveMany(entries, Tx.Token);
        }
        var referencing = Catalog.ReferencingForeignKeys(table.Oid);
        if (referencing.Count == 0) return;
        for (var c = 0; c < children.Count; c++)
        {
            var row = children[c].Row;
            for (var i = 0; i < referencing.Count; i++)
                if (!HasNull(referencing[i].ParentColumns, row))
                    _events.Enqueue(Counted(ConstraintEvent.ParentDelete(referencing[i], row)));
        }
    }
}
