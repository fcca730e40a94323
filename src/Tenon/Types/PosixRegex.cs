using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// PostgreSQL's advanced regular expressions (the ~ operators), run on .NET's engine after
/// translating what differs:
///
///   X.1  The whole string is one line: <c>.</c> and negated brackets match a newline, <c>^</c> and
///        <c>$</c> match only at the start and end (.NET's <c>$</c> would also match before a final newline).
///   X.2  Brackets: <c>]</c> first is a literal, POSIX classes <c>[:alpha:]</c> … are spelled out,
///        a literal <c>[</c> is escaped (.NET reads <c>-[</c> as class subtraction).
///   X.3  Escapes: <c>\m</c> <c>\M</c> (word start/end), <c>\y</c> <c>\Y</c> (word boundary or not),
///        <c>\Z</c> (end); <c>\d</c> is ASCII digits. An escape PostgreSQL does not know is an error.
///   X.4  Errors carry PostgreSQL's texts ("invalid regular expression: parentheses () not balanced" …), 2201B.
///
/// Not translated: the ***= and ***: directors and embedded options other than a leading (?i) etc.
/// </summary>
public static class PosixRegex
{
    private static readonly ConcurrentDictionary<(string, bool), Regex> Cache = new();

    public static bool IsMatch(string input, string pattern, bool ignoreCase) => Compile(pattern, ignoreCase).IsMatch(input);

    public static Regex Compile(string pattern, bool ignoreCase)
    {
        if (Cache.TryGetValue((pattern, ignoreCase), out var cached)) return cached;
        var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        Regex regex;
        try
        {
            regex = new Regex(Translate(pattern), options);
        }
        catch (RegexParseException e)
        {
            throw Invalid(e.Error switch
            {
                RegexParseError.InsufficientClosingParentheses or RegexParseError.InsufficientOpeningParentheses => "parentheses () not balanced",
                RegexParseError.UnterminatedBracket => "brackets [] not balanced",
                RegexParseError.QuantifierAfterNothing or RegexParseError.NestedQuantifiersNotParenthesized => "quantifier operand invalid",
                RegexParseError.ReversedQuantifierRange => "invalid repetition count(s)",
                RegexParseError.ReversedCharacterRange => "invalid character range",
                RegexParseError.UnescapedEndingBackslash or RegexParseError.UnrecognizedEscape => "invalid escape \\ sequence",
                RegexParseError.UndefinedNumberedReference => "invalid backreference number",
                _ => "invalid regular expression",
            });
        }
        if (Cache.Count > 1000) Cache.Clear();
        Cache[(pattern, ignoreCase)] = regex;
        return regex;
    }

    private static TenonException Invalid(string what) =>
        new(SqlState.InvalidRegularExpression, "invalid regular expression: " + what);

    private static string Translate(string p)
    {
        var sb = new StringBuilder(p.Length + 8);
        var i = 0;
        var depth = 0;
        while (i < p.Length)
        {
            var ch = p[i];
            switch (ch)
            {
                case '\\':
                    if (i + 1 >= p.Length) throw Invalid("invalid escape \\ sequence");
                    sb.Append(Escape(p[i + 1]));
                    i += 2;
                    continue;
                case '$':
                    sb.Append(@"\z");
                    break;
                case '[':
                    i = Bracket(p, i, sb);
                    continue;
                case '(':
                    depth++;
                    sb.Append(ch);
                    break;
                case ')':
                    if (--depth < 0) throw Invalid("parentheses () not balanced");
                    sb.Append(ch);
                    break;
                case '{' when i + 1 < p.Length && !char.IsAsciiDigit(p[i + 1]):
                    // A brace that starts no bound is a literal in PostgreSQL.
                    sb.Append(@"\{");
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
            i++;
        }
        if (depth != 0) throw Invalid("parentheses () not balanced");
        return sb.ToString();
    }

    private static string Escape(char c) => c switch
    {
        'm' => @"\b(?=\w)",
        'M' => @"\b(?<=\w)",
        'y' => @"\b",
        'Y' => @"\B",
        'A' => @"\A",
        'Z' => @"\z",
        'd' => "[0-9]",
        'D' => "[^0-9]",
        's' or 'S' or 'w' or 'W' or 'b' or 'B' or 't' or 'n' or 'r' or 'f' or 'v' or 'e' or 'x' or 'u' or 'U' or 'c' => "\\" + c,
        >= '0' and <= '9' => "\\" + c,
        _ when !char.IsAsciiLetterOrDigit(c) => "\\" + c,
        _ => throw Invalid("invalid escape \\ sequence"),
    };

    /// <summary>Translates a bracket expression starting at <paramref name="start"/>; returns the index after it (X.2).</summary>
    private static int Bracket(string p, int start, StringBuilder sb)
    {
        var i = start + 1;
        sb.Append('[');
        if (i < p.Length && p[i] == '^') { sb.Append('^'); i++; }
        var first = true;
        while (true)
        {
            if (i >= p.Length) throw Invalid("brackets [] not balanced");
            var ch = p[i];
            if (ch == ']' && !first) { sb.Append(']'); return i + 1; }
            first = false;
            if (ch == '[' && i + 1 < p.Length && p[i + 1] is ':' or '.' or '=')
            {
                var kind = p[i + 1];
                var end = p.IndexOf(kind + "]", i + 2, StringComparison.Ordinal);
                if (end < 0) throw Invalid("brackets [] not balanced");
                var name = p[(i + 2)..end];
                sb.Append(kind == ':' ? ClassBody(name) : Regex.Escape(name));
                i = end + 2;
                continue;
            }
            if (ch == '\\' && i + 1 < p.Length)
            {
                sb.Append(p[i + 1] switch { 'd' => "0-9", var e => "\\" + e });
                i += 2;
                continue;
            }
            sb.Append(ch is '[' or ']' ? "\\" + ch : ch.ToString());
            i++;
        }
    }

    private static string ClassBody(string name) => name switch
    {
        "alpha" => @"\p{L}",
        "digit" => "0-9",
        "alnum" => @"\p{L}0-9",
        "upper" => @"\p{Lu}",
        "lower" => @"\p{Ll}",
        "space" => @"\s",
        "blank" => @" \t",
        "punct" => @"\p{P}\p{S}",
        "xdigit" => "0-9A-Fa-f",
        "word" => @"\w",
        "cntrl" => @"\p{Cc}",
        "print" => @"\P{C}",
        "graph" => @"\p{L}\p{M}\p{N}\p{P}\p{S}",
        _ => throw Invalid("invalid character class"),
    };
}
