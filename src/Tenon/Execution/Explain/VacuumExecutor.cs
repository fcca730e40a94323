using Tenon.Binding;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution.Explain;

/// <summary>
/// VACUUM and ANALYZE. Tenon's copy-on-write storage leaves nothing to vacuum, and its planner
/// reads the live row counts instead of gathered statistics (ExplainCosts C.1), so both only check
/// what PostgreSQL checks — options, the transaction block (VACUUM), relations and columns — and
/// change nothing.
/// </summary>
public sealed class VacuumExecutor(ExecContext ctx)
{
    private static readonly HashSet<string> VacuumOptions =
    [
        "analyze", "verbose", "full", "freeze", "skip_locked", "index_cleanup", "process_toast", "truncate",
        "disable_page_skipping", "parallel",
    ];

    public StatementResult Run(VacuumStatement stmt)
    {
        var command = stmt.IsVacuum ? "VACUUM" : "ANALYZE";
        foreach (var (name, value, position) in stmt.Options)
        {
            if (stmt.IsVacuum ? !VacuumOptions.Contains(name) : name is not ("verbose" or "skip_locked"))
                throw new TenonException(SqlState.SyntaxError, $"unrecognized {command} option \"{name}\"") { Position = position };
            if (name is not ("index_cleanup" or "parallel")) ExplainOptions.Boolean(name, value);
        }
        if (stmt.IsVacuum && ctx.Transaction.IsExplicit)
            throw new TenonException(SqlState.ActiveSqlTransaction, "VACUUM cannot run inside a transaction block");
        var catalog = ctx.Transaction.Catalog;
        foreach (var (name, columns) in stmt.Tables)
        {
            var oid = Binder.LookupRelation(catalog, ctx.Session.SearchPath, name, 0);
            if (oid == 0)
                throw new TenonException(SqlState.UndefinedTable, $"relation \"{(name.Schema is null ? name.Name : $"{name.Schema}.{name.Name}")}\" does not exist");
            if (!catalog.Tables.TryGetValue(oid, out var table)) continue;
            foreach (var column in columns)
                if (table.FindColumn(column) is null)
                    throw new TenonException(SqlState.UndefinedColumn, $"column \"{column}\" of relation \"{table.Name}\" does not exist");
        }
        return new StatementResult(command);
    }
}
