using System.Text;

namespace Tenon.Data;

/// <summary>
/// Rewrites <c>@name</c> parameter references to PostgreSQL's positional <c>$n</c>, skipping
/// string constants (plain, E'…' with backslash escapes, dollar-quoted), quoted identifiers and
/// comments. Because <c>@</c> is also PostgreSQL's absolute-value operator, only <c>@</c> directly
/// followed by a name that is in the parameter collection is rewritten; anything else is left as
/// written. Parameters are numbered in order of first reference, so a name used twice is one
/// <c>$n</c>, and parameters the text never mentions are not passed.
/// </summary>
internal static class NamedParameterRewriter
{
    public sealed record Result(string Sql, IReadOnlyList<string> Names, PositionMap Positions);

    /// <param name="resolve">Maps a referenced name to the collection's canonical name, or null when there is no such parameter.</param>
    public static Result Rewrite(string sql, Func<string, string?> resolve)
    {
        var sb = new StringBuilder(sql.Length);
        var names = new List<string>();
        var map = new PositionMap();
        var i = 0;
        var copied = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            switch (c)
            {
                case '\'':
                    i = SkipQuoted(sql, i, '\'', backslashEscapes: IsEscapeStringPrefix(sql, i));
                    continue;
                case '"':
                    i = SkipQuoted(sql, i, '"', backslashEscapes: false);
                    continue;
                case '-' when Peek(sql, i + 1) == '-':
                    i = sql.IndexOf('\n', i) is var nl && nl < 0 ? sql.Length : nl + 1;
                    continue;
                case '/' when Peek(sql, i + 1) == '*':
                    i = SkipBlockComment(sql, i);
                    continue;
                case '$':
                    i = SkipDollar(sql, i);
                    continue;
                case '@' when IsNameStart(Peek(sql, i + 1)):
                {
                    var end = i + 1;
                    while (end < sql.Length && IsNameChar(sql[end])) end++;
                    var canonical = resolve(sql[(i + 1)..end]);
                    if (canonical is null) { i = end; continue; }
                    var number = names.IndexOf(canonical) + 1;
                    if (number == 0) { names.Add(canonical); number = names.Count; }
                    sb.Append(sql, copied, i - copied);
                    var replacement = "$" + number;
                    map.Add(sb.Length, replacement.Length, i, end - i);
                    sb.Append(replacement);
                    i = copied = end;
                    continue;
                }
            }
            if (IsNameStart(c))
            {
                // Skip whole identifiers, so that a name's '$' or a following quote is not misread.
                while (i < sql.Length && (IsNameChar(sql[i]) || sql[i] == '$')) i++;
                continue;
            }
            i++;
        }
        sb.Append(sql, copied, sql.Length - copied);
        return new Result(sb.ToString(), names, map);
    }

    private static char Peek(string s, int i) => i < s.Length ? s[i] : '\0';

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_' || c > 0x7f;

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c > 0x7f;

    // E'…' (and e'…'): the E must start a token, not end an identifier like "fe".
    private static bool IsEscapeStringPrefix(string s, int quote) =>
        quote >= 1 && (s[quote - 1] is 'E' or 'e') && (quote < 2 || !(IsNameChar(s[quote - 2]) || s[quote - 2] == '$'));

    private static int SkipQuoted(string s, int start, char quote, bool backslashEscapes)
    {
        var i = start + 1;
        while (i < s.Length)
        {
            if (backslashEscapes && s[i] == '\\') { i += 2; continue; }
            if (s[i] == quote)
            {
                if (Peek(s, i + 1) == quote) { i += 2; continue; }
                return i + 1;
            }
            i++;
        }
        return s.Length;
    }

    private static int SkipBlockComment(string s, int start)
    {
        var depth = 0;
        var i = start;
        while (i < s.Length)
        {
            if (s[i] == '/' && Peek(s, i + 1) == '*') { depth++; i += 2; }
            else if (s[i] == '*' && Peek(s, i + 1) == '/') { depth--; i += 2; if (depth == 0) return i; }
            else i++;
        }
        return s.Length;
    }

    // $n is a parameter; $tag$…$tag$ (tag possibly empty) is a dollar-quoted string.
    private static int SkipDollar(string s, int start)
    {
        var i = start + 1;
        if (i < s.Length && char.IsAsciiDigit(s[i])) return i;
        while (i < s.Length && IsNameChar(s[i])) i++;
        if (i >= s.Length || s[i] != '$') return start + 1;
        var tag = s[start..(i + 1)];
        var close = s.IndexOf(tag, i + 1, StringComparison.Ordinal);
        return close < 0 ? s.Length : close + tag.Length;
    }
}

/// <summary>
/// Maps character positions in rewritten statement text back to the text the caller wrote, so
/// an error's Position points where the caller expects.
/// </summary>
internal sealed class PositionMap
{
    private readonly List<(int NewStart, int NewLength, int OldStart, int OldLength)> _edits = new();

    /// <summary>A map for text that was not rewritten.</summary>
    public static PositionMap Identity => new();

    public void Add(int newStart, int newLength, int oldStart, int oldLength) => _edits.Add((newStart, newLength, oldStart, oldLength));

    /// <summary>Maps a 1-based position (0 = unknown stays 0).</summary>
    public int ToOriginal(int position)
    {
        if (position <= 0 || _edits.Count == 0) return position;
        var index = position - 1;
        var delta = 0;
        foreach (var e in _edits)
        {
            if (index < e.NewStart) break;
            if (index < e.NewStart + e.NewLength) return e.OldStart + 1;
            delta = e.OldStart + e.OldLength - (e.NewStart + e.NewLength);
        }
        return index + delta + 1;
    }
}
