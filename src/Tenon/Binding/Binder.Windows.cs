using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Expressions;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Binding;

/// <summary>
/// Window functions: while a select list or ORDER BY is bound, calls with OVER are collected into
/// <see cref="WindowScope"/> and replaced by placeholders; the select binder adds a
/// <see cref="WindowNode"/> after grouping and maps the placeholders to its extra output slots.
/// </summary>
public sealed partial class Binder
{
    /// <summary>Where window calls found while binding go; null where they are not allowed.</summary>
    private WindowScope? _windows;
    /// <summary>The error for a window call where none is allowed, when it is not "… not allowed in {clause}".</summary>
    private (string State, string Message)? _windowError;
    /// <summary>The query level's WINDOW clause, resolved.</summary>
    private Dictionary<string, WindowSpec>? _windowDefs;

    internal sealed class WindowScope
    {
        public List<WindowCall> Calls { get; } = new();
    }

    /// <summary>Placeholder for a window call's result until the select binder assigns its slot.</summary>
    internal sealed class WindowRef(WindowScope owner, int index, SqlType type) : BoundExpr
    {
        public WindowScope Owner { get; } = owner;
        public int Index { get; } = index;
        public override SqlType Type { get; } = type;
        public override object? Eval(object?[] row, ExecContext ctx) =>
            throw new InvalidOperationException("window placeholder evaluated");
        public override string Fingerprint => $"win#{Index}@{Owner.GetHashCode()}";
    }

    private static readonly HashSet<string> WindowOnlyFunctions =
        ["row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value"];

    internal static bool IsWindowOnlyFunction(string name) => WindowOnlyFunctions.Contains(name);

    /// <summary>True when the expression has a window call of this query level.</summary>
    internal static bool ContainsWindow(Expr e) => ContainsCall(e, f => f.Over is not null);

    /// <summary>Resolves the WINDOW clause of a query level (later definitions may build on earlier ones).</summary>
    private Dictionary<string, WindowSpec> ResolveWindowClause(IReadOnlyList<(string Name, WindowSpec Spec)> windows)
    {
        var defs = new Dictionary<string, WindowSpec>();
        _windowDefs = defs;
        foreach (var (name, spec) in windows)
        {
            if (defs.ContainsKey(name))
                throw new TenonException(SqlState.WindowingError, $"window \"{name}\" is already defined") { Position = spec.Position };
            defs[name] = ResolveWindowSpec(spec);
        }
        return defs;
    }

    /// <summary>OVER name / OVER (name …): the named window, extended by ORDER BY and frame.</summary>
    private WindowSpec ResolveWindowSpec(WindowSpec over)
    {
        if (over.Name is null) return over;
        if (_windowDefs is null || !_windowDefs.TryGetValue(over.Name, out var def))
            throw new TenonException(SqlState.UndefinedObject, $"window \"{over.Name}\" does not exist") { Position = over.Position };
        if (over.PartitionBy.Count > 0)
            throw new TenonException(SqlState.WindowingError, $"cannot override PARTITION BY clause of window \"{over.Name}\"") { Position = over.Position };
        if (over.OrderBy.Count > 0 && def.OrderBy.Count > 0)
            throw new TenonException(SqlState.WindowingError, $"cannot override ORDER BY clause of window \"{over.Name}\"") { Position = over.Position };
        if (over.FrameClause is not null && def.FrameClause is not null)
            throw new TenonException(SqlState.WindowingError, $"cannot copy window \"{over.Name}\" because it has a frame clause") { Position = over.Position };
        return new WindowSpec(null, def.PartitionBy, def.OrderBy.Count > 0 ? def.OrderBy : over.OrderBy)
        {
            FrameClause = over.FrameClause ?? def.FrameClause,
            Position = over.Position,
        };
    }

    private BoundExpr BindWindowCall(FunctionCall f, Scope? scope)
    {
        if (_windows is null)
        {
            if (_windowError is { } custom) throw new TenonException(custom.State, custom.Message) { Position = f.Position };
            throw new TenonException(SqlState.WindowingError, $"window functions are not allowed in {DisallowedIn}") { Position = f.Position };
        }
        var owner = _windows;
        var name = f.Name.Name;
        var windowOnly = IsWindowOnlyFunction(name);
        if (!windowOnly && !Aggregates.IsAggregate(name) && !IsUserAggregate(f.Name))
        {
            var argTypes = f.Args.Select(a => BindExpr(a, scope).Type).ToList();
            if (Functions.Resolve(name, argTypes, Catalog) is null)
                throw new TenonException(SqlState.UndefinedFunction, $"function {f.Name}({string.Join(", ", argTypes.Select(t => t.DisplayName))}) does not exist",
                    hint: "No function matches the given name and argument types. You might need to add explicit type casts.") { Position = f.Position };
            throw new TenonException(SqlState.WrongObjectType, $"OVER specified, but {name} is not a window function nor an aggregate function") { Position = f.Position };
        }
        if (f.Distinct)
            throw new TenonException(SqlState.FeatureNotSupported, "DISTINCT is not implemented for window functions") { Position = f.Position };
        if (f.OrderBy is { Count: > 0 })
            throw new TenonException(SqlState.FeatureNotSupported, "aggregate ORDER BY is not implemented for window functions") { Position = f.Position };
        if (windowOnly && f.Filter is not null)
            throw new TenonException(SqlState.WrongObjectType, "FILTER is not implemented for non-aggregate window functions") { Position = f.Position };

        var spec = ResolveWindowSpec(f.Over!);
        _windows = null;
        var savedError = _windowError;
        _windowError = (SqlState.WindowingError, "window function calls cannot be nested");
        List<BoundExpr> args;
        BoundExpr? filter;
        List<BoundExpr> partition;
        List<SortKey> order;
        try
        {
            args = f.Args.Select(a => BindExpr(a, scope)).ToList();
            filter = f.Filter is null ? null : BindCondition(f.Filter, scope, "FILTER");
            _windowError = (SqlState.WindowingError, "window functions are not allowed in window definitions");
            partition = spec.PartitionBy.Select(p => BindExpr(p, scope)).ToList();
            for (var k = 0; k < partition.Count; k++) RequireEquality(partition[k].Type, spec.PartitionBy[k].Position);
            order = spec.OrderBy.Select(o => MakeSortKey(BindExpr(o.Expr, scope), o)).ToList();
        }
        finally
        {
            _windows = owner;
            _windowError = savedError;
        }
        for (var i = 0; i < partition.Count; i++)
            if (partition[i].Type.Id == TypeId.Unknown) partition[i] = TryCoerce(partition[i], SqlType.Text, CastContext.Implicit)!;

        AggregateFunction? aggregate = null;
        SqlType resultType;
        if (windowOnly) resultType = ResolveWindowOnly(f, args);
        else
        {
            aggregate = Aggregates.IsAggregate(name) ? ResolveBuiltinAggregate(f, args) : ResolveUserAggregate(f, ref args);
            resultType = aggregate.ResultType;
        }
        var frame = BindFrame(spec.FrameClause, order, spec.Position);
        owner.Calls.Add(new WindowCall(name, aggregate, args, filter, partition, order, frame, resultType));
        return new WindowRef(owner, owner.Calls.Count - 1, resultType);
    }

    /// <summary>Argument checks and result types of the window-only functions; coerces <paramref name="args"/> in place.</summary>
    private SqlType ResolveWindowOnly(FunctionCall f, List<BoundExpr> args)
    {
        var name = f.Name.Name;
        bool Shape(int min, int max) => args.Count >= min && args.Count <= max;
        void Coerce(int i, SqlType type)
        {
            args[i] = TryCoerce(args[i], type, CastContext.Implicit, f.Args[i].Position) ?? throw NoSuchFunction(f, args);
        }
        void Known(int i)
        {
            if (args[i].Type.Id == TypeId.Unknown) args[i] = TryCoerce(args[i], SqlType.Text, CastContext.Implicit, f.Args[i].Position)!;
        }
        switch (name)
        {
            case "row_number" or "rank" or "dense_rank" when args.Count == 0 && !f.Star:
                return SqlType.Int8;
            case "percent_rank" or "cume_dist" when args.Count == 0 && !f.Star:
                return SqlType.Float8;
            case "ntile" when args.Count == 1:
                Coerce(0, SqlType.Int4);
                return SqlType.Int4;
            case "first_value" or "last_value" when args.Count == 1:
                Known(0);
                return args[0].Type;
            case "nth_value" when args.Count == 2:
                Known(0);
                Coerce(1, SqlType.Int4);
                return args[0].Type;
            case "lag" or "lead" when Shape(1, 3):
                if (args.Count > 1) Coerce(1, SqlType.Int4);
                if (args.Count == 3)
                {
                    var unified = UnifyTypes([args[0], args[2]], name, [f.Args[0].Position, f.Args[2].Position], out var common);
                    args[0] = unified[0];
                    args[2] = unified[1];
                    return common;
                }
                Known(0);
                return args[0].Type;
        }
        throw NoSuchFunction(f, args);
    }

    private static TenonException NoSuchFunction(FunctionCall f, List<BoundExpr> args) =>
        new(SqlState.UndefinedFunction, $"function {f.Name}({ArgumentSignature(f, args)}) does not exist",
            hint: "No function matches the given name and argument types. You might need to add explicit type casts.") { Position = f.Position };

    private BoundFrame BindFrame(WindowFrame? fc, List<SortKey> order, int specPosition)
    {
        if (fc is null) return BoundFrame.Default;
        var (start, end) = (fc.Start.Kind, fc.End.Kind);
        if (start == FrameBoundKind.UnboundedFollowing)
            throw new TenonException(SqlState.WindowingError, "frame start cannot be UNBOUNDED FOLLOWING") { Position = fc.Start.Position };
        if (end == FrameBoundKind.UnboundedPreceding)
            throw new TenonException(SqlState.WindowingError, "frame end cannot be UNBOUNDED PRECEDING") { Position = fc.End.Position };
        if (start == FrameBoundKind.CurrentRow && end == FrameBoundKind.OffsetPreceding)
            throw new TenonException(SqlState.WindowingError, "frame starting from current row cannot have preceding rows") { Position = fc.End.Position };
        if (start == FrameBoundKind.OffsetFollowing && end is FrameBoundKind.CurrentRow or FrameBoundKind.OffsetPreceding)
            throw new TenonException(SqlState.WindowingError, "frame starting from following row cannot have preceding rows") { Position = fc.End.Position };
        var hasOffset = fc.Start.Offset is not null || fc.End.Offset is not null;
        if (fc.Mode == FrameMode.Range && hasOffset && order.Count != 1)
            throw new TenonException(SqlState.WindowingError, "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column") { Position = specPosition };
        if (fc.Mode == FrameMode.Groups && order.Count == 0)
            throw new TenonException(SqlState.WindowingError, "GROUPS mode requires an ORDER BY clause") { Position = specPosition };
        return new BoundFrame(fc.Mode, BindFrameBound(fc, fc.Start, order), BindFrameBound(fc, fc.End, order), fc.Exclusion);
    }

    private BoundFrameBound BindFrameBound(WindowFrame fc, FrameBound b, List<SortKey> order)
    {
        if (b.Offset is null) return new BoundFrameBound(b.Kind, null, null);
        var mode = fc.Mode.ToString().ToUpperInvariant();
        // Frame offsets may not read the row: bound without a scope.
        var offset = BindExpr(b.Offset, null);
        if (fc.Mode != FrameMode.Range)
        {
            var asBigint = TryCoerce(offset, SqlType.Int8, CastContext.Implicit, b.Offset.Position)
                ?? throw new TenonException(SqlState.DatatypeMismatch, $"argument of {mode} must be type bigint, not type {offset.Type.DisplayName}") { Position = b.Offset.Position };
            return new BoundFrameBound(b.Kind, asBigint, null);
        }
        var key = order[0];
        var keyType = key.Expr.Type;
        if (offset.Type.Id == TypeId.Unknown)
        {
            var offsetType = keyType.Id is TypeId.Date or TypeId.Timestamp or TypeId.Timestamptz or TypeId.Interval
                ? SqlType.Interval : keyType.WithoutModifier();
            offset = TryCoerce(offset, offsetType, CastContext.Implicit, b.Offset.Position)!;
        }
        // Moving toward the partition's start: subtract for ASC, add for DESC.
        var towardStart = (b.Kind == FrameBoundKind.OffsetPreceding) != key.Descending;
        var supported = keyType.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Numeric or TypeId.Float4 or TypeId.Float8
            or TypeId.Date or TypeId.Timestamp or TypeId.Timestamptz or TypeId.Interval;
        BoundExpr? shift = null;
        if (supported)
        {
            try
            {
                shift = MakeBinary(towardStart ? "-" : "+", new ColumnExpr(0, keyType, 0, "key"), new ColumnExpr(1, offset.Type, 0, "offset"), b.Offset.Position);
                if (shift.Type.Id != keyType.Id) shift = TryCoerce(shift, keyType, CastContext.Explicit);
            }
            catch (TenonException)
            {
                shift = null;
            }
        }
        if (shift is null)
            throw new TenonException(SqlState.FeatureNotSupported,
                $"RANGE with offset PRECEDING/FOLLOWING is not supported for column type {keyType.DisplayName} and offset type {offset.Type.DisplayName}")
            { Position = b.Offset.Position };
        return new BoundFrameBound(b.Kind, offset, shift);
    }

    /// <summary>
    /// Adds the window node over <paramref name="plan"/> and returns a mapper from expressions with
    /// window placeholders to expressions over the node's output (input row, then one slot per call).
    /// </summary>
    private PlanNode BuildWindows(PlanNode plan, WindowScope windows, Func<BoundExpr, BoundExpr>? inputMapper, out Func<BoundExpr, BoundExpr> mapper)
    {
        var calls = inputMapper is null ? windows.Calls : windows.Calls.Select(c => c.Map(inputMapper)).ToList();
        var baseWidth = plan.Columns.Count;
        var columns = plan.Columns.Concat(calls.Select(c => new PlanColumn(c.Name, c.ResultType))).ToArray();
        mapper = bound => bound.Rewrite(e => e is WindowRef w && ReferenceEquals(w.Owner, windows)
            ? new SlotExpr(baseWidth + w.Index, w.Type, w.Fingerprint) : null);
        return new WindowNode(plan, calls, columns);
    }
}
