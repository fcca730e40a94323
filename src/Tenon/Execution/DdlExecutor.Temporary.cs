using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;
using Tenon.Storage;

namespace Tenon.Execution;

/// <summary>
/// Temporary tables: each session's live in its own schema pg_temp_N, which only that session's
/// search path (and pg_temp qualifier) reaches. ON COMMIT DELETE ROWS empties them and ON COMMIT
/// DROP drops them at each commit; the session drops all of them when it ends. They are never
/// written to the durable log (<see cref="Wal.CommitRecord"/> leaves temporary schemas out).
/// </summary>
public sealed partial class DdlExecutor
{
    private static TempOnCommit OnCommitAction(CreateTableStatement stmt)
    {
        if (stmt.OnCommit is null) return TempOnCommit.PreserveRows;
        if (!stmt.Temporary && stmt.Name.Schema != SystemCatalog.TempSchema)
            throw new TenonException(SqlState.InvalidTableDefinition, "ON COMMIT can only be used on temporary tables");
        return stmt.OnCommit switch
        {
            "drop" => TempOnCommit.Drop,
            "delete rows" => TempOnCommit.DeleteRows,
            _ => TempOnCommit.PreserveRows,
        };
    }

    /// <summary>
    /// Runs the session's ON COMMIT actions before a commit: its ON COMMIT DROP tables are
    /// dropped (with what depends on them, silently, as PostgreSQL does) and its ON COMMIT DELETE
    /// ROWS tables emptied.
    /// </summary>
    public void RunOnCommitActions()
    {
        var temp = Path.TempSchema;
        var tables = Catalog.Tables.Values.Where(t => t.Schema == temp && t.OnCommit != TempOnCommit.PreserveRows).OrderBy(t => t.Oid).ToList();
        foreach (var t in tables)
        {
            if (!Catalog.Tables.ContainsKey(t.Oid)) continue;
            if (t.OnCommit == TempOnCommit.Drop) DropRelationsSilently([t.Oid]);
            else EmptyTable(t);
        }
    }

    /// <summary>Drops every relation of the session's temporary schema, and the schema (the session is ending, or DISCARD TEMP).</summary>
    public void DropTempSchema()
    {
        var temp = Path.TempSchema;
        if (!Catalog.Schemas.Contains(temp)) return;
        DropRelationsSilently(Catalog.RelationsInSchema(temp).ToList());
        Catalog = Catalog.RemoveSchema(temp);
    }

    private void EmptyTable(TableDef t)
    {
        var wt = Tx.Write(t.Oid);
        if (wt.Rows.Count == 0) return;
        wt.Rows = RowStore.Empty;
        wt.Indexes = t.Indexes.Select(i => IndexStore.Empty(new Types.KeyComparer(i.Columns.Select((_, k) => i.KeyType(t, k))))).ToArray();
    }
}
