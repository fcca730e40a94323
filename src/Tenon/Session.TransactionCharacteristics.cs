using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Settings;
using Tenon.Sql.Ast;
using Tenon.Transactions;
using Tenon.Types;

namespace Tenon;

/// <summary>
/// Transaction characteristics — isolation level, READ ONLY, DEFERRABLE — as PostgreSQL keeps
/// them: each transaction starts with the session's default_transaction_* values; BEGIN's modes,
/// SET TRANSACTION and SET transaction_* change them under PostgreSQL's rules (not after the
/// transaction's first query, not inside a savepoint, never from read-only back to read-write
/// there); COMMIT/ROLLBACK AND CHAIN carry them into the next transaction; SET SESSION
/// CHARACTERISTICS sets the defaults. A read-only transaction refuses every write except to
/// temporary tables with "cannot execute … in a read-only transaction".
///
/// Bookkeeping only: how an isolation level behaves is the transaction code's business; the
/// level is handed to it in <see cref="Transaction.IsolationLevel"/>.
///
/// The characteristics belong to the transaction object they were computed for, so every way a
/// transaction starts (BEGIN, a single statement, a simple-query batch) gets the defaults without
/// being hooked here. Savepoints keep them, and the settings, for ROLLBACK TO SAVEPOINT.
/// </summary>
public sealed partial class Session
{
    private sealed record TxCharacteristics(string Isolation, bool ReadOnly, bool Deferrable);

    private Transaction? _characteristicsOf;
    private TxCharacteristics _characteristics = new("read committed", false, false);

    /// <summary>A statement that takes a snapshot has run in the transaction (PostgreSQL's FirstSnapshotSet).</summary>
    private bool _transactionQueried;

    /// <summary>Settings and characteristics at each savepoint of the open transaction, parallel to its Savepoints.</summary>
    private readonly List<(SessionSettings.Snapshot Settings, TxCharacteristics Characteristics)> _savepointStates = new();

    private static readonly string[] CharacteristicNames = ["transaction_isolation", "transaction_read_only", "transaction_deferrable"];

    private TxCharacteristics DefaultCharacteristics()
    {
        // Read for every transaction: looked up again only after a registered parameter changed.
        if (_defaultCharacteristics is { } known && _defaultCharacteristicsVersion == _settings.Version) return known;
        _defaultCharacteristicsVersion = _settings.Version;
        return _defaultCharacteristics = new(
            _settings.Get("default_transaction_isolation")?.Value ?? "read committed",
            _settings.Get("default_transaction_read_only")?.Value == "on",
            _settings.Get("default_transaction_deferrable")?.Value == "on");
    }

    private TxCharacteristics? _defaultCharacteristics;
    private int _defaultCharacteristicsVersion;

    /// <summary>The open transaction's characteristics (the defaults when there is none).</summary>
    private TxCharacteristics CurrentCharacteristics
    {
        get
        {
            if (_tx is null) return DefaultCharacteristics();
            if (!ReferenceEquals(_characteristicsOf, _tx)) StartCharacteristics(_tx, DefaultCharacteristics());
            return _characteristics;
        }
    }

    private void StartCharacteristics(Transaction tx, TxCharacteristics characteristics)
    {
        _characteristicsOf = tx;
        _transactionQueried = false;
        _savepointStates.Clear();
        SetCharacteristics(characteristics);
    }

    private void SetCharacteristics(TxCharacteristics c)
    {
        _characteristics = c;
        if (_tx is not null) _tx.IsolationLevel = c.Isolation;
    }

    /// <summary>Whether the open transaction is read-only (functions such as nextval ask).</summary>
    internal bool TransactionReadOnly => CurrentCharacteristics.ReadOnly;

    /// <summary>25006 for a write in a read-only transaction; <paramref name="command"/> as PostgreSQL names it.</summary>
    internal void PreventIfReadOnly(string command)
    {
        if (CurrentCharacteristics.ReadOnly)
            throw new TenonException(SqlState.ReadOnlySqlTransaction, $"cannot execute {command} in a read-only transaction");
    }

    /// <summary>Called before each statement runs in a transaction: notes a first query and refuses writes when read-only.</summary>
    private void CheckTransactionCharacteristics(Statement stmt, ExecContext ctx)
    {
        var current = CurrentCharacteristics;
        if (stmt is not (SetStatement or ShowStatement or ResetStatement or SetTransactionStatement or SetConstraintsStatement
            or LockStatement or CloseCursorStatement or FetchStatement or UnlistenStatement or SetSessionAuthorizationStatement))
            _transactionQueried = true;
        if (!current.ReadOnly) return;
        if (ReadOnlyCommandName(stmt, ctx) is { } command)
            throw new TenonException(SqlState.ReadOnlySqlTransaction, $"cannot execute {command} in a read-only transaction");
    }

    /// <summary>The name PostgreSQL gives a statement a read-only transaction refuses, or null when it is allowed.</summary>
    private string? ReadOnlyCommandName(Statement stmt, ExecContext ctx) => stmt switch
    {
        InsertStatement i => WritesPermanent(i.Table, ctx) ? "INSERT" : null,
        UpdateStatement u => WritesPermanent(u.Table, ctx) ? "UPDATE" : null,
        DeleteStatement d => WritesPermanent(d.Table, ctx) ? "DELETE" : null,
        MergeStatement m => WritesPermanent(m.Target, ctx) ? "MERGE" : null,
        CopyStatement { IsFrom: true, Table: { } t } => WritesPermanent(t, ctx) ? "COPY FROM" : null,
        CreateTableStatement c => c.AsQuery is null ? "CREATE TABLE" : c.IsSelectInto ? "SELECT INTO" : "CREATE TABLE AS",
        CreateIndexStatement => "CREATE INDEX",
        CreateSequenceStatement => "CREATE SEQUENCE",
        AlterSequenceStatement => "ALTER SEQUENCE",
        SetSchemaStatement s => "ALTER " + DdlExecutor.SetSchemaObjectWord(s.Kind),
        RenameObjectStatement r => "ALTER " + r.Kind.ToString().ToUpperInvariant(),
        CreateViewStatement => "CREATE VIEW",
        AlterViewStatement => "ALTER VIEW",
        CreateMaterializedViewStatement => "CREATE MATERIALIZED VIEW",
        RefreshMaterializedViewStatement => "REFRESH MATERIALIZED VIEW",
        CreateSchemaStatement => "CREATE SCHEMA",
        AlterSchemaStatement => "ALTER SCHEMA",
        CreateExtensionStatement => "CREATE EXTENSION",
        CreateEnumStatement => "CREATE TYPE",
        CreateDomainStatement => "CREATE DOMAIN",
        AlterTypeStatement => "ALTER TYPE",
        AlterTableStatement a => a.MaterializedView ? "ALTER MATERIALIZED VIEW" : "ALTER TABLE",
        TruncateStatement => "TRUNCATE TABLE",
        CommentStatement => "COMMENT",
        DropStatement d => "DROP " + d.Kind switch
        {
            ObjectKind.Table => "TABLE",
            ObjectKind.Index => "INDEX",
            ObjectKind.Sequence => "SEQUENCE",
            ObjectKind.View => "VIEW",
            ObjectKind.MaterializedView => "MATERIALIZED VIEW",
            ObjectKind.Schema => "SCHEMA",
            ObjectKind.Extension => "EXTENSION",
            ObjectKind.Type => "TYPE",
            ObjectKind.Domain => "DOMAIN",
            ObjectKind.Database => "DATABASE",
            _ => "FUNCTION",
        },
        _ => null,
    };

    /// <summary>Whether a DML target names a relation that is not temporary (unknown names are left to the statement's own error).</summary>
    private bool WritesPermanent(QualifiedName name, ExecContext ctx)
    {
        var oid = Binding.Binder.LookupRelation(ctx.Transaction.Catalog, SearchPath, name, name.Position);
        return oid != 0 && !SearchPath.IsTempSchema(ctx.Transaction.Catalog.RelationSchema(oid));
    }

    /// <summary>
    /// SET TRANSACTION modes / SET SESSION CHARACTERISTICS AS TRANSACTION modes. Outside a
    /// transaction block SET TRANSACTION warns and changes only the statement's own transaction
    /// (a simple-query batch is an implicit block: no warning, and it lasts for the batch).
    /// </summary>
    private StatementResult SetTransaction(SetTransactionStatement st, bool inBatch)
    {
        if (st.SessionDefaults)
        {
            foreach (var mode in st.Modes)
            {
                var (name, value) = ModeSetting(mode);
                _settings.Set("default_" + name, value, local: false, inTransaction: _tx is not null);
            }
            return new StatementResult("SET");
        }
        if (_tx is not { IsExplicit: true } && !inBatch)
            RaiseNotice(new Notice("WARNING", SqlState.NoActiveSqlTransaction, "SET TRANSACTION can only be used in transaction blocks"));
        ApplyTransactionModes(st.Modes);
        return new StatementResult("SET");
    }

    /// <summary>BEGIN's or SET TRANSACTION's modes, applied in order with PostgreSQL's checks.</summary>
    private void ApplyTransactionModes(IReadOnlyList<string> modes)
    {
        foreach (var mode in modes)
        {
            var (name, value) = ModeSetting(mode);
            SetCharacteristic(name, value);
        }
    }

    private static (string Name, string Value) ModeSetting(string mode) => mode switch
    {
        "read only" => ("transaction_read_only", "on"),
        "read write" => ("transaction_read_only", "off"),
        "deferrable" => ("transaction_deferrable", "on"),
        "not deferrable" => ("transaction_deferrable", "off"),
        _ => ("transaction_isolation", mode["isolation level ".Length..]),
    };

    private static bool IsCharacteristic(string name) =>
        CharacteristicNames.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>SET/RESET transaction_isolation, transaction_read_only or transaction_deferrable (value null = RESET).</summary>
    private void SetCharacteristic(string name, string? value)
    {
        var canonicalName = name.ToLowerInvariant();
        var def = SettingsRegistry.Find(canonicalName)!;
        var current = CurrentCharacteristics;
        // RESET gives the parameters' own defaults, not the session's default_transaction_* values (as PostgreSQL).
        var defaults = new TxCharacteristics("read committed", false, false);
        var sub = _tx is { Savepoints.Count: > 0 };
        switch (canonicalName)
        {
            case "transaction_isolation":
            {
                var level = value is null ? defaults.Isolation : def.Normalize(name, value, current.Isolation);
                if (level != current.Isolation && _tx is not null)
                {
                    if (_transactionQueried)
                        throw new TenonException(SqlState.ActiveSqlTransaction, "SET TRANSACTION ISOLATION LEVEL must be called before any query");
                    if (sub)
                        throw new TenonException(SqlState.ActiveSqlTransaction, "SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction");
                }
                SetCharacteristics(current with { Isolation = level });
                break;
            }
            case "transaction_read_only":
            {
                var readOnly = (value is null ? (defaults.ReadOnly ? "on" : "off") : def.Normalize(name, value, current.ReadOnly ? "on" : "off")) == "on";
                if (!readOnly && current.ReadOnly && _tx is not null)
                {
                    if (sub)
                        throw new TenonException(SqlState.ActiveSqlTransaction, "cannot set transaction read-write mode inside a read-only transaction");
                    if (_transactionQueried)
                        throw new TenonException(SqlState.ActiveSqlTransaction, "transaction read-write mode must be set before any query");
                }
                SetCharacteristics(current with { ReadOnly = readOnly });
                break;
            }
            default:
            {
                var deferrable = (value is null ? (defaults.Deferrable ? "on" : "off") : def.Normalize(name, value, current.Deferrable ? "on" : "off")) == "on";
                if (_tx is not null)
                {
                    if (sub)
                        throw new TenonException(SqlState.ActiveSqlTransaction, "SET TRANSACTION [NOT] DEFERRABLE cannot be called within a subtransaction");
                    if (_transactionQueried)
                        throw new TenonException(SqlState.ActiveSqlTransaction, "SET TRANSACTION [NOT] DEFERRABLE must be called before any query");
                }
                SetCharacteristics(current with { Deferrable = deferrable });
                break;
            }
        }
    }

    /// <summary>SHOW / current_setting of a characteristic: the open transaction's value.</summary>
    private string? CharacteristicValue(string name) => name.ToLowerInvariant() switch
    {
        "transaction_isolation" => CurrentCharacteristics.Isolation,
        "transaction_read_only" => CurrentCharacteristics.ReadOnly ? "on" : "off",
        "transaction_deferrable" => CurrentCharacteristics.Deferrable ? "on" : "off",
        _ => null,
    };

    /// <summary>SAVEPOINT: remembers the settings and characteristics (after the savepoint was added to the transaction).</summary>
    private void SaveSettingsAtSavepoint()
    {
        var c = CurrentCharacteristics;
        while (_savepointStates.Count >= _tx!.Savepoints.Count && _savepointStates.Count > 0) _savepointStates.RemoveAt(_savepointStates.Count - 1);
        while (_savepointStates.Count < _tx.Savepoints.Count) _savepointStates.Add((_settings.TakeSnapshot(), c));
    }

    /// <summary>RELEASE SAVEPOINT (keep = index) or ROLLBACK TO SAVEPOINT (restore that one and keep it).</summary>
    private void ReleaseSettingsSavepoint(int index, bool restore)
    {
        _ = CurrentCharacteristics;
        if (index >= _savepointStates.Count) return;
        if (restore)
        {
            var (settings, characteristics) = _savepointStates[index];
            _settings.Restore(settings);
            SetCharacteristics(characteristics);
            index++;
        }
        // Releasing a savepoint keeps its SETs but not a READ ONLY set inside it, as in PostgreSQL.
        else SetCharacteristics(_characteristics with { ReadOnly = _savepointStates[index].Characteristics.ReadOnly });
        _savepointStates.RemoveRange(index, _savepointStates.Count - index);
    }

    /// <summary>
    /// COMMIT AND CHAIN / ROLLBACK AND CHAIN: ends the block as COMMIT/ROLLBACK would and at once
    /// starts a new one with the same characteristics. Outside a block it is 25P01.
    /// </summary>
    private StatementResult EndTransactionAndChain(TransactionStatement ts)
    {
        var what = ts.Action == TransactionAction.Commit ? "COMMIT" : "ROLLBACK";
        if (_tx is not { IsExplicit: true })
            throw new TenonException(SqlState.NoActiveSqlTransaction, $"{what} AND CHAIN can only be used in transaction blocks");
        var characteristics = CurrentCharacteristics;
        var tag = what;
        if (_tx.Failed || ts.Action == TransactionAction.Rollback)
        {
            EndTransaction(commit: false);
            tag = "ROLLBACK";
        }
        else EndTransaction(commit: true); // a failing deferred check ends the block without a new one
        _tx = NewTransaction(isExplicit: true);
        StartCharacteristics(_tx, characteristics);
        return new StatementResult(tag);
    }
}
