using Tenon.Errors;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Binding;

public sealed partial class Binder
{
    /// <summary>The set-returning functions Tenon can run in FROM.</summary>
    private static bool IsSetReturning(FunctionCall f) =>
        f.Over is null && f.Name.Schema is null or "pg_catalog" && f.Name.Name is "generate_series" or "pg_partition_ancestors";

    /// <summary>
    /// <c>SELECT f(…)</c> with a single set-returning function and nothing else (no FROM, WHERE or
    /// grouping) returns the function's rows, so it is bound as <c>SELECT f FROM f(…)</c>, under the
    /// label PostgreSQL gives it. Other uses of a set-returning function in a select list are not supported.
    /// </summary>
    private static SelectCore AsFunctionScan(SelectCore core)
    {
        if (core.From.Count > 0 || core.Where is not null || core.GroupBy.Count > 0 || core.Having is not null || core.Distinct
            || core.Targets is not [{ Expr: FunctionCall f } item] || !IsSetReturning(f))
            return core;
        const string column = "?function?";
        var from = new FunctionTableRef(f, new Alias(column, [column]), false) { Position = f.Position };
        return core with
        {
            From = [from],
            Targets = [new SelectItem(new ColumnRef([column, column]) { Position = f.Position }, item.Alias ?? f.Name.Name) { Position = item.Position }],
        };
    }

    /// <summary>
    /// pg_partition_ancestors(regclass): the relation and the tables it is a partition of. Tenon has
    /// no partitioned tables, so the answer is PostgreSQL's for a relation that is no partition: no rows.
    /// </summary>
    private PlanNode BindPartitionAncestors(FunctionTableRef fn, Scope scope)
    {
        var args = fn.Call.Args.Select(a => BindExpr(a, fn.Lateral ? scope : scope.Parent)).ToList();
        if (args.Count != 1 || TryCoerce(args[0], SqlType.RegClass, CastContext.Implicit, fn.Call.Args[0].Position) is not { } relation)
            throw new TenonException(SqlState.UndefinedFunction,
                $"function pg_partition_ancestors({string.Join(", ", args.Select(a => a.Type.DisplayName))}) does not exist",
                hint: "No function matches the given name and argument types. You might need to add explicit type casts.") { Position = fn.Call.Position };
        var name = fn.Alias?.Columns is { Count: > 0 } ? fn.Alias.Columns[0] : fn.Alias?.Name ?? "pg_partition_ancestors";
        List<PlanColumn> columns = [new PlanColumn(name, SqlType.RegClass)];
        if (fn.WithOrdinality) columns.Add(new PlanColumn(fn.Alias?.Columns is { Count: > 1 } ? fn.Alias.Columns[1] : "ordinality", SqlType.Int8));
        var plan = new FunctionScanNode([relation], (_, _) => [], columns, fn.WithOrdinality);
        return AddEntry(plan, fn.Alias?.Name ?? "pg_partition_ancestors", fn.Alias?.Columns, 0, scope, fn.Position);
    }
}
