using Tenon.Sql.Ast;

namespace Tenon.Binding;

/// <summary>
/// Named and mixed notation in calls (<c>make_interval(days => 10)</c>, <c>add_em(1, c => 3)</c>):
/// positional arguments fill the first parameters, each named one the parameter of that name, and
/// every parameter left over must have a default. The parser has already checked that positional
/// arguments come first and that no name repeats.
/// </summary>
public sealed partial class Binder
{
    /// <summary>The built-in functions PostgreSQL declares with parameter names: each overload's names, and which have defaults.</summary>
    private static readonly Dictionary<string, (string Name, Expr? Default)[][]> BuiltinParameterNames = new()
    {
        ["make_interval"] = [new[] { "years", "months", "weeks", "days", "hours", "mins", "secs" }
            .Select(n => (n, (Expr?)new IntegerLiteral(0))).ToArray()],
        ["make_date"] = [Required("year", "month", "day")],
        ["make_time"] = [Required("hour", "min", "sec")],
        ["make_timestamp"] = [Required("year", "month", "mday", "hour", "min", "sec")],
        ["make_timestamptz"] = [Required("year", "month", "mday", "hour", "min", "sec"), Required("year", "month", "mday", "hour", "min", "sec", "timezone")],
    };

    private static (string, Expr?)[] Required(params string[] names) => names.Select(n => (n, (Expr?)null)).ToArray();

    private static bool HasNamedArguments(FunctionCall f) => f.Args.Any(a => a is NamedArgExpr);

    /// <summary>
    /// Where each parameter's value comes from: the index of the call's argument, or -1 for the
    /// parameter's default. Null when the call does not fit these parameters (an unknown name, a
    /// name given to a parameter a positional argument already fills, a missing value without default).
    /// </summary>
    internal static int[]? MapArguments(IReadOnlyList<Expr> args, IReadOnlyList<(string? Name, bool HasDefault)> parameters)
    {
        if (args.Count > parameters.Count) return null;
        var slots = new int[parameters.Count];
        Array.Fill(slots, -2);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is NamedArgExpr n)
            {
                var k = -1;
                for (var p = 0; p < parameters.Count; p++)
                {
                    if (parameters[p].Name == n.Name) { k = p; break; }
                }
                if (k < 0 || slots[k] != -2) return null;
                slots[k] = i;
            }
            else
            {
                slots[i] = i;
            }
        }
        for (var p = 0; p < slots.Length; p++)
        {
            if (slots[p] != -2) continue;
            if (!parameters[p].HasDefault) return null;
            slots[p] = -1;
        }
        return slots;
    }

    /// <summary>
    /// A built-in function called in named notation, rewritten to positional notation (defaults
    /// written out) for the first overload whose names fit; null when none does.
    /// </summary>
    private static FunctionCall? BuiltinInPositionalNotation(FunctionCall f)
    {
        if (f.Name.Schema is not (null or "pg_catalog") || !BuiltinParameterNames.TryGetValue(f.Name.Name, out var overloads)) return null;
        foreach (var parameters in overloads)
        {
            if (MapArguments(f.Args, parameters.Select(p => ((string?)p.Name, p.Default is not null)).ToList()) is not { } slots) continue;
            var args = slots.Select((s, p) => s >= 0 ? Unnamed(f.Args[s]) : parameters[p].Default!).ToList();
            return f with { Args = args };
        }
        return null;
    }

    /// <summary>
    /// A call in named notation that neither a built-in make_* function (rewritten before this) nor
    /// a user function of that name takes: PostgreSQL's 42883 naming the arguments. Built-in
    /// aggregates, window and set-returning functions have no parameter names, so the names are
    /// never dropped silently.
    /// </summary>
    private void RefuseUnmatchedNamedArguments(FunctionCall f, Scope? scope)
    {
        if (!HasNamedArguments(f)) return;
        if (!Catalog.Functions.IsEmpty && Catalog.FunctionsNamed(f.Name.Name, RoutineSchemas(f.Name))
                .Any(r => MapArguments(f.Args, r.InputParameters.Select(p => (p.Name, p.Default is not null)).ToList()) is not null))
            return;
        var bound = f.Args.Select(a => BindExpr(a, scope)).ToList();
        throw NoSuchFunction(f, ArgumentSignature(f, bound));
    }

    private static Expr Unnamed(Expr arg) => arg is NamedArgExpr n ? n.Value : arg;

    /// <summary>The argument list as PostgreSQL prints it in "does not exist" errors: <c>integer, a => integer</c>.</summary>
    internal static string ArgumentSignature(FunctionCall f, IReadOnlyList<Execution.Expressions.BoundExpr> bound) =>
        string.Join(", ", bound.Select((b, i) => (i < f.Args.Count && f.Args[i] is NamedArgExpr n ? n.Name + " => " : "") + b.Type.DisplayName));
}
