using Tenon.Errors;
using Tenon.Execution;
using Tenon.Sql.Ast;

namespace Tenon;

/// <summary>
/// DISCARD, CLOSE, UNLISTEN and SET SESSION AUTHORIZATION: the statements a connection pool sends
/// to give back session state before handing a connection to its next user (Npgsql's reset).
/// </summary>
public sealed partial class Session
{
    /// <summary>
    /// Raised by DISCARD ALL once the session is reset: a front end that keeps named prepared
    /// statements or portals of its own (the wire server) drops them all, which is DISCARD ALL's
    /// DEALLOCATE ALL and CLOSE ALL.
    /// </summary>
    public event Action? AllDiscarded;

    /// <summary>Raised by CLOSE ALL and DISCARD ALL: a front end closes the protocol portals it keeps (SQL cursors are closed here).</summary>
    public event Action? AllPortalsClosed;

    /// <summary>The session-reset statements, run here; null for any other statement.</summary>
    private StatementResult? ExecuteSessionReset(Statement stmt, ExecContext ctx, bool inBatch)
    {
        switch (stmt)
        {
            case DiscardStatement d:
                return Discard(d, ctx, inBatch);
            case UnlistenStatement:
                // LISTEN is not supported, so the session listens on no channel: nothing to stop.
                return new StatementResult("UNLISTEN");
            case SetSessionAuthorizationStatement a:
                return SetSessionAuthorization(a, ctx);
            case SetRoleStatement r:
                return SetRole(r, ctx);
        }
        return null;
    }

    // DISCARD ALL and TEMP write the catalog only when there are temporary relations to drop;
    // otherwise they must not wait for other sessions' write lock (pools send DISCARD ALL constantly).
    private bool DiscardWrites(DiscardStatement d) =>
        d.Target is DiscardTarget.All or DiscardTarget.Temp && DdlExecutor.HasTemporaryRelations(CurrentCatalog, TempSchemaName);

    private StatementResult Discard(DiscardStatement d, ExecContext ctx, bool inBatch)
    {
        if (d.Target == DiscardTarget.All && (inBatch || ctx.Transaction.IsExplicit))
            throw new TenonException(SqlState.ActiveSqlTransaction, "DISCARD ALL cannot run inside a transaction block");
        // Tenon caches no plans (statements are bound on each execution): DISCARD PLANS has nothing to drop.
        if (d.Target is DiscardTarget.All or DiscardTarget.Sequences)
        {
            _currval.Clear();
            _lastval = null;
        }
        if (d.Target is DiscardTarget.All or DiscardTarget.Temp && ctx.Transaction.HoldsWriteLock)
            new DdlExecutor(ctx).DiscardTemporaryRelations();
        if (d.Target == DiscardTarget.All)
        {
            _settings.ResetAll(inTransaction: true);
            // DISCARD ALL begins with SET SESSION AUTHORIZATION DEFAULT.
            _settings.SetInternal("session_authorization", _loginName, local: false, inTransaction: true);
            _settings.SetInternal("role", "none", local: false, inTransaction: true);
            Database.AdvisoryLocks.UnlockAll(this);
            _cursors.Clear();
            _sqlPrepared.Clear();
            AllPortalsClosed?.Invoke();
            AllDiscarded?.Invoke();
        }
        return new StatementResult(d.Tag);
    }
}
