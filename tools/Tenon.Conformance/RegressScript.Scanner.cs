using System.Text;

namespace Tenon.Conformance;

public sealed partial class RegressScript
{
    /// <summary>The lexical state that carries across lines while a statement is being read.</summary>
    private sealed class Scanner
    {
        private enum State { Normal, SingleQuote, EscapeQuote, DoubleQuote, Dollar, Comment }

        private readonly StringBuilder _text = new();
        private State _state;
        private int _commentDepth;
        private int _parenDepth;
        private string _dollarTag = "";

        public bool InQuoteOrComment => _state != State.Normal;

        public string Text => _text.ToString();

        public void BeginStatement()
        {
            _text.Clear();
            _parenDepth = 0;
        }

        public void Append(string s) => _text.Append(s);

        public void AppendLine(string s) => _text.Append(s).Append('\n');

        /// <summary>Skips whitespace and comments between statements; returns where a statement starts.</summary>
        public int SkipBlankAndComments(string line, int pos)
        {
            while (pos < line.Length)
            {
                if (_state == State.Comment)
                {
                    pos = ScanComment(line, pos);
                    continue;
                }
                var c = line[pos];
                if (char.IsWhiteSpace(c)) { pos++; continue; }
                if (c == '-' && At(line, pos + 1, '-')) return line.Length;
                if (c == '/' && At(line, pos + 1, '*')) { _state = State.Comment; _commentDepth = 1; pos += 2; continue; }
                return pos;
            }
            return pos;
        }

        /// <summary>
        /// Scans from <paramref name="pos"/>; returns the index of the statement-ending semicolon
        /// (or backslash), or -1 when the statement continues on the next line.
        /// </summary>
        public int ScanToEnd(string line, int pos, out bool terminatedByBackslash)
        {
            terminatedByBackslash = false;
            while (pos < line.Length)
            {
                var c = line[pos];
                switch (_state)
                {
                    case State.Comment:
                        pos = ScanComment(line, pos);
                        continue;
                    case State.SingleQuote:
                        if (c == '\'') _state = At(line, pos + 1, '\'') ? State.SingleQuote : State.Normal;
                        if (c == '\'' && At(line, pos + 1, '\'')) pos++;
                        pos++;
                        continue;
                    case State.EscapeQuote:
                        if (c == '\\') { pos += 2; continue; }
                        if (c == '\'') _state = At(line, pos + 1, '\'') ? State.EscapeQuote : State.Normal;
                        if (c == '\'' && At(line, pos + 1, '\'')) pos++;
                        pos++;
                        continue;
                    case State.DoubleQuote:
                        if (c == '"') _state = At(line, pos + 1, '"') ? State.DoubleQuote : State.Normal;
                        if (c == '"' && At(line, pos + 1, '"')) pos++;
                        pos++;
                        continue;
                    case State.Dollar:
                        if (c == '$' && string.CompareOrdinal(line, pos, _dollarTag, 0, _dollarTag.Length) == 0)
                        {
                            _state = State.Normal;
                            pos += _dollarTag.Length;
                            continue;
                        }
                        pos++;
                        continue;
                }
                switch (c)
                {
                    case '-' when At(line, pos + 1, '-'):
                        return -1;
                    case '/' when At(line, pos + 1, '*'):
                        _state = State.Comment;
                        _commentDepth = 1;
                        pos += 2;
                        continue;
                    case '\'':
                        _state = pos > 0 && (line[pos - 1] is 'E' or 'e') && (pos < 2 || !IsIdentChar(line[pos - 2])) ? State.EscapeQuote : State.SingleQuote;
                        pos++;
                        continue;
                    case '"':
                        _state = State.DoubleQuote;
                        pos++;
                        continue;
                    case '$' when TryDollarTag(line, pos, out var tag):
                        _state = State.Dollar;
                        _dollarTag = tag;
                        pos += tag.Length;
                        continue;
                    case '(':
                        _parenDepth++;
                        break;
                    case ')':
                        if (_parenDepth > 0) _parenDepth--;
                        break;
                    case ';' when _parenDepth == 0:
                        return pos;
                    case '\\':
                        terminatedByBackslash = true;
                        return pos;
                }
                pos++;
            }
            return -1;
        }

        private int ScanComment(string line, int pos)
        {
            while (pos < line.Length)
            {
                if (line[pos] == '*' && At(line, pos + 1, '/'))
                {
                    pos += 2;
                    if (--_commentDepth == 0) { _state = State.Normal; return pos; }
                    continue;
                }
                if (line[pos] == '/' && At(line, pos + 1, '*')) { _commentDepth++; pos += 2; continue; }
                pos++;
            }
            return pos;
        }

        private static bool TryDollarTag(string line, int pos, out string tag)
        {
            tag = "";
            if (pos > 0 && IsIdentChar(line[pos - 1])) return false; // $1 parameters and a$b identifiers
            var end = pos + 1;
            while (end < line.Length && (char.IsLetter(line[end]) || line[end] == '_' || (end > pos + 1 && char.IsDigit(line[end])))) end++;
            if (end >= line.Length || line[end] != '$') return false;
            tag = line[pos..(end + 1)];
            return true;
        }

        private static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

        private static bool IsIdentChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';
    }
}
