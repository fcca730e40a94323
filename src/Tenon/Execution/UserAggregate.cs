using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution.Routines;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// A user-defined aggregate (CREATE AGGREGATE) as an <see cref="AggregateFunction"/>: its state
/// starts as INITCOND (or NULL), each input row calls the state function with (state, args…), and
/// the final function, if any, maps the state to the result.
/// </summary>
public static class UserAggregate
{
    /// <summary>A support function made callable: how to invoke it and whether it is STRICT.</summary>
    private sealed record Support(Func<object?[], ExecContext, object?> Invoke, bool Strict);

    /// <summary>The aggregate as Tenon's aggregate machinery runs it, with its support functions looked up in <paramref name="catalog"/>.</summary>
    public static AggregateFunction Create(RoutineDef aggregate, SystemCatalog catalog, FormatSettings settings)
    {
        var def = aggregate.Aggregate ?? throw new InvalidOperationException($"{aggregate.Name} is not an aggregate");
        var transition = Bind(def.Transition, catalog);
        var final = def.Final is { } f ? Bind(f, catalog) : null;
        var initial = InitialState(def, settings);
        var extra = def.FinalExtra ? aggregate.InputTypes.Count : 0;
        return new AggregateFunction(aggregate.Name, aggregate.ReturnType, () => new Accumulator(transition, final, initial, extra));
    }

    /// <summary>INITCOND read with the state type's input function; null when there is none.</summary>
    public static object? InitialState(AggregateDef def, FormatSettings settings) =>
        def.InitialValue is { } text ? ValueCast.Cast(text, SqlType.Unknown, def.StateType, CastContext.Explicit, settings) : null;

    private static Support Bind(AggregateSupportDef s, SystemCatalog catalog)
    {
        if (s.Oid != 0)
        {
            var routine = catalog.Functions.GetValueOrDefault(s.Oid)
                ?? throw new TenonException(SqlState.UndefinedFunction, $"cache lookup failed for function {s.Oid}");
            return new Support((args, ctx) => RoutineRuntime.Call(routine, args, ctx), routine.Strict);
        }
        var builtin = Functions.Resolve(s.Name, s.ArgTypes, catalog)
            ?? throw new TenonException(SqlState.UndefinedFunction, $"function {s.Name}({string.Join(", ", s.ArgTypes.Select(t => t.DisplayName))}) does not exist");
        return new Support(builtin.Invoke, builtin.Strict);
    }

    private sealed class Accumulator(Support transition, Support? final, object? initial, int extra) : Execution.Accumulator
    {
        private object? _state = initial;
        // A strict state function with a NULL initial state takes the first input as the state instead of being called.
        private bool _noValue = initial is null;

        public override void Add(object?[] args, ExecContext ctx)
        {
            if (transition.Strict)
            {
                foreach (var a in args)
                    if (a is null) return;
                if (_noValue)
                {
                    _state = args.Length > 0 ? args[0] : null;
                    _noValue = false;
                    return;
                }
                // Once a strict state function has returned NULL, the state stays NULL.
                if (_state is null) return;
            }
            var call = new object?[args.Length + 1];
            call[0] = _state;
            Array.Copy(args, 0, call, 1, args.Length);
            _state = transition.Invoke(call, ctx);
            _noValue = false;
        }

        public override object? Result(ExecContext ctx)
        {
            if (final is null) return _state;
            // FINALFUNC_EXTRA's arguments are NULLs, so a strict final function then never runs either.
            if (final.Strict && (_state is null || extra > 0)) return null;
            var call = new object?[1 + extra];
            call[0] = _state;
            return final.Invoke(call, ctx);
        }
    }
}
