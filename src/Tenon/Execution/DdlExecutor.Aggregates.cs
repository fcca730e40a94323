using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution.Routines;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// CREATE [OR REPLACE] AGGREGATE: the aggregate is a pg_proc entry of kind 'a' whose
/// <see cref="AggregateDef"/> names its state and final functions, found here by the argument
/// types PostgreSQL calls them with.
/// </summary>
public sealed partial class DdlExecutor
{
    /// <summary>Attributes PostgreSQL accepts that change nothing Tenon runs (parallelism, partial and moving aggregation, sort operator).</summary>
    private static readonly HashSet<string> IgnoredAggregateAttributes = new(StringComparer.Ordinal)
    {
        "serialfunc", "deserialfunc", "parallel", "sortop", "hypothetical", "finalfunc_modify", "sspace",
        "mstype", "msfunc", "minvfunc", "mfinalfunc", "mfinalfunc_extra", "mfinalfunc_modify", "msspace", "minitcond",
    };

    public StatementResult CreateAggregate(CreateAggregateStatement stmt)
    {
        var schema = CreationSchema(stmt.Name, temporary: false);
        var options = new Dictionary<string, AggregateOption>(StringComparer.Ordinal);
        foreach (var o in stmt.Options)
        {
            var name = o.Name switch { "sfunc1" => "sfunc", "stype1" => "stype", "initcond1" => "initcond", var n => n };
            if (name is "sfunc" or "stype" or "finalfunc" or "initcond" or "finalfunc_extra" or "combinefunc" or "basetype" || IgnoredAggregateAttributes.Contains(name))
                options[name] = o;
            else
                ctx.Session.RaiseNotice(new Notice("WARNING", "01000", $"aggregate attribute \"{o.Name}\" not recognized"));
        }

        List<SqlType> inputs;
        List<RoutineParamDef> parameters;
        if (stmt.Arguments is { } args)
        {
            if (options.ContainsKey("basetype"))
                throw new TenonException(SqlState.InvalidFunctionDefinition, "basetype is redundant with aggregate input type specification");
            parameters = args.Select(a => new RoutineParamDef(a.Name, RoutineTypes.Resolve(a.Type, Catalog, Path).Type, a.Mode)).ToList();
            inputs = parameters.Select(p => p.Type).ToList();
        }
        else
        {
            // The old form: BASETYPE names the one input type, or 'ANY' for an aggregate of no arguments.
            var basetype = options.GetValueOrDefault("basetype")
                ?? throw new TenonException(SqlState.InvalidFunctionDefinition, "aggregate input type must be specified");
            inputs = basetype.Text is { } t && t.Equals("any", StringComparison.OrdinalIgnoreCase) || basetype.Type is { Schema: null, Name: "any", IsArray: false }
                ? []
                : [RoutineTypes.Resolve(basetype.Type ?? new TypeName(basetype.Text ?? "", []), Catalog, Path).Type];
            parameters = inputs.Select(t => new RoutineParamDef(null, t, 'i')).ToList();
        }

        var sfunc = options.GetValueOrDefault("sfunc")?.Type
            ?? throw new TenonException(SqlState.InvalidFunctionDefinition, "aggregate sfunc must be specified");
        var stypeName = options.GetValueOrDefault("stype")?.Type
            ?? throw new TenonException(SqlState.InvalidFunctionDefinition, "aggregate stype must be specified");
        foreach (var m in new[] { "msfunc", "minvfunc", "mfinalfunc", "mfinalfunc_extra", "mfinalfunc_modify", "msspace", "minitcond" })
            if (options.ContainsKey(m) && !options.ContainsKey("mstype"))
                throw new TenonException(SqlState.InvalidFunctionDefinition, $"aggregate {m} must not be specified without mstype");
        var stype = RoutineTypes.Resolve(stypeName, Catalog, Path).Type;

        var transition = FindAggregateSupport(sfunc, [stype, .. inputs]);
        if (!SameType(transition.ReturnType, stype))
            throw new TenonException(SqlState.DatatypeMismatch, $"return type of transition function {sfunc.Name} is not {stype.DisplayName}");
        var initial = options.GetValueOrDefault("initcond") is { } ic ? ic.Text ?? ic.Type?.Name : null;
        if (transition.Strict && initial is null && (inputs.Count == 0 || !BinaryCoercible(inputs[0], stype)))
            throw new TenonException(SqlState.InvalidFunctionDefinition,
                "must not omit initial value when transition function is strict and transition type is not compatible with input type");
        var finalExtra = options.ContainsKey("finalfunc_extra");
        AggregateSupportDef? final = null;
        if (options.GetValueOrDefault("finalfunc")?.Type is { } ffunc)
            final = FindAggregateSupport(ffunc, finalExtra ? [stype, .. inputs] : [stype]);
        if (options.GetValueOrDefault("combinefunc")?.Type is { } cfunc
            && !SameType(FindAggregateSupport(cfunc, [stype, stype]).ReturnType, stype))
            throw new TenonException(SqlState.DatatypeMismatch, $"return type of combine function {cfunc.Name} is not {stype.DisplayName}");

        var def = new AggregateDef(transition, stype) { Final = final, FinalExtra = finalExtra, InitialValue = initial };
        // The initial state must read as a value of the state type now, not when the aggregate first runs.
        UserAggregate.InitialState(def, ctx.Settings);
        var returnType = final?.ReturnType ?? stype;
        var routine = new RoutineDef(stmt.Name.Name, 0, schema, parameters, returnType, "internal", "aggregate_dummy")
        {
            Kind = 'a',
            Volatility = 'i',
            ReturnTypeName = returnType.DisplayName,
            Aggregate = def,
        };
        var existing = Catalog.Functions.Values.FirstOrDefault(f => f.Schema == schema && f.Name == routine.Name && f.InputTypes.SequenceEqual(inputs));
        if (existing is not null)
        {
            if (!stmt.OrReplace)
                throw new TenonException(SqlState.DuplicateFunction, $"function \"{routine.Name}\" already exists with same argument types");
            if (existing.Kind != 'a')
                throw new TenonException(SqlState.WrongObjectType, "cannot change routine kind",
                    detail: existing.Kind == 'p' ? $"\"{routine.Name}\" is a procedure." : $"\"{routine.Name}\" is a function.");
            if (existing.ReturnType != routine.ReturnType)
                throw new TenonException(SqlState.InvalidFunctionDefinition, "cannot change return type of existing function",
                    hint: $"Use DROP AGGREGATE {RoutineRuntime.Signature(existing)} first.");
            Catalog = Catalog.PutFunction(routine with { Oid = existing.Oid });
        }
        else Catalog = Catalog.PutFunction(routine with { Oid = Db.NextOid() });
        return new StatementResult("CREATE AGGREGATE");
    }

    /// <summary>
    /// A state, final or combine function called with <paramref name="argTypes"/>: a user function
    /// those types reach by implicit casts, else a built-in one. As in PostgreSQL, a match that
    /// would need a cast at run time is refused.
    /// </summary>
    private AggregateSupportDef FindAggregateSupport(TypeName name, IReadOnlyList<SqlType> argTypes)
    {
        var written = name.Schema is null ? name.Name : $"{name.Schema}.{name.Name}";
        var schemas = name.Schema is { } s ? new List<string> { Path.Qualifier(s) } : Path.Effective(Catalog).ToList();
        var candidates = Catalog.FunctionsNamed(name.Name, schemas)
            .Where(f => f.Kind == 'f' && f.InputTypes.Count == argTypes.Count
                        && f.InputTypes.Zip(argTypes).All(p => SameType(p.First, p.Second) || ValueCast.CanCast(p.Second, p.First, CastContext.Implicit)))
            .OrderByDescending(f => f.InputTypes.Zip(argTypes).Count(p => SameType(p.First, p.Second)))
            .ToList();
        if (candidates.FirstOrDefault() is { } user)
        {
            if (user.InputTypes.Zip(argTypes).Any(p => !BinaryCoercible(p.Second, p.First)))
                throw new TenonException(SqlState.DatatypeMismatch, $"function {RoutineRuntime.Signature(user)} requires run-time type coercion");
            return new AggregateSupportDef(user.Name, user.Oid, user.InputTypes, user.ReturnType, user.Strict);
        }
        if (name.Schema is null or "pg_catalog" && Functions.Resolve(name.Name, argTypes, Catalog) is { } builtin
            && builtin.ParameterTypes.Count == argTypes.Count && builtin.ParameterTypes.Zip(argTypes).All(p => BinaryCoercible(p.Second, p.First)))
            return new AggregateSupportDef(name.Name, 0, argTypes, builtin.ReturnType, builtin.Strict);
        throw new TenonException(SqlState.UndefinedFunction, $"function {written}({string.Join(", ", argTypes.Select(t => t.DisplayName))}) does not exist");
    }

    private static bool SameType(SqlType a, SqlType b) => a.WithoutModifier() == b.WithoutModifier();

    /// <summary>Whether a value of <paramref name="from"/> can be used as <paramref name="to"/> without a conversion function.</summary>
    private static bool BinaryCoercible(SqlType from, SqlType to) =>
        SameType(from, to)
        || from.Id is TypeId.Varchar or TypeId.Bpchar && to.Id == TypeId.Text && !from.IsArray && !to.IsArray
        || from.Id == TypeId.Text && to.Id == TypeId.Varchar && !from.IsArray && !to.IsArray
        || from.Domain is { } d && SameType(d.BaseType, to);
}
