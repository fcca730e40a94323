namespace Tenon.TextSearch;

/// <summary>The token types of PostgreSQL's default text search parser (ts_token_type('default')).</summary>
public enum TokenType
{
    AsciiWord = 1, Word = 2, NumWord = 3, Email = 4, Url = 5, Host = 6, SFloat = 7, Version = 8,
    HWordNumPart = 9, HWordPart = 10, HWordAsciiPart = 11, Blank = 12, Tag = 13, Protocol = 14,
    NumHWord = 15, AsciiHWord = 16, HWord = 17, UrlPath = 18, File = 19, Float = 20, Int = 21, UInt = 22, Entity = 23,
}

/// <summary>
/// A reduced form of PostgreSQL's default parser (wparser_def.c), which is a large state machine:
/// this one recognizes words (ASCII, other letters, with digits), hyphenated words followed by
/// their parts, integers with or without sign, decimal and scientific numbers, versions, e-mail
/// addresses, host names, URLs (protocol, host, path), absolute file paths, and skips XML tags and
/// entities. Everything else (punctuation, apostrophes, underscores) separates tokens. Rarer
/// shapes the real parser distinguishes (URL paths with queries, relative file names, …) may be
/// split differently.
/// </summary>
public static class TextParser
{
    public readonly record struct Token(TokenType Type, string Text);

    private static bool IsAsciiLetter(char c) => char.IsAsciiLetter(c);

    private static bool IsAlnum(char c) => char.IsLetterOrDigit(c);

    public static List<Token> Parse(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<' && TryTag(text, i, out var tagEnd)) { i = tagEnd; continue; }
            if (c == '&' && TryEntity(text, i, out var entEnd)) { i = entEnd; continue; }
            if (c == '/' && TryPath(text, i, out var pathEnd) && (i == 0 || !IsAlnum(text[i - 1])))
            {
                tokens.Add(new Token(TokenType.File, text[i..pathEnd]));
                i = pathEnd;
                continue;
            }
            if ((c is '-' or '+') && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                var end = ReadNumber(text, i + 1, out var type);
                tokens.Add(new Token(type == TokenType.UInt ? TokenType.Int : type, text[i..end]));
                i = end;
                continue;
            }
            if (!IsAlnum(c))
            {
                i++;
                continue;
            }
            i = ReadAlnumStart(text, i, tokens);
        }
        return tokens;
    }

    private static int ReadAlnumStart(string text, int i, List<Token> tokens)
    {
        // protocol://host/path
        var run = i;
        while (run < text.Length && IsAsciiLetter(text[run])) run++;
        if (run > i && string.CompareOrdinal(text, run, "://", 0, 3) == 0)
        {
            var hostEnd = ReadHost(text, run + 3);
            if (hostEnd > run + 3)
            {
                tokens.Add(new Token(TokenType.Protocol, text[i..(run + 3)]));
                EmitHostAndPath(text, run + 3, hostEnd, tokens);
                return PathEnd(text, hostEnd);
            }
        }
        // e-mail: local part of letters, digits, '.', '-', '_' then @host.
        var local = i;
        while (local < text.Length && (char.IsAsciiLetterOrDigit(text[local]) || text[local] is '.' or '-' or '_')) local++;
        if (local < text.Length && text[local] == '@')
        {
            var hostEnd = ReadHost(text, local + 1);
            if (hostEnd > local + 1)
            {
                tokens.Add(new Token(TokenType.Email, text[i..hostEnd]));
                return hostEnd;
            }
        }
        // host names (and URLs without protocol)
        var host = ReadHost(text, i);
        if (host > i)
        {
            EmitHostAndPath(text, i, host, tokens);
            return PathEnd(text, host);
        }
        if (char.IsAsciiDigit(text[i]))
        {
            var numEnd = ReadNumber(text, i, out var numType);
            if (numType != TokenType.UInt || numEnd >= text.Length || !char.IsLetter(text[numEnd]))
            {
                tokens.Add(new Token(numType, text[i..numEnd]));
                return numEnd;
            }
        }
        return ReadWord(text, i, tokens);
    }

    private static void EmitHostAndPath(string text, int start, int hostEnd, List<Token> tokens)
    {
        var pathEnd = PathEnd(text, hostEnd);
        if (pathEnd > hostEnd)
        {
            tokens.Add(new Token(TokenType.Url, text[start..pathEnd]));
            tokens.Add(new Token(TokenType.Host, text[start..hostEnd]));
            tokens.Add(new Token(TokenType.UrlPath, text[hostEnd..pathEnd]));
        }
        else
        {
            tokens.Add(new Token(TokenType.Host, text[start..hostEnd]));
        }
    }

    private static int PathEnd(string text, int at)
    {
        if (at >= text.Length || text[at] != '/') return at;
        var end = at + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '/' or '.' or '-' or '_' or '~' or '%' or '?' or '=' or '&' or '+' or '#' or ':')) end++;
        while (end > at + 1 && text[end - 1] is '.') end--;
        return end;
    }

    // label(.label)+ with ASCII letters, digits and inner hyphens; the last label has a letter.
    private static int ReadHost(string text, int start)
    {
        var pos = start;
        var labels = 0;
        var lastEnd = start;
        var lastHasLetter = false;
        while (true)
        {
            var l = pos;
            var hasLetter = false;
            while (l < text.Length && (char.IsAsciiLetterOrDigit(text[l]) || (text[l] == '-' && l > pos && l + 1 < text.Length && char.IsAsciiLetterOrDigit(text[l + 1]))))
            {
                if (char.IsAsciiLetter(text[l])) hasLetter = true;
                l++;
            }
            if (l == pos) break;
            labels++;
            lastEnd = l;
            lastHasLetter = hasLetter;
            if (l + 1 < text.Length && text[l] == '.' && char.IsAsciiLetterOrDigit(text[l + 1])) pos = l + 1;
            else break;
        }
        if (labels < 2 || !lastHasLetter) return start;
        // A host is not followed directly by more word characters.
        if (lastEnd < text.Length && (char.IsLetterOrDigit(text[lastEnd]) || text[lastEnd] == '@')) return start;
        return lastEnd;
    }

    // digits, then .digits (float, more of them: version) or e[+-]digits (sfloat).
    private static int ReadNumber(string text, int start, out TokenType type)
    {
        var pos = start;
        while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
        type = TokenType.UInt;
        var dots = 0;
        while (pos + 1 < text.Length && text[pos] == '.' && char.IsAsciiDigit(text[pos + 1]))
        {
            dots++;
            pos++;
            while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
        }
        if (dots == 1) type = TokenType.Float;
        else if (dots > 1) type = TokenType.Version;
        if (dots <= 1 && pos < text.Length && text[pos] is 'e' or 'E')
        {
            var e = pos + 1;
            if (e < text.Length && text[e] is '+' or '-') e++;
            if (e < text.Length && char.IsAsciiDigit(text[e]))
            {
                while (e < text.Length && char.IsAsciiDigit(text[e])) e++;
                if (e >= text.Length || !char.IsLetter(text[e]))
                {
                    type = TokenType.SFloat;
                    pos = e;
                }
            }
        }
        if (type == TokenType.UInt && start > 0 && text[start - 1] is '-' or '+') type = TokenType.Int;
        return pos;
    }

    private static int ReadWord(string text, int i, List<Token> tokens)
    {
        var parts = new List<(int Start, int End)>();
        var pos = i;
        while (true)
        {
            var s = pos;
            while (pos < text.Length && IsAlnum(text[pos])) pos++;
            parts.Add((s, pos));
            if (pos + 1 < text.Length && text[pos] == '-' && char.IsLetter(text[pos + 1]) && char.IsLetter(text[i])) pos++;
            else break;
        }
        if (parts.Count == 1)
        {
            tokens.Add(new Token(WordType(text, i, pos, TokenType.AsciiWord, TokenType.Word, TokenType.NumWord), text[i..pos]));
            return pos;
        }
        var anyDigit = false;
        var allAscii = true;
        foreach (var (s, e) in parts)
        {
            for (var k = s; k < e; k++)
            {
                if (char.IsDigit(text[k])) anyDigit = true;
                else if (!IsAsciiLetter(text[k])) allAscii = false;
            }
        }
        tokens.Add(new Token(anyDigit ? TokenType.NumHWord : allAscii ? TokenType.AsciiHWord : TokenType.HWord, text[i..pos]));
        foreach (var (s, e) in parts)
            tokens.Add(new Token(WordType(text, s, e, TokenType.HWordAsciiPart, TokenType.HWordPart, TokenType.HWordNumPart), text[s..e]));
        return pos;
    }

    private static TokenType WordType(string text, int s, int e, TokenType ascii, TokenType other, TokenType withDigits)
    {
        var allAscii = true;
        for (var k = s; k < e; k++)
        {
            if (char.IsDigit(text[k])) return withDigits;
            if (!IsAsciiLetter(text[k])) allAscii = false;
        }
        return allAscii ? ascii : other;
    }

    private static bool TryTag(string text, int i, out int end)
    {
        end = i;
        var p = i + 1;
        if (p < text.Length && text[p] is '/' or '!' or '?') p++;
        if (p >= text.Length || !IsAsciiLetter(text[p])) return false;
        var close = text.IndexOf('>', p);
        var open = text.IndexOf('<', p);
        if (close < 0 || (open >= 0 && open < close)) return false;
        end = close + 1;
        return true;
    }

    private static bool TryEntity(string text, int i, out int end)
    {
        end = i;
        var p = i + 1;
        if (p < text.Length && text[p] == '#') p++;
        var s = p;
        while (p < text.Length && char.IsAsciiLetterOrDigit(text[p])) p++;
        if (p == s || p >= text.Length || text[p] != ';') return false;
        end = p + 1;
        return true;
    }

    private static bool TryPath(string text, int i, out int end)
    {
        end = i + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '/' or '.' or '-' or '_' or '~')) end++;
        while (end > i + 1 && text[end - 1] == '.') end--;
        for (var k = i + 1; k < end; k++)
            if (char.IsAsciiLetter(text[k])) return true;
        return false;
    }
}
