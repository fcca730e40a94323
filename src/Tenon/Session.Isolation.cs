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
/// (SET TRANSACTION, SET SESSION CHARACTERISTICS, BEGIN's modes, SHOW transaction_isolation).
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
    private Transaction NewTransaction(bool isExplicit) => new(Database.Committed, isExplicit)
    {
        Isolation = ParseIsolation(_settings.Get("default_transaction_isolation")?.Value ?? "read committed"),
        ReadOnly = _settings.Get("default_transaction_read_only")?.Value == "on",
        Deferrable = _settings.Get("default_transaction_deferrable")?.Value == "on",
    };

    private static IsolationLevel ParseIsolation(string name) => name switch
    {
        "serializable" => IsolationLevel.Serializable,
        "repeatable read" => IsolationLevel.RepeatableRead,
        "read uncommitted" => IsolationLevel.ReadUncommitted,
        _ => IsolationLevel.ReadCommitted,
    };

    private static string IsolationName(IsolationLevel level) => level switch
    {
        IsolationLevel.Serializable => "serializable",
        IsolationLevel.RepeatableRead => "repeatable read",
        IsolationLevel.ReadUncommitted => "read uncommitted",
        _ => "read committed",
    };

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
        tx.StartWriting(Database.Committed);
    }

    /// <summary>
    /// A statement that changes the catalog cannot be merged later: a transaction writing on an
    /// older snapshot first applies its changes onto the latest version and continues from there
    /// (so it then also sees what others committed: the documented difference from PostgreSQL).
    /// </summary>
    private void CollapseBeforeDdl(Transaction tx, Statement stmt)
    {
        if (tx.Latest is null || stmt is InsertStatement or UpdateStatement or DeleteStatement or CopyStatement or SelectStatement or LockStatement)
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

    /// <summary>SET TRANSACTION … / SET SESSION CHARACTERISTICS AS TRANSACTION ….</summary>
    private StatementResult SetTransaction(SetTransactionStatement s)
    {
        if (s.Session)
        {
            foreach (var m in s.Modes)
            {
                var (name, value) = ModeSetting(m);
                _settings.Set("default_" + name, value, local: false, inTransaction: _tx is not null);
            }
            return new StatementResult("SET");
        }
        if (_tx is not { IsExplicit: true })
        {
            RaiseNotice(new Notice("WARNING", SqlState.NoActiveSqlTransaction, "SET TRANSACTION can only be used in transaction blocks"));
            foreach (var m in s.Modes) ModeSetting(m);
            return new StatementResult("SET");
        }
        foreach (var m in s.Modes)
        {
            var (name, value) = ModeSetting(m);
            SetTransactionCharacteristic(_tx, name, value);
        }
        return new StatementResult("SET");
    }

    private static (string Name, string Value) ModeSetting(string mode) => mode switch
    {
        "read only" => ("transaction_read_only", "on"),
        "read write" => ("transaction_read_only", "off"),
        "deferrable" => ("transaction_deferrable", "on"),
        "not deferrable" => ("transaction_deferrable", "off"),
        _ => ("transaction_isolation", mode["isolation level ".Length..]),
    };

    private static bool IsTransactionCharacteristic(string name) =>
        name.Equals("transaction_isolation", StringComparison.OrdinalIgnoreCase)
        || name.Equals("transaction_read_only", StringComparison.OrdinalIgnoreCase)
        || name.Equals("transaction_deferrable", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Changes one characteristic of the open transaction with PostgreSQL's checks
    /// (check_XactIsoLevel, check_transaction_read_only, check_transaction_deferrable); a null
    /// value is RESET (the session default).
    /// </summary>
    private void SetTransactionCharacteristic(Transaction tx, string name, string? value)
    {
        name = name.ToLowerInvariant();
        // RESET gives the parameter's own default (read committed, off), not the session's default_transaction_* value.
        value ??= Settings.SettingsRegistry.Find(name)!.Default;
        switch (name)
        {
            case "transaction_isolation":
            {
                var canonical = Settings.SettingsRegistry.Find(name)!.Normalize(name, value, IsolationName(tx.Isolation));
                var level = ParseIsolation(canonical);
                if (level == tx.Isolation) return;
                if (tx.SnapshotTaken)
                    throw new TenonException(SqlState.ActiveSqlTransaction, "SET TRANSACTION ISOLATION LEVEL must be called before any query");
                if (tx.Savepoints.Count > 0)
                    throw new TenonException(SqlState.ActiveSqlTransaction, "SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction");
                tx.Isolation = level;
                return;
            }
            case "transaction_read_only":
            {
                var on = Settings.SettingsRegistry.Find(name)!.Normalize(name, value, "off") == "on";
                if (!on && tx.ReadOnly)
                {
                    if (tx.Savepoints.Count > 0)
                        throw new TenonException(SqlState.ActiveSqlTransaction, "cannot set transaction read-write mode inside a read-only transaction");
                    if (tx.SnapshotTaken)
                        throw new TenonException(SqlState.ActiveSqlTransaction, "transaction read-write mode must be set before any query");
                }
                tx.ReadOnly = on;
                return;
            }
            default:
            {
                var on = Settings.SettingsRegistry.Find(name)!.Normalize(name, value, "off") == "on";
                if (tx.Savepoints.Count > 0)
                    throw new TenonException(SqlState.ActiveSqlTransaction, "SET TRANSACTION [NOT] DEFERRABLE cannot be called within a subtransaction");
                if (tx.SnapshotTaken)
                    throw new TenonException(SqlState.ActiveSqlTransaction, "SET TRANSACTION [NOT] DEFERRABLE must be called before any query");
                tx.Deferrable = on;
                return;
            }
        }
    }

    /// <summary>The value SHOW and current_setting give a transaction characteristic: the open transaction's, else the session default.</summary>
    private string TransactionCharacteristic(string name)
    {
        name = name.ToLowerInvariant();
        if (_tx is not { } tx) return _settings.Get("default_" + name)?.Value ?? "";
        return name switch
        {
            "transaction_isolation" => IsolationName(tx.Isolation),
            "transaction_read_only" => tx.ReadOnly ? "on" : "off",
            _ => tx.Deferrable ? "on" : "off",
        };
    }

    /// <summary>BEGIN's modes, applied as SET TRANSACTION would.</summary>
    private void ApplyBeginModes(Transaction tx, IReadOnlyList<string> modes)
    {
        foreach (var m in modes)
        {
            var (name, value) = ModeSetting(m);
            SetTransactionCharacteristic(tx, name, value);
        }
    }
}
