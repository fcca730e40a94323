namespace Tenon.Types;

/// <summary>PostgreSQL text input and output of values. (Placeholder signatures; the Types work replaces this file.)</summary>
public static class ValueText
{
    public static string Format(object value, SqlType type, FormatSettings settings) => throw new NotImplementedException();
    public static object Parse(string text, SqlType type, FormatSettings settings) => throw new NotImplementedException();
}
