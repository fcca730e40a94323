using System.Globalization;
using System.Text;

namespace Tenon.Sql;

/// <summary>
/// PostgreSQL 15's lexer (scan.l), producing tokens on demand so that, as in PostgreSQL, a
/// grammar error before a lexical error is the one reported.
///
/// Rules reproduced:
///  L.1  whitespace [ \t\n\r\f\v]; comments <c>--</c> to end of line and nested <c>/* */</c>.
///  L.2  identifiers: start [A-Za-z_\x80-], continue [A-Za-z0-9_$\x80-]; unquoted ones are folded
///       to lower case (ASCII only) and looked up in the keyword table; "quoted" ones keep case, "" escapes.
///  L.3  strings '…' ('' escapes; a string followed by whitespace containing a newline and another
///       '…' continues), E'…' (backslash escapes), U&amp;'…', $tag$…$tag$, B'…', X'…', N'…'.
///  L.4  numbers: integer, decimal, real; a number followed by identifier characters is
///       "trailing junk after numeric literal"; <c>1..</c> lexes as 1 then <c>..</c>.
///  L.5  operators: the longest run of ~!@#^&amp;|`?+-*/%&lt;&gt;=, cut before an embedded comment start,
///       with trailing + or - dropped unless the operator contains one of ~!@#^&amp;|`?% (so <c>a&lt;-1</c>
///       is <c>a &lt; -1</c>); single characters of ,()[].;:+-*/%^&lt;&gt;= are their own tokens; != is &lt;&gt;.
/// </summary>
public sealed class Lexer
{
    private const string OpChars = "~!@#^&|`?+-*/%<>=";
    private readonly string _sql;
    private int _pos;

    public Lexer(string sql, Action<string, string>? onTruncate = null)
    {
        _sql = sql;
        _onTruncate = onTruncate;
    }

    // Told (original, truncated) for each identifier cut to 63 bytes: PostgreSQL reports a NOTICE.
    private readonly Action<string, string>? _onTruncate;

    /// <summary>Cuts an identifier to 63 UTF-8 bytes without splitting a character, as PostgreSQL's scanner does.</summary>
    private string TruncateIdentifier(string ident)
    {
        var truncated = Catalog.NameGenerator.Truncate(ident);
        if (truncated != ident) _onTruncate?.Invoke(ident, truncated);
        return truncated;
    }

    /// <summary>Lexes the whole input (raising the first lexical error), ending with an EndOfInput token.</summary>
    public static IReadOnlyList<Token> Tokenize(string sql)
    {
        var lexer = new Lexer(sql);
        var list = new List<Token>();
        while (true)
        {
            var t = lexer.Next();
            list.Add(t);
            if (t.Kind == TokenKind.EndOfInput) return list;
        }
    }

    /// <summary>The next token; EndOfInput (at the end of the text) once exhausted.</summary>
    public Token Next()
    {
        SkipWhitespaceAndComments();
        if (_pos >= _sql.Length) return new Token(TokenKind.EndOfInput, "", _sql.Length, _sql.Length);
        int start = _pos;
        char c = _sql[_pos];
        char n1 = Peek(1);

        if ((c == 'e' || c == 'E') && n1 == '\'') { _pos += 2; return new Token(TokenKind.String, ReadEscapeString(start), start, _pos); }
        if ((c == 'n' || c == 'N') && n1 == '\'')
        {
            // N'…' (national character): the keyword NCHAR over the N, then the string as usual,
            // so the parser reads the typed literal NCHAR '…' (bpchar without a length).
            _pos += 1;
            Keywords.TryGet("nchar", out var nchar, out var ncharBare);
            return new Token(TokenKind.Identifier, "nchar", start, _pos) { Keyword = nchar, BareLabel = ncharBare };
        }
        if ((c == 'b' || c == 'B') && n1 == '\'') { _pos += 2; return new Token(TokenKind.BitString, ReadPlainString(start, "unterminated bit string literal"), start, _pos); }
        if ((c == 'x' || c == 'X') && n1 == '\'') { _pos += 2; return new Token(TokenKind.HexString, ReadPlainString(start, "unterminated hexadecimal string literal"), start, _pos); }
        if ((c == 'u' || c == 'U') && n1 == '&' && Peek(2) == '\'')
        {
            _pos += 3;
            var raw = ReadQuotedString(start, allowContinuation: true, out _);
            return new Token(TokenKind.String, DecodeUnicode(raw, start), start, _pos);
        }
        if ((c == 'u' || c == 'U') && n1 == '&' && Peek(2) == '"')
        {
            _pos += 3;
            var raw = ReadQuotedIdentifier(start);
            return new Token(TokenKind.Identifier, TruncateIdentifier(DecodeUnicode(raw, start)), start, _pos) { Quoted = true };
        }
        if (IsIdentStart(c)) return ReadIdentifier(start);
        if (c == '"')
        {
            _pos++;
            var text = TruncateIdentifier(ReadQuotedIdentifier(start));
            return new Token(TokenKind.Identifier, text, start, _pos) { Quoted = true };
        }
        if (c == '\'')
        {
            _pos++;
            var text = ReadQuotedString(start, allowContinuation: true, out _);
            return new Token(TokenKind.String, text, start, _pos);
        }
        if (IsDigit(c) || (c == '.' && IsDigit(n1))) return ReadNumber(start);
        if (c == '$') return ReadDollar(start);

        switch (c)
        {
            case ',': _pos++; return new Token(TokenKind.Comma, ",", start, _pos);
            case '(': _pos++; return new Token(TokenKind.LParen, "(", start, _pos);
            case ')': _pos++; return new Token(TokenKind.RParen, ")", start, _pos);
            case '[': _pos++; return new Token(TokenKind.LBracket, "[", start, _pos);
            case ']': _pos++; return new Token(TokenKind.RBracket, "]", start, _pos);
            case ';': _pos++; return new Token(TokenKind.Semicolon, ";", start, _pos);
            case '.':
                if (n1 == '.') { _pos += 2; return new Token(TokenKind.DotDot, "..", start, _pos); }
                _pos++;
                return new Token(TokenKind.Dot, ".", start, _pos);
            case ':':
                if (n1 == ':') { _pos += 2; return new Token(TokenKind.TypeCast, "::", start, _pos); }
                if (n1 == '=') { _pos += 2; return new Token(TokenKind.ColonEquals, ":=", start, _pos); }
                _pos++;
                return new Token(TokenKind.Colon, ":", start, _pos);
        }
        if (OpChars.Contains(c)) return ReadOperator(start);

        // PostgreSQL's catch-all rule returns the character itself, which no grammar rule accepts.
        _pos++;
        return new Token(TokenKind.Operator, c.ToString(), start, _pos);
    }

    private char Peek(int k) => _pos + k < _sql.Length ? _sql[_pos + k] : '\0';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    internal static bool IsIdentStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || c >= '\u0080';

    internal static bool IsIdentCont(char c) => IsIdentStart(c) || IsDigit(c) || c == '$';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    private string Rest(int start) => _sql[start..];

    /// L.1 whitespace and comments
    private void SkipWhitespaceAndComments()
    {
        while (_pos < _sql.Length)
        {
            char c = _sql[_pos];
            if (IsSpace(c)) { _pos++; continue; }
            if (c == '-' && Peek(1) == '-')
            {
                while (_pos < _sql.Length && _sql[_pos] != '\n' && _sql[_pos] != '\r') _pos++;
                continue;
            }
            if (c == '/' && Peek(1) == '*')
            {
                int start = _pos;
                int depth = 0;
                while (true)
                {
                    if (_pos >= _sql.Length)
                        throw SqlErrors.Lexical("unterminated /* comment", Rest(start), start + 1);
                    if (_sql[_pos] == '/' && Peek(1) == '*') { depth++; _pos += 2; continue; }
                    if (_sql[_pos] == '*' && Peek(1) == '/')
                    {
                        depth--;
                        _pos += 2;
                        if (depth == 0) break;
                        continue;
                    }
                    _pos++;
                }
                continue;
            }
            break;
        }
    }

    /// L.2 unquoted identifier or keyword
    private Token ReadIdentifier(int start)
    {
        while (_pos < _sql.Length && IsIdentCont(_sql[_pos])) _pos++;
        var raw = _sql.AsSpan(start, _pos - start);
        var sb = new StringBuilder(raw.Length);
        foreach (var ch in raw) sb.Append(ch is >= 'A' and <= 'Z' ? (char)(ch + 32) : ch);
        var text = sb.ToString();
        if (Keywords.TryGet(text, out var cat, out var bare))
            return new Token(TokenKind.Identifier, text, start, _pos) { Keyword = cat, BareLabel = bare };
        return new Token(TokenKind.Identifier, TruncateIdentifier(text), start, _pos);
    }

    /// L.2 "quoted identifier" (opening quote already consumed)
    private string ReadQuotedIdentifier(int start)
    {
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _sql.Length)
                throw SqlErrors.Lexical("unterminated quoted identifier", Rest(start), start + 1);
            char c = _sql[_pos];
            if (c == '"')
            {
                if (Peek(1) == '"') { sb.Append('"'); _pos += 2; continue; }
                _pos++;
                break;
            }
            sb.Append(c);
            _pos++;
        }
        if (sb.Length == 0)
            throw SqlErrors.Lexical("zero-length delimited identifier", _sql[start.._pos], start + 1);
        return sb.ToString();
    }

    /// L.3 '…' with '' escapes and newline continuation (opening quote consumed). Raw text returned.
    private string ReadQuotedString(int start, bool allowContinuation, out bool continued)
    {
        var sb = new StringBuilder();
        continued = false;
        while (true)
        {
            if (_pos >= _sql.Length)
                throw SqlErrors.Lexical("unterminated quoted string", Rest(start), start + 1);
            char c = _sql[_pos];
            if (c == '\'')
            {
                if (Peek(1) == '\'') { sb.Append('\''); _pos += 2; continue; }
                _pos++;
                if (allowContinuation && TryContinuation()) { continued = true; continue; }
                return sb.ToString();
            }
            sb.Append(c);
            _pos++;
        }
    }

    /// After a closing quote: whitespace containing a newline, then a quote, continues the string.
    private bool TryContinuation()
    {
        int p = _pos;
        bool newline = false;
        while (p < _sql.Length)
        {
            char c = _sql[p];
            if (c == '\n' || c == '\r') { newline = true; p++; continue; }
            if (IsSpace(c)) { p++; continue; }
            if (c == '-' && p + 1 < _sql.Length && _sql[p + 1] == '-')
            {
                while (p < _sql.Length && _sql[p] != '\n' && _sql[p] != '\r') p++;
                continue;
            }
            break;
        }
        if (newline && p < _sql.Length && _sql[p] == '\'')
        {
            _pos = p + 1;
            return true;
        }
        return false;
    }

    /// B'…' and X'…' (prefix and quote consumed): no escapes, continuation allowed.
    private string ReadPlainString(int start, string unterminatedMessage)
    {
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _sql.Length)
                throw SqlErrors.Lexical(unterminatedMessage, Rest(start), start + 1);
            char c = _sql[_pos++];
            if (c == '\'')
            {
                if (TryContinuation()) continue;
                return sb.ToString();
            }
            sb.Append(c);
        }
    }

    /// L.3 E'…' (prefix and quote consumed): backslash escapes.
    private string ReadEscapeString(int start)
    {
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _sql.Length)
                throw SqlErrors.Lexical("unterminated quoted string", Rest(start), start + 1);
            char c = _sql[_pos];
            if (c == '\'')
            {
                if (Peek(1) == '\'') { sb.Append('\''); _pos += 2; continue; }
                _pos++;
                if (TryContinuation()) continue;
                return sb.ToString();
            }
            if (c == '\\')
            {
                if (_pos + 1 >= _sql.Length)
                    throw SqlErrors.Lexical("unterminated quoted string", Rest(start), start + 1);
                char e = _sql[_pos + 1];
                _pos += 2;
                switch (e)
                {
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case >= '0' and <= '7':
                    {
                        int v = e - '0';
                        for (int i = 0; i < 2 && _pos < _sql.Length && _sql[_pos] is >= '0' and <= '7'; i++)
                            v = v * 8 + (_sql[_pos++] - '0');
                        sb.Append((char)(v & 0xFF));
                        break;
                    }
                    case 'x' when _pos < _sql.Length && IsHex(_sql[_pos]):
                    {
                        int v = HexValue(_sql[_pos++]);
                        if (_pos < _sql.Length && IsHex(_sql[_pos])) v = v * 16 + HexValue(_sql[_pos++]);
                        sb.Append((char)v);
                        break;
                    }
                    case 'u':
                    case 'U':
                    {
                        int len = e == 'u' ? 4 : 8;
                        if (_pos + len > _sql.Length || _sql.AsSpan(_pos, len).ContainsAnyExcept("0123456789abcdefABCDEF"))
                            throw SqlErrors.Lexical("invalid Unicode escape", _sql.Substring(_pos - 2, Math.Min(2 + len, _sql.Length - _pos + 2)), _pos - 1);
                        int cp = int.Parse(_sql.AsSpan(_pos, len), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        _pos += len;
                        AppendCodePoint(sb, cp, _pos - len - 1);
                        break;
                    }
                    default: sb.Append(e); break;
                }
                continue;
            }
            sb.Append(c);
            _pos++;
        }
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void AppendCodePoint(StringBuilder sb, int cp, int position)
    {
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            throw SqlErrors.Syntax("invalid Unicode escape value", position);
        sb.Append(char.ConvertFromUtf32(cp));
    }

    /// U&amp;'…' escapes: \XXXX, \+XXXXXX, \\ (the UESCAPE clause is not supported).
    private static string DecodeUnicode(string raw, int start)
    {
        if (!raw.Contains('\\')) return raw;
        var sb = new StringBuilder();
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c != '\\') { sb.Append(c); continue; }
            if (i + 1 < raw.Length && raw[i + 1] == '\\') { sb.Append('\\'); i++; continue; }
            int len = i + 1 < raw.Length && raw[i + 1] == '+' ? 6 : 4;
            int from = len == 6 ? i + 2 : i + 1;
            if (from + len > raw.Length || raw.AsSpan(from, len).ContainsAnyExcept("0123456789abcdefABCDEF"))
                throw SqlErrors.Syntax("invalid Unicode escape", start + 1);
            AppendCodePoint(sb, int.Parse(raw.AsSpan(from, len), NumberStyles.HexNumber, CultureInfo.InvariantCulture), start + 1);
            i = from + len - 1;
        }
        return sb.ToString();
    }

    /// L.4 numbers
    private Token ReadNumber(int start)
    {
        bool isNumeric = false;
        while (_pos < _sql.Length && IsDigit(_sql[_pos])) _pos++;
        if (_pos < _sql.Length && _sql[_pos] == '.' && Peek(1) != '.')
        {
            isNumeric = true;
            _pos++;
            while (_pos < _sql.Length && IsDigit(_sql[_pos])) _pos++;
        }
        if (_pos < _sql.Length && (_sql[_pos] == 'e' || _sql[_pos] == 'E'))
        {
            int p = _pos + 1;
            bool sign = p < _sql.Length && (_sql[p] == '+' || _sql[p] == '-');
            if (sign) p++;
            if (p < _sql.Length && IsDigit(_sql[p]))
            {
                isNumeric = true;
                _pos = p;
                while (_pos < _sql.Length && IsDigit(_sql[_pos])) _pos++;
            }
            else if (sign)
            {
                throw SqlErrors.Lexical("trailing junk after numeric literal", _sql[start..p], start + 1);
            }
        }
        if (_pos < _sql.Length && IsIdentStart(_sql[_pos]))
        {
            while (_pos < _sql.Length && IsIdentCont(_sql[_pos])) _pos++;
            throw SqlErrors.Lexical("trailing junk after numeric literal", _sql[start.._pos], start + 1);
        }
        return new Token(isNumeric ? TokenKind.Numeric : TokenKind.Integer, _sql[start.._pos], start, _pos);
    }

    /// $n parameters and $tag$…$tag$ strings
    private Token ReadDollar(int start)
    {
        char n1 = Peek(1);
        if (IsDigit(n1))
        {
            _pos++;
            while (_pos < _sql.Length && IsDigit(_sql[_pos])) _pos++;
            if (_pos < _sql.Length && IsIdentStart(_sql[_pos]))
            {
                while (_pos < _sql.Length && IsIdentCont(_sql[_pos])) _pos++;
                throw SqlErrors.Lexical("trailing junk after parameter", _sql[start.._pos], start + 1);
            }
            return new Token(TokenKind.Param, _sql[(start + 1).._pos], start, _pos);
        }
        int p = _pos + 1;
        if (p < _sql.Length && IsIdentStart(_sql[p]))
        {
            p++;
            while (p < _sql.Length && (IsIdentStart(_sql[p]) || IsDigit(_sql[p]))) p++;
        }
        if (p < _sql.Length && _sql[p] == '$')
        {
            var tag = _sql[start..(p + 1)];
            int bodyStart = p + 1;
            int close = _sql.IndexOf(tag, bodyStart, StringComparison.Ordinal);
            if (close < 0)
            {
                _pos = _sql.Length;
                throw SqlErrors.Lexical("unterminated dollar-quoted string", Rest(start), start + 1);
            }
            _pos = close + tag.Length;
            return new Token(TokenKind.String, _sql[bodyStart..close], start, _pos);
        }
        _pos++;
        return new Token(TokenKind.Operator, "$", start, _pos);
    }

    /// L.5 operators
    private Token ReadOperator(int start)
    {
        int end = _pos;
        while (end < _sql.Length && OpChars.Contains(_sql[end])) end++;
        int n = end - start;
        var run = _sql.AsSpan(start, n);
        int cut = -1;
        int ss = run.IndexOf("/*".AsSpan());
        int dd = run.IndexOf("--".AsSpan());
        if (ss >= 0 && dd >= 0) cut = Math.Min(ss, dd);
        else if (ss >= 0) cut = ss;
        else if (dd >= 0) cut = dd;
        if (cut >= 0) n = cut;
        if (n > 1 && (run[n - 1] == '+' || run[n - 1] == '-'))
        {
            int ic;
            for (ic = n - 2; ic >= 0; ic--)
                if ("~!@#^&|`?%".Contains(run[ic])) break;
            if (ic < 0)
                do { n--; } while (n > 1 && (run[n - 1] == '+' || run[n - 1] == '-'));
        }
        _pos = start + n;
        var op = _sql.Substring(start, n);
        if (n == 2)
        {
            if (op == "=>") return new Token(TokenKind.EqualsGreater, op, start, _pos);
            if (op == "!=") return new Token(TokenKind.Operator, "<>", start, _pos);
        }
        if (n >= 64) throw SqlErrors.Lexical("operator too long", op, start + 1);
        return new Token(TokenKind.Operator, op, start, _pos);
    }
}
