using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Expressions;
using Tenon.Execution.Plan;
using Tenon.Execution.Routines;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Binding;

/// <summary>
/// Calls of user-defined functions: candidates by name along the search path, then PostgreSQL's
/// choice by argument types (exact matches preferred, implicit casts allowed, missing arguments
/// taken from DEFAULTs, named notation mapped by <see cref="MapArguments"/>), in expressions,
/// select lists (set-returning) and FROM.
/// </summary>
public sealed partial class Binder
{
    private List<string> RoutineSchemas(QualifiedName name) =>
        name.Schema is { } s ? [Session.SearchPath.Qualifier(s)] : Session.SearchPath.Effective(Catalog).ToList();

    /// <summary>
    /// The user routine a call names, with its coerced arguments; null when no routine has that
    /// name. Aggregates are candidates only when <paramref name="aggregates"/> asks for them alone.
    /// </summary>
    internal (RoutineDef Routine, List<BoundExpr> Args)? ResolveRoutine(FunctionCall f, List<BoundExpr> bound, bool forCall = false, bool aggregates = false)
    {
        if (Catalog.Functions.IsEmpty) return null;
        var candidates = f.RoutineOid != 0 && Catalog.Functions.TryGetValue(f.RoutineOid, out var created)
            ? [created]
            : Catalog.FunctionsNamed(f.Name.Name, RoutineSchemas(f.Name)).Where(r => r.Kind == 'a' == aggregates).ToList();
        if (candidates.Count == 0) return null;
        RoutineDef? best = null;
        int[]? bestSlots = null;
        var bestScore = -1;
        var tie = false;
        foreach (var c in candidates)
        {
            var inputs = c.InputParameters.ToList();
            if (MapArguments(f.Args, inputs.Select(p => (p.Name, p.Default is not null)).ToList()) is not { } slots) continue;
            var score = 0;
            var ok = true;
            for (var p = 0; p < slots.Length && ok; p++)
            {
                if (slots[p] < 0) continue;
                var from = bound[slots[p]].Type;
                var to = inputs[p].Type;
                if (from == to || from.Id == to.Id && !to.IsArray && from.Enum is null && from.Domain is null) score += 2;
                else if (from.Id == TypeId.Unknown) score += to.Id == TypeId.Text ? 1 : 0;
                else if (!ValueCast.CanCast(from, to, CastContext.Implicit)) ok = false;
            }
            if (!ok) continue;
            if (score > bestScore) { best = c; bestSlots = slots; bestScore = score; tie = false; }
            else if (score == bestScore) tie = true;
        }
        var sig = $"{f.Name}({ArgumentSignature(f, bound)})";
        if (best is null) return null;
        NoteFunctionUse(best);
        if (tie)
            throw new TenonException(SqlState.AmbiguousFunction, $"{(forCall ? "procedure" : "function")} {sig} is not unique",
                hint: $"Could not choose a best candidate {(forCall ? "procedure" : "function")}. You might need to add explicit type casts.") { Position = f.Position };
        var parameters = best.InputParameters.ToList();
        var args = new List<BoundExpr>();
        for (var i = 0; i < parameters.Count; i++)
        {
            var source = bestSlots![i];
            var arg = source >= 0 ? bound[source] : BindExpr(parameters[i].Default!, null);
            var pos = source >= 0 ? Unnamed(f.Args[source]).Position : f.Position;
            args.Add(TryCoerce(arg, parameters[i].Type, CastContext.Implicit, pos)
                     ?? TryCoerce(arg, parameters[i].Type, CastContext.Assignment, pos) ?? arg);
        }
        return (best, args);
    }

    /// <summary>A call of a user function in an expression; null when there is no user function of that name and types.</summary>
    private BoundExpr? BindUserFunction(FunctionCall f, List<BoundExpr> bound)
    {
        if (ResolveRoutine(f, bound) is not var (fn, args)) return null;
        RoutineCalls?.TryAdd(f, fn);
        if (fn.Kind == 'p')
            throw new TenonException(SqlState.WrongObjectType, $"{f.Name.Name}({ArgumentSignature(f, bound)}) is a procedure",
                hint: "To call a procedure, use CALL.") { Position = f.Position };
        if (fn.IsTrigger)
            throw new TenonException(SqlState.FeatureNotSupported, "trigger functions can only be called as triggers");
        RequireExecute(fn);
        var type = fn.ResultColumns is not null && fn.ReturnType.Composite is null ? SqlType.Record : fn.ReturnType;
        if (fn.ReturnsSet)
        {
            if (_setReturning is null)
                throw new TenonException(SqlState.FeatureNotSupported, $"set-returning functions are not allowed in {_clause}") { Position = f.Position };
            var call = new SetReturningCall(fn.Name, type, args,
                (v, c) => v.Any(x => x is null) && fn.Strict ? [] : RoutineRuntime.Run(fn, v, c).Select(r => RoutineRuntime.AsValue(fn, r)));
            _setReturning.Add(call);
            return new SetReturningRef(_setReturning.Count - 1, call, args);
        }
        return new FunctionExpr(fn.Name, args, type, (v, c) =>
        {
            var value = RoutineRuntime.Call(fn, v, c);
            return value is null && fn.ReturnType.Id == TypeId.Void && fn.ResultColumns is null ? string.Empty : value;
        }, fn.Strict, fn.Volatility == 'v') { Routine = fn };
    }

    /// <summary>The name of a function's only OUT parameter, which names its one result column in FROM (as in PostgreSQL).</summary>
    private static string? SingleOutputName(Catalog.RoutineDef routine) =>
        routine.Parameters.Where(p => p.IsOutput).ToList() is [{ Name: { Length: > 0 } name }] ? name : null;

    /// <summary>A user function in FROM: its result rows, one column per result column (or one named after the function).</summary>
    private PlanNode? BindUserFunctionTable(FunctionTableRef fn, Scope scope)
    {
        if (Catalog.Functions.IsEmpty) return null;
        var bound = fn.Call.Args.Select(a => BindExpr(a, scope)).ToList();
        if (ResolveRoutine(fn.Call, bound) is not var (routine, args)) return null;
        if (routine.Kind == 'p')
            throw new TenonException(SqlState.WrongObjectType, $"{RoutineRuntime.Signature(routine)} is a procedure",
                hint: "To call a procedure, use CALL.") { Position = fn.Call.Position };
        if (ReadsFromRow(args)) _lateralRight = LateralKind.Function;
        var name = fn.Alias?.Name ?? routine.Name;
        var columns = routine.ResultColumns is { } rc
            ? rc.Select(c => new PlanColumn(c.Name, c.Type)).ToList()
            : [new PlanColumn(fn.Alias?.Columns is { Count: > 0 } ? fn.Alias.Columns[0] : SingleOutputName(routine) ?? routine.Name, routine.ReturnType)];
        if (fn.WithOrdinality) columns.Add(new PlanColumn("ordinality", SqlType.Int8));
        return AddEntry(new RoutineScanNode(routine, args, columns, fn.WithOrdinality), name, fn.Alias?.Columns, 0, scope, fn.Position);
    }
}
