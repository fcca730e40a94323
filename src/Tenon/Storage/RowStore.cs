using System.Diagnostics.CodeAnalysis;

namespace Tenon.Storage;

/// <summary>
/// A table's rows: a persistent <see cref="BTree{TKey, TValue}"/> from row id to row, plus the
/// next row id to hand out. Immutable like the tree: every mutation takes a
/// <see cref="WriteToken"/> and returns the new version (see the essay in BTree.cs for when older
/// versions stay valid). Row ids start at 1, only grow, and are never reused within a version's
/// history; rolling back to an older version also rolls back <see cref="NextRowId"/>.
/// A stored row array is shared by every version that contains it: never modify it after
/// handing it over; <see cref="Update"/> with a new array instead.
///
/// Each row version also has the id of the transaction that wrote it (PostgreSQL's xmin). Writers
/// are serialized and row ids only grow, so one transaction's rows in a table are consecutive ids:
/// the store keeps runs, a tree from the first row id of each run to its transaction id, and a
/// row's xmin is the run at or before its id. Rows with no run before them (loaded from disk, or
/// written without an id) are frozen: <see cref="FrozenXid"/>.
/// </summary>
public sealed partial class RowStore
{
    /// <summary>PostgreSQL's FrozenTransactionId: older than every transaction.</summary>
    public const uint FrozenXid = 2;

    private static readonly BTree<long, uint> NoRuns = BTree<long, uint>.Empty(Comparer<long>.Default);

    // Not readonly: updated in place together with a row tree updated in place (see BTree.Next).
    private BTree<long, uint> _xminRuns;
    private uint _lastXid;

    private RowStore(BTree<long, object?[]> rows, long nextRowId, BTree<long, uint> xminRuns, uint lastXid)
    {
        Rows = rows;
        NextRowId = nextRowId;
        _xminRuns = xminRuns;
        _lastXid = lastXid;
    }

    private RowStore(BTree<long, object?[]> rows, long nextRowId) : this(rows, nextRowId, NoRuns, FrozenXid) { }

    // After a write to the row tree: when that came back as the same object, it was updated in
    // place (a write that changes nothing does not get here), and as in Insert this store is then
    // no snapshot either.
    private RowStore With(BTree<long, object?[]> rows, long nextRowId)
    {
        if (!ReferenceEquals(rows, Rows)) return new(rows, nextRowId, _xminRuns, _lastXid);
        NextRowId = nextRowId;
        return this;
    }

    /// <summary>The empty table; its first row gets id 1.</summary>
    public static RowStore Empty { get; } = new(BTree<long, object?[]>.Empty(Comparer<long>.Default), 1);

    /// <summary>The id of the transaction that wrote the row version <paramref name="rowId"/> (xmin).</summary>
    public uint Xmin(long rowId) =>
        _xminRuns.TryGetLast(Bound.Inclusive(rowId), out _, out var xid) ? xid : FrozenXid;

    /// <summary>
    /// Builds a table from rows in strictly ascending row id order (snapshot loading).
    /// <paramref name="nextRowId"/> must exceed every id given.
    /// </summary>
    public static RowStore BuildSorted(IEnumerable<KeyValuePair<long, object?[]>> rows, long nextRowId, WriteToken token)
    {
        var tree = BTree<long, object?[]>.BuildSorted(rows.Select(Shared), Comparer<long>.Default, token);
        if (tree.TryGetMax(out long maxId, out _) && maxId >= nextRowId)
        {
            throw new ArgumentOutOfRangeException(nameof(nextRowId), nextRowId, $"must exceed the largest row id, {maxId}");
        }
        return new RowStore(tree, nextRowId);
    }

    private static KeyValuePair<long, object?[]> Shared(KeyValuePair<long, object?[]> row)
    {
        SharedBoxes.Share(row.Value);
        return row;
    }

    /// <summary>The rows keyed by row id, for range scans over ids.</summary>
    public BTree<long, object?[]> Rows { get; }

    /// <summary>The id the next <see cref="Insert"/> assigns.</summary>
    public long NextRowId { get; private set; }

    /// <summary>Number of rows. O(1).</summary>
    public int Count => Rows.Count;

    /// <summary>Adds <paramref name="row"/> under a new row id, written by transaction <paramref name="xid"/>.</summary>
    public RowStore Insert(object?[] row, WriteToken token, out long rowId, uint xid = FrozenXid)
    {
        ArgumentNullException.ThrowIfNull(row);
        SharedBoxes.Share(row);
        rowId = NextRowId;
        var rows = Rows.Insert(rowId, row, token, out bool existed);
        if (existed) throw new InvalidOperationException($"row id {rowId} is already in use");
        var runs = xid == _lastXid ? _xminRuns : _xminRuns.Set(rowId, xid, token);
        if (!ReferenceEquals(rows, Rows)) return new RowStore(rows, rowId + 1, runs, xid);
        // The row tree was updated in place, so this store is no snapshot either: update it too.
        NextRowId = rowId + 1;
        _xminRuns = runs;
        _lastXid = xid;
        return this;
    }

    /// <summary>
    /// Stores <paramref name="row"/> under the given id, replacing any row there (log replay).
    /// <see cref="NextRowId"/> moves past <paramref name="rowId"/> if needed.
    /// </summary>
    public RowStore Put(long rowId, object?[] row, WriteToken token)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowId, 1);
        SharedBoxes.Share(row);
        return With(Rows.Set(rowId, row, token), Math.Max(NextRowId, rowId + 1));
    }

    /// <summary>The same rows with a larger <see cref="NextRowId"/> (log replay: ids of rows inserted and deleted again stay used).</summary>
    public RowStore WithNextRowId(long nextRowId) =>
        nextRowId <= NextRowId ? this : new(Rows, nextRowId, _xminRuns, _lastXid);

    /// <summary>Replaces the row <paramref name="rowId"/>; throws <see cref="KeyNotFoundException"/> if there is none.</summary>
    public RowStore Update(long rowId, object?[] row, WriteToken token)
    {
        ArgumentNullException.ThrowIfNull(row);
        SharedBoxes.Share(row);
        var rows = Rows.Replace(rowId, row, token, out bool found);
        if (!found) throw MissingRow(rowId);
        return ReferenceEquals(rows, Rows) ? this : With(rows, NextRowId);
    }

    /// <summary>Removes the row <paramref name="rowId"/>; throws <see cref="KeyNotFoundException"/> if there is none.</summary>
    public RowStore Delete(long rowId, WriteToken token)
    {
        var rows = Rows.Remove(rowId, token, out bool removed);
        if (!removed) throw MissingRow(rowId);
        return With(rows, NextRowId);
    }

    /// <summary>Looks up a row by id. Allocates nothing.</summary>
    public bool TryGet(long rowId, [MaybeNullWhen(false)] out object?[] row) => Rows.TryGetValue(rowId, out row);

    /// <summary>All rows in row id order (which is insertion order).</summary>
    public BTree<long, object?[]>.RangeEnumerable Scan() => Rows.All();

    private static KeyNotFoundException MissingRow(long rowId) => new($"no row with id {rowId}");
}
