using System.Text;
using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// The JSON text parser behind json and jsonb input. A predictive parser over a lexer that
/// reports what PostgreSQL reports: 22P02 <c>invalid input syntax for type json</c> with a
/// DETAIL naming the unexpected token (a malformed token — <c>tru</c>, <c>01</c>, <c>1.</c> —
/// is reported as invalid before any grammar error), and a CONTEXT line with the input up to
/// the error.
///
/// json input only validates (its text is kept as written), so it accepts \u0000 and lone
/// surrogate escapes; jsonb decodes escapes and rejects those. The tree built for json keeps
/// keys in written order and each value's span in the text.
/// </summary>
public sealed class JsonParser
{
    private enum Tok { End, ObjectStart, ObjectEnd, ArrayStart, ArrayEnd, Comma, Colon, String, Number, True, False, Null }

    private readonly string _text;
    private readonly bool _decode;
    private int _pos;
    private Tok _tok;
    private int _tokStart;
    private string _tokString = "";

    private JsonParser(string text, bool decode)
    {
        _text = text;
        _decode = decode;
    }

    /// <summary>jsonb input: a normalized tree.</summary>
    public static JsonValue ParseJsonb(string text) => new JsonParser(text, decode: true).ParseDocument().Normalize();

    /// <summary>json input: the text validated; a tree in written order with spans.</summary>
    public static JsonValue ParseJson(string text) => new JsonParser(text, decode: false).ParseDocument();

    /// <summary>Checks json text; throws PostgreSQL's error when it is not valid JSON.</summary>
    public static string ValidateJson(string text)
    {
        new JsonParser(text, decode: false).ParseDocument();
        return text;
    }

    private JsonValue ParseDocument()
    {
        Next();
        var value = ParseValue();
        if (_tok != Tok.End) throw Unexpected("Expected end of input, but found \"{0}\".");
        return value;
    }

    private JsonValue ParseValue()
    {
        var start = _tokStart;
        switch (_tok)
        {
            case Tok.ObjectStart: return ParseObject();
            case Tok.ArrayStart: return ParseArray();
            case Tok.End: throw SyntaxError("The input string ended unexpectedly.");
            case Tok.String:
            {
                var s = _tokString;
                Next();
                return JsonValue.WithSpan(JsonValue.FromString(s), start, TokenEndBefore());
            }
            case Tok.Number:
            {
                var n = Numeric.Parse(_text[_tokStart.._pos]);
                Next();
                return JsonValue.WithSpan(JsonValue.FromNumber(n), start, TokenEndBefore());
            }
            case Tok.True or Tok.False or Tok.Null:
            {
                var v = _tok == Tok.True ? JsonValue.True : _tok == Tok.False ? JsonValue.False : JsonValue.Null;
                Next();
                return JsonValue.WithSpan(v, start, TokenEndBefore());
            }
            default: throw Unexpected("Expected JSON value, but found \"{0}\".");
        }
    }

    // The end of the previous token: spans exclude the white space before the current one.
    private int _prevEnd;

    private int TokenEndBefore() => _prevEnd;

    private JsonValue ParseArray()
    {
        var start = _tokStart;
        Next();
        var items = new List<JsonValue>();
        if (_tok == Tok.ArrayEnd)
        {
            Next();
            return JsonValue.WithSpan(JsonValue.Array([]), start, _prevEnd);
        }
        while (true)
        {
            items.Add(ParseValue());
            if (_tok == Tok.Comma)
            {
                Next();
                continue;
            }
            if (_tok == Tok.ArrayEnd) break;
            if (_tok == Tok.End) throw SyntaxError("The input string ended unexpectedly.");
            throw Unexpected("Expected \",\" or \"]\", but found \"{0}\".");
        }
        Next();
        return JsonValue.WithSpan(JsonValue.Array(items.ToArray()), start, _prevEnd);
    }

    private JsonValue ParseObject()
    {
        var start = _tokStart;
        Next();
        var keys = new List<string>();
        var values = new List<JsonValue>();
        if (_tok == Tok.ObjectEnd)
        {
            Next();
            return JsonValue.WithSpan(JsonValue.RawObject([], []), start, _prevEnd);
        }
        var first = true;
        while (true)
        {
            if (_tok != Tok.String)
            {
                if (_tok == Tok.End) throw SyntaxError("The input string ended unexpectedly.");
                throw Unexpected(first ? "Expected string or \"}}\", but found \"{0}\"." : "Expected string, but found \"{0}\".");
            }
            first = false;
            keys.Add(_tokString);
            Next();
            if (_tok != Tok.Colon)
            {
                if (_tok == Tok.End) throw SyntaxError("The input string ended unexpectedly.");
                throw Unexpected("Expected \":\", but found \"{0}\".");
            }
            Next();
            values.Add(ParseValue());
            if (_tok == Tok.Comma)
            {
                Next();
                continue;
            }
            if (_tok == Tok.ObjectEnd) break;
            if (_tok == Tok.End) throw SyntaxError("The input string ended unexpectedly.");
            throw Unexpected("Expected \",\" or \"}}\", but found \"{0}\".");
        }
        Next();
        return JsonValue.WithSpan(JsonValue.RawObject(keys.ToArray(), values.ToArray()), start, _prevEnd);
    }

    // ---- lexer ------------------------------------------------------------------------------

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';

    /// <summary>Characters that continue a word-like token (PostgreSQL's JSON_ALPHANUMERIC_CHAR).</summary>
    private static bool IsWordChar(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '$' || c >= 0x80;

    private void Next()
    {
        _prevEnd = _pos;
        while (_pos < _text.Length && IsSpace(_text[_pos])) _pos++;
        _tokStart = _pos;
        if (_pos >= _text.Length)
        {
            _tok = Tok.End;
            return;
        }
        var c = _text[_pos];
        switch (c)
        {
            case '{': _pos++; _tok = Tok.ObjectStart; return;
            case '}': _pos++; _tok = Tok.ObjectEnd; return;
            case '[': _pos++; _tok = Tok.ArrayStart; return;
            case ']': _pos++; _tok = Tok.ArrayEnd; return;
            case ',': _pos++; _tok = Tok.Comma; return;
            case ':': _pos++; _tok = Tok.Colon; return;
            case '"': LexString(); return;
        }
        if (c == '-' || c is >= '0' and <= '9')
        {
            LexNumber();
            return;
        }
        if (!IsWordChar(c))
        {
            _pos++;
            throw InvalidToken();
        }
        while (_pos < _text.Length && IsWordChar(_text[_pos])) _pos++;
        var word = _text.AsSpan(_tokStart, _pos - _tokStart);
        if (word.SequenceEqual("true")) _tok = Tok.True;
        else if (word.SequenceEqual("false")) _tok = Tok.False;
        else if (word.SequenceEqual("null")) _tok = Tok.Null;
        else throw InvalidToken();
    }

    private void LexNumber()
    {
        var ok = true;
        if (_text[_pos] == '-') _pos++;
        if (_pos < _text.Length && _text[_pos] == '0') _pos++;
        else if (_pos < _text.Length && _text[_pos] is >= '1' and <= '9')
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        else ok = false;
        if (ok && _pos < _text.Length && _text[_pos] == '.')
        {
            _pos++;
            if (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
            else ok = false;
        }
        if (ok && _pos < _text.Length && _text[_pos] is 'e' or 'E')
        {
            _pos++;
            if (_pos < _text.Length && _text[_pos] is '+' or '-') _pos++;
            if (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
            else ok = false;
        }
        // A number run straight into letters or digits is one invalid token (01, 1x, 1e).
        if (!ok || (_pos < _text.Length && IsWordChar(_text[_pos])))
        {
            while (_pos < _text.Length && IsWordChar(_text[_pos])) _pos++;
            throw InvalidToken();
        }
        _tok = Tok.Number;
    }

    private void LexString()
    {
        _pos++;
        var sb = new StringBuilder();
        var highSurrogate = -1;
        while (true)
        {
            if (_pos >= _text.Length) throw InvalidToken();
            var c = _text[_pos];
            if (c == '"') break;
            if (c < 0x20)
            {
                _pos++;
                throw SyntaxError($"Character with value 0x{(int)c:x2} must be escaped.");
            }
            if (c != '\\')
            {
                if (highSurrogate >= 0) throw LowSurrogateMissing();
                sb.Append(c);
                _pos++;
                continue;
            }
            _pos++;
            if (_pos >= _text.Length) throw InvalidToken();
            var e = _text[_pos];
            if (e == 'u')
            {
                _pos++;
                var code = 0;
                for (var k = 0; k < 4; k++)
                {
                    if (_pos >= _text.Length || !char.IsAsciiHexDigit(_text[_pos]))
                    {
                        while (_pos < _text.Length && IsWordChar(_text[_pos])) _pos++;
                        throw SyntaxError("\"\\u\" must be followed by four hexadecimal digits.");
                    }
                    code = code * 16 + System.Convert.ToInt32(_text[_pos].ToString(), 16);
                    _pos++;
                }
                // json input validates only: its escapes are decoded as well as they can be (for its
                // operators), never rejected.
                if (!_decode)
                {
                    sb.Append((char)code);
                    continue;
                }
                if (code is >= 0xD800 and <= 0xDBFF)
                {
                    if (highSurrogate >= 0) throw SyntaxError("Unicode high surrogate must not follow a high surrogate.");
                    highSurrogate = code;
                    continue;
                }
                if (code is >= 0xDC00 and <= 0xDFFF)
                {
                    if (highSurrogate < 0) throw LowSurrogateMissing();
                    sb.Append((char)highSurrogate).Append((char)code);
                    highSurrogate = -1;
                    continue;
                }
                if (highSurrogate >= 0) throw LowSurrogateMissing();
                if (code == 0)
                    throw new TenonException("22P05", "unsupported Unicode escape sequence", detail: "\\u0000 cannot be converted to text.") { Where = Context() };
                sb.Append((char)code);
                continue;
            }
            if (highSurrogate >= 0) throw LowSurrogateMissing();
            var decoded = e switch
            {
                '"' => '"', '\\' => '\\', '/' => '/', 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => '\0',
            };
            if (decoded == '\0')
            {
                var width = char.IsHighSurrogate(e) && _pos + 1 < _text.Length ? 2 : 1;
                var seq = _text.Substring(_pos, width);
                _pos += width;
                throw SyntaxError($"Escape sequence \"\\{seq}\" is invalid.");
            }
            sb.Append(decoded);
            _pos++;
        }
        if (highSurrogate >= 0) throw LowSurrogateMissing();
        _pos++;
        _tokString = sb.ToString();
        _tok = Tok.String;
    }

    // ---- errors -----------------------------------------------------------------------------

    private TenonException LowSurrogateMissing() => SyntaxError("Unicode low surrogate must follow a high surrogate.");

    private TenonException InvalidToken() => SyntaxError($"Token \"{_text[_tokStart.._pos]}\" is invalid.");

    private TenonException Unexpected(string detailFormat) => SyntaxError(string.Format(detailFormat, _text[_tokStart.._pos]));

    private TenonException SyntaxError(string detail) =>
        new(SqlState.InvalidTextRepresentation, "invalid input syntax for type json", detail: detail) { Where = Context() };

    /// <summary>PostgreSQL's CONTEXT: the line of the error up to the offending token, "..." when more follows.</summary>
    private string Context()
    {
        var end = Math.Min(_pos, _text.Length);
        var lineStart = _text.LastIndexOf('\n', Math.Max(0, end - 1)) + 1;
        if (end == 0) lineStart = 0;
        var line = _text[..lineStart].Count(ch => ch == '\n') + 1;
        var shown = _text[lineStart..end];
        return $"JSON data, line {line}: {shown}{(end < _text.Length ? "..." : "")}";
    }
}
