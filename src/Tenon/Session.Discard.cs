using Tenon.Errors;
using Tenon.Execution;
using Tenon.Sql.Ast;

namespace Tenon;

/// <summary>DISCARD: give back session state, as a connection pool does before handing a connection to its next user.</summary>
public sealed partial class Session
{
    /// <summary>
    /// Raised by DISCARD ALL once the session is reset: a front end that keeps named prepared
    /// statements or portals of its own (the wire server) drops them all, which is DISCARD ALL's
    /// DEALLOCATE ALL and CLOSE ALL.
    /// </summary>
    public event Action? AllDiscarded;

    // DISCARD ALL and TEMP write the catalog only when there are temporary relations to drop;
    // otherwise they must not wait for other sessions' write lock (pools send DISCARD ALL constantly).
    private bool DiscardWrites(DiscardStatement d) =>
        d.Target is DiscardTarget.All or DiscardTarget.Temp && DdlExecutor.HasTemporaryRelations(CurrentCatalog);

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
            AllDiscarded?.Invoke();
        }
        return new StatementResult(d.Tag);
    }
}
