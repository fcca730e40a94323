using Tenon.Errors;
using Tenon.Execution;
using Tenon.Sql.Ast;

namespace Tenon;

/// <summary>
/// VACUUM. Tenon's copy-on-write storage leaves no dead row versions behind and needs no
/// freezing, so there is nothing to reclaim: VACUUM checks what PostgreSQL checks (not in a
/// transaction block, the named tables exist) and succeeds. Its ANALYZE part gathers nothing.
/// </summary>
public sealed partial class Session
{
    private StatementResult Vacuum(VacuumStatement v, ExecContext ctx, bool inBatch)
    {
        if (_tx is { IsExplicit: true } || inBatch)
            throw new TenonException(SqlState.ActiveSqlTransaction, "VACUUM cannot run inside a transaction block");
        foreach (var name in v.Tables)
            if (Binding.Binder.LookupRelation(ctx.Transaction.Catalog, SearchPath, name, 0) == 0)
                throw new TenonException(SqlState.UndefinedTable, $"relation \"{(name.Schema is null ? "" : name.Schema + ".")}{name.Name}\" does not exist");
        return new StatementResult("VACUUM");
    }
}
