using Tenon.Catalog;
using Tenon.Execution.Explain;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

public sealed partial class DmlExecutor
{
    /// <summary>What EXPLAIN shows of an ON CONFLICT clause (arbiters only when the statement names them, as PostgreSQL).</summary>
    private static ExplainConflict? Explained(TableDef table, InsertStatement stmt, ConflictAction? conflict) =>
        conflict is null || stmt.OnConflict is not { } oc ? null : new ExplainConflict(conflict.DoNothing,
            oc.TargetColumns is null && oc.ConstraintName is null ? [] : conflict.Arbiters.Select(p => table.Indexes[p].Name).ToList(),
            conflict.Where);
}
