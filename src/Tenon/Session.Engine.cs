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
/// batch) ends. A failing statement ends an implicit transaction; inside a block the transaction is
/// marked failed and only ROLLBACK (or COMMIT, which rolls back) or ROLLBACK TO SAVEPOINT is
/// accepted, as in PostgreSQL, so nothing the failed statement did is ever seen.
/// </summary>
public sealed partial class Session
{
    private Transaction? _tx;


    private TransactionStatus CurrentTransactionStatus() =>
        _tx is null || !_tx.IsExplicit ? TransactionStatus.Idle : _tx.Failed ? TransactionStatus.Failed : TransactionStatus.InTransaction;

    private void DisposeCore()
    {
        DisposeInterrupts();
        if (_tx is not null) EndTransaction(commit: false);
        DropTempSchemaAtExit();
        Database.AdvisoryLocks.UnlockAll(this);
    }

    private IEnumerable<StatementResult> ExecuteCore(string sql, IReadOnlyList<object?>? parameters, IReadOnlyList<Statement>? parsed = null) =>
        // Already parsed (a prepared statement): no iterator of its own around the statements' one,
        // and for a single statement a smaller one than ExecuteStatements'.
        parsed is null ? ParseAndExecute(sql, parameters)
        : parsed.Count == 1 ? new SingleStatementRun(this, parsed[0], parameters)
        : ExecuteStatements(parsed, null, parameters);

    // An iterator, so that a syntax error is raised when the results are read, as every other error.
    private IEnumerable<StatementResult> ParseAndExecute(string sql, IReadOnlyList<object?>? parameters, bool yieldFailure = false)
    {
        foreach (var result in ExecuteStatements(ParseCached(sql), null, parameters, yieldFailure)) yield return result;
    }

    /// <summary>
    /// <see cref="Execute(string)"/> for the wire server's simple query: a rejection carried as a
    /// value ends the results as a result whose <see cref="StatementResult.Failure"/> is set (already
    /// undone, nothing after it runs), for the server to report without any throw.
    /// </summary>
    internal IEnumerable<StatementResult> ExecuteOrFailure(string sql) => ParseAndExecute(sql, null, yieldFailure: true);

    /// <summary>
    /// <see cref="ExecuteSingle"/> for the wire server: a rejection carried as a value (see
    /// <see cref="StatementResult.Failure"/>) comes back as the result, already undone, for the
    /// server to report without any throw; every other error is thrown as usual.
    /// </summary>
    internal StatementResult ExecuteSingleOrFailure(string sql, IReadOnlyList<object?>? parameters)
    {
        StatementResult? last = null;
        foreach (var r in ParseAndExecute(sql, parameters, yieldFailure: true))
        {
            last = r;
            if (r.Failure is not null) break;
        }
        return last ?? new StatementResult("");
    }

    /// <summary>
    /// Runs statements in order, lazily. Several statements outside a transaction block form one
    /// implicit transaction (a simple-query string, a batch): the first error rolls all of them
    /// back and ends the run. <paramref name="parametersOf"/> gives each statement's <c>$n</c> values by index;
    /// without it, every statement has <paramref name="shared"/>.
    /// </summary>
    private IEnumerable<StatementResult> ExecuteStatements(IReadOnlyList<Statement> statements, Func<int, IReadOnlyList<object?>?>? parametersOf,
        IReadOnlyList<object?>? shared = null, bool yieldFailure = false)
    {
        var batchImplicit = statements.Count > 1 && _tx is null;
        if (batchImplicit) _tx = NewTransaction(isExplicit: false);
        try
        {
            for (var i = 0; i < statements.Count; i++)
            {
                var stmt = statements[i];
                var parameters = parametersOf is null ? shared : parametersOf(i);
                var result = ExecuteInBatch(stmt, parameters, batchImplicit, null);
                // The one throw of a rejection carried as a value (already undone), at the caller's door;
                // or none, for a caller that takes the failed result and reports it itself.
                if (result.Failure is { } failure)
                {
                    if (!yieldFailure) throw failure;
                    yield return result;
                    yield break;
                }
                yield return result;
                // COPY FROM STDIN: the caller has answered the request while we were suspended (docs/COPY.md).
                if (result.CopyIn is { } request) yield return ThrowIfFailed(ExecuteInBatch(stmt, parameters, batchImplicit, request));
            }
            if (batchImplicit && _tx is not null && !_tx.IsExplicit) EndTransaction(commit: true);
        }
        finally
        {
            if (batchImplicit && _tx is not null && !_tx.IsExplicit) EndTransaction(commit: false);
        }
    }

    private static StatementResult ThrowIfFailed(StatementResult result) => result.Failure is { } failure ? throw failure : result;

    private StatementResult ExecuteInBatch(Statement stmt, IReadOnlyList<object?>? parameters, bool batchImplicit, CopyInRequest? copyData)
    {
        if (!batchImplicit) return ExecuteStatement(stmt, parameters, batchImplicit, copyData);
        // Every error leaving ExecuteStatement is a TenonException (it wraps the others), so a
        // finally does what a catch-and-rethrow did, without dispatching the exception again.
        var done = false;
        try
        {
            var result = ExecuteStatement(stmt, parameters, batchImplicit, copyData);
            done = result.Failure is null;
            return result;
        }
        finally
        {
            if (!done && _tx is not null && !_tx.IsExplicit) EndTransaction(commit: false);
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
        _tx ??= NewTransaction(isExplicit: false);
        var tx = _tx;
        WaitingForWriteLock = false;
        try
        {
            PrepareSnapshot(tx, stmt);
            if (IsWrite(stmt) && !tx.HoldsWriteLock)
            {
                Database.AcquireWriteLock(this);
                StartWriting(tx);
            }
            CollapseBeforeDdl(tx, stmt);
        }
        catch (TenonException)
        {
            // lock_timeout or a cancel while waiting, or 40001: the statement failed before it began.
            if (tx.IsExplicit) tx.Failed = true;
            else if (!inBatch) EndTransaction(commit: false);
            throw;
        }
        // No savepoint is taken here. A failed statement either ends its implicit transaction or
        // fails the block, whose state is then never read again: only ROLLBACK (which drops it) or
        // ROLLBACK TO SAVEPOINT (which restores that savepoint's frozen version) follow. So the
        // statements of a transaction keep one write token and change the B+tree nodes they already
        // copied in place, instead of copying root-to-leaf paths again for every statement.
        var timing = tx.Timing;
        // The undo of a failed statement is in the finally, not in a catch that rethrows: a rethrow
        // dispatches the exception a second time (both passes over every frame up to the caller),
        // which was a large part of what a rejected statement cost.
        var done = false;
        try
        {
            var ctx = new ExecContext(this, tx, parameters) { StatementMentionsXmin = stmt.MentionsXmin, FailureAsValueFor = stmt };
            CheckTransactionCharacteristics(stmt, ctx);
            RequireConcurrentIndexOutsideBlock(stmt, tx.IsExplicit || inBatch);
            var result = stmt is LockStatement lk ? LockTables(lk, ctx, inBatch)
                : stmt is SetTransactionStatement st ? SetTransaction(st, inBatch)
                : stmt is VacuumStatement v ? Vacuum(v, ctx, inBatch)
                : stmt is ReindexStatement rx ? ReindexChecked(rx, ctx, tx.IsExplicit || inBatch)
                : stmt is DeclareCursorStatement dc ? DeclareCursor(dc, ctx, inBatch)
                : stmt is FetchStatement f ? Fetch(f)
                : stmt is CloseCursorStatement cc ? CloseCursor(cc)
                : stmt is PrepareStatement ps ? PrepareSql(ps, ctx)
                : stmt is ExecutePreparedStatement ep ? ExecuteSql(ep, ctx, copyData)
                : stmt is DeallocateStatement da ? Deallocate(da)
                : ExecuteSessionReset(stmt, ctx, inBatch) ?? DispatchChecked(stmt, ctx, copyData);
            // A rejection carried as a value is undone in the finally below as a thrown one is.
            if (result.Failure is not null) return result;
            done = true;
            if (implicitTx && !inBatch)
            {
                EndTransaction(commit: true);
                RecycleTransaction(tx, stmt, result);
            }
            return result;
        }
        catch (Exception ex) when (ex is not (TenonException or OutOfMemoryException))
        {
            // A bug must not leave half a statement behind: undone below exactly as a reported error.
            throw TenonException.Internal(ex);
        }
        finally
        {
            // When the implicit commit itself failed (a deferred check), the transaction is already over.
            if (!done && ReferenceEquals(_tx, tx))
            {
                tx.Timing = timing;
                if (tx.IsExplicit) tx.Failed = true;
                else if (!inBatch) EndTransaction(commit: false);
            }
        }
    }

    private bool IsWrite(Statement stmt) => stmt switch
    {
        DiscardStatement d => DiscardWrites(d),
        LockStatement => false, // takes the write lock itself, after its checks (Session.Locks.cs)
        ExplainStatement e => e.Analyze && IsWrite(e.Statement),
        SelectStatement { Query.Locking: not null } => true, // FOR UPDATE/SHARE: row locks are the write lock
        SelectStatement when RoutinesMayWrite() => true,
        SelectStatement s when Binding.Binder.HasDataModifyingWith(s.Query.With) => true,
        SelectStatement or ShowStatement or SetStatement or ResetStatement or SetTransactionStatement or VacuumStatement or DeclareCursorStatement or FetchStatement or CloseCursorStatement or UnlistenStatement or SetSessionAuthorizationStatement or SetRoleStatement => false,
        CopyStatement { IsFrom: false, Query: var q } => q is not null && IsWrite(q),
        PrepareStatement or DeallocateStatement => false,
        ExecutePreparedStatement e => !_sqlPrepared.TryGetValue(e.Name, out var p) || IsWrite(p.Prepare.Statement),
        _ => true,
    };

    private StatementResult Dispatch(Statement stmt, ExecContext ctx, CopyInRequest? copyData = null)
    {
        if (RunCachable(stmt, ctx) is { } planned) return planned;
        var ddl = new DdlExecutor(ctx);
        switch (stmt)
        {
            case MergeStatement m: return new DmlExecutor(ctx).Merge(m);
            case CreateTableStatement c: return ddl.CreateTable(c);
            case CreateIndexStatement c: return ddl.CreateIndex(c);
            case AlterIndexStatement a: return ddl.AlterIndex(a);
            case AlterIndexAllInTablespaceStatement a: return ddl.AlterIndexAllInTablespace(a);
            case CreateSequenceStatement c: return ddl.CreateSequence(c);
            case AlterSequenceStatement a: return ddl.AlterSequence(a);
            case CreateExtensionStatement c: return ddl.CreateExtension(c);
            case CreateSchemaStatement c: return CreateSchema(c, ddl, ctx);
            case AlterSchemaStatement a: return ddl.AlterSchema(a);
            case CreateViewStatement c: return ddl.CreateView(c);
            case CreateMaterializedViewStatement c: return ddl.CreateMaterializedView(c);
            case RefreshMaterializedViewStatement r: return ddl.RefreshMaterializedView(r);
            case RenameObjectStatement r: return ddl.RenameRelation(r);
            case AlterViewStatement v: return ddl.AlterView(v);
            case SetSchemaStatement s: return ddl.SetRelationSchema(s);
            case DropStatement d: return ddl.Drop(d);
            case AlterTableStatement a: return ddl.AlterTable(a);
            case TruncateStatement t: return ddl.Truncate(t);
            case CommentStatement c: return ddl.Comment(c);
            case CreateRoleStatement c: return ddl.CreateRole(c);
            case AlterRoleStatement a: return ddl.AlterRole(a);
            case RenameRoleStatement r: return ddl.RenameRole(r);
            case DropRoleStatement d: return ddl.DropRole(d);
            case GrantRoleStatement g: return ddl.GrantRole(g);
            case GrantStatement g: return ddl.Grant(g);
            case AlterDefaultPrivilegesStatement a: return ddl.AlterDefaultPrivileges(a);
            case CreateEnumStatement c: return ddl.CreateEnum(c);
            case CreateCompositeTypeStatement c: return ddl.CreateCompositeType(c);
            case CreateDomainStatement c: return ddl.CreateDomain(c);
            case AlterTypeStatement a: return ddl.AlterType(a);
            case SetStatement s: return SetVariable(s);
            case ShowStatement s: return Show(s);
            case ResetStatement s: return ResetVariable(s);
            case SetConstraintsStatement sc: return SetConstraints(sc, ctx);
            case ExplainStatement e: return new Execution.Explain.ExplainExecutor(ctx).Explain(e);
            case CopyStatement c: return Copy(c, ctx, copyData);
            case UnsupportedStatement u:
                throw new TenonException(SqlState.FeatureNotSupported, $"{u.Feature} is not supported by Tenon yet") { Position = u.Position };
        }
        if (DispatchRoutineStatement(stmt, ctx) is { } routineResult) return routineResult;
        throw new TenonException(SqlState.FeatureNotSupported, $"{stmt.GetType().Name.Replace("Statement", "")} is not supported by Tenon yet") { Position = stmt.Position };
    }

    // Apart from Dispatch so that the closure capturing ctx is allocated for COPY only, not for every statement.
    private StatementResult Copy(CopyStatement c, ExecContext ctx, CopyInRequest? copyData)
    {
        var copy = new Execution.Copy.CopyExecutor(ctx);
        if (!c.IsFrom) return copy.CopyTo(c, inner => Dispatch(inner, ctx));
        return c.FileName is null && copyData is null ? copy.BeginCopyIn(c) : copy.CopyFrom(c, copyData);
    }

    private StatementResult ExecuteTransactionStatement(TransactionStatement ts)
    {
        if (ts.Chain) return EndTransactionAndChain(ts);
        switch (ts.Action)
        {
            case TransactionAction.Begin:
                if (_tx is { IsExplicit: true })
                {
                    if (_tx.Failed) throw SqlErrors.InFailedTransaction();
                    RaiseNotice(new Notice("WARNING", "25001", "there is already a transaction in progress"));
                    return new StatementResult("BEGIN");
                }
                _tx ??= NewTransaction(isExplicit: true);
                _tx.IsExplicit = true;
                ApplyTransactionModes(ts.Options);
                return new StatementResult("BEGIN");
            case TransactionAction.Commit:
                if (_tx is not { IsExplicit: true })
                {
                    // In a simple-query batch's implicit transaction, COMMIT still commits what ran so far.
                    RaiseNotice(new Notice("WARNING", "25P01", "there is no transaction in progress"));
                    if (_tx is not null) EndTransaction(commit: true);
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
                    if (_tx is not null) EndTransaction(commit: false);
                    return new StatementResult("ROLLBACK");
                }
                EndTransaction(commit: false);
                return new StatementResult("ROLLBACK");
            case TransactionAction.Savepoint:
                RequireBlock("SAVEPOINT");
                if (_tx!.Failed) throw SqlErrors.InFailedTransaction();
                _tx.Savepoints.Add((ts.SavepointName!, _tx.Freeze(), _tx.Timing));
                SaveSettingsAtSavepoint();
                return new StatementResult("SAVEPOINT");
            case TransactionAction.Release:
            {
                RequireBlock("RELEASE SAVEPOINT");
                if (_tx!.Failed) throw SqlErrors.InFailedTransaction();
                var i = FindSavepoint(ts.SavepointName!);
                _tx.Savepoints.RemoveRange(i, _tx.Savepoints.Count - i);
                ReleaseSettingsSavepoint(i, restore: false);
                ReleaseCursorsTo(i);
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
                ReleaseSettingsSavepoint(i, restore: true);
                RollbackCursorsTo(i);
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
        long durable = 0;
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
            if (commit) PrepareCommit(tx);
            if (commit && tx.HoldsWriteLock && tx.Catalog.Schemas.Contains(TempSchemaName))
                new DdlExecutor(new ExecContext(this, tx, null)).RunOnCommitActions();
            if (commit && tx.HoldsWriteLock) durable = Database.Append(tx.Freeze());
            else Database.LogSequences(reportErrors: commit);
            committed = commit;
        }
        catch (Exception ex) when (ex is not (TenonException or OutOfMemoryException))
        {
            throw TenonException.Internal(ex);
        }
        finally
        {
            Database.Serializable.End(tx, committed);
            if (tx.HoldsWriteLock) Database.ReleaseWriteLock();
            _settings.EndTransaction(committed);
            EndTransactionCursors(committed);
        }
        // Group commit: the next writer goes on while this one waits for the fsync that covers it.
        Database.WaitDurable(durable);
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
                // Unqualified: the first schema of the search path that has one (PostgreSQL looks no further).
                var schema = n.Schema ?? SearchPath.Effective(tx.Catalog).FirstOrDefault(s =>
                    tx.Catalog.Tables.Values.Any(t => t.Schema == s && t.Constraints.Any(x => x.Name == n.Name)));
                var matches = tx.Catalog.Tables.Values.Where(t => t.Schema == schema).SelectMany(t => t.Constraints)
                    .Where(x => x.Name == n.Name).ToList();
                if (matches.Count == 0) throw new TenonException(SqlState.UndefinedObject, $"constraint \"{n.Name}\" does not exist");
                // A partitioned table's constraint takes its partitions' copies along (conparentid), at every level.
                var oids = matches.Select(c => c.Oid).ToHashSet();
                for (var added = true; added;)
                {
                    var children = tx.Catalog.Tables.Values.SelectMany(t => t.Constraints)
                        .Where(x => x.ParentConstraintOid != 0 && oids.Contains(x.ParentConstraintOid) && !oids.Contains(x.Oid)).ToList();
                    added = children.Count > 0;
                    foreach (var c in children) { matches.Add(c); oids.Add(c.Oid); }
                }
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
