using Tenon.Types;

namespace Tenon.Execution;

/// <summary>to_char, to_number, to_date and to_timestamp(text, text): the template functions.</summary>
public static partial class Functions
{
    private static FunctionDef? ResolveDateTimeFormat(string name, IReadOnlyList<SqlType> args)
    {
        return null;
    }
}
