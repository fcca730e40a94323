using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Binding;

/// <summary>
/// json has neither equality nor ordering (jsonb has both): grouping, DISTINCT or sorting by a
/// json value fails as in PostgreSQL, naming the missing operator.
/// </summary>
public sealed partial class Binder
{
    private static bool LacksEquality(SqlType t) => t.Id == TypeId.Json || (t.IsArray && t.Element!.Id == TypeId.Json);

    private static void RequireEquality(SqlType t, int position)
    {
        if (LacksEquality(t))
            throw new TenonException(SqlState.UndefinedFunction, $"could not identify an equality operator for type {t.DisplayName}") { Position = position };
    }

    private static void RequireOrdering(SqlType t, int position)
    {
        if (LacksEquality(t))
            throw new TenonException(SqlState.UndefinedFunction, $"could not identify an ordering operator for type {t.DisplayName}",
                hint: "Use an explicit ordering operator or modify the query.") { Position = position };
    }
}
