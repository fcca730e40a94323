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
/// <para>
/// Two representations lie behind the one interface. When the comparer maps its one column onto
/// 64-bit integers (<see cref="IScalarKeyCodec"/>: integer, date and timestamp keys, ascending,
/// NULLS LAST: primary keys, foreign keys and most secondary indexes), the tree holds
/// reference-free <see cref="ScalarEntry"/> entries, and keys handed out are rebuilt from them.
/// Otherwise it holds <see cref="IndexEntry"/> entries that share the caller's key arrays.
/// </para>
/// Stored key arrays are shared by every version that contains them: never modify them.
/// </summary>
public sealed partial class IndexStore
{
    // Exactly one of the two trees is set; _scalarKeys goes with _scalar.
    private readonly BTree<IndexEntry, bool>? _entries;
    private readonly BTree<ScalarEntry, bool>? _scalar;
    private readonly ScalarKeys? _scalarKeys;

    private IndexStore(BTree<IndexEntry, bool> entries)
    {
        _entries = entries;
    }

    private IndexStore(BTree<ScalarEntry, bool> scalar, ScalarKeys keys)
    {
        _scalar = scalar;
        _scalarKeys = keys;
    }

    /// <summary>An empty index ordered by <paramref name="keyComparer"/> (see the class remarks).</summary>
    public static IndexStore Empty(IComparer<object?[]> keyComparer)
    {
        ArgumentNullException.ThrowIfNull(keyComparer);
        if (ScalarKeysOf(keyComparer) is { } keys) return new IndexStore(BTree<ScalarEntry, bool>.Empty(Comparer<ScalarEntry>.Default), keys);
        return new IndexStore(BTree<IndexEntry, bool>.Empty(IndexEntryComparer.For(keyComparer)));
    }

    /// <summary>Builds an index from unsorted entries in O(n log n) (CREATE INDEX over existing rows).</summary>
    public static IndexStore Build(
        IEnumerable<(object?[] Key, long RowId)> entries, IComparer<object?[]> keyComparer, WriteToken token)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(keyComparer);
        if (ScalarKeysOf(keyComparer) is { } keys)
        {
            var compact = entries.Select(e => keys.Entry(e.Key, e.RowId)).ToArray();
            Array.Sort(compact);
            return new IndexStore(BTree<ScalarEntry, bool>.BuildSorted(
                compact.Select(e => new KeyValuePair<ScalarEntry, bool>(e, false)), Comparer<ScalarEntry>.Default, token), keys);
        }
        var comparer = IndexEntryComparer.For(keyComparer);
        var sorted = entries.Select(e => comparer.Entry(e.Key, e.RowId)).ToArray();
        Array.Sort(sorted, comparer);
        return new IndexStore(BTree<IndexEntry, bool>.BuildSorted(
            sorted.Select(e => new KeyValuePair<IndexEntry, bool>(e, false)), comparer, token));
    }

    private static ScalarKeys? ScalarKeysOf(IComparer<object?[]> keyComparer) =>
        keyComparer is IKeyOrderSource source && source.ScalarCodec() is { } codec ? new ScalarKeys(codec, keyComparer) : null;

    // A tree comes back as the same object when it was updated in place (BTree.Next): so is this store then.
    private IndexStore With(BTree<IndexEntry, bool> entries) => ReferenceEquals(entries, _entries) ? this : new IndexStore(entries);

    private IndexStore With(BTree<ScalarEntry, bool> scalar) => ReferenceEquals(scalar, _scalar) ? this : new IndexStore(scalar, _scalarKeys!);

    /// <summary>The comparer that orders keys.</summary>
    public IComparer<object?[]> KeyComparer => _scalarKeys?.KeyComparer ?? Comparer.KeyComparer;

    private IndexEntryComparer Comparer => (IndexEntryComparer)_entries!.Comparer;

    /// <summary>Number of entries. O(1).</summary>
    public int Count => _scalar?.Count ?? _entries!.Count;

    /// <summary>Whether this index holds compact <see cref="ScalarEntry"/> entries (for tests).</summary>
    internal bool IsCompact => _scalar is not null;

    /// <summary>Checks the tree's invariants (for tests).</summary>
    internal void Validate()
    {
        if (_scalar is not null) _scalar.Validate();
        else _entries!.Validate();
    }

    /// <summary>The underlying tree of an index of <see cref="IndexEntry"/> entries, for tests.</summary>
    internal BTree<IndexEntry, bool> Entries => _entries ?? throw new InvalidOperationException("a compact index has no IndexEntry tree");

    /// <summary>
    /// Adds the entry (<paramref name="key"/>, <paramref name="rowId"/>). Throws
    /// <see cref="InvalidOperationException"/> if that exact entry exists (a caller bug).
    /// </summary>
    public IndexStore Add(object?[] key, long rowId, WriteToken token)
    {
        ArgumentNullException.ThrowIfNull(key);
        bool existed;
        IndexStore added;
        if (_scalar is { } scalar) added = With(scalar.Insert(_scalarKeys!.Entry(key, rowId), false, token, out existed));
        else added = With(_entries!.Insert(Comparer.Entry(key, rowId), false, token, out existed));
        if (existed) throw new InvalidOperationException($"index entry {new IndexEntry(key, rowId)} already exists");
        return added;
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
        bool existed, inLeaf, otherLeaf;
        IndexStore added;
        if (_scalar is { } scalar)
        {
            var entry = _scalarKeys!.Entry(key, rowId);
            added = With(scalar.InsertWithNeighbours(entry, false, token, out existed, out var near));
            inLeaf = (near.BeforeKind == BTree<ScalarEntry, bool>.NeighbourKind.InLeaf && near.Before.SameKey(entry))
                || (near.AfterKind == BTree<ScalarEntry, bool>.NeighbourKind.InLeaf && near.After.SameKey(entry));
            otherLeaf = near.BeforeKind == BTree<ScalarEntry, bool>.NeighbourKind.OtherLeaf || near.AfterKind == BTree<ScalarEntry, bool>.NeighbourKind.OtherLeaf;
        }
        else
        {
            var comparer = Comparer;
            var entry = comparer.Entry(key, rowId);
            added = With(_entries!.InsertWithNeighbours(entry, false, token, out existed, out var near));
            inLeaf = (near.BeforeKind == BTree<IndexEntry, bool>.NeighbourKind.InLeaf && comparer.SameKey(near.Before, entry))
                || (near.AfterKind == BTree<IndexEntry, bool>.NeighbourKind.InLeaf && comparer.SameKey(near.After, entry));
            otherLeaf = near.BeforeKind == BTree<IndexEntry, bool>.NeighbourKind.OtherLeaf || near.AfterKind == BTree<IndexEntry, bool>.NeighbourKind.OtherLeaf;
        }
        if (existed) throw new InvalidOperationException($"index entry {new IndexEntry(key, rowId)} already exists");
        if (inLeaf) duplicate = true;
        else if (otherLeaf)
        {
            var holders = 0;
            foreach (var _ in added.Seek(key))
                if (++holders > 1) break;
            duplicate = holders > 1;
        }
        else duplicate = false;
        return added;
    }

    /// <summary>
    /// Removes the entry (<paramref name="key"/>, <paramref name="rowId"/>). Throws
    /// <see cref="KeyNotFoundException"/> if there is none (a caller bug).
    /// </summary>
    public IndexStore Remove(object?[] key, long rowId, WriteToken token)
    {
        ArgumentNullException.ThrowIfNull(key);
        bool removed;
        IndexStore rest;
        if (_scalar is { } scalar) rest = With(scalar.Remove(_scalarKeys!.Entry(key, rowId), token, out removed));
        else rest = With(_entries!.Remove(Comparer.Entry(key, rowId), token, out removed));
        if (!removed) throw new KeyNotFoundException($"no index entry {new IndexEntry(key, rowId)}");
        return rest;
    }

    /// <summary>The row ids of all entries whose key equals <paramref name="key"/>, ascending.</summary>
    public RowIdEnumerable Seek(object?[] key) => SeekPrefixRowIds(key);

    /// <summary>
    /// The first row id (the smallest) whose key equals <paramref name="key"/>: a unique
    /// index's lookup. Allocates nothing.
    /// </summary>
    public bool TrySeekFirst(object?[] key, out long rowId)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_scalar is { } scalar)
        {
            var probe = _scalarKeys!.Entry(key, 0, -1);
            if (scalar.TryGetFirst(Bound.Inclusive(probe), out var found, out _) && found.SameKey(probe))
            {
                rowId = found.RowId;
                return true;
            }
        }
        else
        {
            var comparer = Comparer;
            var probe = comparer.Entry(key, 0, -1);
            if (_entries!.TryGetFirst(Bound.Inclusive(probe), out var entry, out _) && comparer.SameKey(entry, probe))
            {
                rowId = entry.RowId;
                return true;
            }
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
        var lower = Bound.Inclusive(prefix);
        return Range(lower, lower);
    }

    /// <summary>The row ids of <see cref="SeekPrefix"/>'s entries, without their keys.</summary>
    public RowIdEnumerable SeekPrefixRowIds(object?[] prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var lower = Bound.Inclusive(prefix);
        return RangeRowIds(lower, lower);
    }

    /// <summary>All entries in key order (then row id order).</summary>
    public EntryEnumerable All() => Range(default, default);

    /// <summary>
    /// Entries whose keys lie between the bounds, in key order (then row id order). A bound
    /// key may be shorter than the index's keys: it then bounds by that prefix, so
    /// <c>Inclusive([5])</c> as the upper bound admits every key starting with 5.
    /// </summary>
    public EntryEnumerable Range(Bound<object?[]> lower, Bound<object?[]> upper) => _scalar is { } scalar
        ? new(scalar.Range(ToScalarProbe(lower, isLower: true), ToScalarProbe(upper, isLower: false)), _scalarKeys!)
        : new(_entries!.Range(ToProbe(lower, isLower: true), ToProbe(upper, isLower: false)));

    /// <summary>The row ids of <see cref="Range"/>'s entries, without their keys.</summary>
    public RowIdEnumerable RangeRowIds(Bound<object?[]> lower, Bound<object?[]> upper) => _scalar is { } scalar
        ? new(scalar.Range(ToScalarProbe(lower, isLower: true), ToScalarProbe(upper, isLower: false)))
        : new(_entries!.Range(ToProbe(lower, isLower: true), ToProbe(upper, isLower: false)));

    /// <summary>The entries of <see cref="Range"/> in descending order (key, then row id).</summary>
    public EntryEnumerable RangeDescending(Bound<object?[]> lower, Bound<object?[]> upper) => _scalar is { } scalar
        ? new(scalar.RangeDescending(ToScalarProbe(lower, isLower: true), ToScalarProbe(upper, isLower: false)), _scalarKeys!)
        : new(_entries!.RangeDescending(ToProbe(lower, isLower: true), ToProbe(upper, isLower: false)));

    /// <summary>
    /// A key bound as a probe bound: probes sort before or after all entries with an equal key,
    /// so inclusive-lower and exclusive-upper bounds use the "before" probe, the others "after".
    /// </summary>
    private Bound<IndexEntry> ToProbe(Bound<object?[]> bound, bool isLower)
    {
        if (!bound.HasValue) return default;
        ArgumentNullException.ThrowIfNull(bound.Key);
        return Bound.Inclusive(Comparer.Entry(bound.Key, 0, ProbeSide(bound, isLower)));
    }

    private Bound<ScalarEntry> ToScalarProbe(Bound<object?[]> bound, bool isLower)
    {
        if (!bound.HasValue) return default;
        ArgumentNullException.ThrowIfNull(bound.Key);
        return Bound.Inclusive(_scalarKeys!.Entry(bound.Key, 0, ProbeSide(bound, isLower)));
    }

    private static int ProbeSide(Bound<object?[]> bound, bool isLower) => isLower == bound.IsInclusive ? -1 : 1;
}
