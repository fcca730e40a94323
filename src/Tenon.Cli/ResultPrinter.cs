using System.Text;

namespace Tenon.Cli;

// Result tables as psql's print.c writes them with the ascii line style.
//
// Aligned (print_aligned_text), border 1:
//   A.1  Column width = widest of header and cells, each measured line by line after
//        pg_wcsformat (tabs to multiples of 8, \r and control characters escaped, wide chars 2).
//   A.2  Header line(s): each header centered (extra space goes right), " " before it, then
//        "+" if the header continues on another line else " ", "|" between columns.
//   A.3  Rule: "-" * width per column joined by "-+-", framed by "-".
//   A.4  Rows: numeric columns right-aligned; a value continuing on a next line ends with "+";
//        the last column is not padded unless it needs a "+" mark.
//   A.5  Footer "(N rows)" / "(1 row)", or the table's own footer lines instead, then an empty line.
//   A.6  A title goes above the header, centered over the table's total width (left when wider).
// Expanded (print_aligned_vertical): "-[ RECORD n ]" rules, "name | value" lines.
// Unaligned: fields joined by "|", footer, no blank line. CSV: RFC-4180-style quoting, no footer.
internal sealed class ResultPrinter(PrintSettings settings)
{
    private readonly PrintSettings _settings = settings;

    public void Print(ResultTable table, TextWriter output)
    {
        var sb = new StringBuilder();
        switch (_settings.Format)
        {
            case PrintFormat.Unaligned:
                WriteUnaligned(table, sb);
                break;
            case PrintFormat.Csv:
                WriteCsv(table, sb);
                break;
            default:
                if (_settings.Expanded) WriteExpanded(table, sb);
                else WriteAligned(table, sb);
                break;
        }
        output.Write(sb.ToString());
    }

    private string Cell(string? value) => value ?? _settings.NullDisplay;

    private static string RowCountFooter(int rows) => rows == 1 ? "(1 row)" : $"({rows} rows)";

    /// <summary>The footer lines to print: the table's own (shown even with \pset footer off), else "(N rows)" when enabled.</summary>
    private IReadOnlyList<string> FooterLines(ResultTable table)
    {
        if (_settings.TuplesOnly) return [];
        if (table.Footers is { } own) return own;
        return _settings.Footer ? [RowCountFooter(table.Rows.Count)] : [];
    }

    private void WriteAligned(ResultTable table, StringBuilder sb)
    {
        var border = _settings.Border;
        var ncol = table.Headers.Count;
        var headers = table.Headers.Select(DisplayWidth.FormatLines).ToArray();
        var cells = table.Rows.Select(r => r.Select(v => DisplayWidth.FormatLines(Cell(v))).ToArray()).ToArray();

        var widths = new int[ncol];
        for (var i = 0; i < ncol; i++)
        {
            widths[i] = headers[i].Max(l => l.Width);
            foreach (var row in cells) widths[i] = Math.Max(widths[i], row[i].Max(l => l.Width));
        }

        if (table.Title is { } title && !_settings.TuplesOnly)
        {
            var totalWidth = widths.Sum() + (border == 0 ? ncol : border == 1 ? ncol * 3 - (ncol > 0 ? 1 : 0) : ncol * 3 + 1);
            var titleWidth = DisplayWidth.FormatLines(title).Max(l => l.Width);
            if (titleWidth < totalWidth) sb.Append(' ', (totalWidth - titleWidth) / 2);
            sb.Append(title).Append('\n');
        }
        if (border == 2) HorizontalLine(sb, widths, border, '+');
        if (!_settings.TuplesOnly)
        {
            var headerLines = ncol == 0 ? 0 : headers.Max(h => h.Count);
            for (var line = 0; line < headerLines; line++)
            {
                if (border == 2) sb.Append('|');
                for (var i = 0; i < ncol; i++)
                {
                    // psql's ascii style: header_nl_left is " " like the first line's spacer.
                    if (border != 0) sb.Append(' ');
                    var h = headers[i];
                    if (line < h.Count)
                    {
                        var space = widths[i] - h[line].Width;
                        sb.Append(' ', space / 2).Append(h[line].Text).Append(' ', (space + 1) / 2);
                        sb.Append(line < h.Count - 1 ? '+' : ' ');
                    }
                    else
                    {
                        sb.Append(' ', widths[i]).Append(' ');
                    }
                    if (border != 0 && i < ncol - 1) sb.Append('|');
                }
                if (border == 2) sb.Append('|');
                sb.Append('\n');
            }
            HorizontalLine(sb, widths, border, '+');
        }

        foreach (var row in cells) WriteAlignedRow(sb, row, widths, table.RightAligned, border);

        if (border == 2) HorizontalLine(sb, widths, border, '+');
        foreach (var footer in FooterLines(table)) sb.Append(footer).Append('\n');
        sb.Append('\n');
    }

    private static void WriteAlignedRow(StringBuilder sb, List<(string Text, int Width)>[] row, int[] widths, IReadOnlyList<bool> right, int border)
    {
        var ncol = row.Length;
        var lineNo = 0;
        var maxLines = ncol == 0 ? 0 : row.Max(c => c.Count);
        for (; lineNo < maxLines; lineNo++)
        {
            if (border == 2) sb.Append('|');
            for (var j = 0; j < ncol; j++)
            {
                var cell = row[j];
                var finalSpaces = border == 2 || j < ncol - 1;
                if (border != 0) sb.Append(' ');
                var continues = false;
                var printed = 0;
                if (lineNo < cell.Count)
                {
                    var (text, width) = cell[lineNo];
                    printed = Math.Min(width, widths[j]);
                    if (right[j]) sb.Append(' ', widths[j] - printed);
                    sb.Append(text);
                    continues = lineNo + 1 < cell.Count;
                }
                else if (finalSpaces)
                {
                    sb.Append(' ', widths[j]);
                    printed = widths[j];
                }

                if (!right[j] && lineNo < cell.Count && (finalSpaces || continues)) sb.Append(' ', widths[j] - printed);
                if (continues) sb.Append('+');
                else if (finalSpaces) sb.Append(' ');
                if (border != 0 && j < ncol - 1) sb.Append('|');
            }
            if (border == 2) sb.Append('|');
            sb.Append('\n');
        }
    }

    private static void HorizontalLine(StringBuilder sb, int[] widths, int border, char cross)
    {
        if (border == 1) sb.Append('-');
        else if (border == 2) sb.Append(cross).Append('-');
        for (var i = 0; i < widths.Length; i++)
        {
            sb.Append('-', widths[i]);
            if (i < widths.Length - 1)
            {
                if (border == 0) sb.Append(' ');
                else sb.Append('-').Append(cross).Append('-');
            }
        }
        if (border == 2) sb.Append('-').Append(cross);
        else if (border == 1) sb.Append('-');
        sb.Append('\n');
    }

    private void WriteExpanded(ResultTable table, StringBuilder sb)
    {
        var border = _settings.Border;
        var ncol = table.Headers.Count;
        if (table.Rows.Count == 0)
        {
            foreach (var footer in FooterLines(table)) sb.Append(footer).Append('\n');
            sb.Append('\n');
            return;
        }
        if (table.Title is { } title && !_settings.TuplesOnly) sb.Append(title).Append('\n');

        var headers = table.Headers.Select(DisplayWidth.FormatLines).ToArray();
        var cells = table.Rows.Select(r => r.Select(v => DisplayWidth.FormatLines(Cell(v))).ToArray()).ToArray();
        var hwidth = 0;
        var dwidth = 0;
        var hmultiline = false;
        var dmultiline = false;
        foreach (var h in headers)
        {
            hwidth = Math.Max(hwidth, h.Max(l => l.Width));
            if (h.Count > 1) hmultiline = true;
        }
        foreach (var row in cells)
        {
            foreach (var c in row)
            {
                dwidth = Math.Max(dwidth, c.Max(l => l.Width));
                if (c.Count > 1) dmultiline = true;
            }
        }

        for (var r = 0; r < cells.Length; r++)
        {
            if (!_settings.TuplesOnly) RecordLine(sb, border, r + 1, hwidth, dwidth);
            else if (r != 0 || border == 2) RecordLine(sb, border, 0, hwidth, dwidth);

            for (var i = 0; i < ncol; i++)
            {
                var h = headers[i];
                var d = cells[r][i];
                var hline = 0;
                var dline = 0;
                var hcomplete = false;
                var dcomplete = false;
                while (!hcomplete || !dcomplete)
                {
                    if (border == 2) sb.Append('|');
                    if (!hcomplete)
                    {
                        if (border == 2) sb.Append(' ');
                        sb.Append(h[hline].Text).Append(' ', Math.Max(0, hwidth - h[hline].Width));
                        if (hline + 1 < h.Count)
                        {
                            if (border > 0 || hmultiline) sb.Append('+');
                            hline++;
                        }
                        else
                        {
                            if (border > 0 || hmultiline) sb.Append(' ');
                            hcomplete = true;
                        }
                    }
                    else
                    {
                        var swidth = hwidth + border;
                        if (border == 0 && hmultiline) swidth++;
                        sb.Append(' ', swidth);
                    }

                    if (border > 0) sb.Append('|');

                    if (!dcomplete)
                    {
                        sb.Append(' ').Append(d[dline].Text);
                        var swidth = dwidth - d[dline].Width;
                        if (dline + 1 < d.Count)
                        {
                            if (border > 1 || dmultiline)
                            {
                                sb.Append(' ', Math.Max(0, swidth)).Append('+');
                            }
                            dline++;
                        }
                        else
                        {
                            if (border > 1) sb.Append(' ', Math.Max(0, swidth)).Append(' ');
                            dcomplete = true;
                        }
                        if (border == 2) sb.Append('|');
                        sb.Append('\n');
                    }
                    else
                    {
                        if (border < 2) sb.Append('\n');
                        else sb.Append(' ', dwidth).Append("  |\n");
                    }
                }
            }
        }
        if (border == 2) RecordLine(sb, border, 0, hwidth, dwidth);
        // Only a table's own footers show in expanded mode, after a blank line unless border 2.
        if (table.Footers is { Count: > 0 } footers && !_settings.TuplesOnly)
        {
            if (border < 2) sb.Append('\n');
            foreach (var footer in footers) sb.Append(footer).Append('\n');
        }
        sb.Append('\n');
    }

    /// <summary>print_aligned_vertical_line: the "-[ RECORD n ]-----" rule.</summary>
    private static void RecordLine(StringBuilder sb, int border, int record, int hwidth, int dwidth)
    {
        if (border == 2) sb.Append("+-");
        else if (border == 1) sb.Append('-');
        var reclen = 0;
        if (record > 0)
        {
            var label = border == 0 ? $"* Record {record}" : $"[ RECORD {record} ]";
            sb.Append(label);
            reclen = label.Length;
        }
        if (border != 2) reclen++;
        for (var i = reclen; i < hwidth; i++) sb.Append(border > 0 ? '-' : ' ');
        reclen -= hwidth;
        if (border > 0)
        {
            if (reclen-- <= 0) sb.Append('-');
            if (reclen-- <= 0) sb.Append('+');
            if (reclen-- <= 0) sb.Append('-');
        }
        else
        {
            if (reclen-- <= 0) sb.Append(' ');
        }
        if (reclen < 0) reclen = 0;
        for (var i = reclen; i < dwidth; i++) sb.Append(border > 0 ? '-' : ' ');
        if (border == 2) sb.Append("-+");
        sb.Append('\n');
    }

    private void WriteUnaligned(ResultTable table, StringBuilder sb)
    {
        var fieldSep = _settings.FieldSeparator;
        var needRecordSep = false;
        if (!_settings.TuplesOnly && table.Title is { } title) sb.Append(title).Append(_settings.RecordSeparator);
        if (!_settings.TuplesOnly)
        {
            sb.AppendJoin(fieldSep, table.Headers);
            needRecordSep = true;
        }
        foreach (var row in table.Rows)
        {
            if (needRecordSep) sb.Append(_settings.RecordSeparator);
            sb.AppendJoin(fieldSep, row.Select(Cell));
            needRecordSep = true;
        }
        foreach (var footer in FooterLines(table))
        {
            if (needRecordSep) sb.Append(_settings.RecordSeparator);
            sb.Append(footer);
            needRecordSep = true;
        }
        if (needRecordSep) sb.Append('\n');
    }

    private void WriteCsv(ResultTable table, StringBuilder sb)
    {
        var sep = _settings.CsvFieldSeparator;
        if (!_settings.TuplesOnly)
        {
            sb.AppendJoin(sep, table.Headers.Select(h => CsvField(h, sep))).Append('\n');
        }
        foreach (var row in table.Rows)
        {
            sb.AppendJoin(sep, row.Select(v => CsvField(Cell(v), sep))).Append('\n');
        }
    }

    private static string CsvField(string value, string sep)
    {
        var quote = value.Contains(sep, StringComparison.Ordinal) || value.Contains('"') || value.Contains('\n') || value.Contains('\r')
            || value == "\\." || sep is "\\" or ".";
        return quote ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
