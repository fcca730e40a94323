namespace Tenon.Storage;

/// <summary>
/// A secondary index: a persistent B+tree of (key columns, row id) entries with no values, so
/// that several rows may share a key. Immutable like <see cref="BTree{TKey, TValue}"/>: every
/// mutation takes a <see cref="WriteToken"/> and returns the new version.
/// <para>
/// Keys are opaque <c>object?[]</c> arrays ordered by the caller's comparer: how NULLs, collations
/// or descending columns sort is entirely that comparer's business (for unique indexes, whether
/// NULLs conflict is the constraint layer's business, answered with <see cref="Seek"/>). The
/// comparer must compare only the columns both arrays have, left to right, and return 0 when they
/// agree on those. All keys stored in one index have the same length, so that is a total order
/// on them; and a shorter array compares equal to every key that starts with it, which is what
/// <see cref="SeekPrefix"/> and prefix bounds in <see cref="Range"/> rely on.
/// <see cref="CompositeKeyComparer"/> implements that contract from per-column comparers.
/// </para>
/// Stored key arrays are shared by every version that contains them: never modify them.
/// </summary>
public sealed partial class IndexStore
{
    private readonly BTree<IndexEntry, bool> _entries;

    private IndexStore(BTree<IndexEntry, bool> entries)
    {
        _entries = entries;
    }

    /// <summary>An empty index ordered by <paramref name="keyComparer"/> (see the class remarks).</summary>
    public static IndexStore Empty(IComparer<object?[]> keyComparer)
    {
        ArgumentNullException.ThrowIfNull(keyComparer);
        return new IndexStore(BTree<IndexEntry, bool>.Empty(IndexEntryComparer.For(keyComparer)));
    }

    /// <summary>Builds an index from unsorted entries in O(n log n) (CREATE INDEX over existing rows).</summary>
    public static IndexStore Build(
        IEnumerable<(object?[] Key, long RowId)> entries, IComparer<object?[]> keyComparer, WriteToken token)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(keyComparer);
        var comparer = IndexEntryComparer.For(keyComparer);
        var sorted = entries.Select(e => comparer.Entry(e.Key, e.RowId)).ToArray();
        Array.Sort(sorted, comparer);
        return new IndexStore(BTree<IndexEntry, bool>.BuildSorted(
            sorted.Select(e => new KeyValuePair<IndexEntry, bool>(e, false)), comparer, token));
    }

    // The tree comes back as the same object when it was updated in place (BTree.Next): so is this store then.
    private IndexStore With(BTree<IndexEntry, bool> entries) => ReferenceEquals(entries, _entries) ? this : new IndexStore(entries);

    /// <summary>The comparer that orders keys.</summary>
    public IComparer<object?[]> KeyComparer => Comparer.KeyComparer;

    private IndexEntryComparer Comparer => (IndexEntryComparer)_entries.Comparer;

    /// <summary>Number of entries. O(1).</summary>
    public int Count => _entries.Count;

    /// <summary>The underlying tree, for invariant checks in tests.</summary>
    internal BTree<IndexEntry, bool> Entries => _entries;

    /// <summary>
    /// Adds the entry (<paramref name="key"/>, <paramref name="rowId"/>). Throws
    /// <see cref="InvalidOperationException"/> if that exact entry exists (a caller bug).
    /// </summary>
    public IndexStore Add(object?[] key, long rowId, WriteToken token)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entries = _entries.Insert(Comparer.Entry(key, rowId), false, token, out bool existed);
        if (existed) throw new InvalidOperationException($"index entry {new IndexEntry(key, rowId)} already exists");
        return With(entries);
    }

    /// <summary>
    /// <see cref="Add"/> for a unique index: also tells whether another entry has a key equal to
    /// <paramref name="key"/> (a unique violation, which the caller reports; the entry is added
    /// either way). Entries of equal keys are adjacent, so the new entry's neighbours answer that,
    /// from the leaf the insertion reached; only when one of them lies in another leaf is the key
    /// looked up again.
    /// </summary>
    public IndexStore AddUnique(object?[] key, long rowId, WriteToken token, out bool duplicate)
    {
        ArgumentNullException.ThrowIfNull(key);
        var comparer = Comparer;
        var entry = comparer.Entry(key, rowId);
        var entries = _entries.InsertWithNeighbours(entry, false, token, out bool existed, out var near);
        if (existed) throw new InvalidOperationException($"index entry {new IndexEntry(key, rowId)} already exists");
        if ((near.BeforeKind == BTree<IndexEntry, bool>.NeighbourKind.InLeaf && comparer.SameKey(near.Before, entry))
            || (near.AfterKind == BTree<IndexEntry, bool>.NeighbourKind.InLeaf && comparer.SameKey(near.After, entry)))
            duplicate = true;
        else if (near.BeforeKind == BTree<IndexEntry, bool>.NeighbourKind.OtherLeaf || near.AfterKind == BTree<IndexEntry, bool>.NeighbourKind.OtherLeaf)
        {
            var holders = 0;
            foreach (var _ in new IndexStore(entries).Seek(key))
                if (++holders > 1) break;
            duplicate = holders > 1;
        }
        else duplicate = false;
        return With(entries);
    }

    /// <summary>
    /// Removes the entry (<paramref name="key"/>, <paramref name="rowId"/>). Throws
    /// <see cref="KeyNotFoundException"/> if there is none (a caller bug).
    /// </summary>
    public IndexStore Remove(object?[] key, long rowId, WriteToken token)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entries = _entries.Remove(Comparer.Entry(key, rowId), token, out bool removed);
        if (!removed) throw new KeyNotFoundException($"no index entry {new IndexEntry(key, rowId)}");
        return With(entries);
    }

    /// <summary>The row ids of all entries whose key equals <paramref name="key"/>, ascending.</summary>
    public RowIdEnumerable Seek(object?[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new RowIdEnumerable(_entries.Range(
            Bound.Inclusive(Comparer.Entry(key, 0, -1)), Bound.Inclusive(Comparer.Entry(key, 0, 1))));
    }

    /// <summary>
    /// The first row id (the smallest) whose key equals <paramref name="key"/>: a unique
    /// index's lookup. Allocates nothing.
    /// </summary>
    public bool TrySeekFirst(object?[] key, out long rowId)
    {
        ArgumentNullException.ThrowIfNull(key);
        var comparer = Comparer;
        var probe = comparer.Entry(key, 0, -1);
        if (_entries.TryGetFirst(Bound.Inclusive(probe), out var entry, out _) && comparer.SameKey(entry, probe))
        {
            rowId = entry.RowId;
            return true;
        }
        rowId = 0;
        return false;
    }

    /// <summary>True when some entry's key equals <paramref name="key"/>.</summary>
    public bool ContainsKey(object?[] key) => TrySeekFirst(key, out _);

    /// <summary>
    /// All entries whose first <c>prefix.Length</c> key columns equal <paramref name="prefix"/>,
    /// in key order (then row id order).
    /// </summary>
    public EntryEnumerable SeekPrefix(object?[] prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return new EntryEnumerable(_entries.Range(
            Bound.Inclusive(Comparer.Entry(prefix, 0, -1)), Bound.Inclusive(Comparer.Entry(prefix, 0, 1))));
    }

    /// <summary>All entries in key order (then row id order).</summary>
    public EntryEnumerable All() => new(_entries.All());

    /// <summary>
    /// Entries whose keys lie between the bounds, in key order (then row id order). A bound
    /// key may be shorter than the index's keys: it then bounds by that prefix, so
    /// <c>Inclusive([5])</c> as the upper bound admits every key starting with 5.
    /// </summary>
    public EntryEnumerable Range(Bound<object?[]> lower, Bound<object?[]> upper) =>
        new(_entries.Range(ToProbe(lower, isLower: true), ToProbe(upper, isLower: false)));

    /// <summary>The entries of <see cref="Range"/> in descending order (key, then row id).</summary>
    public EntryEnumerable RangeDescending(Bound<object?[]> lower, Bound<object?[]> upper) =>
        new(_entries.RangeDescending(ToProbe(lower, isLower: true), ToProbe(upper, isLower: false)));

    /// <summary>
    /// A key bound as a probe bound: probes sort before or after all entries with an equal key,
    /// so inclusive-lower and exclusive-upper bounds use the "before" probe, the others "after".
    /// </summary>
    private Bound<IndexEntry> ToProbe(Bound<object?[]> bound, bool isLower)
    {
        if (!bound.HasValue) return default;
        ArgumentNullException.ThrowIfNull(bound.Key);
        return Bound.Inclusive(Comparer.Entry(bound.Key, 0, isLower == bound.IsInclusive ? -1 : 1));
    }
}
