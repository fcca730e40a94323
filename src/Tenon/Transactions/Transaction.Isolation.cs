using Tenon.Errors;
using Tenon.Storage;

namespace Tenon.Transactions;

/// <summary>PostgreSQL's isolation levels; READ UNCOMMITTED behaves as READ COMMITTED (as in PostgreSQL).</summary>
public enum IsolationLevel
{
    ReadUncommitted,
    ReadCommitted,
    RepeatableRead,
    Serializable,
}

/// <summary>
/// Snapshots and isolation (docs/ARCHITECTURE.md, "Isolation"). Terms: the <b>snapshot</b> S is
/// the committed version the transaction reads; the <b>latest</b> L is the committed version when
/// it took the write lock. A READ COMMITTED transaction moves its snapshot to the latest version
/// at each statement (and at the write lock), so S = L whenever it writes. A REPEATABLE READ or
/// SERIALIZABLE one keeps S from its first statement; if others committed between S and taking the
/// write lock, it keeps reading and writing on S (so it sees its snapshot plus its own changes)
/// and its changes are applied onto L when it commits (<see cref="SnapshotMerge"/>). Writers are
/// serialized, so L cannot move while it holds the lock: the rows others changed are exactly the
/// rows of S missing from L, and the checks of PostgreSQL's first-updater-wins rule compare the
/// two (<see cref="ChangedConcurrently"/>).
/// </summary>
public sealed partial class Transaction
{
    public IsolationLevel Isolation { get; set; }

    /// <summary>The level by PostgreSQL's name ("read committed", …).</summary>
    public string IsolationLevel
    {
        get => Isolation switch
        {
            Transactions.IsolationLevel.Serializable => "serializable",
            Transactions.IsolationLevel.RepeatableRead => "repeatable read",
            Transactions.IsolationLevel.ReadUncommitted => "read uncommitted",
            _ => "read committed",
        };
        set => Isolation = value switch
        {
            "serializable" => Transactions.IsolationLevel.Serializable,
            "repeatable read" => Transactions.IsolationLevel.RepeatableRead,
            "read uncommitted" => Transactions.IsolationLevel.ReadUncommitted,
            _ => Transactions.IsolationLevel.ReadCommitted,
        };
    }

    /// <summary>REPEATABLE READ and SERIALIZABLE read one snapshot for the whole transaction.</summary>
    public bool UsesTransactionSnapshot => Isolation >= Transactions.IsolationLevel.RepeatableRead;

    /// <summary>PostgreSQL's FirstSnapshotSet: a statement that reads has run (SET TRANSACTION ISOLATION LEVEL is then too late).</summary>
    public bool SnapshotTaken { get; set; }

    /// <summary>The committed version this transaction's reads are based on (S).</summary>
    public DbVersion Snapshot { get; private set; }

    /// <summary>The latest committed version (L) while this transaction writes on an older snapshot; null otherwise.</summary>
    public DbVersion? Latest { get; private set; }

    /// <summary>The newest write token that existed when the write lock was taken: later nodes are this transaction's.</summary>
    public long WriteSinceToken { get; private set; }

    /// <summary>Read tracking for SERIALIZABLE (null at other levels).</summary>
    public SerializableReads? Reads { get; set; }

    /// <summary>The isolation state of a new transaction reading <paramref name="start"/> (part of <see cref="Restart"/>).</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Snapshot))]
    private void RestartIsolation(DbVersion start)
    {
        Isolation = Transactions.IsolationLevel.ReadCommitted;
        SnapshotTaken = false;
        Snapshot = start;
        Latest = null;
        WriteSinceToken = 0;
        Reads = null;
    }

    /// <summary>
    /// Called when the write lock has just been taken, with the latest committed version. Nothing
    /// has been written yet. Keeps the snapshot of a REPEATABLE READ transaction that has read.
    /// </summary>
    public void StartWriting(DbVersion latest)
    {
        if (!UsesTransactionSnapshot || !SnapshotTaken || ReferenceEquals(latest, Snapshot)) Rebase(latest);
        else Latest = latest;
        WriteSinceToken = WriteToken.LastIssuedId;
        Freeze();
    }

    /// <summary>Leaves the merge mode: the transaction continues on <paramref name="merged"/> (its changes applied onto L).</summary>
    public void Collapse(DbVersion merged)
    {
        Latest = null;
        Rebase(merged);
        WriteSinceToken = WriteToken.LastIssuedId;
        Freeze();
    }

    /// <summary>
    /// Whether the row version <paramref name="rowId"/>, which this transaction's snapshot holds, has
    /// since been updated or deleted by a committed transaction (it is gone from the latest version).
    /// </summary>
    public bool ChangedConcurrently(uint tableOid, long rowId) =>
        Latest is { } latest && InSnapshot(tableOid, rowId)
        && !(latest.Data.TryGetValue(tableOid, out var data) && data.Rows.TryGet(rowId, out _));

    /// <summary>Whether the row version existed in the snapshot (else this transaction or a concurrent one wrote it).</summary>
    public bool InSnapshot(uint tableOid, long rowId) =>
        Snapshot.Data.TryGetValue(tableOid, out var data) && data.Rows.TryGet(rowId, out _);

    /// <summary>Whether the latest version holds an index key in a row the snapshot lacks (one inserted or updated concurrently).</summary>
    public bool KeyAddedConcurrently(uint tableOid, int position, object?[] key)
    {
        if (LatestData(tableOid) is not { } data) return false;
        foreach (var id in data.Indexes[position].Seek(key))
            if (!InSnapshot(tableOid, id)) return true;
        return false;
    }

    /// <summary>
    /// A table's latest committed data while writing on an older snapshot (null otherwise). A table
    /// whose definition changed concurrently cannot be reconciled: 40001.
    /// </summary>
    public TableData? LatestData(uint tableOid)
    {
        if (Latest is not { } latest) return null;
        if (!latest.Catalog.Tables.TryGetValue(tableOid, out var def) || !ReferenceEquals(def, Snapshot.Catalog.Tables.GetValueOrDefault(tableOid))
            || !latest.Data.TryGetValue(tableOid, out var data))
            throw SerializationErrors.ConcurrentUpdate();
        return data;
    }
}

/// <summary>The 40001 errors of REPEATABLE READ and SERIALIZABLE.</summary>
public static class SerializationErrors
{
    public static TenonException ConcurrentUpdate() =>
        new(SqlState.SerializationFailure, "could not serialize access due to concurrent update");

    public static TenonException ConcurrentDelete() =>
        new(SqlState.SerializationFailure, "could not serialize access due to concurrent delete");

    /// <summary>SSI's error; <paramref name="reason"/> is PostgreSQL's reason code sentence.</summary>
    public static TenonException ReadWriteDependencies(string reason) =>
        new(SqlState.SerializationFailure, "could not serialize access due to read/write dependencies among transactions",
            $"Reason code: {reason}.", "The transaction might succeed if retried.");
}
