using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Binding;

public sealed partial class Binder
{
    /// <summary>
    /// pg_partition_tree(regclass) in FROM: the relation and every partition below it (level by
    /// level) as (relid, parentrelid, isleaf, level), the level
    /// counted from the relation given; no rows for a table that is neither partitioned nor a
    /// partition. Partitioned indexes have no tree in Tenon, so an index gives no rows.
    /// </summary>
    private PlanNode BindPartitionTree(FunctionTableRef fn, Scope scope)
    {
        var args = fn.Call.Args.Select(a => BindExpr(a, fn.Lateral ? scope : scope.Parent)).ToList();
        if (args.Count != 1 || TryCoerce(args[0], SqlType.RegClass, CastContext.Implicit, fn.Call.Args[0].Position) is not { } relation)
            throw new TenonException(SqlState.UndefinedFunction,
                $"function pg_partition_tree({string.Join(", ", args.Select(a => a.Type.DisplayName))}) does not exist",
                hint: "No function matches the given name and argument types. You might need to add explicit type casts.") { Position = fn.Call.Position };
        string[] names = ["relid", "parentrelid", "isleaf", "level"];
        SqlType[] types = [SqlType.RegClass, SqlType.RegClass, SqlType.Bool, SqlType.Int4];
        var columns = names.Select((n, i) => new PlanColumn(fn.Alias?.Columns is { } ac && ac.Count > i ? ac[i] : n, types[i])).ToList();
        if (fn.WithOrdinality) columns.Add(new PlanColumn(fn.Alias?.Columns is { Count: > 4 } oc ? oc[4] : "ordinality", SqlType.Int8));
        var plan = new FunctionScanNode([relation], (v, ctx) => PartitionTree(ctx, v[0]), columns, fn.WithOrdinality)
        { FunctionName = "pg_partition_tree", Alias = fn.Alias?.Name, ProducesRows = true };
        return AddEntry(plan, fn.Alias?.Name ?? "pg_partition_tree", fn.Alias?.Columns, 0, scope, fn.Position);
    }

    private static IEnumerable<object?> PartitionTree(ExecContext ctx, object? relation)
    {
        var catalog = ctx.Transaction.Catalog;
        if (relation is not uint oid || !catalog.Tables.TryGetValue(oid, out var root) || !root.IsPartition && !root.IsPartitioned) return [];
        // Level by level, as PostgreSQL's find_all_inheritors lists them.
        var rows = new List<object?>();
        var level = new List<TableDef> { root };
        for (var depth = 0; level.Count > 0; depth++)
        {
            var next = new List<TableDef>();
            foreach (var table in level)
            {
                rows.Add(new object?[] { table.Oid, table.PartitionParent == 0 ? null : table.PartitionParent, !table.IsPartitioned, depth });
                if (table.IsPartitioned) next.AddRange(PartitionBound.Children(catalog, table));
            }
            level = next;
        }
        return rows;
    }
}
