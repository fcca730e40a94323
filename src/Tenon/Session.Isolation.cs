using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Sql.Ast;
using Tenon.Transactions;
using IsolationLevel = Tenon.Transactions.IsolationLevel;

namespace Tenon;

/// <summary>
/// Isolation levels: when a transaction takes its snapshot, how it starts writing, how its
/// changes reach the latest committed version at COMMIT, and the transaction characteristics
/// (which Session.TransactionCharacteristics.cs sets).
/// See docs/ARCHITECTURE.md, "Isolation".
/// </summary>
public sealed partial class Session
{
    private volatile bool _waitingForWriteLock;

    /// <summary>True while the session waits for another transaction's write lock (PostgreSQL's "waiting" in pg_stat_activity; tests use it).</summary>
    internal bool WaitingForWriteLock
    {
        get => _waitingForWriteLock;
        set => _waitingForWriteLock = value;
    }

    /// <summary>A transaction with the session's default characteristics (default_transaction_*).</summary>
    /// <remarks>Session.TransactionCharacteristics.cs keeps READ ONLY and DEFERRABLE and later changes of the level.</remarks>
    private Transaction NewTransaction(bool isExplicit)
    {
        Transaction tx;
        if (_spareTransaction is { } spare)
        {
            _spareTransaction = null;
            spare.Restart(Database.Committed, isExplicit);
            tx = spare;
        }
        else tx = new(Database.Committed, isExplicit);
        tx.IsolationLevel = DefaultCharacteristics().Isolation;
        return tx;
    }

    // The object of the last read-only autocommit SELECT's transaction, for the next transaction to reuse.
    private Transaction? _spareTransaction;

    /// <summary>
    /// Keeps the object of a committed autocommit SELECT's transaction for <see cref="NewTransaction"/>.
    /// Only when nothing can still use it as that transaction: it never took the write lock (so it
    /// wrote nothing, and no kept INSERT writer or deferred event refers to it), it was not tracked
    /// for SERIALIZABLE, no cursor is open (a WITH HOLD cursor reads its own copy, but one opened by
    /// a function could refer to the statement's context), and the result carries no lazy COPY data.
    /// The rows of a SELECT's result are materialized before it returns.
    /// </summary>
    private void RecycleTransaction(Transaction tx, Statement stmt, StatementResult result)
    {
        if (stmt is not SelectStatement || result.CopyOut is not null || tx.HoldsWriteLock || tx.Reads is not null
            || _cursors.Count > 0 || _tx is not null)
            return;
        // The characteristics are keyed by the transaction object: the reused one must start afresh.
        if (ReferenceEquals(_characteristicsOf, tx)) _characteristicsOf = null;
        _spareTransaction = tx;
    }

    /// <summary>
    /// Statements that need no snapshot (PostgreSQL's PlannedStmtRequiresSnapshot): they neither
    /// take one nor make SET TRANSACTION ISOLATION LEVEL too late.
    /// </summary>
    private static bool TakesSnapshot(Statement stmt) => stmt is not (SetStatement or ShowStatement or ResetStatement
        or SetTransactionStatement or LockStatement or SetConstraintsStatement or SetSessionAuthorizationStatement or TransactionStatement);

    /// <summary>
    /// Before a statement runs: READ COMMITTED reads the latest committed version at each statement;
    /// REPEATABLE READ and SERIALIZABLE take their snapshot at the first statement that needs one.
    /// A transaction holding the write lock already works on the latest version (or on its kept snapshot).
    /// </summary>
    private void PrepareSnapshot(Transaction tx, Statement stmt)
    {
        if (tx.Reads is { Doomed: true })
            throw SerializationErrors.ReadWriteDependencies("Canceled on identification as a pivot, during conflict out checking");
        if (!TakesSnapshot(stmt)) return;
        if (tx.HoldsWriteLock)
        {
            TrackSerializable(tx);
            tx.SnapshotTaken = true;
            return;
        }
        if (tx.UsesTransactionSnapshot && tx.SnapshotTaken) return;
        // The tracking starts before the version is read, so no commit it cannot see looks visible.
        TrackSerializable(tx);
        tx.Rebase(Database.Committed);
        tx.SnapshotTaken = true;
    }

    private void TrackSerializable(Transaction tx)
    {
        if (tx.Isolation == IsolationLevel.Serializable && tx.Reads is null) Database.Serializable.Begin(tx);
    }

    /// <summary>Takes the write lock for the transaction's first write and moves it onto the latest committed version.</summary>
    private void StartWriting(Transaction tx)
    {
        tx.HoldsWriteLock = true;
        tx.Xid = Database.AssignXid();
        tx.StartWriting(Database.WriterBase);
    }

    /// <summary>
    /// A statement that changes the catalog cannot be merged later: a transaction writing on an
    /// older snapshot first applies its changes onto the latest version and continues from there
    /// (so it then also sees what others committed: the documented difference from PostgreSQL).
    /// </summary>
    private void CollapseBeforeDdl(Transaction tx, Statement stmt)
    {
        if (tx.Latest is null || !IsWrite(stmt)
            || stmt is InsertStatement or UpdateStatement or DeleteStatement or CopyStatement or SelectStatement or LockStatement or SetConstraintsStatement)
            return;
        // Row ids change in the merge: events and savepoints that name rows could not follow.
        if (!tx.Timing.Pending.IsEmpty || tx.Savepoints.Count > 0) throw SerializationErrors.ConcurrentUpdate();
        tx.Collapse(Merge(tx));
    }

    private DbVersion Merge(Transaction tx) =>
        SnapshotMerge.Apply(tx.Snapshot, tx.Latest!, tx.Freeze(), tx.WriteSinceToken, new RowWriter(new ExecContext(this, tx, null)), tx.Xid);

    /// <summary>
    /// At COMMIT, after deferred checks: SERIALIZABLE's dependency check (which may fail the
    /// commit with 40001), then the changes made on an older snapshot applied onto the latest version.
    /// </summary>
    private void PrepareCommit(Transaction tx)
    {
        if (tx.Reads is not null) Database.Serializable.PrepareCommit(tx);
        if (tx.Latest is not null)
        {
            tx.Savepoints.Clear();
            tx.Collapse(Merge(tx));
        }
    }
}
