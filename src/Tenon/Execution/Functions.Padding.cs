using System.Text;
using Tenon.Errors;

namespace Tenon.Execution;

public static partial class Functions
{
    /// <summary>
    /// lpad/rpad: fill to <paramref name="length"/> characters by repeating <paramref name="fill"/>
    /// on the left or right; a longer string is cut to its first <paramref name="length"/>
    /// characters (for both), a length ≤ 0 gives '', and an empty fill leaves the string as it is.
    /// </summary>
    private static string Pad(string s, int length, string fill, bool left)
    {
        if (length <= 0) return "";
        // PostgreSQL refuses a result that could exceed 1 GB at the encoding's widest character.
        if ((long)length * 4 > 0x3fffffff) throw new TenonException(SqlState.ProgramLimitExceeded, "requested length too large");
        var runes = s.EnumerateRunes().ToArray();
        if (runes.Length >= length || fill.Length == 0)
            return string.Concat(runes.Take(Math.Min(length, runes.Length)).Select(r => r.ToString()));
        var fillRunes = fill.EnumerateRunes().ToArray();
        var padding = new StringBuilder();
        for (var i = 0; i < length - runes.Length; i++) padding.Append(fillRunes[i % fillRunes.Length].ToString());
        return left ? padding + s : s + padding;
    }

    /// <summary>repeat(s, n): n copies (none for n ≤ 0); the result is limited to 1 GB of bytes.</summary>
    private static string Repeat(string s, int count)
    {
        if (count <= 0) return "";
        if ((long)count * Encoding.UTF8.GetByteCount(s) + 4 > 0x3fffffff) throw new TenonException(SqlState.ProgramLimitExceeded, "requested length too large");
        return new StringBuilder(s.Length * count).Insert(0, s, count).ToString();
    }
}
