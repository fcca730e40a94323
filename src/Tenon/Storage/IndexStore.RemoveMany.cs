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
        // Abbreviated as stored entries are, so that comparisons rarely follow the keys to their values.
        var comparer = Comparer;
        var sorted = new IndexEntry[entries.Count];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = comparer.Entry(entries[i].Key, entries[i].RowId);
        // Entries listed in index order (a cascade's children found through this very index) need no sort.
        for (var i = 1; i < sorted.Length; i++)
            if (comparer.Compare(sorted[i - 1], sorted[i]) > 0)
            {
                Array.Sort(sorted, comparer);
                break;
            }
        var removed = _entries.RemoveSorted(sorted, token, out var count);
        if (count != sorted.Length) throw new KeyNotFoundException($"{sorted.Length - count} of {sorted.Length} index entries to remove are missing");
        return With(removed);
    }
}
