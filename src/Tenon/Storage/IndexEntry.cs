namespace Tenon.Storage;

/// <summary>
/// The key of an <see cref="IndexStore"/>'s tree: the indexed columns plus the row id, which
/// makes entries unique even when keys repeat. A probe (<see cref="Probe"/> ≠ 0) is a search key
/// that sorts just before (-1) or just after (+1) every entry whose key compares equal to it,
/// whatever their row ids; probes are never stored.
/// <para>
/// <see cref="Abbreviation"/>, when <see cref="IsAbbreviated"/>, is the key's leading column as a
/// 64-bit integer whose order agrees with the key order (PostgreSQL's abbreviated keys): the
/// index's comparer decides most comparisons from the two integers in the node's entry array,
/// without following the key array to its boxed values. Only the comparer that made it reads it.
/// </para>
/// </summary>
internal readonly struct IndexEntry
{
    public IndexEntry(object?[] key, long rowId, int probe = 0)
    {
        Key = key;
        RowId = rowId;
        Probe = probe;
    }

    public IndexEntry(object?[] key, long rowId, int probe, long abbreviation)
    {
        Key = key;
        RowId = rowId;
        Probe = probe;
        Abbreviation = abbreviation;
        IsAbbreviated = true;
    }

    public object?[] Key { get; }

    public long RowId { get; }

    public long Abbreviation { get; }

    public int Probe { get; }

    public bool IsAbbreviated { get; }

    public static IndexEntry Before(object?[] key) => new(key, 0, -1);

    public static IndexEntry After(object?[] key) => new(key, 0, 1);

    public override string ToString() =>
        $"({string.Join(", ", Key.Select(v => v ?? "NULL"))}){(Probe < 0 ? " before" : Probe > 0 ? " after" : " #" + RowId)}";
}
