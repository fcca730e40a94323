namespace Tenon.Storage;

/// <summary>
/// Orders <see cref="IndexEntry"/> by key (the index's comparer), then probe side, then row id.
/// The tree calls it for every step of every descent, so it is one virtual call that compares the
/// key itself: <see cref="Create{TKeys}"/> builds one around a struct key order the JIT inlines
/// (a typed order from <see cref="IKeyOrderSource"/>, which may also abbreviate keys), and
/// <see cref="Create(IComparer{object?[]})"/> one that goes through the key comparer's interface.
/// Entries are made by <see cref="Entry"/>, so that they carry the abbreviation when there is one.
/// </summary>
internal abstract class IndexEntryComparer : IComparer<IndexEntry>
{
    protected IndexEntryComparer(IComparer<object?[]> keyComparer)
    {
        KeyComparer = keyComparer;
    }

    /// <summary>The key comparer the index was made with (the same order as this one's keys).</summary>
    public IComparer<object?[]> KeyComparer { get; }

    public abstract int Compare(IndexEntry x, IndexEntry y);

    /// <summary>The order of two keys, as <see cref="KeyComparer"/> gives it.</summary>
    public abstract int CompareKeys(object?[] x, object?[] y);

    /// <summary>Whether two entries' keys are equal (whatever their row ids and probe sides).</summary>
    public virtual bool SameKey(IndexEntry x, IndexEntry y) => CompareKeys(x.Key, y.Key) == 0;

    /// <summary>The entry (or probe, see <see cref="IndexEntry.Probe"/>) for a key, abbreviated when this order can.</summary>
    public virtual IndexEntry Entry(object?[] key, long rowId, int probe = 0) => new(key, rowId, probe);

    /// <summary>The comparer for an index ordered by <paramref name="keyComparer"/>, specialized when it offers that.</summary>
    public static IndexEntryComparer For(IComparer<object?[]> keyComparer) =>
        keyComparer is IKeyOrderSource source && source.EntryComparer() is { } typed ? typed : Create(keyComparer);

    /// <summary>An entry comparer that calls <paramref name="keyComparer"/> through its interface.</summary>
    public static IndexEntryComparer Create(IComparer<object?[]> keyComparer) => new ByInterface(keyComparer);

    /// <summary>
    /// An entry comparer around <paramref name="keys"/>, which must order keys exactly as
    /// <paramref name="keyComparer"/> does (which is what <see cref="KeyComparer"/> then returns).
    /// </summary>
    public static IndexEntryComparer Create<TKeys>(TKeys keys, IComparer<object?[]> keyComparer)
        where TKeys : struct, IAbbreviatingKeyOrder => new ByStruct<TKeys>(keys, keyComparer);

    private static int Tail(in IndexEntry x, in IndexEntry y) =>
        x.Probe != y.Probe ? x.Probe.CompareTo(y.Probe) : x.RowId.CompareTo(y.RowId);

    private sealed class ByInterface(IComparer<object?[]> keyComparer) : IndexEntryComparer(keyComparer)
    {
        public override int Compare(IndexEntry x, IndexEntry y)
        {
            int c = KeyComparer.Compare(x.Key, y.Key);
            return c != 0 ? c : Tail(x, y);
        }

        public override int CompareKeys(object?[] x, object?[] y) => KeyComparer.Compare(x, y);
    }

    private sealed class ByStruct<TKeys>(TKeys keys, IComparer<object?[]> keyComparer) : IndexEntryComparer(keyComparer)
        where TKeys : struct, IAbbreviatingKeyOrder
    {
        private readonly TKeys _keys = keys;

        public override int Compare(IndexEntry x, IndexEntry y)
        {
            if (x.IsAbbreviated && y.IsAbbreviated)
            {
                if (x.Abbreviation != y.Abbreviation) return x.Abbreviation < y.Abbreviation ? -1 : 1;
                if (_keys.AbbreviationIsKey) return Tail(x, y);
            }
            int c = _keys.Compare(x.Key, y.Key);
            return c != 0 ? c : Tail(x, y);
        }

        public override int CompareKeys(object?[] x, object?[] y) => _keys.Compare(x, y);

        public override bool SameKey(IndexEntry x, IndexEntry y)
        {
            if (x.IsAbbreviated && y.IsAbbreviated)
            {
                if (x.Abbreviation != y.Abbreviation) return false;
                if (_keys.AbbreviationIsKey) return true;
            }
            return _keys.Compare(x.Key, y.Key) == 0;
        }

        public override IndexEntry Entry(object?[] key, long rowId, int probe = 0) =>
            _keys.TryAbbreviate(key, out var abbreviation) ? new(key, rowId, probe, abbreviation) : new(key, rowId, probe);
    }
}

/// <summary>
/// A key order that may abbreviate a key to a 64-bit integer: for any two keys it abbreviated,
/// a smaller abbreviation means a smaller key (and when <see cref="AbbreviationIsKey"/>, equal
/// abbreviations mean equal keys; otherwise the keys themselves decide).
/// </summary>
internal interface IAbbreviatingKeyOrder : IComparer<object?[]>
{
    bool AbbreviationIsKey { get; }

    bool TryAbbreviate(object?[] key, out long abbreviation);
}

/// <summary>
/// A key comparer that can give an index a specialized representation of the same order: a
/// <see cref="IScalarKeyCodec"/> (compact entries), or else an <see cref="IndexEntryComparer"/>
/// (see <see cref="IndexEntryComparer.Create{TKeys}"/>); null when it has none.
/// </summary>
internal interface IKeyOrderSource
{
    IScalarKeyCodec? ScalarCodec();

    IndexEntryComparer? EntryComparer();
}
