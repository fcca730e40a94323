using System.Text;
using Tenon.Errors;

namespace Tenon.Execution.Copy;

/// <summary>
/// Splits COPY FROM data into records and fields, as PostgreSQL's COPY parser does.
///
///   C.1  Records end at the data's line ending: the first one seen (<c>\n</c>, <c>\r\n</c> or
///        <c>\r</c>) is the only one allowed afterwards. A last record without an ending counts.
///        In CSV, line endings inside quotes belong to the field, so one record may span lines;
///        line numbers count records, not physical lines.
///   C.2  <c>\.</c> ends the data: in text format alone on a line or after a record's data (anything
///        after it on the line is "end-of-copy marker corrupt"); in CSV only alone on a line, unquoted.
///   C.3  Text fields are split at unescaped delimiters; a field whose raw text equals the NULL
///        string is NULL, otherwise backslash escapes are decoded (<c>\b \f \n \r \t \v</c>, up to
///        three octal digits, <c>\x</c> with one or two hex digits, any other character as itself;
///        a trailing backslash is dropped). Escaped bytes are decoded as UTF-8.
///   C.4  CSV fields are split at delimiters outside quotes; inside quotes, the escape character
///        before a quote or escape character yields that character. An unquoted field equal to the
///        NULL string is NULL; <see cref="LastFieldQuoted"/> tells which fields had quotes.
/// </summary>
public sealed class CopyReader
{
    private enum LineEnding { Unknown, Lf, Cr, CrLf }

    private readonly string _data;
    private readonly CopyOptions _options;
    private int _pos;
    private bool _done;
    private LineEnding _eol;
    private readonly List<bool> _quoted = new();

    public CopyReader(string data, CopyOptions options)
    {
        _data = data;
        _options = options;
    }

    /// <summary>1-based number of the record last returned by <see cref="ReadLine"/>.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Raw text of the record being processed (without its line ending), for error context.</summary>
    public string? CurrentLine { get; private set; }

    /// <summary>For CSV, whether each field returned by the last <see cref="SplitFields"/> was quoted.</summary>
    public IReadOnlyList<bool> LastFieldQuoted => _quoted;

    /// <summary>Reads the next record's raw text; false at the end of the data.</summary>
    public bool ReadLine(out string line)
    {
        line = "";
        CurrentLine = null;
        if (_done || _pos >= _data.Length) return false;
        LineNumber++;
        var csv = _options.IsCsv;
        var start = _pos;
        var inQuote = false;
        var lastWasEscape = false;
        // With the escape equal to the quote, a quote simply toggles; "" inside quotes toggles twice.
        var escape = _options.Escape == _options.Quote ? '\0' : _options.Escape;
        var i = _pos;
        if (csv && IsEndMarkerAt(i))
        {
            _done = true;
            return false;
        }
        while (i < _data.Length)
        {
            var c = _data[i];
            if (csv)
            {
                if (inQuote && c == escape) lastWasEscape = !lastWasEscape;
                if (c == _options.Quote && !lastWasEscape) inQuote = !inQuote;
                if (c != escape) lastWasEscape = false;
                if (inQuote && c is '\r' or '\n')
                {
                    i++;
                    continue;
                }
            }
            if (c is '\r' or '\n')
            {
                CurrentLine = _data[start..i];
                _pos = EndOfLine(i);
                line = CurrentLine;
                return true;
            }
            if (!csv && c == '\\')
            {
                if (i + 1 < _data.Length && _data[i + 1] == '.')
                {
                    var after = i + 2;
                    if (after < _data.Length && _data[after] is not ('\r' or '\n'))
                        throw new TenonException(SqlState.BadCopyFileFormat, "end-of-copy marker corrupt");
                    CurrentLine = _data[start..i];
                    _done = true;
                    line = CurrentLine;
                    if (i == start) return false;
                    return true;
                }
                i += 2; // the escaped character, even a line ending, belongs to the field
                continue;
            }
            i++;
        }
        CurrentLine = _data[start..Math.Min(i, _data.Length)];
        _pos = _data.Length;
        line = CurrentLine;
        return true;
    }

    private bool IsEndMarkerAt(int i) =>
        i + 1 < _data.Length && _data[i] == '\\' && _data[i + 1] == '.'
        && (i + 2 == _data.Length || _data[i + 2] is '\r' or '\n');

    /// <summary>Checks the line ending at <paramref name="i"/> against the data's style; returns the offset after it.</summary>
    private int EndOfLine(int i)
    {
        var c = _data[i];
        var crlf = c == '\r' && i + 1 < _data.Length && _data[i + 1] == '\n';
        if (_eol == LineEnding.Unknown) _eol = c == '\n' ? LineEnding.Lf : crlf ? LineEnding.CrLf : LineEnding.Cr;
        else if (c == '\r' && (_eol == LineEnding.Lf || (_eol == LineEnding.CrLf && !crlf)))
            throw _options.IsCsv
                ? new TenonException(SqlState.BadCopyFileFormat, "unquoted carriage return found in data", hint: "Use quoted CSV field to represent carriage return.")
                : new TenonException(SqlState.BadCopyFileFormat, "literal carriage return found in data", hint: "Use \"\\r\" to represent carriage return.");
        else if ((c == '\n' && _eol != LineEnding.Lf) || (crlf && _eol == LineEnding.Cr))
            throw _options.IsCsv
                ? new TenonException(SqlState.BadCopyFileFormat, "unquoted newline found in data", hint: "Use quoted CSV field to represent newline.")
                : new TenonException(SqlState.BadCopyFileFormat, "literal newline found in data", hint: "Use \"\\n\" to represent newline.");
        return crlf ? i + 2 : i + 1;
    }

    /// <summary>Splits a record into fields (null = SQL NULL) per C.3 / C.4.</summary>
    public List<string?> SplitFields(string line) => _options.IsCsv ? SplitCsv(line) : SplitText(line);

    private List<string?> SplitText(string line)
    {
        var fields = new List<string?>();
        var delimiter = _options.Delimiter;
        var i = 0;
        while (true)
        {
            var start = i;
            var hasEscape = false;
            while (i < line.Length && line[i] != delimiter)
            {
                if (line[i] == '\\')
                {
                    hasEscape = true;
                    i++;
                }
                i++;
            }
            var end = Math.Min(i, line.Length);
            var raw = line.AsSpan(start, end - start);
            if (raw.SequenceEqual(_options.Null)) fields.Add(null);
            else fields.Add(hasEscape ? DecodeEscapes(raw) : raw.ToString());
            if (i >= line.Length) return fields;
            i++; // the delimiter
        }
    }

    /// <summary>Decodes text-format backslash escapes in one field (C.3).</summary>
    internal static string DecodeEscapes(ReadOnlySpan<char> raw)
    {
        var sb = new StringBuilder(raw.Length);
        List<byte>? bytes = null;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c != '\\')
            {
                Flush(sb, ref bytes);
                sb.Append(c);
                continue;
            }
            if (++i >= raw.Length) break; // a trailing backslash is dropped
            c = raw[i];
            int? b = null;
            switch (c)
            {
                case >= '0' and <= '7':
                {
                    var v = c - '0';
                    for (var k = 0; k < 2 && i + 1 < raw.Length && raw[i + 1] is >= '0' and <= '7'; k++) v = v * 8 + (raw[++i] - '0');
                    b = v & 0xFF;
                    break;
                }
                case 'x' when i + 1 < raw.Length && char.IsAsciiHexDigit(raw[i + 1]):
                {
                    var v = Convert.ToInt32(raw[++i].ToString(), 16);
                    if (i + 1 < raw.Length && char.IsAsciiHexDigit(raw[i + 1])) v = v * 16 + Convert.ToInt32(raw[++i].ToString(), 16);
                    b = v;
                    break;
                }
                case 'b': c = '\b'; break;
                case 'f': c = '\f'; break;
                case 'n': c = '\n'; break;
                case 'r': c = '\r'; break;
                case 't': c = '\t'; break;
                case 'v': c = '\v'; break;
            }
            if (b is { } value)
            {
                // The input function gets a C string: a zero byte ends the value.
                if (value == 0)
                {
                    Flush(sb, ref bytes);
                    return sb.ToString();
                }
                (bytes ??= new List<byte>()).Add((byte)value);
                continue;
            }
            Flush(sb, ref bytes);
            sb.Append(c);
        }
        Flush(sb, ref bytes);
        return sb.ToString();
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static void Flush(StringBuilder sb, ref List<byte>? bytes)
    {
        if (bytes is null || bytes.Count == 0) return;
        var array = bytes.ToArray();
        bytes.Clear();
        try
        {
            sb.Append(StrictUtf8.GetString(array));
        }
        catch (DecoderFallbackException ex)
        {
            var bad = ex.BytesUnknown is { Length: > 0 } u ? u : array;
            throw new TenonException(SqlState.CharacterNotInRepertoire,
                "invalid byte sequence for encoding \"UTF8\": " + string.Join(" ", bad.Select(x => $"0x{x:x2}")));
        }
    }

    private List<string?> SplitCsv(string line)
    {
        var fields = new List<string?>();
        _quoted.Clear();
        var delimiter = _options.Delimiter;
        var quote = _options.Quote;
        var escape = _options.Escape;
        var i = 0;
        var sb = new StringBuilder();
        while (true)
        {
            var start = i;
            var sawQuote = false;
            sb.Clear();
            var endOfLine = true;
            while (i < line.Length)
            {
                var c = line[i++];
                if (c == delimiter)
                {
                    endOfLine = false;
                    break;
                }
                if (c != quote)
                {
                    sb.Append(c);
                    continue;
                }
                sawQuote = true;
                while (true)
                {
                    if (i >= line.Length) throw new TenonException(SqlState.BadCopyFileFormat, "unterminated CSV quoted field");
                    c = line[i++];
                    if (c == escape && i < line.Length && (line[i] == quote || line[i] == escape))
                    {
                        sb.Append(line[i++]);
                        continue;
                    }
                    if (c == quote) break;
                    sb.Append(c);
                }
            }
            var rawEnd = endOfLine ? i : i - 1;
            var raw = line.AsSpan(start, rawEnd - start);
            fields.Add(!sawQuote && raw.SequenceEqual(_options.Null) ? null : sb.ToString());
            _quoted.Add(sawQuote);
            if (endOfLine) return fields;
        }
    }
}
