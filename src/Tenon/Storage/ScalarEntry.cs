namespace Tenon.Storage;

/// <summary>
/// An entry of a compact index (see <see cref="IScalarKeyCodec"/>): the key's one column as the
/// 64-bit integer its codec maps it to, and the row id. It holds no reference, so the tree's leaves
/// are plain memory to the garbage collector (never traced, no write barriers when entries shift),
/// and an entry takes 24 bytes where an <see cref="IndexEntry"/> takes 32 plus its key array.
/// <para>
/// Entries order by <see cref="Rank"/> (a value, then NULL: PostgreSQL's NULLS LAST), key, probe
/// side, row id. A probe (<see cref="Probe"/> ≠ 0) sorts before or after every entry with its key,
/// as <see cref="IndexEntry.Probe"/> does; the empty prefix, which every key starts with, probes
/// with rank <see cref="BeforeAll"/> or <see cref="AfterAll"/>.
/// </para>
/// </summary>
internal readonly struct ScalarEntry : IComparable<ScalarEntry>
{
    public const int BeforeAll = -1;
    public const int Value = 0;
    public const int Null = 1;
    public const int AfterAll = 2;

    public ScalarEntry(int rank, long key, long rowId, int probe)
    {
        Rank = rank;
        Key = key;
        RowId = rowId;
        Probe = probe;
    }

    public long Key { get; }

    public long RowId { get; }

    public int Rank { get; }

    public int Probe { get; }

    /// <summary>Whether the two entries have the same key, whatever their row ids and probe sides.</summary>
    public bool SameKey(in ScalarEntry other) => Rank == other.Rank && Key == other.Key;

    public int CompareTo(ScalarEntry other)
    {
        if (Rank != other.Rank) return Rank < other.Rank ? -1 : 1;
        if (Key != other.Key) return Key < other.Key ? -1 : 1;
        if (Probe != other.Probe) return Probe < other.Probe ? -1 : 1;
        return RowId.CompareTo(other.RowId);
    }

    public override string ToString() =>
        $"({(Rank == Value ? Key : Rank == Null ? "NULL" : Rank < 0 ? "-inf" : "+inf")}){(Probe < 0 ? " before" : Probe > 0 ? " after" : " #" + RowId)}";
}
