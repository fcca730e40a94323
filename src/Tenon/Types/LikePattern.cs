using System.Text;
using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// LIKE / ILIKE matching. In a pattern, <c>%</c> matches any run of characters, <c>_</c> exactly
/// one character and a backslash makes the next character literal (a custom ESCAPE is rewritten
/// to backslashes first by <see cref="RewriteEscape"/>). Matching is by code point; ILIKE folds
/// ASCII letters only, as PostgreSQL does under the C locale Tenon emulates.
/// </summary>
public static class LikePattern
{
    public static bool Matches(string text, string pattern, bool ignoreCase)
    {
        var t = CodePoints(text, ignoreCase);
        var p = CodePoints(pattern, ignoreCase);
        int ti = 0, pi = 0, starP = -1, starT = -1;
        while (ti < t.Length)
        {
            if (pi < p.Length)
            {
                var c = p[pi];
                if (c == '%')
                {
                    starP = ++pi;
                    starT = ti;
                    continue;
                }
                if (c == '_')
                {
                    pi++;
                    ti++;
                    continue;
                }
                if (c == '\\')
                {
                    // PostgreSQL only notices a dangling escape when it has text left to match against it.
                    if (pi + 1 >= p.Length)
                        throw new TenonException(SqlState.InvalidEscapeSequence, "LIKE pattern must not end with escape character");
                    if (p[pi + 1] == t[ti])
                    {
                        pi += 2;
                        ti++;
                        continue;
                    }
                }
                else if (c == t[ti])
                {
                    pi++;
                    ti++;
                    continue;
                }
            }
            if (starP < 0) return false;
            // Let the last % absorb one more character and retry from there.
            pi = starP;
            ti = ++starT;
        }
        while (pi < p.Length && p[pi] == '%') pi++;
        return pi == p.Length;
    }

    /// <summary>like_escape: rewrites a pattern written with ESCAPE <paramref name="escape"/> to the backslash form.</summary>
    public static string RewriteEscape(string pattern, string escape)
    {
        var e = CodePoints(escape, false);
        if (e.Length > 1)
            throw new TenonException(SqlState.InvalidEscapeSequence, "invalid escape string", hint: "Escape string must be empty or one character.");
        var sb = new StringBuilder(pattern.Length + 4);
        if (e.Length == 0)
        {
            // No escape character: every backslash is literal.
            foreach (var ch in pattern)
                sb.Append(ch == '\\' ? "\\\\" : ch.ToString());
            return sb.ToString();
        }
        if (e[0] == '\\') return pattern;
        var p = CodePoints(pattern, false);
        for (var i = 0; i < p.Length; i++)
        {
            if (p[i] == e[0])
            {
                sb.Append('\\');
                if (i + 1 < p.Length) sb.Append(char.ConvertFromUtf32(p[++i]));
            }
            else if (p[i] == '\\') sb.Append("\\\\");
            else sb.Append(char.ConvertFromUtf32(p[i]));
        }
        return sb.ToString();
    }

    private static int[] CodePoints(string s, bool foldAscii)
    {
        var result = new List<int>(s.Length);
        foreach (var r in s.EnumerateRunes())
        {
            var v = r.Value;
            if (foldAscii && v is >= 'A' and <= 'Z') v += 'a' - 'A';
            result.Add(v);
        }
        return result.ToArray();
    }
}
