using System.Text;

namespace Tenon;

/// <summary>The data format of a COPY to or from the client; both are textual (format code 0 on the wire).</summary>
public enum CopyFormat
{
    Text,
    Csv,
}

/// <summary>
/// What COPY … FROM STDIN asks of the front end (PostgreSQL's CopyInResponse). It arrives on the
/// <see cref="StatementResult"/> that <see cref="Session.Execute(string)"/> yields once the
/// statement has been checked (table, columns, options). While the enumeration is suspended on
/// that result, the front end passes the client's data with <see cref="Write(string)"/> (any
/// chunking: lines, CopyData messages, a whole file), then calls <see cref="Complete"/> (CopyDone)
/// or <see cref="Fail"/> (CopyFail), and resumes the enumeration: the next result is the COPY's
/// own (<c>COPY n</c>), or its error is thrown. A request left unanswered fails the COPY. See docs/COPY.md.
/// </summary>
public sealed class CopyInRequest
{
    private readonly StringBuilder _data = new();
    private readonly Decoder _utf8 = new UTF8Encoding(false, true).GetDecoder();

    internal CopyInRequest(CopyFormat format, int columnCount)
    {
        Format = format;
        ColumnCount = columnCount;
    }

    public CopyFormat Format { get; }

    /// <summary>How many columns each row carries (for CopyInResponse's per-column format codes).</summary>
    public int ColumnCount { get; }

    /// <summary>True once <see cref="Complete"/> or <see cref="Fail"/> was called.</summary>
    public bool IsFinished { get; private set; }

    internal string? FailureMessage { get; private set; }

    internal string Data => _data.ToString();

    /// <summary>Appends copy data; line breaks inside are the data's own, so pass them through.</summary>
    public void Write(string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ThrowIfFinished();
        _data.Append(data);
    }

    /// <summary>Appends copy data as UTF-8 bytes (a CopyData message); a character may be split across calls.</summary>
    public void Write(ReadOnlySpan<byte> utf8)
    {
        ThrowIfFinished();
        var chars = new char[_utf8.GetCharCount(utf8, flush: false)];
        var n = _utf8.GetChars(utf8, chars, flush: false);
        _data.Append(chars, 0, n);
    }

    /// <summary>The client finished sending (CopyDone, or psql's <c>\.</c> / end of input).</summary>
    public void Complete()
    {
        ThrowIfFinished();
        var chars = new char[_utf8.GetCharCount([], flush: true)];
        var n = _utf8.GetChars([], chars, flush: true);
        _data.Append(chars, 0, n);
        IsFinished = true;
    }

    /// <summary>The client gave up (CopyFail): the COPY fails with <c>COPY from stdin failed: message</c>.</summary>
    public void Fail(string message)
    {
        ThrowIfFinished();
        FailureMessage = message;
        IsFinished = true;
    }

    private void ThrowIfFinished()
    {
        if (IsFinished) throw new InvalidOperationException("the COPY data has already been completed");
    }
}
