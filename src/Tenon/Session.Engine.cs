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

    public string UserName { get; set; } = "postgres";

    private TransactionStatus CurrentTransactionStatus() =>
        _tx is null || !_tx.IsExplicit ? TransactionStatus.Idle : _tx.Failed ? TransactionStatus.Failed : TransactionStatus.InTransaction;

    private void DisposeCore()
    {
        DisposeInterrupts();
        if (_tx is not null) EndTransaction(commit: false);
        DropTempSchemaAtExit();
        Database.AdvisoryLocks.UnlockAll(this);
    }

    private IEnumerable<StatementResult> ExecuteCore(string sql, IReadOnlyList<object?>? parameters, IReadOnlyList<Statement>? parsed = null)
    {
        var statements = parsed ?? ParseCached(sql);
        var batchImplicit = statements.Count > 1 && _tx is null;
        if (batchImplicit) _tx = new Transaction(Database.Committed, isExplicit: false);
        try
        {
            foreach (var stmt in statements)
            {
                var result = ExecuteInBatch(stmt, parameters, batchImplicit, null);
                yield return result;
                // COPY FROM STDIN: the caller has answered the request while we were suspended (docs/COPY.md).
                if (result.CopyIn is { } request) yield return ExecuteInBatch(stmt, parameters, batchImplicit, request);
            }
            if (batchImplicit && _tx is not null && !_tx.IsExplicit) EndTransaction(commit: true);
        }
        finally
        {
            if (batchImplicit && _tx is not null && !_tx.IsExplicit) EndTransaction(commit: false);
        }
    }

    private StatementResult ExecuteInBatch(Statement stmt, IReadOnlyList<object?>? parameters, bool batchImplicit, CopyInRequest? copyData)
    {
        try
        {
            return ExecuteStatement(stmt, parameters, batchImplicit, copyData);
        }
        catch (TenonException) when (batchImplicit)
        {
            if (_tx is not null && !_tx.IsExplicit) EndTransaction(commit: false);
            throw;
        }
    }

    private StatementResult ExecuteStatement(Statement stmt, IReadOnlyList<object?>? parameters, bool inBatch, CopyInRequest? copyData = null)
    {
        BeginInterruptible();
        try
        {
            CheckForInterrupts();
            return ExecuteInterruptible(stmt, parameters, inBatch, copyData);
        }
        finally
        {
            EndInterruptible();
        }
    }

    private StatementResult ExecuteInterruptible(Statement stmt, IReadOnlyList<object?>? parameters, bool inBatch, CopyInRequest? copyData)
    {
        if (stmt is TransactionStatement ts) return ExecuteTransactionStatement(ts);
        if (_tx is { Failed: true }) throw SqlErrors.InFailedTransaction();
        if (IsDatabaseStatement(stmt)) return ExecuteDatabaseStatement(stmt, inBatch);

        var implicitTx = _tx is null;
        _tx ??= new Transaction(Database.Committed, isExplicit: false);
        var tx = _tx;
        if (!tx.HoldsWriteLock && !tx.IsExplicit && tx.Savepoints.Count == 0) tx.Rebase(Database.Committed);
        if (IsWrite(stmt) && !tx.HoldsWriteLock)
        {
            try
            {
                Database.AcquireWriteLock(this);
            }
            catch (TenonException)
            {
                // lock_timeout or a cancel while waiting: the statement failed before it began.
                if (tx.IsExplicit) tx.Failed = true;
                else if (!inBatch) EndTransaction(commit: false);
                throw;
            }
            tx.HoldsWriteLock = true;
            tx.Xid = Database.AssignXid();
            tx.Rebase(Database.Committed);
        }
        var start = tx.Freeze();
        var timing = tx.Timing;
        try
        {
            var ctx = new ExecContext(this, tx, parameters) { StatementMentionsXmin = stmt.MentionsXmin };
            var result = stmt is LockStatement lk ? LockTables(lk, ctx, inBatch, ref start)
                : ExecuteSessionReset(stmt, ctx, inBatch) ?? Dispatch(stmt, ctx, copyData);
            if (implicitTx && !inBatch) EndTransaction(commit: true);
            return result;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug must not leave half a statement behind: undo it exactly as a reported error.
            // When the implicit commit itself failed (a deferred check), the transaction is already over.
            if (ReferenceEquals(_tx, tx))
            {
                tx.Restore(start);
                tx.Timing = timing;
                if (tx.IsExplicit) tx.Failed = true;
                else if (!inBatch) EndTransaction(commit: false);
            }
            if (ex is TenonException) throw;
            throw TenonException.Internal(ex);
        }
    }

    private bool IsWrite(Statement stmt) => stmt switch
    {
        DiscardStatement d => DiscardWrites(d),
        LockStatement => false, // takes the write lock itself, after its checks (Session.Locks.cs)
        ExplainStatement e => e.Analyze && IsWrite(e.Statement),
        VacuumStatement => false,
        SelectStatement or ShowStatement or SetStatement or ResetStatement or CloseCursorStatement or UnlistenStatement or SetSessionAuthorizationStatement => false,
        CopyStatement { IsFrom: false, Query: var q } => q is not null && IsWrite(q),
        _ => true,
    };

    private StatementResult Dispatch(Statement stmt, ExecContext ctx, CopyInRequest? copyData = null)
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
            case AlterSequenceStatement a: return ddl.AlterSequence(a);
            case CreateExtensionStatement c: return ddl.CreateExtension(c);
            case CreateSchemaStatement c: return ddl.CreateSchema(c);
            case AlterSchemaStatement a: return ddl.AlterSchema(a);
            case CreateViewStatement c: return ddl.CreateView(c);
            case RenameObjectStatement r: return ddl.RenameRelation(r);
            case DropStatement d: return ddl.Drop(d);
            case AlterTableStatement a: return ddl.AlterTable(a);
            case TruncateStatement t: return ddl.Truncate(t);
            case CommentStatement c: return ddl.Comment(c);
            case CreateEnumStatement c: return ddl.CreateEnum(c);
            case CreateDomainStatement c: return ddl.CreateDomain(c);
            case AlterTypeStatement a: return ddl.AlterType(a);
            case SetStatement s: return SetVariable(s);
            case ShowStatement s: return Show(s);
            case ResetStatement s: return ResetVariable(s);
            case SetConstraintsStatement sc: return SetConstraints(sc, ctx);
            case ExplainStatement e: return new Execution.Explain.ExplainExecutor(ctx).Explain(e);
            case VacuumStatement v: return new Execution.Explain.VacuumExecutor(ctx).Run(v);
            case CopyStatement c:
            {
                var copy = new Execution.Copy.CopyExecutor(ctx);
                if (!c.IsFrom) return copy.CopyTo(c, inner => Dispatch(inner, ctx));
                return c.FileName is null && copyData is null ? copy.BeginCopyIn(c) : copy.CopyFrom(c, copyData);
            }
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
                _tx.Savepoints.Add((ts.SavepointName!, _tx.Freeze(), _tx.Timing));
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
                var (_, version, timing) = _tx!.Savepoints[i];
                _tx.Savepoints.RemoveRange(i + 1, _tx.Savepoints.Count - i - 1);
                _tx.Restore(version);
                _tx.Timing = timing;
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
        // In a failed transaction too: ROLLBACK TO is allowed there, and an unknown name is reported as such.
        for (var i = _tx!.Savepoints.Count - 1; i >= 0; i--)
            if (_tx.Savepoints[i].Name == name) return i;
        throw new TenonException(SqlState.InvalidSavepointSpecification, $"savepoint \"{name}\" does not exist");
    }

    /// <summary>Commits (running deferred checks first; a failure rolls back and is reported) or rolls back.</summary>
    private void EndTransaction(bool commit)
    {
        var tx = _tx!;
        _tx = null;
        var committed = false;
        try
        {
            if (commit && !tx.Timing.Pending.IsEmpty)
            {
                tx.Freeze();
                var writer = new RowWriter(new ExecContext(this, tx, null));
                var events = tx.Timing.Pending;
                tx.Timing = tx.Timing with { Pending = events.Clear() };
                writer.RunDeferred(events);
            }
            if (commit && tx.HoldsWriteLock && tx.Catalog.Schemas.Contains(TempSchemaName))
                new DdlExecutor(new ExecContext(this, tx, null)).RunOnCommitActions();
            if (commit && tx.HoldsWriteLock) Database.Commit(tx.Freeze());
            else Database.LogSequences(reportErrors: commit);
            committed = commit;
        }
        catch (Exception ex) when (ex is not (TenonException or OutOfMemoryException))
        {
            throw TenonException.Internal(ex);
        }
        finally
        {
            if (tx.HoldsWriteLock) Database.ReleaseWriteLock();
            _settings.EndTransaction(committed);
        }
    }

    private StatementResult SetConstraints(SetConstraintsStatement sc, ExecContext ctx)
    {
        var tx = ctx.Transaction;
        if (!tx.IsExplicit) RaiseNotice(new Notice("WARNING", "25P01", "SET CONSTRAINTS can only be used in transaction blocks"));
        var timing = tx.Timing;
        if (sc.Names is null) timing = timing with { AllDeferred = sc.Deferred, Overrides = timing.Overrides.Clear() };
        else
            foreach (var n in sc.Names)
            {
                if (n.Schema is not null && !tx.Catalog.Schemas.Contains(n.Schema))
                    throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{n.Schema}\" does not exist");
                // Every constraint of that name is affected (they may belong to different tables).
                var matches = tx.Catalog.Tables.Values.SelectMany(t => t.Constraints)
                    .Where(x => x.Name == n.Name && (n.Schema is null || tx.Catalog.Tables[x.TableOid].Schema == n.Schema)).ToList();
                if (matches.Count == 0) throw new TenonException(SqlState.UndefinedObject, $"constraint \"{n.Name}\" does not exist");
                foreach (var c in matches)
                {
                    // A constraint that is not deferrable is always immediate: only deferring it is an error.
                    if (!c.Deferrable)
                    {
                        if (sc.Deferred) throw new TenonException(SqlState.WrongObjectType, $"constraint \"{n.Name}\" is not deferrable");
                        continue;
                    }
                    timing = timing with { Overrides = timing.Overrides.SetItem(c.Oid, sc.Deferred) };
                }
            }
        // Switching to IMMEDIATE fires what is pending for those constraints now, retroactively.
        var now = sc.Deferred ? [] : timing.Pending.Where(e => !timing.IsDeferred(e.Constraint)).ToList();
        tx.Timing = now.Count == 0 ? timing : timing with { Pending = timing.Pending.RemoveAll(e => !timing.IsDeferred(e.Constraint)) };
        if (now.Count > 0) new RowWriter(ctx).RunDeferred(now);
        return new StatementResult("SET CONSTRAINTS");
    }
}
