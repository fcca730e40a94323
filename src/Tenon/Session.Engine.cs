using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Sql;
using Tenon.Sql.Ast;
using Tenon.Transactions;
using Tenon.Types;
using SqlErrors = Tenon.Errors.SqlErrors;

namespace Tenon;

/// <summary>
/// Statement dispatch and transaction control. Every statement runs inside a transaction: the
/// session's open block, or an implicit one that commits when the statement (or the simple-query
/// batch) ends. Before each statement the transaction is frozen (a savepoint); a failing
/// statement restores it, so nothing of it remains; inside a block the transaction is then marked
/// failed and only ROLLBACK (or COMMIT, which rolls back) is accepted, as in PostgreSQL.
/// </summary>
public sealed partial class Session
{
    private Transaction? _tx;
    private readonly Dictionary<uint, long> _currval = new();
    private long? _lastval;

    public string UserName { get; set; } = "postgres";

    private TransactionStatus CurrentTransactionStatus() =>
        _tx is null || !_tx.IsExplicit ? TransactionStatus.Idle : _tx.Failed ? TransactionStatus.Failed : TransactionStatus.InTransaction;

    private void DisposeCore()
    {
        if (_tx is not null) EndTransaction(commit: false);
    }

    private IEnumerable<StatementResult> ExecuteCore(string sql, IReadOnlyList<object?>? parameters)
    {
        var statements = Parser.ParseScript(sql, (original, truncated) =>
            RaiseNotice(new Notice("NOTICE", "42622", $"identifier \"{original}\" will be truncated to \"{truncated}\"")));
        var batchImplicit = statements.Count > 1 && _tx is null;
        if (batchImplicit) _tx = new Transaction(Database.Committed, isExplicit: false);
        try
        {
            foreach (var stmt in statements)
            {
                StatementResult result;
                try
                {
                    result = ExecuteStatement(stmt, parameters, batchImplicit);
                }
                catch (TenonException) when (batchImplicit)
                {
                    if (_tx is not null && !_tx.IsExplicit) EndTransaction(commit: false);
                    throw;
                }
                yield return result;
            }
            if (batchImplicit && _tx is not null && !_tx.IsExplicit) EndTransaction(commit: true);
        }
        finally
        {
            if (batchImplicit && _tx is not null && !_tx.IsExplicit) EndTransaction(commit: false);
        }
    }

    private StatementResult ExecuteStatement(Statement stmt, IReadOnlyList<object?>? parameters, bool inBatch)
    {
        if (stmt is TransactionStatement ts) return ExecuteTransactionStatement(ts);
        if (_tx is { Failed: true }) throw SqlErrors.InFailedTransaction();

        var implicitTx = _tx is null;
        _tx ??= new Transaction(Database.Committed, isExplicit: false);
        var tx = _tx;
        if (!tx.HoldsWriteLock && !tx.IsExplicit && tx.Savepoints.Count == 0) tx.Rebase(Database.Committed);
        if (IsWrite(stmt) && !tx.HoldsWriteLock)
        {
            Database.AcquireWriteLock();
            tx.HoldsWriteLock = true;
            tx.Rebase(Database.Committed);
        }
        var start = tx.Freeze();
        var deferredCount = tx.DeferredEvents.Count;
        try
        {
            var ctx = new ExecContext(this, tx, parameters);
            var result = Dispatch(stmt, ctx);
            if (implicitTx && !inBatch) EndTransaction(commit: true);
            return result;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug must not leave half a statement behind: undo it exactly as a reported error.
            tx.Restore(start);
            tx.DeferredEvents.RemoveRange(deferredCount, tx.DeferredEvents.Count - deferredCount);
            if (tx.IsExplicit) tx.Failed = true;
            else if (!inBatch) EndTransaction(commit: false);
            if (ex is TenonException) throw;
            throw TenonException.Internal(ex);
        }
    }

    private static bool IsWrite(Statement stmt) => stmt is not (SelectStatement or ShowStatement or SetStatement or ResetStatement);

    private StatementResult Dispatch(Statement stmt, ExecContext ctx)
    {
        var ddl = new DdlExecutor(ctx);
        var dml = new DmlExecutor(ctx);
        switch (stmt)
        {
            case SelectStatement s:
            {
                var binder = new Binding.Binder(ctx);
                var plan = binder.BindQuery(s.Query, null);
                var rows = plan.Execute(ctx).ToList();
                var columns = plan.Columns.Select(c => new ResultColumn(c.Name, c.Type, c.TableOid, c.ColumnNumber)).ToArray();
                return new StatementResult($"SELECT {rows.Count}", columns, rows);
            }
            case InsertStatement i: return dml.Insert(i);
            case UpdateStatement u: return dml.Update(u);
            case DeleteStatement d: return dml.Delete(d);
            case CreateTableStatement c: return ddl.CreateTable(c);
            case CreateIndexStatement c: return ddl.CreateIndex(c);
            case CreateSequenceStatement c: return ddl.CreateSequence(c);
            case CreateExtensionStatement c: return ddl.CreateExtension(c);
            case DropStatement d: return ddl.Drop(d);
            case AlterTableStatement a: return ddl.AlterTable(a);
            case TruncateStatement t: return ddl.Truncate(t);
            case SetStatement s: return SetVariable(s);
            case ShowStatement s: return Show(s);
            case ResetStatement: return new StatementResult("RESET");
            case SetConstraintsStatement sc: return SetConstraints(sc, ctx);
            case UnsupportedStatement u:
                throw new TenonException(SqlState.FeatureNotSupported, $"{u.Feature} is not supported by Tenon yet") { Position = u.Position };
        }
        throw new TenonException(SqlState.FeatureNotSupported, $"{stmt.GetType().Name.Replace("Statement", "")} is not supported by Tenon yet") { Position = stmt.Position };
    }

    private StatementResult ExecuteTransactionStatement(TransactionStatement ts)
    {
        switch (ts.Action)
        {
            case TransactionAction.Begin:
                if (_tx is { IsExplicit: true })
                {
                    if (_tx.Failed) throw SqlErrors.InFailedTransaction();
                    RaiseNotice(new Notice("WARNING", "25001", "there is already a transaction in progress"));
                    return new StatementResult("BEGIN");
                }
                _tx ??= new Transaction(Database.Committed, isExplicit: true);
                _tx.IsExplicit = true;
                return new StatementResult("BEGIN");
            case TransactionAction.Commit:
                if (_tx is not { IsExplicit: true })
                {
                    RaiseNotice(new Notice("WARNING", "25P01", "there is no transaction in progress"));
                    return new StatementResult("COMMIT");
                }
                if (_tx.Failed)
                {
                    EndTransaction(commit: false);
                    return new StatementResult("ROLLBACK");
                }
                EndTransaction(commit: true);
                return new StatementResult("COMMIT");
            case TransactionAction.Rollback:
                if (_tx is not { IsExplicit: true })
                {
                    RaiseNotice(new Notice("WARNING", "25P01", "there is no transaction in progress"));
                    return new StatementResult("ROLLBACK");
                }
                EndTransaction(commit: false);
                return new StatementResult("ROLLBACK");
            case TransactionAction.Savepoint:
                RequireBlock("SAVEPOINT");
                if (_tx!.Failed) throw SqlErrors.InFailedTransaction();
                _tx.Savepoints.Add((ts.SavepointName!, _tx.Freeze(), _tx.DeferredEvents.Count));
                return new StatementResult("SAVEPOINT");
            case TransactionAction.Release:
            {
                RequireBlock("RELEASE SAVEPOINT");
                if (_tx!.Failed) throw SqlErrors.InFailedTransaction();
                var i = FindSavepoint(ts.SavepointName!);
                _tx.Savepoints.RemoveRange(i, _tx.Savepoints.Count - i);
                return new StatementResult("RELEASE");
            }
            case TransactionAction.RollbackTo:
            {
                RequireBlock("ROLLBACK TO SAVEPOINT");
                var i = FindSavepoint(ts.SavepointName!);
                var (_, version, deferred) = _tx!.Savepoints[i];
                _tx.Savepoints.RemoveRange(i + 1, _tx.Savepoints.Count - i - 1);
                _tx.Restore(version);
                _tx.DeferredEvents.RemoveRange(deferred, _tx.DeferredEvents.Count - deferred);
                _tx.Failed = false;
                return new StatementResult("ROLLBACK");
            }
        }
        throw new TenonException(SqlState.FeatureNotSupported, "prepared transactions are not supported");
    }

    private void RequireBlock(string what)
    {
        if (_tx is not { IsExplicit: true })
            throw new TenonException(SqlState.NoActiveSqlTransaction, $"{what} can only be used in transaction blocks");
    }

    private int FindSavepoint(string name)
    {
        if (_tx!.Failed && _tx.Savepoints.All(s => s.Name != name)) throw SqlErrors.InFailedTransaction();
        for (var i = _tx.Savepoints.Count - 1; i >= 0; i--)
            if (_tx.Savepoints[i].Name == name) return i;
        throw new TenonException(SqlState.InvalidSavepointSpecification, $"savepoint \"{name}\" does not exist");
    }

    /// <summary>Commits (running deferred checks first; a failure rolls back and is reported) or rolls back.</summary>
    private void EndTransaction(bool commit)
    {
        var tx = _tx!;
        _tx = null;
        try
        {
            if (commit && tx.DeferredEvents.Count > 0)
            {
                tx.Freeze();
                var writer = new RowWriter(new ExecContext(this, tx, null));
                var events = tx.DeferredEvents.ToList();
                tx.DeferredEvents.Clear();
                writer.RunDeferred(events);
            }
            if (commit && tx.HoldsWriteLock) Database.Publish(tx.Freeze());
        }
        finally
        {
            if (tx.HoldsWriteLock) Database.ReleaseWriteLock();
        }
    }

    private StatementResult SetConstraints(SetConstraintsStatement sc, ExecContext ctx)
    {
        var tx = ctx.Transaction;
        if (sc.Names is null) { tx.AllDeferred = sc.Deferred; tx.DeferredOverrides.Clear(); }
        else
            foreach (var n in sc.Names)
            {
                var c = tx.Catalog.Tables.Values.SelectMany(t => t.Constraints).FirstOrDefault(x => x.Name == n.Name)
                    ?? throw new TenonException(SqlState.UndefinedObject, $"constraint \"{n.Name}\" does not exist");
                if (!c.Deferrable) throw new TenonException(SqlState.WrongObjectType, $"constraint \"{n.Name}\" is not deferrable");
                tx.DeferredOverrides[c.Oid] = sc.Deferred;
            }
        if (!sc.Deferred && tx.DeferredEvents.Count > 0)
        {
            var now = tx.DeferredEvents.Where(e => !tx.IsConstraintDeferred(e.ForeignKey)).ToList();
            tx.DeferredEvents.RemoveAll(now.Contains);
            new RowWriter(ctx).RunDeferred(now);
        }
        return new StatementResult("SET CONSTRAINTS");
    }

    private StatementResult SetVariable(SetStatement s)
    {
        var value = s.Values is null ? null : string.Join(", ", s.Values);
        switch (s.Name.ToLowerInvariant())
        {
            case "timezone":
            case "time zone":
                var tzName = value ?? "UTC";
                FormatSettings = FormatSettings with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(tzName == "utc" ? "UTC" : tzName), TimeZoneName = tzName };
                break;
            case "datestyle":
                if (value is not null)
                {
                    var v = value.ToLowerInvariant();
                    var fs = FormatSettings;
                    if (v.Contains("iso")) fs = fs with { DateStyle = DateStyleFormat.Iso };
                    if (v.Contains("postgres")) fs = fs with { DateStyle = DateStyleFormat.Postgres };
                    if (v.Contains("sql")) fs = fs with { DateStyle = DateStyleFormat.Sql };
                    if (v.Contains("german")) fs = fs with { DateStyle = DateStyleFormat.German };
                    if (v.Contains("dmy")) fs = fs with { DateOrder = DateOrder.Dmy };
                    if (v.Contains("mdy")) fs = fs with { DateOrder = DateOrder.Mdy };
                    if (v.Contains("ymd")) fs = fs with { DateOrder = DateOrder.Ymd };
                    FormatSettings = fs;
                }
                break;
        }
        _settings[s.Name.ToLowerInvariant()] = value ?? "";
        return new StatementResult("SET");
    }

    private readonly Dictionary<string, string> _settings = new();

    private StatementResult Show(ShowStatement s)
    {
        var name = s.Name.ToLowerInvariant();
        var value = name switch
        {
            "timezone" => FormatSettings.TimeZoneName,
            "server_version" => "15.18",
            "transaction isolation level" or "transaction_isolation" => "read committed",
            _ => _settings.TryGetValue(name, out var v) ? v
                : throw new TenonException(SqlState.UndefinedObject, $"unrecognized configuration parameter \"{s.Name}\""),
        };
        return new StatementResult("SHOW", [new ResultColumn(name, SqlType.Text)], [[value]]);
    }

    // ---- Sequences (not transactional, as in PostgreSQL) --------------------------------------

    private SequenceDef FindSequence(string name)
    {
        var parts = name.Split('.');
        var catalog = _tx?.Catalog ?? Database.Committed.Catalog;
        var seq = parts.Length == 2 ? catalog.FindSequence(parts[0], parts[1]) : catalog.FindSequence(null, name.Trim('"'));
        return seq ?? throw SqlErrors.RelationDoesNotExist(name);
    }

    internal long NextVal(string name)
    {
        var seq = FindSequence(name);
        var st = seq.State;
        lock (st)
        {
            long next;
            if (!st.IsCalled) next = st.LastValue;
            else
            {
                var overflow = seq.Increment > 0 ? st.LastValue > seq.MaxValue - seq.Increment : st.LastValue < seq.MinValue - seq.Increment;
                if (overflow)
                {
                    if (!seq.Cycle)
                        throw new TenonException(SqlState.SequenceGeneratorLimitExceeded, seq.Increment > 0
                            ? $"nextval: reached maximum value of sequence \"{seq.Name}\" ({seq.MaxValue})"
                            : $"nextval: reached minimum value of sequence \"{seq.Name}\" ({seq.MinValue})");
                    next = seq.Increment > 0 ? seq.MinValue : seq.MaxValue;
                }
                else next = st.LastValue + seq.Increment;
            }
            st.LastValue = next;
            st.IsCalled = true;
            _currval[seq.Oid] = next;
            _lastval = next;
            return next;
        }
    }

    internal long CurrVal(string name)
    {
        var seq = FindSequence(name);
        return _currval.TryGetValue(seq.Oid, out var v) ? v
            : throw new TenonException(SqlState.ObjectNotInPrerequisiteState, $"currval of sequence \"{seq.Name}\" is not yet defined in this session");
    }

    internal long LastVal() => _lastval
        ?? throw new TenonException(SqlState.ObjectNotInPrerequisiteState, "lastval is not yet defined in this session");

    internal long SetVal(string name, long value, bool isCalled)
    {
        var seq = FindSequence(name);
        if (value < seq.MinValue || value > seq.MaxValue)
            throw new TenonException(SqlState.NumericValueOutOfRange, $"setval: value {value} is out of bounds for sequence \"{seq.Name}\" ({seq.MinValue}..{seq.MaxValue})");
        lock (seq.State)
        {
            seq.State.LastValue = value;
            seq.State.IsCalled = isCalled;
        }
        if (isCalled) { _currval[seq.Oid] = value; }
        return value;
    }
}
