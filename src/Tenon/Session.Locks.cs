using Tenon.Catalog;
using Tenon.Catalog.PgCatalog;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Sql.Ast;
using Tenon.Transactions;

namespace Tenon;

/// <summary>
/// LOCK TABLE. Tenon serializes writers with one database write lock and never blocks readers, so
/// PostgreSQL's eight table lock modes map onto that one lock: ACCESS SHARE (what a plain SELECT
/// takes) needs nothing, and every stronger mode, being either a mode writers take or a mode that
/// excludes writers, takes the write lock to the end of the transaction. That is at least as strong
/// as PostgreSQL against other writers (EF Core's migration lock on "__EFMigrationsHistory" relies
/// on exactly this); readers are not blocked even by ACCESS EXCLUSIVE.
/// </summary>
public sealed partial class Session
{
    /// <summary>
    /// Checks and locks; taking the write lock here moves the transaction to the newest committed
    /// version (it has written nothing yet). In a
    /// multi-statement simple query (<paramref name="inBatch"/>) PostgreSQL counts the implicit
    /// transaction as a block; an extended-protocol pipeline without BEGIN is not one.
    /// </summary>
    private StatementResult LockTables(LockStatement stmt, ExecContext ctx, bool inBatch)
    {
        var tx = ctx.Transaction;
        if (!tx.IsExplicit && !inBatch)
            throw new TenonException(SqlState.NoActiveSqlTransaction, "LOCK TABLE can only be used in transaction blocks");
        CheckLockable(stmt, tx.Catalog);
        if (stmt.Mode > TableLockMode.AccessShare && !tx.HoldsWriteLock)
        {
            if (!stmt.NoWait) Database.AcquireWriteLock(this);
            else if (!Database.TryAcquireWriteLock())
                throw new TenonException(SqlState.LockNotAvailable, $"could not obtain lock on relation \"{stmt.Tables[0].Name}\"");
            StartWriting(tx);
            // A concurrent transaction may have dropped a table while this one waited.
            CheckLockable(stmt, tx.Catalog);
        }
        return new StatementResult("LOCK TABLE");
    }

    private static void CheckLockable(LockStatement stmt, SystemCatalog catalog)
    {
        foreach (var name in stmt.Tables)
        {
            if (name.Schema is not null && !catalog.Schemas.Contains(name.Schema) && name.Schema != SystemRelations.Schema)
                throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{name.Schema}\" does not exist");
            var oid = catalog.LookupRelation(name.Schema, name.Name);
            var kind = oid != 0 ? catalog.RelationKind(oid) : SystemRelations.Find(catalog, name.Schema, name.Name) is not null ? 'r' : '\0';
            switch (kind)
            {
                case 'r' or 'v': continue;
                case 'S' or 'i':
                    throw new TenonException(SqlState.WrongObjectType, $"cannot lock relation \"{name.Name}\"",
                        $"This operation is not supported for {(kind == 'S' ? "sequences" : "indexes")}.");
                default: throw SqlErrors.RelationDoesNotExist(name.ToString());
            }
        }
    }
}
