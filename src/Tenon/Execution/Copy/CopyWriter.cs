using System.Text;

namespace Tenon.Execution.Copy;

/// <summary>
/// Formats COPY TO lines. Text: NULL is the NULL string; backslash, the delimiter and the control
/// characters <c>\b \f \n \r \t \v</c> are backslash-escaped (other control characters pass as
/// they are). CSV: NULL is the NULL string unquoted; a value is quoted when FORCE_QUOTE asks, when
/// it equals the NULL string, when it holds the delimiter, quote, CR or LF, or when a single-column
/// value is <c>\.</c>; inside quotes the quote and escape characters are preceded by the escape.
/// </summary>
public sealed class CopyWriter(CopyOptions options)
{
    private readonly StringBuilder _sb = new();

    /// <summary>One line (ending with <c>\n</c>) for <paramref name="values"/> already converted to text (null = NULL).</summary>
    public string FormatLine(IReadOnlyList<string?> values, IReadOnlyList<bool>? forceQuote = null)
    {
        _sb.Clear();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) _sb.Append(options.Delimiter);
            var v = values[i];
            if (v is null) _sb.Append(options.Null);
            else if (options.IsCsv) AppendCsv(v, forceQuote is not null && forceQuote[i], values.Count == 1);
            else AppendText(v);
        }
        _sb.Append('\n');
        return _sb.ToString();
    }

    private void AppendText(string v)
    {
        foreach (var c in v)
        {
            switch (c)
            {
                case '\b': _sb.Append("\\b"); break;
                case '\f': _sb.Append("\\f"); break;
                case '\n': _sb.Append("\\n"); break;
                case '\r': _sb.Append("\\r"); break;
                case '\t': _sb.Append("\\t"); break;
                case '\v': _sb.Append("\\v"); break;
                case '\\': _sb.Append("\\\\"); break;
                default:
                    if (c == options.Delimiter) _sb.Append('\\');
                    _sb.Append(c);
                    break;
            }
        }
    }

    private void AppendCsv(string v, bool force, bool singleColumn)
    {
        var quote = force || v == options.Null;
        if (!quote)
        {
            if (singleColumn && v == "\\.") quote = true;
            else
                foreach (var c in v)
                    if (c == options.Delimiter || c == options.Quote || c is '\n' or '\r')
                    {
                        quote = true;
                        break;
                    }
        }
        if (!quote)
        {
            _sb.Append(v);
            return;
        }
        _sb.Append(options.Quote);
        foreach (var c in v)
        {
            if (c == options.Quote || c == options.Escape) _sb.Append(options.Escape);
            _sb.Append(c);
        }
        _sb.Append(options.Quote);
    }
}
