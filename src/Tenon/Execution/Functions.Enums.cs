using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// PostgreSQL's enum support functions: enum_first, enum_last and enum_range. The argument is only
/// used for its type (a NULL of the enum type is the usual call), so they are not strict; the
/// labels come from the type the call was bound with, in sort order.
/// </summary>
public static partial class Functions
{
    private static FunctionDef? ResolveEnumFunction(string name, IReadOnlyList<SqlType> args)
    {
        // anyenum: every argument is of one enum type, or an untyped literal/NULL that takes it.
        if (args.Count is 0 or > 2 || args.FirstOrDefault(a => a.Id == TypeId.Enum) is not { } type) return null;
        // A domain over an enum is not an anyenum argument (PostgreSQL reports no such function).
        if (args.Any(a => a.Id != TypeId.Unknown && (a.Id != TypeId.Enum || a.Domain is not null || a.Enum!.Oid != type.Enum!.Oid))) return null;
        var labels = type.Enum!.Labels;
        switch (name)
        {
            case "enum_first" when args.Count == 1:
                return new([type], type, (_, _) => labels.Count == 0 ? throw NoValues(type) : labels[0], Strict: false);
            case "enum_last" when args.Count == 1:
                return new([type], type, (_, _) => labels.Count == 0 ? throw NoValues(type) : labels[^1], Strict: false);
            case "enum_range" when args.Count == 1:
                return new([type], SqlType.ArrayOf(type), (_, _) => PgArray.Of(type, labels.Cast<object?>().ToArray()), Strict: false);
            case "enum_range" when args.Count == 2:
                return new([type, type], SqlType.ArrayOf(type), (a, _) =>
                {
                    // NULL ends mean the first and the last label.
                    var from = a[0] is PgEnumValue lo ? IndexOfLabel(labels, lo) : 0;
                    var to = a[1] is PgEnumValue hi ? IndexOfLabel(labels, hi) : labels.Count - 1;
                    var range = from <= to ? labels.Skip(from).Take(to - from + 1) : [];
                    return PgArray.Of(type, range.Cast<object?>().ToArray());
                }, Strict: false);
        }
        return null;
    }

    private static TenonException NoValues(SqlType type) =>
        new(SqlState.ObjectNotInPrerequisiteState, $"enum {type.Enum!.Name} contains no values");

    private static int IndexOfLabel(IReadOnlyList<PgEnumValue> labels, PgEnumValue value)
    {
        for (var i = 0; i < labels.Count; i++)
            if (labels[i].Oid == value.Oid) return i;
        throw new TenonException(SqlState.InvalidParameterValue, "invalid internal value for enum: " + value.Oid);
    }
}
