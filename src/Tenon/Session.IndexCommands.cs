using Tenon.Errors;
using Tenon.Execution;
using Tenon.Sql.Ast;

namespace Tenon;

/// <summary>
/// The index commands PostgreSQL refuses inside a transaction block (CREATE/DROP INDEX
/// CONCURRENTLY, REINDEX CONCURRENTLY and REINDEX of several tables or of a partitioned
/// relation). Only the session knows that a simple-query string of several statements is an
/// implicit transaction block, where PostgreSQL refuses them as inside an explicit one.
/// </summary>
public sealed partial class Session
{
    private static void RequireConcurrentIndexOutsideBlock(Statement stmt, bool inTransactionBlock)
    {
        if (!inTransactionBlock) return;
        var command = stmt switch
        {
            CreateIndexStatement { Concurrently: true } => "CREATE INDEX CONCURRENTLY",
            DropStatement { Kind: ObjectKind.Index, Concurrently: true } => "DROP INDEX CONCURRENTLY",
            _ => null,
        };
        if (command is not null)
            throw new TenonException(SqlState.ActiveSqlTransaction, $"{command} cannot run inside a transaction block");
    }

    private static StatementResult Reindex(ReindexStatement stmt, ExecContext ctx, bool inTransactionBlock) =>
        new DdlExecutor(ctx).Reindex(stmt, inTransactionBlock);
}
