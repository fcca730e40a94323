using System.Globalization;
using System.Text;

namespace Tenon.Cli;

// psql's input lexer (fe_utils/psqlscan.l and psql/psqlscanslash.l), rewritten by hand.
//
// The shell feeds one input line at a time (Setup) and calls Scan repeatedly; Scan copies
// the line into the caller's query buffer until it finds something the main loop must act on:
//
//   L.1  A top-level ';' (outside quotes, comments and parentheses, and outside the
//        BEGIN ... END body of CREATE FUNCTION/PROCEDURE) → Semicolon; ';' is in the buffer.
//   L.2  An unquoted '\' → Backslash. The meta-command is then read with ReadCommandName,
//        ReadOption and EndCommand, from the same input. "\;" and "\:" put a literal ';' or
//        ':' into the buffer instead.
//   L.3  End of the line → Eol (a statement is in progress) or Incomplete.
//
// Whitespace and "--" comments are dropped while the buffer is empty, so a statement sent to the
// server starts at its first token; error positions are relative to that text.
// Quote, comment and dollar-quote state persists across lines; the main loop adds the '\n'
// between lines. Variables (:name, :'name', :"name", :{?name}) are substituted outside quotes;
// a plain :name value is itself lexed (it may contain ';'), as flex's pushed buffers do.
internal sealed class PsqlLexer
{
    private enum State { Initial, SingleQuote, ExtendedQuote, DoubleQuote, DollarQuote, Comment }

    private sealed class Frame(string text, string? variable)
    {
        public string Text { get; } = text;
        public string? Variable { get; } = variable;
        public int Pos { get; set; }
        public bool AtEnd => Pos >= Text.Length;
    }

    private readonly Func<string, string?> _getVariable;
    private readonly Action<string> _warn;
    private readonly List<Frame> _frames = [];
    private State _state;
    private int _commentDepth;
    private int _parenDepth;
    private int _beginDepth;
    private string? _dollarTag;
    private int _identifierCount;
    private readonly char[] _identifiers = new char[4];

    public PsqlLexer(Func<string, string?> getVariable, Action<string> warn)
    {
        _getVariable = getVariable;
        _warn = warn;
    }

    /// <summary>True inside a quoted string, quoted identifier, dollar quote or comment.</summary>
    public bool InQuote => _state != State.Initial;

    /// <summary>Starts lexing a new input line (without its newline).</summary>
    public void Setup(string line)
    {
        _frames.Clear();
        _frames.Add(new Frame(line, null));
    }

    /// <summary>Forgets quote, comment and nesting state (psql_scan_reset).</summary>
    public void Reset()
    {
        _state = State.Initial;
        _commentDepth = 0;
        _parenDepth = 0;
        _beginDepth = 0;
        _dollarTag = null;
        _identifierCount = 0;
    }

    private Frame Current => _frames[^1];

    /// <summary>Pops exhausted variable frames; false when the whole line is consumed.</summary>
    private bool HasInput()
    {
        while (Current.AtEnd)
        {
            if (_frames.Count == 1) return false;
            _frames.RemoveAt(_frames.Count - 1);
        }
        return true;
    }

    /// <summary>Copies input into <paramref name="buffer"/> until L.1, L.2 or L.3 (see the file header).</summary>
    public ScanResult Scan(StringBuilder buffer, out PromptStatus prompt)
    {
        while (HasInput())
        {
            var f = Current;
            switch (_state)
            {
                case State.Initial:
                    var stop = ScanInitial(f, buffer);
                    if (stop is { } result)
                    {
                        prompt = PromptStatus.Ready;
                        return result;
                    }
                    break;
                case State.SingleQuote:
                case State.ExtendedQuote:
                    ScanQuoted(f, buffer, '\'', _state == State.ExtendedQuote);
                    break;
                case State.DoubleQuote:
                    ScanQuoted(f, buffer, '"', false);
                    break;
                case State.Comment:
                    ScanComment(f, buffer);
                    break;
                case State.DollarQuote:
                    ScanDollarQuoted(f, buffer);
                    break;
            }
        }

        switch (_state)
        {
            case State.Initial:
                if (_parenDepth > 0)
                {
                    prompt = PromptStatus.Paren;
                    return ScanResult.Incomplete;
                }
                if (_beginDepth > 0)
                {
                    prompt = PromptStatus.Continue;
                    return ScanResult.Incomplete;
                }
                if (buffer.Length > 0)
                {
                    prompt = PromptStatus.Continue;
                    return ScanResult.Eol;
                }
                prompt = PromptStatus.Ready;
                return ScanResult.Incomplete;
            case State.DoubleQuote:
                prompt = PromptStatus.DoubleQuote;
                return ScanResult.Incomplete;
            case State.Comment:
                prompt = PromptStatus.Comment;
                return ScanResult.Incomplete;
            case State.DollarQuote:
                prompt = PromptStatus.DollarQuote;
                return ScanResult.Incomplete;
            default:
                prompt = PromptStatus.SingleQuote;
                return ScanResult.Incomplete;
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
    private static bool IsIdentStart(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_' || c >= 0x80;
    private static bool IsIdentCont(char c) => IsIdentStart(c) || c is (>= '0' and <= '9') or '$';
    private static bool IsVariableChar(char c) => IsIdentStart(c) || c is >= '0' and <= '9';
    private static bool IsDollarTagCont(char c) => IsIdentStart(c) || c is >= '0' and <= '9';

    /// <summary>One token in the initial state; returns a result when the scan must stop.</summary>
    private ScanResult? ScanInitial(Frame f, StringBuilder buffer)
    {
        var text = f.Text;
        var p = f.Pos;
        var c = text[p];

        if (IsSpace(c) || (c == '-' && p + 1 < text.Length && text[p + 1] == '-'))
        {
            var end = p;
            if (IsSpace(c))
            {
                while (end < text.Length && IsSpace(text[end])) end++;
            }
            else
            {
                while (end < text.Length && text[end] != '\n') end++;
            }
            if (buffer.Length > 0) buffer.Append(text, p, end - p);
            f.Pos = end;
            return null;
        }

        if (c == '/' && p + 1 < text.Length && text[p + 1] == '*')
        {
            buffer.Append("/*");
            f.Pos = p + 2;
            _state = State.Comment;
            _commentDepth = 0;
            return null;
        }

        if (c == '\'')
        {
            buffer.Append(c);
            f.Pos = p + 1;
            _state = State.SingleQuote;
            return null;
        }

        if (c == '"')
        {
            buffer.Append(c);
            f.Pos = p + 1;
            _state = State.DoubleQuote;
            return null;
        }

        if (c == '$')
        {
            var tagEnd = MatchDollarDelimiter(text, p);
            if (tagEnd > 0)
            {
                _dollarTag = text[p..tagEnd];
                buffer.Append(_dollarTag);
                f.Pos = tagEnd;
                _state = State.DollarQuote;
                return null;
            }
            var end = p + 1;
            if (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
            }
            else if (end < text.Length && IsIdentStart(text[end]))
            {
                while (end < text.Length && IsDollarTagCont(text[end])) end++;
            }
            buffer.Append(text, p, end - p);
            f.Pos = end;
            return null;
        }

        if (IsIdentStart(c))
        {
            var end = p + 1;
            while (end < text.Length && IsIdentCont(text[end])) end++;
            var word = text[p..end];
            // E'...', N'...', B'...', X'...', U&'...', U&"..." start quoted tokens.
            if (end < text.Length && text[end] == '\'' && word.Length == 1 && "eEnNbBxX".Contains(word[0]))
            {
                buffer.Append(word).Append('\'');
                f.Pos = end + 1;
                _state = word is "e" or "E" ? State.ExtendedQuote : State.SingleQuote;
                return null;
            }
            if (word is "u" or "U" && end + 1 < text.Length && text[end] == '&' && text[end + 1] is '\'' or '"')
            {
                buffer.Append(text, p, 3);
                f.Pos = end + 2;
                _state = text[end + 1] == '\'' ? State.SingleQuote : State.DoubleQuote;
                return null;
            }
            TrackIdentifier(word);
            buffer.Append(word);
            f.Pos = end;
            return null;
        }

        if (char.IsAsciiDigit(c))
        {
            var end = p + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
            buffer.Append(text, p, end - p);
            f.Pos = end;
            return null;
        }

        if (c == ':')
        {
            ScanColon(f, buffer);
            return null;
        }

        if (c == '\\')
        {
            if (p + 1 < text.Length && text[p + 1] is ';' or ':')
            {
                buffer.Append(text[p + 1]);
                if (text[p + 1] == ';') _identifierCount = 0;
                f.Pos = p + 2;
                return null;
            }
            f.Pos = p + 1;
            return ScanResult.Backslash;
        }

        buffer.Append(c);
        f.Pos = p + 1;
        switch (c)
        {
            case '(':
                _parenDepth++;
                break;
            case ')':
                if (_parenDepth > 0) _parenDepth--;
                break;
            case ';':
                if (_parenDepth == 0 && _beginDepth == 0)
                {
                    _identifierCount = 0;
                    return ScanResult.Semicolon;
                }
                break;
        }
        return null;
    }

    /// <summary>
    /// psql keeps ';' inside the BEGIN ... END body of CREATE [OR REPLACE] FUNCTION/PROCEDURE by
    /// remembering the first letters of the statement's first identifiers and counting BEGIN/CASE/END.
    /// </summary>
    private void TrackIdentifier(string word)
    {
        if (_identifierCount == 0) Array.Clear(_identifiers);
        if (word.Equals("create", StringComparison.OrdinalIgnoreCase) || word.Equals("function", StringComparison.OrdinalIgnoreCase)
            || word.Equals("procedure", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase)
            || word.Equals("replace", StringComparison.OrdinalIgnoreCase))
        {
            if (_identifierCount < _identifiers.Length) _identifiers[_identifierCount] = char.ToLowerInvariant(word[0]);
        }
        _identifierCount++;

        var id = _identifiers;
        if (id[0] == 'c' && (id[1] is 'f' or 'p' || (id[1] == 'o' && id[2] == 'r' && id[3] is 'f' or 'p')) && _parenDepth == 0)
        {
            if (word.Equals("begin", StringComparison.OrdinalIgnoreCase)) _beginDepth++;
            else if (word.Equals("case", StringComparison.OrdinalIgnoreCase))
            {
                if (_beginDepth >= 1) _beginDepth++;
            }
            else if (word.Equals("end", StringComparison.OrdinalIgnoreCase))
            {
                if (_beginDepth > 0) _beginDepth--;
            }
        }
    }

    /// <summary>End index of a <c>$tag$</c> delimiter starting at <paramref name="p"/>, or -1.</summary>
    private static int MatchDollarDelimiter(string text, int p)
    {
        var i = p + 1;
        if (i < text.Length && IsIdentStart(text[i]))
        {
            i++;
            while (i < text.Length && IsDollarTagCont(text[i])) i++;
        }
        return i < text.Length && text[i] == '$' ? i + 1 : -1;
    }

    private void ScanColon(Frame f, StringBuilder buffer)
    {
        var text = f.Text;
        var p = f.Pos;
        if (p + 1 < text.Length && text[p + 1] == ':')
        {
            buffer.Append("::");
            f.Pos = p + 2;
            return;
        }

        var nameEnd = p + 1;
        while (nameEnd < text.Length && IsVariableChar(text[nameEnd])) nameEnd++;
        if (nameEnd > p + 1)
        {
            var name = text[(p + 1)..nameEnd];
            f.Pos = nameEnd;
            var value = _getVariable(name);
            if (value is null)
            {
                buffer.Append(text, p, nameEnd - p);
            }
            else if (_frames.Any(fr => fr.Variable == name))
            {
                _warn($"skipping recursive expansion of variable \"{name}\"");
                buffer.Append(text, p, nameEnd - p);
            }
            else
            {
                _frames.Add(new Frame(value, name));
            }
            return;
        }

        if (p + 1 < text.Length && text[p + 1] is '\'' or '"')
        {
            var quote = text[p + 1];
            var end = p + 2;
            while (end < text.Length && IsVariableChar(text[end])) end++;
            if (end > p + 2 && end < text.Length && text[end] == quote)
            {
                var name = text[(p + 2)..end];
                f.Pos = end + 1;
                var value = _getVariable(name);
                if (value is null) buffer.Append(text, p, end + 1 - p);
                else buffer.Append(quote == '\'' ? QuoteLiteral(value) : QuoteIdentifier(value));
                return;
            }
        }

        if (p + 3 < text.Length && text[p + 1] == '{' && text[p + 2] == '?')
        {
            var end = p + 3;
            while (end < text.Length && IsVariableChar(text[end])) end++;
            if (end > p + 3 && end < text.Length && text[end] == '}')
            {
                var name = text[(p + 3)..end];
                f.Pos = end + 1;
                buffer.Append(_getVariable(name) is null ? "FALSE" : "TRUE");
                return;
            }
        }

        buffer.Append(':');
        f.Pos = p + 1;
    }

    /// <summary>libpq's PQescapeLiteral: doubles quotes and backslashes, with " E" before the quote when there is a backslash.</summary>
    public static string QuoteLiteral(string value)
    {
        var sb = new StringBuilder();
        if (value.Contains('\\')) sb.Append(" E");
        sb.Append('\'');
        foreach (var c in value)
        {
            if (c is '\'' or '\\') sb.Append(c);
            sb.Append(c);
        }
        return sb.Append('\'').ToString();
    }

    /// <summary>libpq's PQescapeIdentifier: double quotes around, inner quotes doubled.</summary>
    public static string QuoteIdentifier(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";

    private void ScanQuoted(Frame f, StringBuilder buffer, char quote, bool backslashEscapes)
    {
        var text = f.Text;
        var p = f.Pos;
        while (p < text.Length)
        {
            var c = text[p];
            if (backslashEscapes && c == '\\')
            {
                p += p + 1 < text.Length ? 2 : 1;
                continue;
            }
            if (c == quote)
            {
                if (p + 1 < text.Length && text[p + 1] == quote)
                {
                    p += 2;
                    continue;
                }
                p++;
                _state = State.Initial;
                break;
            }
            p++;
        }
        buffer.Append(text, f.Pos, p - f.Pos);
        f.Pos = p;
    }

    private void ScanComment(Frame f, StringBuilder buffer)
    {
        var text = f.Text;
        var p = f.Pos;
        while (p < text.Length)
        {
            if (text[p] == '/' && p + 1 < text.Length && text[p + 1] == '*')
            {
                _commentDepth++;
                p += 2;
            }
            else if (text[p] == '*' && p + 1 < text.Length && text[p + 1] == '/')
            {
                p += 2;
                if (_commentDepth <= 0)
                {
                    _state = State.Initial;
                    break;
                }
                _commentDepth--;
            }
            else
            {
                p++;
            }
        }
        buffer.Append(text, f.Pos, p - f.Pos);
        f.Pos = p;
    }

    private void ScanDollarQuoted(Frame f, StringBuilder buffer)
    {
        var text = f.Text;
        var p = f.Pos;
        while (p < text.Length)
        {
            if (text[p] != '$')
            {
                p++;
                continue;
            }
            var end = MatchDollarDelimiter(text, p);
            if (end < 0)
            {
                p++;
                continue;
            }
            if (string.CompareOrdinal(text, p, _dollarTag, 0, end - p) == 0 && end - p == _dollarTag!.Length)
            {
                p = end;
                _state = State.Initial;
                _dollarTag = null;
                break;
            }
            // Another $tag$: only its closing '$' may start the real delimiter.
            p = end - 1;
        }
        buffer.Append(text, f.Pos, p - f.Pos);
        f.Pos = p;
    }

    // ---- meta-command arguments (psqlscanslash.l) ----

    /// <summary>Reads a meta-command's name: everything up to whitespace or a backslash.</summary>
    public string ReadCommandName()
    {
        var sb = new StringBuilder();
        while (HasInput())
        {
            var f = Current;
            var c = f.Text[f.Pos];
            if (IsSpace(c) || c == '\\') break;
            sb.Append(c);
            f.Pos++;
        }
        return sb.ToString();
    }

    /// <summary>
    /// Reads the next argument, or null at the end of the line or at a backslash. In a Normal
    /// argument, '...' is unquoted with C-like escapes, "..." is kept with its quotes, and
    /// :name, :'name', :"name" are interpolated.
    /// </summary>
    public string? ReadOption(SlashOptionKind kind)
    {
        if (kind == SlashOptionKind.WholeLine)
        {
            var rest = new StringBuilder();
            while (HasInput())
            {
                var f = Current;
                rest.Append(f.Text, f.Pos, f.Text.Length - f.Pos);
                f.Pos = f.Text.Length;
            }
            var s = rest.ToString().TrimEnd(' ', '\t', '\n', '\r', '\f', ';');
            return s.Length == 0 ? null : s;
        }

        while (HasInput() && IsSpace(Current.Text[Current.Pos])) Current.Pos++;
        if (!HasInput() || Current.Text[Current.Pos] == '\\') return null;

        var sb = new StringBuilder();
        while (HasInput())
        {
            var f = Current;
            var text = f.Text;
            var c = text[f.Pos];
            if (IsSpace(c) || c == '\\') break;
            if (c == '\'')
            {
                f.Pos = ReadSingleQuotedOption(text, f.Pos + 1, sb);
            }
            else if (c == '"')
            {
                var p = f.Pos + 1;
                sb.Append('"');
                while (p < text.Length)
                {
                    if (text[p] == '"')
                    {
                        if (p + 1 < text.Length && text[p + 1] == '"')
                        {
                            sb.Append("\"\"");
                            p += 2;
                            continue;
                        }
                        sb.Append('"');
                        p++;
                        break;
                    }
                    sb.Append(text[p++]);
                }
                f.Pos = p;
            }
            else if (c == ':' && kind == SlashOptionKind.Normal && TryInterpolateOption(f, sb))
            {
                // done by TryInterpolateOption
            }
            else
            {
                sb.Append(c);
                f.Pos++;
            }
        }
        return sb.ToString();
    }

    private static int ReadSingleQuotedOption(string text, int p, StringBuilder sb)
    {
        while (p < text.Length)
        {
            var c = text[p];
            if (c == '\'')
            {
                if (p + 1 < text.Length && text[p + 1] == '\'')
                {
                    sb.Append('\'');
                    p += 2;
                    continue;
                }
                return p + 1;
            }
            if (c == '\\' && p + 1 < text.Length)
            {
                var e = text[p + 1];
                p += 2;
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'f': sb.Append('\f'); break;
                    case >= '0' and <= '7':
                        var oct = e - '0';
                        for (var k = 0; k < 2 && p < text.Length && text[p] is >= '0' and <= '7'; k++) oct = oct * 8 + (text[p++] - '0');
                        sb.Append((char)oct);
                        break;
                    case 'x' when p < text.Length && char.IsAsciiHexDigit(text[p]):
                        var hexEnd = p;
                        while (hexEnd < text.Length && hexEnd - p < 2 && char.IsAsciiHexDigit(text[hexEnd])) hexEnd++;
                        sb.Append((char)int.Parse(text.AsSpan(p, hexEnd - p), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        p = hexEnd;
                        break;
                    default: sb.Append(e); break;
                }
                continue;
            }
            sb.Append(c);
            p++;
        }
        return p;
    }

    private bool TryInterpolateOption(Frame f, StringBuilder sb)
    {
        var text = f.Text;
        var p = f.Pos;
        var end = p + 1;
        while (end < text.Length && IsVariableChar(text[end])) end++;
        if (end > p + 1)
        {
            var value = _getVariable(text[(p + 1)..end]);
            sb.Append(value ?? text[p..end]);
            f.Pos = end;
            return true;
        }
        if (p + 1 < text.Length && text[p + 1] is '\'' or '"')
        {
            var quote = text[p + 1];
            end = p + 2;
            while (end < text.Length && IsVariableChar(text[end])) end++;
            if (end > p + 2 && end < text.Length && text[end] == quote)
            {
                var value = _getVariable(text[(p + 2)..end]);
                sb.Append(value is null ? text[p..(end + 1)] : quote == '\'' ? QuoteLiteral(value) : QuoteIdentifier(value));
                f.Pos = end + 1;
                return true;
            }
        }
        return false;
    }

    /// <summary>Ends a meta-command: swallows a following "\\" separator, nothing else.</summary>
    public void EndCommand()
    {
        if (!HasInput()) return;
        var f = Current;
        if (f.Pos + 1 < f.Text.Length && f.Text[f.Pos] == '\\' && f.Text[f.Pos + 1] == '\\') f.Pos += 2;
    }
}
