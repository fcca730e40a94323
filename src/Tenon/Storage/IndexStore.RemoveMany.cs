namespace Tenon.Storage;

public sealed partial class IndexStore
{
    /// <summary>
    /// Removes several entries at once (a cascade deleting the rows it found): sorted first, so
    /// entries that share a leaf, as clustered keys and row ids do, cost one descent together.
    /// Throws <see cref="KeyNotFoundException"/> if one is missing (a caller bug).
    /// </summary>
    public IndexStore RemoveMany(IReadOnlyList<(object?[] Key, long RowId)> entries, WriteToken token)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return this;
        int count;
        IndexStore rest;
        if (_scalar is { } scalar)
        {
            var keys = _scalarKeys!;
            var sorted = new ScalarEntry[entries.Count];
            for (var i = 0; i < sorted.Length; i++) sorted[i] = keys.Entry(entries[i].Key, entries[i].RowId);
            SortUnlessSorted(sorted, Comparer<ScalarEntry>.Default);
            rest = With(scalar.RemoveSorted(sorted, token, out count));
        }
        else
        {
            // Abbreviated as stored entries are, so that comparisons rarely follow the keys to their values.
            var comparer = Comparer;
            var sorted = new IndexEntry[entries.Count];
            for (var i = 0; i < sorted.Length; i++) sorted[i] = comparer.Entry(entries[i].Key, entries[i].RowId);
            SortUnlessSorted(sorted, comparer);
            rest = With(_entries!.RemoveSorted(sorted, token, out count));
        }
        if (count != entries.Count) throw new KeyNotFoundException($"{entries.Count - count} of {entries.Count} index entries to remove are missing");
        return rest;
    }

    /// <summary>
    /// <see cref="RemoveMany"/> for an index of one plain column: the entries of
    /// <paramref name="rows"/>, keyed by each row's value at <paramref name="column"/> (0-based).
    /// A compact index encodes the values straight into entries, with no key array per row.
    /// </summary>
    public IndexStore RemoveRowsOfColumn(IReadOnlyList<(long RowId, object?[] Row)> rows, int column, WriteToken token)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) return this;
        if (_scalar is not { } scalar)
        {
            var keyed = new (object?[] Key, long RowId)[rows.Count];
            for (var i = 0; i < keyed.Length; i++) keyed[i] = ([rows[i].Row[column]], rows[i].RowId);
            return RemoveMany(keyed, token);
        }
        var keys = _scalarKeys!;
        var sorted = new ScalarEntry[rows.Count];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = keys.EntryOfValue(rows[i].Row[column], rows[i].RowId);
        SortUnlessSorted(sorted, Comparer<ScalarEntry>.Default);
        var rest = With(scalar.RemoveSorted(sorted, token, out var count));
        if (count != rows.Count) throw new KeyNotFoundException($"{rows.Count - count} of {rows.Count} index entries to remove are missing");
        return rest;
    }

    // Entries listed in index order (a cascade's children found through this very index) need no sort.
    private static void SortUnlessSorted<T>(T[] entries, IComparer<T> comparer)
    {
        for (var i = 1; i < entries.Length; i++)
            if (comparer.Compare(entries[i - 1], entries[i]) > 0)
            {
                Array.Sort(entries, comparer);
                return;
            }
    }
}
