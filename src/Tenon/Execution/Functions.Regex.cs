using System.Text;
using System.Text.RegularExpressions;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

public static partial class Functions
{
    /// <summary>
    /// similar_to_escape (what SIMILAR TO compiles its pattern with) and regexp_replace, on
    /// PostgreSQL's regular expressions (<see cref="PosixRegex"/>).
    /// </summary>
    private static FunctionDef? ResolveRegexFunction(string name, IReadOnlyList<SqlType> args)
    {
        var n = args.Count;
        bool Text(int i) => args[i].IsString;
        switch (name)
        {
            case "similar_to_escape" when n == 1 && Text(0):
                return new([SqlType.Text], SqlType.Text, (a, _) => SimilarToRegex((string)a[0]!, "\\"));
            case "similar_to_escape" when n == 2 && Text(0) && Text(1):
                return new([SqlType.Text, SqlType.Text], SqlType.Text, (a, _) => SimilarToRegex((string)a[0]!, (string)a[1]!));
            case "regexp_replace" when n is 3 or 4 && Enumerable.Range(0, n).All(Text):
                return new(Enumerable.Repeat(SqlType.Text, n).ToArray(), SqlType.Text,
                    (a, _) => RegexpReplace((string)a[0]!, (string)a[1]!, (string)a[2]!, n == 4 ? (string)a[3]! : ""));
        }
        return null;
    }

    /// <summary>
    /// The POSIX pattern of a SQL-standard (SIMILAR TO) pattern: anchored, % and _ as .* and .,
    /// a group as a non-capturing group, the regex characters . ^ $ literal, and the escape
    /// character (one character, or none when empty) making the next character literal.
    /// </summary>
    public static string SimilarToRegex(string pattern, string escape)
    {
        if (escape.Length > 1)
            throw new TenonException(SqlState.InvalidEscapeSequence, "invalid escape string",
                hint: "Escape string must be empty or one character.");
        var esc = escape.Length == 1 ? escape[0] : (char?)null;
        var sb = new StringBuilder("^(?:");
        var inBracket = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (esc is { } e && c == e && i + 1 < pattern.Length)
            {
                sb.Append('\\').Append(pattern[++i]);
                continue;
            }
            if (inBracket)
            {
                if (c == ']') inBracket = false;
                if (c == '\\') sb.Append('\\');
                sb.Append(c);
                continue;
            }
            switch (c)
            {
                case '[': inBracket = true; sb.Append(c); break;
                case '%': sb.Append(".*"); break;
                case '_': sb.Append('.'); break;
                case '(': sb.Append("(?:"); break;
                case '.' or '^' or '$': sb.Append('\\').Append(c); break;
                case '\\': sb.Append(@"\\"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append(")$").ToString();
    }

    /// <summary>regexp_replace: the first match (every match with flag g) replaced; \1…\9 and \&amp; in the replacement name groups and the match.</summary>
    private static string RegexpReplace(string source, string pattern, string replacement, string flags)
    {
        var global = false;
        var ignoreCase = false;
        foreach (var f in flags)
            switch (f)
            {
                case 'g': global = true; break;
                case 'i': ignoreCase = true; break;
                case 'c': ignoreCase = false; break;
                default: throw new TenonException(SqlState.InvalidParameterValue, $"invalid regular expression option: \"{f}\"");
            }
        var regex = PosixRegex.Compile(pattern, ignoreCase);
        string Evaluate(Match m)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < replacement.Length; i++)
            {
                var c = replacement[i];
                if (c == '\\' && i + 1 < replacement.Length)
                {
                    var next = replacement[i + 1];
                    if (next is >= '1' and <= '9') { sb.Append(m.Groups[next - '0'].Value); i++; continue; }
                    if (next == '&') { sb.Append(m.Value); i++; continue; }
                    if (next == '\\') { sb.Append('\\'); i++; continue; }
                }
                sb.Append(c);
            }
            return sb.ToString();
        }
        return global ? regex.Replace(source, Evaluate) : regex.Replace(source, Evaluate, 1);
    }
}
