using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Expressions;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Binding;

/// <summary>
/// unnest and generate_series in a select list: each call becomes a placeholder while the list is
/// bound (so aggregate and window mapping rewrite its arguments like any expression), and the
/// select binder then puts a <see cref="ProjectSetNode"/> under the projection and points the
/// placeholders at its extra columns.
/// </summary>
public sealed partial class Binder
{
    /// <summary>Non-null while a select list or ORDER BY is bound: set-returning calls are allowed there.</summary>
    private List<SetReturningCall>? _setReturning;

    /// <summary>Whether a call is one of the built-in set-returning functions.</summary>
    internal static bool IsSetReturningCall(FunctionCall f) => IsSetReturning(f);

    /// <summary>The clause named by "… are not allowed in CLAUSE" while expressions outside a select list are bound.</summary>
    internal string Clause { set => _clause = value; }

    private static bool IsSetReturning(FunctionCall f) =>
        (f.Name.Name is "unnest" or "generate_series" or "generate_subscripts" or "pg_partition_ancestors" || JsonSetFunctions.IsJsonSetFunction(f.Name.Name))
        && f.Name.Schema is null or "pg_catalog" && f.Over is null;

    /// <summary>generate_subscripts(array, dim [, reverse]): the subscripts of one dimension; nothing for a missing dimension.</summary>
    internal static IEnumerable<object?> Subscripts(object?[] v)
    {
        if (v[0] is not PgArray a || v[1] is not int dim || dim < 1 || dim > a.Rank || a.IsEmpty) yield break;
        var reverse = v.Length > 2 && v[2] is true;
        var lb = a.LowerBounds[dim - 1];
        var ub = a.UpperBound(dim - 1);
        for (var i = 0; i <= ub - lb; i++) yield return reverse ? ub - i : lb + i;
    }

    /// <summary>Checks and coerces generate_subscripts' arguments; null when they do not fit.</summary>
    private List<BoundExpr>? SubscriptsArgs(List<BoundExpr> args, FunctionCall f)
    {
        if (args.Count is < 2 or > 3 || !args[0].Type.IsArray) return null;
        var dim = TryCoerce(args[1], SqlType.Int4, CastContext.Implicit, f.Args[1].Position);
        var reverse = args.Count == 3 ? TryCoerce(args[2], SqlType.Bool, CastContext.Implicit, f.Args[2].Position) : null;
        if (dim is null || (args.Count == 3 && reverse is null)) return null;
        return reverse is null ? [args[0], dim] : [args[0], dim, reverse];
    }

    internal sealed class SetReturningRef(int index, SetReturningCall call, IReadOnlyList<BoundExpr> args) : BoundExpr
    {
        public int Index { get; } = index;
        public SetReturningCall Call { get; } = call;
        public IReadOnlyList<BoundExpr> Args { get; } = args;
        public override SqlType Type => Call.Type;
        public override object? Eval(object?[] row, ExecContext ctx) =>
            throw new InvalidOperationException("set-returning placeholder evaluated");
        public override IEnumerable<BoundExpr> Children => Args;
        public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new SetReturningRef(Index, Call, c.ToArray());
        public override string Fingerprint => $"srf#{Index}({string.Join(",", Args.Select(a => a.Fingerprint))})";
    }

    private BoundExpr BindSetReturning(FunctionCall f, Scope? scope)
    {
        if (_setReturning is null)
        {
            var where = _clause == "aggregate function calls cannot be nested" ? "aggregate function calls" : _clause;
            throw new TenonException(SqlState.FeatureNotSupported, $"set-returning functions are not allowed in {where}") { Position = f.Position };
        }
        var outer = _setReturning;
        _setReturning = null;
        List<BoundExpr> args;
        try
        {
            args = f.Args.Select(a => BindExpr(a, scope)).ToList();
        }
        finally
        {
            _setReturning = outer;
        }
        SetReturningCall call;
        if (f.Name.Name == "unnest")
        {
            if (args.Count != 1 || !args[0].Type.IsArray) throw NoSuchSetFunction(f, args);
            call = new SetReturningCall("unnest", args[0].Type.Element!.WithoutModifier(), args,
                (v, _) => v[0] is PgArray a ? a.Items : []);
        }
        else if (JsonSetFunctions.IsJsonSetFunction(f.Name.Name))
        {
            if (args.Count != 1 || JsonSetFunctions.Resolve(f.Name.Name, args[0].Type) is not var (argType, columns, rows))
                throw NoSuchSetFunction(f, args);
            args = [TryCoerce(args[0], argType, CastContext.Implicit, f.Args[0].Position) ?? args[0]];
            // Two result columns make a record in a select list, as PostgreSQL's OUT parameters do.
            var types = columns.Select(c => c.Type).ToArray();
            var names = columns.Select(c => c.Name).ToArray();
            call = columns.Length == 1
                ? new SetReturningCall(f.Name.Name, columns[0].Type, args, (v, _) => v[0] is { } x ? rows(x).Select(r => r[0]) : [])
                : new SetReturningCall(f.Name.Name, SqlType.Record, args,
                    (v, _) => v[0] is { } x ? rows(x).Select(r => (object?)new PgRecord(r, types) { FieldNames = names }) : []);
        }
        else if (f.Name.Name == "pg_partition_ancestors")
        {
            if (args.Count != 1 || TryCoerce(args[0], SqlType.RegClass, CastContext.Implicit, f.Args[0].Position) is not { } relation)
                throw NoSuchSetFunction(f, args);
            args = [relation];
            call = new SetReturningCall("pg_partition_ancestors", SqlType.RegClass, args, (v, ctx) => PartitionAncestors(ctx, v[0]));
        }
        else if (f.Name.Name == "generate_subscripts")
        {
            args = SubscriptsArgs(args, f) ?? throw NoSuchSetFunction(f, args);
            call = new SetReturningCall("generate_subscripts", SqlType.Int4, args, (v, _) => Subscripts(v));
        }
        else if (TimeSeriesType(args) is { } timeType)
        {
            args = CoerceTimeSeriesArgs(args, timeType, f) ?? throw NoSuchSetFunction(f, args);
            call = new SetReturningCall("generate_series", timeType, args,
                (v, ctx) => v.Any(x => x is null) ? [] : TimeSeries(v, timeType, ctx));
        }
        else
        {
            if (args.Count is < 2 or > 3 || args.Any(a => !a.Type.IsInteger && a.Type.Id is not TypeId.Numeric and not TypeId.Unknown)) throw NoSuchSetFunction(f, args);
            var type = args.Any(a => a.Type.Id == TypeId.Numeric) ? SqlType.Numeric : args.Any(a => a.Type.Id == TypeId.Int8) ? SqlType.Int8 : SqlType.Int4;
            args = args.Select((a, i) => TryCoerce(a, type, CastContext.Implicit, f.Args[i].Position) ?? a).ToList();
            call = new SetReturningCall("generate_series", type, args,
                (v, _) => v.Any(x => x is null) ? [] : Series(v, type));
        }
        outer.Add(call);
        return new SetReturningRef(outer.Count - 1, call, args);
    }

    private static TenonException NoSuchSetFunction(FunctionCall f, List<BoundExpr> args) =>
        new(SqlState.UndefinedFunction, $"function {f.Name}({ArgumentSignature(f, args)}) does not exist",
            hint: "No function matches the given name and argument types. You might need to add explicit type casts.") { Position = f.Position };

    /// <summary>
    /// When the projected expressions hold set-returning placeholders: the input wrapped in a
    /// ProjectSetNode and the expressions reading its extra columns; otherwise both unchanged.
    /// </summary>
    private (PlanNode Plan, List<BoundExpr> Exprs) PlanSetReturning(PlanNode plan, List<BoundExpr> exprs)
    {
        var refs = exprs.SelectMany(e => e.Descendants()).OfType<SetReturningRef>()
            .GroupBy(r => r.Index).Select(g => g.First()).OrderBy(r => r.Index).ToList();
        if (refs.Count == 0) return (plan, exprs);
        var width = plan.Columns.Count;
        var calls = refs.Select(r => r.Call with { Args = r.Args }).ToList();
        var slot = refs.Select((r, k) => (r.Index, k)).ToDictionary(x => x.Index, x => x.k);
        var rewritten = exprs.Select(e => e.Rewrite(x => x is SetReturningRef r
            ? new ColumnExpr(width + slot[r.Index], r.Type, 0, r.Call.Name) : null)).ToList();
        return (new ProjectSetNode(plan, calls), rewritten);
    }

    /// <summary>json_each, json_array_elements, json_object_keys … in FROM: one column per result column.</summary>
    private PlanNode BindJsonSetFunction(FunctionTableRef fn, Scope scope)
    {
        var name = fn.Call.Name.Name;
        var args = fn.Call.Args.Select(a => BindExpr(a, scope)).ToList();
        if (args.Count != 1 || JsonSetFunctions.Resolve(name, args[0].Type) is not var (argType, resultColumns, rows))
            throw NoSuchSetFunction(fn.Call, args);
        args = [TryCoerce(args[0], argType, CastContext.Implicit, fn.Call.Args[0].Position) ?? args[0]];
        if (ReadsFromRow(args)) _lateralRight = LateralKind.Function;
        // A single result column is named by the alias (as for any function returning a scalar).
        var columns = resultColumns.Select((c, i) => new PlanColumn(
            fn.Alias?.Columns is { } ac && ac.Count > i ? ac[i] : resultColumns.Length == 1 && fn.Alias is not null && c.Name == name ? fn.Alias.Name : c.Name, c.Type)).ToList();
        if (fn.WithOrdinality) columns.Add(new PlanColumn(fn.Alias?.Columns is { } oc && oc.Count > resultColumns.Length ? oc[resultColumns.Length] : "ordinality", SqlType.Int8));
        var plan = new FunctionScanNode(args, (v, _) => rows(v[0]!), columns, fn.WithOrdinality) { FunctionName = name, Alias = fn.Alias?.Name, ProducesRows = true };
        var result = AddEntry(plan, fn.Alias?.Name ?? name, fn.Alias?.Columns, 0, scope, fn.Position);
        if (resultColumns.Length == 1 && !fn.WithOrdinality) scope.Entries[^1].ScalarFunction = true;
        return result;
    }

    /// <summary>
    /// pg_partition_ancestors(regclass): the relation and the tables it is a partition of; no rows for
    /// a relation that is neither a partition nor partitioned.
    /// </summary>
    private PlanNode BindPartitionAncestors(FunctionTableRef fn, Scope scope)
    {
        var args = fn.Call.Args.Select(a => BindExpr(a, fn.Lateral ? scope : scope.Parent)).ToList();
        if (args.Count != 1 || TryCoerce(args[0], SqlType.RegClass, CastContext.Implicit, fn.Call.Args[0].Position) is not { } relation)
            throw new TenonException(SqlState.UndefinedFunction,
                $"function pg_partition_ancestors({string.Join(", ", args.Select(a => a.Type.DisplayName))}) does not exist",
                hint: "No function matches the given name and argument types. You might need to add explicit type casts.") { Position = fn.Call.Position };
        var name = fn.Alias?.Columns is { Count: > 0 } ? fn.Alias.Columns[0] : "relid";
        List<PlanColumn> columns = [new PlanColumn(name, SqlType.RegClass)];
        if (fn.WithOrdinality) columns.Add(new PlanColumn(fn.Alias?.Columns is { Count: > 1 } ? fn.Alias.Columns[1] : "ordinality", SqlType.Int8));
        var plan = new FunctionScanNode([relation], (v, ctx) => PartitionAncestors(ctx, v[0]), columns, fn.WithOrdinality);
        return AddEntry(plan, fn.Alias?.Name ?? "pg_partition_ancestors", fn.Alias?.Columns, 0, scope, fn.Position);
    }

    private static IEnumerable<object?> PartitionAncestors(ExecContext ctx, object? relation)
    {
        var catalog = ctx.Transaction.Catalog;
        if (relation is not uint oid || !catalog.Tables.TryGetValue(oid, out var table) || !table.IsPartition && !table.IsPartitioned) return [];
        return PartitionBound.Ancestors(catalog, table).Select(a => (object?)a.Oid).Prepend(oid).ToList();
    }
}
