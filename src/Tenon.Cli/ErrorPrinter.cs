using System.Text;

namespace Tenon.Cli;

// Error and notice texts as libpq builds them (fe-protocol3.c: pqBuildErrorMessage3 and
// reportErrorPosition), which is what psql prints:
//
//   ERROR:  <message>[ at character N]      ("at character" only in terse mode)
//   LINE n: <the query line holding the position>
//           ^                               (under the position's character)
//   DETAIL:  <detail>
//   HINT:  <hint>
//   CONTEXT:  <context>                     (errors only, unless SHOW_CONTEXT=always)
//
// The caret line: find the line of the query holding the position (CR, LF and CRLF end lines),
// turn tabs into spaces, and if that line is wider than 60 screen columns cut it around the
// position (keeping 10 columns right of it where possible), marking cuts with "...".
internal static class ErrorPrinter
{
    private const int DisplaySize = 60;
    private const int MinRightCut = 10;

    /// <summary>Builds the full message, ending in a newline.</summary>
    public static string Format(ErrorReport report, string? query, Verbosity verbosity, ShowContext showContext, bool isError)
    {
        var sb = new StringBuilder();
        sb.Append(report.Severity).Append(":  ");
        if (verbosity == Verbosity.SqlState && !string.IsNullOrEmpty(report.SqlState))
        {
            return sb.Append(report.SqlState).Append('\n').ToString();
        }
        if (verbosity == Verbosity.SqlState) verbosity = Verbosity.Terse;
        if (verbosity == Verbosity.Verbose && !string.IsNullOrEmpty(report.SqlState)) sb.Append(report.SqlState).Append(": ");
        sb.Append(report.Message);

        var cursorPosition = 0;
        if (report.Position > 0)
        {
            if (verbosity != Verbosity.Terse && query is not null) cursorPosition = report.Position;
            else sb.Append(" at character ").Append(report.Position);
        }
        sb.Append('\n');

        if (verbosity != Verbosity.Terse)
        {
            if (cursorPosition > 0) sb.Append(CursorLines(query!, cursorPosition));
            if (report.Detail is not null) sb.Append("DETAIL:  ").Append(report.Detail).Append('\n');
            if (report.Hint is not null) sb.Append("HINT:  ").Append(report.Hint).Append('\n');
            if (report.Context is not null && (showContext == ShowContext.Always || (showContext == ShowContext.Errors && isError)))
            {
                sb.Append("CONTEXT:  ").Append(report.Context).Append('\n');
            }
        }
        if (verbosity == Verbosity.Verbose)
        {
            if (report.SchemaName is not null) sb.Append("SCHEMA NAME:  ").Append(report.SchemaName).Append('\n');
            if (report.TableName is not null) sb.Append("TABLE NAME:  ").Append(report.TableName).Append('\n');
            if (report.ColumnName is not null) sb.Append("COLUMN NAME:  ").Append(report.ColumnName).Append('\n');
            if (report.DataTypeName is not null) sb.Append("DATATYPE NAME:  ").Append(report.DataTypeName).Append('\n');
            if (report.ConstraintName is not null) sb.Append("CONSTRAINT NAME:  ").Append(report.ConstraintName).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// The "LINE n: ..." and caret lines for a 1-based <paramref name="position"/> (counted in
    /// UTF-16 units of <paramref name="query"/>), or "" when it lies outside the query.
    /// </summary>
    public static string CursorLines(string query, int position)
    {
        var loc = position - 1;
        if (loc < 0) return "";

        var text = query.ToCharArray();
        var n = text.Length;
        var scr = new int[n + 1];
        var scroffset = 0;
        var locLine = 1;
        var ibeg = 0;
        var iend = -1;
        int cno;
        for (cno = 0; cno < n; cno++)
        {
            var ch = text[cno];
            scr[cno] = scroffset;
            if (ch == '\t')
            {
                text[cno] = ' ';
            }
            else if (ch is '\r' or '\n')
            {
                if (cno < loc)
                {
                    if (ch == '\r' || cno == 0 || text[cno - 1] != '\r') locLine++;
                    ibeg = cno + 1;
                }
                else
                {
                    iend = cno;
                    break;
                }
            }
            scroffset += UnitWidth(query, cno);
        }
        if (iend < 0)
        {
            iend = cno;
            scr[iend] = scroffset;
        }
        if (loc > cno) return "";

        var begTrunc = false;
        var endTrunc = false;
        if (scr[iend] - scr[ibeg] > DisplaySize)
        {
            if (scr[ibeg] + DisplaySize >= scr[loc] + MinRightCut)
            {
                while (scr[iend] - scr[ibeg] > DisplaySize) iend--;
                endTrunc = true;
            }
            else
            {
                while (scr[loc] + MinRightCut < scr[iend])
                {
                    iend--;
                    endTrunc = true;
                }
                while (scr[iend] - scr[ibeg] > DisplaySize)
                {
                    ibeg++;
                    begTrunc = true;
                }
            }
        }

        var prefix = $"LINE {locLine}: " + (begTrunc ? "..." : "");
        var sb = new StringBuilder(prefix);
        sb.Append(text, ibeg, iend - ibeg);
        if (endTrunc) sb.Append("...");
        sb.Append('\n');
        sb.Append(' ', DisplayWidth.OfText(prefix) + scr[loc] - scr[ibeg]);
        sb.Append("^\n");
        return sb.ToString();
    }

    /// <summary>Screen width of the UTF-16 unit at <paramref name="i"/>: a surrogate pair counts once, controls count 1.</summary>
    private static int UnitWidth(string s, int i)
    {
        var c = s[i];
        if (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(s[i - 1])) return 0;
        var w = DisplayWidth.Of(DisplayWidth.CodePointAt(s, i, out _));
        return w <= 0 ? 1 : w;
    }
}
