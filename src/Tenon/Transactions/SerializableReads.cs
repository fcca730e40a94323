using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Storage;

namespace Tenon.Transactions;

/// <summary>
/// One SERIALIZABLE transaction's part in serializable snapshot isolation (SSI): what it read, what
/// it wrote (known at commit), and whether rw-dependencies lead into and out of it
/// (<see cref="SerializableTracker"/>). Reads are recorded per table: a sequential scan reads the
/// whole table; an index scan reads the key range it probed (PostgreSQL's predicate locks on
/// index pages and tuples are finer still). A table probed more than <see cref="MaxRangesPerTable"/>
/// times, or through an index on expressions or with a predicate, counts as read whole, as
/// PostgreSQL promotes many fine locks to a coarser one. Coarser reads cause more false
/// positives, never fewer detections.
/// </summary>
public sealed class SerializableReads
{
    private const int MaxRangesPerTable = 256;

    private readonly HashSet<uint> _tables = new();
    private readonly Dictionary<uint, List<KeyRange>> _ranges = new();

    private readonly record struct KeyRange(IndexDef Index, IComparer<object?[]> Comparer, Bound<object?[]> Lower, Bound<object?[]> Upper);

    /// <summary>The commit counter of <see cref="SerializableTracker"/> when the snapshot was taken.</summary>
    internal long SnapshotSeq { get; set; }

    /// <summary>Its place in the commit order once published; <see cref="long.MaxValue"/> while committing.</summary>
    internal long CommitSeq { get; set; } = long.MaxValue;

    internal bool Committed { get; set; }
    internal bool InConflict { get; set; }
    internal bool OutConflict { get; set; }

    /// <summary>Set when another transaction's commit made this one a pivot: it fails at its next statement.</summary>
    public bool Doomed { get; internal set; }

    internal WriteSet? Writes { get; set; }

    /// <summary>Writes made before the transaction moved onto a newer version (DDL on an older snapshot).</summary>
    internal List<WriteSet> EarlierWrites { get; } = new();

    internal bool IsPivot => InConflict && OutConflict;

    /// <summary>Records a read of every row of a table (a sequential scan).</summary>
    public void Table(uint tableOid)
    {
        lock (this)
        {
            _tables.Add(tableOid);
            _ranges.Remove(tableOid);
        }
    }

    /// <summary>Records a read of the index entries between two bounds (prefix bounds as <see cref="IndexStore.Range"/> takes them).</summary>
    public void Range(uint tableOid, IndexDef index, IComparer<object?[]> comparer, Bound<object?[]> lower, Bound<object?[]> upper)
    {
        if (index.HasExpressions || index.Predicate is not null)
        {
            Table(tableOid);
            return;
        }
        lock (this)
        {
            if (_tables.Contains(tableOid)) return;
            if (!_ranges.TryGetValue(tableOid, out var list)) _ranges[tableOid] = list = new();
            if (list.Count >= MaxRangesPerTable) Table(tableOid);
            else list.Add(new KeyRange(index, comparer, lower, upper));
        }
    }

    /// <summary>Whether any row written (before or after image) falls into something this transaction read.</summary>
    internal bool Overlaps(WriteSet writes)
    {
        lock (this)
        {
            foreach (var (oid, rows) in writes.Tables)
            {
                if (_tables.Contains(oid)) return true;
                if (!_ranges.TryGetValue(oid, out var ranges)) continue;
                if (rows is null) return true;
                foreach (var range in ranges)
                    foreach (var row in rows)
                        if (Contains(range, RowWriter.KeyOf(range.Index, row))) return true;
            }
            return false;
        }
    }

    private static bool Contains(KeyRange range, object?[] key)
    {
        if (range.Lower.HasValue)
        {
            var c = range.Comparer.Compare(key, range.Lower.Key);
            if (c < 0 || (c == 0 && !range.Lower.IsInclusive)) return false;
        }
        if (range.Upper.HasValue)
        {
            var c = range.Comparer.Compare(key, range.Upper.Key);
            if (c > 0 || (c == 0 && !range.Upper.IsInclusive)) return false;
        }
        return true;
    }
}

/// <summary>
/// The rows a transaction changed, per table: before images of rows it updated or deleted and
/// after images of rows it inserted or updated; null for a table changed as a whole (dropped,
/// rewritten by DDL).
/// </summary>
internal sealed class WriteSet
{
    public Dictionary<uint, List<object?[]>?> Tables { get; } = new();

    public bool IsEmpty => Tables.Count == 0;

    /// <summary>The changes of a transaction holding the write lock, relative to the version it started writing on.</summary>
    public static WriteSet Of(Transaction tx)
    {
        var set = new WriteSet();
        if (!tx.HoldsWriteLock) return set;
        var before = tx.WriteBase;
        var after = tx.Freeze();
        foreach (var (oid, data) in before.Data)
        {
            if (!after.Data.TryGetValue(oid, out var now)
                || !ReferenceEquals(after.Catalog.Tables.GetValueOrDefault(oid), before.Catalog.Tables.GetValueOrDefault(oid)))
            {
                set.Tables[oid] = null;
                continue;
            }
            if (ReferenceEquals(now, data)) continue;
            var (removed, added) = SnapshotMerge.Changes(data, now, tx.WriteSinceToken);
            var rows = new List<object?[]>(removed.Count + added.Count);
            foreach (var id in removed)
                if (data.Rows.TryGet(id, out var old)) rows.Add(old);
            foreach (var (_, row) in added) rows.Add(row);
            if (rows.Count > 0) set.Tables[oid] = rows;
        }
        return set;
    }

    public void AddRange(WriteSet other)
    {
        foreach (var (oid, rows) in other.Tables)
        {
            if (!Tables.TryGetValue(oid, out var mine)) Tables[oid] = rows is null ? null : new List<object?[]>(rows);
            else if (mine is not null)
            {
                if (rows is null) Tables[oid] = null;
                else mine.AddRange(rows);
            }
        }
    }
}
