namespace Tenon.Storage;

/// <summary>Orders <see cref="IndexEntry"/> by key (the index's comparer), then probe side, then row id.</summary>
internal sealed class IndexEntryComparer : IComparer<IndexEntry>
{
    private readonly IComparer<object?[]> _keyComparer;

    public IndexEntryComparer(IComparer<object?[]> keyComparer)
    {
        _keyComparer = keyComparer;
    }

    public IComparer<object?[]> KeyComparer => _keyComparer;

    public int Compare(IndexEntry x, IndexEntry y)
    {
        int c = _keyComparer.Compare(x.Key, y.Key);
        if (c != 0) return c;
        if (x.Probe != y.Probe) return x.Probe.CompareTo(y.Probe);
        return x.RowId.CompareTo(y.RowId);
    }
}
