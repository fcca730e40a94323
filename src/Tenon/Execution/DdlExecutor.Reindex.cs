using Tenon.Catalog;
using Tenon.Catalog.PgCatalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Execution.Explain;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// REINDEX: every index named rebuilds its entries from the table's rows (so a unique index over
/// rows that are no longer unique fails as CREATE UNIQUE INDEX does) and gets new storage, which
/// pg_class.relfilenode shows. CONCURRENTLY builds a new index and swaps it in, as PostgreSQL
/// does: the index keeps its name, constraint, comment and dependents but has a new oid. A
/// partitioned index or table reindexes its leaf partitions' indexes; a temporary relation is
/// never rebuilt concurrently. Checks, errors, notices and VERBOSE's messages follow PostgreSQL's
/// order. Tenon has no TOAST relations or catalog indexes; a table PostgreSQL would give a TOAST
/// table (<see cref="ToastTable"/>) counts as having an index to reindex, and VERBOSE names it.
/// </summary>
public sealed partial class DdlExecutor
{
    private sealed record ReindexOptions(bool Verbose, bool Concurrently);

    /// <param name="inTransactionBlock">Whether the statement runs inside a transaction block (explicit, or several statements of one query).</param>
    public StatementResult Reindex(ReindexStatement stmt, bool inTransactionBlock)
    {
        bool verbose = false, concurrently = false;
        string? tablespace = null;
        foreach (var (name, value, position) in stmt.Options)
            switch (name)
            {
                case "verbose": verbose = ExplainOptions.Boolean(name, value); break;
                case "concurrently": concurrently = ExplainOptions.Boolean(name, value); break;
                case "tablespace":
                    tablespace = value ?? throw new TenonException(SqlState.SyntaxError, "tablespace requires a parameter");
                    break;
                default:
                    throw new TenonException(SqlState.SyntaxError, $"unrecognized REINDEX option \"{name}\"") { Position = position };
            }
        if (concurrently && inTransactionBlock)
            throw InTransactionBlock("REINDEX CONCURRENTLY");
        if (tablespace is not null) RequireNonSharedTablespace(tablespace);
        var options = new ReindexOptions(verbose, concurrently);
        switch (stmt.Target)
        {
            case ReindexTarget.Index:
                ReindexIndex(stmt.Relation!, options, inTransactionBlock);
                break;
            case ReindexTarget.Table:
                ReindexTable(stmt.Relation!, options, inTransactionBlock);
                break;
            default:
                if (inTransactionBlock) throw InTransactionBlock("REINDEX " + stmt.Target.ToString().ToUpperInvariant());
                ReindexMultipleTables(stmt.Target, stmt.Name!, options);
                break;
        }
        return new StatementResult("REINDEX");
    }

    private static TenonException InTransactionBlock(string command) =>
        new(SqlState.ActiveSqlTransaction, $"{command} cannot run inside a transaction block");

    /// <summary>
    /// A tablespace an index may be put in: Tenon has PostgreSQL's two built-in ones, of which
    /// pg_global holds only shared relations.
    /// </summary>
    private static void RequireNonSharedTablespace(string name)
    {
        if (name == "pg_default") return;
        if (name == "pg_global")
            throw new TenonException(SqlState.InvalidParameterValue, "only shared relations can be placed in pg_global tablespace");
        throw new TenonException(SqlState.UndefinedObject, $"tablespace \"{name}\" does not exist");
    }

    private void ReindexIndex(QualifiedName name, ReindexOptions options, bool inTransactionBlock)
    {
        var oid = Lookup(name);
        if (oid == 0)
        {
            if (SystemRelations.Find(Catalog, Path, name.Schema, name.Name) is not null)
                throw new TenonException(SqlState.WrongObjectType, $"\"{name.Name}\" is not an index");
            throw SqlErrors.RelationDoesNotExist(name.ToString());
        }
        if (!Catalog.Indexes.TryGetValue(oid, out var index))
            throw new TenonException(SqlState.WrongObjectType, $"\"{name.Name}\" is not an index");
        var table = Catalog.Table(index.TableOid);
        if (table.IsPartitioned)
        {
            if (inTransactionBlock) throw InTransactionBlock("REINDEX INDEX");
            foreach (var leaf in LeafIndexes(index))
                RebuildOneIndex(leaf, options, perIndexDetail: true);
            return;
        }
        if (index.Exclusion && options.Concurrently && !table.Temporary)
            throw new TenonException(SqlState.FeatureNotSupported, "concurrent index creation for exclusion constraints is not supported");
        RebuildOneIndex(index, options, perIndexDetail: true);
    }

    /// <summary>
    /// One index rebuilt on its own (REINDEX INDEX, or a leaf of a partitioned one): concurrently it
    /// gets a new oid and VERBOSE names it schema-qualified; either way VERBOSE reports it with the
    /// resource usage PostgreSQL prints (Tenon's numbers: nothing measurable).
    /// </summary>
    private void RebuildOneIndex(IndexDef index, ReindexOptions options, bool perIndexDetail)
    {
        var table = Catalog.Table(index.TableOid);
        var concurrently = options.Concurrently && !table.Temporary;
        var rebuilt = RebuildIndex(index, concurrently);
        if (!options.Verbose) return;
        if (concurrently)
            Info($"index \"{table.Schema}.{rebuilt.Name}\" was reindexed", perIndexDetail ? ConcurrentUsage : null);
        else
            Info($"index \"{rebuilt.Name}\" was reindexed", Usage);
    }

    private const string Usage = "CPU: user: 0.00 s, system: 0.00 s, elapsed: 0.00 s";
    private const string ConcurrentUsage = Usage + ".";

    private void Info(string message, string? detail = null) =>
        ctx.Session.RaiseNotice(new Notice("INFO", SqlState.SuccessfulCompletion, message, detail));

    /// <summary>The indexes of leaf partitions under a partitioned index, in PostgreSQL's order (level by level, each level by oid).</summary>
    private List<IndexDef> LeafIndexes(IndexDef index)
    {
        var result = new List<IndexDef>();
        var level = new List<IndexDef> { index };
        while (level.Count > 0)
        {
            var next = Catalog.Indexes.Values.Where(i => level.Any(p => p.Oid == i.ParentIndexOid)).OrderBy(i => i.Oid).ToList();
            result.AddRange(next.Where(i => !Catalog.Table(i.TableOid).IsPartitioned));
            level = next.Where(i => Catalog.Table(i.TableOid).IsPartitioned).ToList();
        }
        return result.OrderBy(i => i.Oid).ToList();
    }

    private void ReindexTable(QualifiedName name, ReindexOptions options, bool inTransactionBlock)
    {
        var oid = Lookup(name);
        if (oid == 0)
        {
            if (SystemRelations.Find(Catalog, Path, name.Schema, name.Name) is not null)
            {
                // A system catalog: Tenon computes them, so there is nothing to rebuild.
                if (options.Concurrently) throw SystemCatalogsConcurrently();
                return;
            }
            throw SqlErrors.RelationDoesNotExist(name.ToString());
        }
        if (!Catalog.Tables.TryGetValue(oid, out var table))
            throw new TenonException(SqlState.WrongObjectType, $"\"{name.Name}\" is not a table or materialized view");
        if (table.IsPartitioned)
        {
            if (inTransactionBlock) throw InTransactionBlock("REINDEX TABLE");
            foreach (var leaf in LeafTables(table))
                ReindexRelation(leaf, options, reportTable: true);
            return;
        }
        if (!ReindexRelation(table, options, reportTable: false))
            ctx.Session.RaiseNotice(new Notice("NOTICE", SqlState.SuccessfulCompletion, options.Concurrently && !table.Temporary
                ? $"table \"{table.Name}\" has no indexes that can be reindexed concurrently"
                : $"table \"{table.Name}\" has no indexes to reindex"));
    }

    private static TenonException SystemCatalogsConcurrently() =>
        new(SqlState.FeatureNotSupported, "cannot reindex system catalogs concurrently");

    /// <summary>The leaf partitions under a partitioned table, in PostgreSQL's order (level by level, each level by oid).</summary>
    private List<TableDef> LeafTables(TableDef table)
    {
        var result = new List<TableDef>();
        var level = new List<TableDef> { table };
        while (level.Count > 0)
        {
            var next = Catalog.Tables.Values.Where(t => level.Any(p => p.Oid == t.PartitionParent)).OrderBy(t => t.Oid).ToList();
            result.AddRange(next.Where(t => !t.IsPartitioned));
            level = next.Where(t => t.IsPartitioned).ToList();
        }
        return result;
    }

    /// <summary>
    /// Rebuilds a table's indexes (in oid order), and says whether there was any (its TOAST index
    /// included). Concurrently, exclusion-constraint indexes are skipped with PostgreSQL's warning.
    /// <paramref name="reportTable"/>: VERBOSE also reports the table (a partition, or a table of
    /// REINDEX SCHEMA/DATABASE), as it always does concurrently.
    /// </summary>
    private bool ReindexRelation(TableDef table, ReindexOptions options, bool reportTable)
    {
        var concurrently = options.Concurrently && !table.Temporary;
        var indexes = new List<IndexDef>();
        foreach (var index in table.Indexes.OrderBy(i => i.Oid))
        {
            if (concurrently && index.Exclusion)
            {
                ctx.Session.RaiseNotice(new Notice("WARNING", SqlState.FeatureNotSupported,
                    $"cannot reindex exclusion constraint index \"{table.Schema}.{index.Name}\" concurrently, skipping"));
                continue;
            }
            indexes.Add(index);
        }
        var toast = ToastTable.Needs(table);
        if (indexes.Count == 0 && !toast) return false;
        foreach (var index in indexes)
        {
            var rebuilt = RebuildIndex(index, concurrently);
            if (!options.Verbose) continue;
            if (concurrently) Info($"index \"{table.Schema}.{rebuilt.Name}\" was reindexed");
            else Info($"index \"{rebuilt.Name}\" was reindexed", Usage);
        }
        if (!options.Verbose) return true;
        if (toast)
        {
            var toastIndex = $"pg_toast_{table.Oid}_index";
            if (concurrently) Info($"index \"pg_toast.{toastIndex}\" was reindexed");
            else Info($"index \"{toastIndex}\" was reindexed", Usage);
        }
        if (concurrently) Info($"table \"{table.Schema}.{table.Name}\" was reindexed", ConcurrentUsage);
        else if (reportTable) Info($"table \"{table.Schema}.{table.Name}\" was reindexed");
        return true;
    }

    /// <summary>
    /// REINDEX SCHEMA / SYSTEM / DATABASE: every table and materialized view of the schema or the
    /// database (partitioned tables have nothing of their own; other sessions' temporary tables
    /// are left alone). SYSTEM means the system catalogs only, which Tenon computes.
    /// </summary>
    private void ReindexMultipleTables(ReindexTarget target, string name, ReindexOptions options)
    {
        if (target == ReindexTarget.System && options.Concurrently) throw SystemCatalogsConcurrently();
        if (target == ReindexTarget.Schema)
        {
            var schema = Path.Qualifier(name);
            if (schema != SystemRelations.Schema && !Catalog.Schemas.Contains(schema) && !(SearchPath.IsTempSchema(schema) && schema == Path.TempSchema))
                throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{name}\" does not exist");
            if (options.Concurrently && schema == SystemRelations.Schema)
                ctx.Session.RaiseNotice(new Notice("WARNING", SqlState.FeatureNotSupported, "cannot reindex system catalogs concurrently, skipping all"));
            foreach (var table in Catalog.Tables.Values.Where(t => t.Schema == schema && !t.IsPartitioned).OrderBy(t => t.Oid).ToList())
                ReindexRelation(Catalog.Table(table.Oid), options, reportTable: true);
            return;
        }
        if (name != ctx.Session.DatabaseName)
            throw new TenonException(SqlState.FeatureNotSupported, "can only reindex the currently open database");
        if (target == ReindexTarget.System) return;
        if (options.Concurrently)
            ctx.Session.RaiseNotice(new Notice("WARNING", SqlState.FeatureNotSupported, "cannot reindex system catalogs concurrently, skipping all"));
        foreach (var table in Catalog.Tables.Values
                     .Where(t => !t.IsPartitioned && (!SearchPath.IsTempSchema(t.Schema) || t.Schema == Path.TempSchema)).OrderBy(t => t.Oid).ToList())
            ReindexRelation(Catalog.Table(table.Oid), options, reportTable: true);
    }

    /// <summary>
    /// Rebuilds one index from its table's rows and gives it new storage (a new relfilenode).
    /// <paramref name="newOid"/>: REINDEX CONCURRENTLY's swap, after which the index is a new
    /// relation: everything that named it by oid (its key constraint, foreign keys using it, its
    /// comment, the indexes of partitions attached to it) names the new one.
    /// </summary>
    private IndexDef RebuildIndex(IndexDef index, bool newOid)
    {
        var table = Catalog.Table(index.TableOid);
        var position = table.IndexPosition(index.Oid);
        var store = IndexStoreOverRows(table, index, new RowWriter(ctx), newOid ? index.Name + "_ccnew" : null);
        var wt = Tx.Write(table.Oid);
        var stores = wt.Indexes.ToArray();
        stores[position] = store;
        wt.Indexes = stores;
        var oid = newOid ? Db.NextOid() : index.Oid;
        var rebuilt = index with { Oid = oid, FileNode = newOid ? 0 : Db.NextOid() };
        if (newOid)
        {
            Catalog = Catalog.ReplaceIndexOid(index.Oid, rebuilt, table.Schema);
            table = table with
            {
                Constraints = table.Constraints.Select(c => c is KeyConstraintDef k && k.IndexOid == index.Oid ? k with { IndexOid = oid } : c).ToArray(),
                // CLUSTER ON and REPLICA IDENTITY USING INDEX follow the index to its new oid.
                ClusterIndex = table.ClusterIndex == index.Oid ? oid : table.ClusterIndex,
                ReplicaIdentityIndex = table.ReplicaIdentityIndex == index.Oid ? oid : table.ReplicaIdentityIndex,
            };
            foreach (var child in Catalog.Indexes.Values.Where(i => i.ParentIndexOid == index.Oid).ToList())
                Catalog = Catalog.PutIndex(child with { ParentIndexOid = oid }, Catalog.Table(child.TableOid).Schema);
        }
        else
            Catalog = Catalog.PutIndex(rebuilt, table.Schema);
        Catalog = Catalog.PutTable(table with { Indexes = table.Indexes.Select(i => i.Oid == index.Oid ? rebuilt : i).ToArray() });
        if (newOid)
            foreach (var fk in Catalog.ReferencingForeignKeys(table.Oid).Where(f => f.ParentIndexOid == index.Oid).ToList())
            {
                var referencing = Catalog.Table(fk.TableOid);
                Catalog = Catalog.PutTable(referencing with
                {
                    Constraints = referencing.Constraints.Select(c => c.Oid == fk.Oid ? fk with { ParentIndexOid = oid } : c).ToArray(),
                });
            }
        return rebuilt;
    }
}
