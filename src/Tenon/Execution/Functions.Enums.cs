using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// enum_first(anyenum) and enum_last(anyenum): the argument's value is ignored (it is usually
/// NULL::type), only its type counts. enum_range needs array types and is not here yet.
/// </summary>
public static partial class Functions
{
    private static FunctionDef? ResolveEnumFunction(string name, IReadOnlyList<SqlType> args)
    {
        // anyenum: a domain over an enum does not match it.
        if (args.Count != 1 || args[0].Enum is not { } e || args[0].Domain is not null || name is not ("enum_first" or "enum_last")) return null;
        var type = SqlType.OfEnum(e);
        var first = name == "enum_first";
        return new([type], type, (_, _) => e.Labels.Count == 0
            ? throw new TenonException(SqlState.ObjectNotInPrerequisiteState, $"enum {e.Name} contains no values")
            : first ? e.Labels[0] : e.Labels[^1], Strict: false);
    }
}
