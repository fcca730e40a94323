using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Expressions;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Binding;

public sealed partial class Binder
{
    private BoundExpr BindFunction(FunctionCall f, Scope? scope)
    {
        // A call kept by oid (a column DEFAULT) names its function as it is named now.
        if (f.RoutineOid != 0 && Catalog.Functions.TryGetValue(f.RoutineOid, out var kept) && (kept.Name != f.Name.Name || kept.Schema != f.Name.Schema))
            f = f with { Name = new QualifiedName(kept.Schema, kept.Name) { Position = f.Name.Position } };
        var name = f.Name.Name;
        if (f.Name.Schema is not null and not "pg_catalog" and not "public" && !Catalog.Schemas.Contains(Session.SearchPath.Qualifier(f.Name.Schema)))
            throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{f.Name.Schema}\" does not exist") { Position = f.Position };

        if (HasNamedArguments(f) && BuiltinInPositionalNotation(f) is { } positional)
            return BindFunction(positional, scope);
        RefuseUnmatchedNamedArguments(f, scope);
        if (f.Over is not null)
            return BindWindowCall(f, scope);
        if (IsSetReturning(f))
            return BindSetReturning(f, scope);
        if (Aggregates.IsAggregate(name) || IsUserAggregate(f.Name))
            return BindAggregate(f, scope);
        if (IsWindowOnlyFunction(name))
            throw new TenonException(SqlState.WrongObjectType, $"window function {name} requires an OVER clause") { Position = f.Position };

        switch (name)
        {
            case "coalesce":
            case "greatest":
            case "least":
            {
                var args = f.Args.Select(a => BindExpr(a, scope)).ToList();
                var unified = UnifyTypes(args, name.ToUpperInvariant(), f.Args.Select(a => a.Position).ToList(), out var type);
                BinaryOperator? cmp = name == "coalesce" ? null : Operators.ResolveBinary(name == "greatest" ? ">" : "<", type, type);
                return new ConditionalExpr(name, unified, type, cmp);
            }
            case "nullif" when f.Args.Count == 2:
            {
                var eq = (BinaryOpExpr)BindBinary("=", f.Args[0], f.Args[1], scope, f.Position);
                return new ConditionalExpr("nullif", [eq.Left, eq.Right], eq.Left.Type, eq.Impl);
            }
        }

        var bound = f.Args.Select(a => BindExpr(a, scope)).ToList();
        // Built-in functions in named notation were rewritten above; only user functions remain.
        var fn = HasNamedArguments(f) ? null : Functions.Resolve(name, bound.Select(b => b.Type).ToList(), Catalog);
        if (fn is null && BindUserFunction(f, bound) is { } userCall) return userCall;
        if (fn is null) throw NoSuchFunction(f, ArgumentSignature(f, bound));
        var coerced = new List<BoundExpr>();
        for (var i = 0; i < bound.Count; i++)
        {
            var target = i < fn.ParameterTypes.Count ? fn.ParameterTypes[i] : fn.ParameterTypes[^1];
            var arg = bound[i];
            if (arg is ParamExpr { Type.Id: TypeId.Unknown } p && target.Id != TypeId.Unknown) arg = RetypeParam(p, target);
            coerced.Add(TryCoerce(arg, target, CastContext.Implicit, f.Args[i].Position) ?? arg);
        }
        return new FunctionExpr(name, coerced, fn.ReturnType, fn.Invoke, fn.Strict, fn.Volatile);
    }

    private BoundExpr BindAggregate(FunctionCall f, Scope? scope)
    {
        if (_aggregates is null)
            throw new TenonException(SqlState.GroupingError, $"aggregate functions are not allowed in {DisallowedIn}") { Position = f.Position };
        var outer = _aggregates;
        // Arguments are evaluated per input row: bind them in the input scope, with nested aggregates forbidden.
        _aggregates = null;
        var savedClause = _clause;
        _clause = "aggregate function calls cannot be nested";
        var savedWindows = _windows;
        var savedWindowError = _windowError;
        _windows = null;
        _windowError = (SqlState.GroupingError, "aggregate function calls cannot contain window function calls");
        List<BoundExpr> args;
        BoundExpr? filter;
        List<SortKey> order;
        try
        {
            args = f.Args.Select(a => BindExpr(a, outer.InputScope)).ToList();
            filter = f.Filter is null ? null : BindCondition(f.Filter, outer.InputScope, "FILTER");
            order = f.WithinGroup || f.OrderBy is null ? new() : f.OrderBy.Select(o => MakeSortKey(BindExpr(o.Expr, outer.InputScope), o)).ToList();
        }
        catch (TenonException ex) when (ex.SqlState == SqlState.GroupingError && ex.MessageText.Contains("aggregate function calls cannot be nested"))
        {
            throw new TenonException(SqlState.GroupingError, "aggregate function calls cannot be nested") { Position = ex.Position };
        }
        finally
        {
            _aggregates = outer;
            _clause = savedClause;
            _windows = savedWindows;
            _windowError = savedWindowError;
        }
        var user = !Aggregates.IsAggregate(f.Name.Name);
        var fn = user ? ResolveUserAggregate(f, ref args) : ResolveBuiltinAggregate(f, args);
        // DISTINCT feeds the aggregate its distinct inputs in sorted order, which order-sensitive aggregates show.
        if (f.Distinct)
            for (var i = 0; i < args.Count && i < f.Args.Count; i++) RequireEquality(args[i].Type, f.Args[i].Position);
        if (f.Distinct && order.Count == 0 && (user || fn.Name is "array_agg" or "string_agg" or "json_agg" or "jsonb_agg"))
            order = args.Take(user ? args.Count : 1).Select(a => new SortKey(a, false, false)).ToList();
        var fingerprint = $"{fn.Name}({(f.Distinct ? "distinct " : "")}{(f.Star ? "*" : string.Join(",", args.Select(a => a.Fingerprint)))}|{filter?.Fingerprint}|{string.Join(",", order.Select(k => $"{k.Expr.Fingerprint}:{k.Descending}:{k.NullsFirst}"))})";
        var existing = outer.Calls.FindIndex(c => c.Fingerprint == fingerprint);
        if (existing < 0)
        {
            outer.Calls.Add(new AggregateCall(fn, args, f.Distinct, filter, fingerprint) { Order = order });
            existing = outer.Calls.Count - 1;
        }
        return new AggregateRef(outer, existing, fn.ResultType);
    }

    /// <summary>
    /// A built-in aggregate for the call's arguments, which it coerces in place (unknown literals to
    /// text, or bool for the boolean aggregates; string_agg's arguments to text).
    /// </summary>
    private AggregateFunction ResolveBuiltinAggregate(FunctionCall f, List<BoundExpr> args)
    {
        // sum and avg have several numeric variants and none is preferred for an unknown literal.
        if (f.Name.Name is "sum" or "avg" && args.Count == 1 && args[0].Type.Id == TypeId.Unknown)
            throw new TenonException(SqlState.AmbiguousFunction, $"function {f.Name}(unknown) is not unique",
                hint: "Could not choose a best candidate function. You might need to add explicit type casts.") { Position = f.Position };
        for (var i = 0; i < args.Count; i++)
            if (args[i] is ConstExpr { Type.Id: TypeId.Unknown } && f.Name.Name is not "count")
                args[i] = TryCoerce(args[i], f.Name.Name is "bool_and" or "bool_or" or "every" ? SqlType.Bool : SqlType.Text,
                    CastContext.Implicit, f.Args[i].Position)!;
        var fn = Aggregates.Resolve(f.Name.Name, args.Select(a => a.Type).ToList(), f.Star)
            ?? throw NoSuchFunction(f, f.Star ? "*" : ArgumentSignature(f, args));
        if (fn.Name == "string_agg")
            for (var i = 0; i < args.Count; i++)
                args[i] = TryCoerce(args[i], SqlType.Text, CastContext.Implicit, f.Args[i].Position) ?? args[i];
        return fn;
    }

    /// <summary>
    /// True when the expression contains an aggregate call of this query level: a built-in one, or
    /// a name <paramref name="isUserAggregate"/> accepts.
    /// </summary>
    internal static bool ContainsAggregate(Expr e, Func<QualifiedName, bool>? isUserAggregate = null) =>
        ContainsCall(e, f => f.Over is null && (Aggregates.IsAggregate(f.Name.Name) || isUserAggregate?.Invoke(f.Name) == true));

    /// <summary>
    /// True when a function call that <paramref name="match"/> accepts appears in the expression
    /// outside subqueries (a subquery is another query level, with calls of its own).
    /// </summary>
    internal static bool ContainsCall(Expr e, Func<FunctionCall, bool> match)
    {
        bool Any(Expr x) => ContainsCall(x, match);
        return e switch
        {
            FunctionCall f when match(f) => true,
            FunctionCall f => f.Args.Any(Any),
            BinaryExpr b => Any(b.Left) || Any(b.Right),
            UnaryExpr u => Any(u.Operand),
            AndExpr a => Any(a.Left) || Any(a.Right),
            OrExpr o => Any(o.Left) || Any(o.Right),
            Sql.Ast.NotExpr n => Any(n.Operand),
            Sql.Ast.CastExpr c => Any(c.Operand),
            NamedArgExpr n => Any(n.Value),
            Sql.Ast.CaseExpr c => (c.Operand is not null && Any(c.Operand)) || c.Whens.Any(w => Any(w.Condition) || Any(w.Result)) || (c.Else is not null && Any(c.Else)),
            Sql.Ast.IsNullExpr i => Any(i.Operand),
            Sql.Ast.BooleanTestExpr b => Any(b.Operand),
            IsDistinctFromExpr d => Any(d.Left) || Any(d.Right),
            BetweenExpr b => Any(b.Operand) || Any(b.Low) || Any(b.High),
            Sql.Ast.InListExpr i => Any(i.Operand) || i.Items.Any(Any),
            InSubqueryExpr i => Any(i.Operand),
            QuantifiedExpr q => Any(q.Left),
            RowExpr r => r.Items.Any(Any),
            CollateExpr c => Any(c.Operand),
            _ => false,
        };
    }

    /// <summary>
    /// 42883 for a call nothing matches; 0A000 naming the feature when the name is one of
    /// PostgreSQL's built-in JSON (jsonpath, json_populate_record …), XML or text-search ranking
    /// functions that Tenon lacks.
    /// </summary>
    private static TenonException NoSuchFunction(FunctionCall f, string signature)
    {
        var name = f.Name.Name;
        if (f.Name.Schema is null or "pg_catalog" && UnsupportedFeatureOf(name) is { } feature)
            return new TenonException(SqlState.FeatureNotSupported, $"function {f.Name}({signature}) is not supported by Tenon yet",
                hint: $"Tenon has no {feature} yet.") { Position = f.Position };
        return new TenonException(SqlState.UndefinedFunction, $"function {f.Name}({signature}) does not exist",
            hint: "No function matches the given name and argument types. You might need to add explicit type casts.") { Position = f.Position };
    }

    private static string? UnsupportedFeatureOf(string name) =>
        (name.StartsWith("json", StringComparison.Ordinal) || name.StartsWith("to_json", StringComparison.Ordinal)) && !Functions.JsonFunctionNames.Contains(name)
            ? name.StartsWith("jsonb_path", StringComparison.Ordinal) ? "jsonpath" : name
        : name.StartsWith("xml", StringComparison.Ordinal) || name is "query_to_xml" or "table_to_xml" or "cursor_to_xml"
            ? "xml type"
        : name is "ts_rank" or "ts_rank_cd" or "ts_headline" or "ts_debug" or "ts_stat" ? "text search ranking or highlighting"
        : null;
}
