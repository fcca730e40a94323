namespace Tenon;

/// <summary>
/// The rows of a COPY … TO STDOUT, already in COPY's text or CSV format (PostgreSQL's
/// CopyOutResponse followed by one CopyData per line). Each line ends with <c>\n</c>; a header
/// line, when requested, is the first. The statement's command tag (<c>COPY n</c>) counts data
/// rows only. See docs/COPY.md.
/// </summary>
public sealed class CopyOutData
{
    internal CopyOutData(CopyFormat format, int columnCount, IReadOnlyList<string> lines)
    {
        Format = format;
        ColumnCount = columnCount;
        Lines = lines;
    }

    public CopyFormat Format { get; }

    public int ColumnCount { get; }

    public IReadOnlyList<string> Lines { get; }
}
