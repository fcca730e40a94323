using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Explain;
using Tenon.Sql.Ast;

namespace Tenon;

/// <summary>
/// VACUUM and ANALYZE (Execution/Explain/VacuumExecutor.cs checks and runs them). Only the session
/// knows that a simple-query string of several statements is an implicit transaction block,
/// where PostgreSQL refuses VACUUM as inside an explicit one.
/// </summary>
public sealed partial class Session
{
    private StatementResult Vacuum(VacuumStatement v, ExecContext ctx, bool inBatch)
    {
        if (v.IsVacuum && inBatch)
            throw new TenonException(SqlState.ActiveSqlTransaction, "VACUUM cannot run inside a transaction block");
        return new VacuumExecutor(ctx).Run(v);
    }
}
