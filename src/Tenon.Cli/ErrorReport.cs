using Tenon.Errors;

namespace Tenon.Cli;

/// <summary>The fields of an ErrorResponse or NoticeResponse that psql prints.</summary>
internal sealed record ErrorReport(string Severity, string SqlState, string Message)
{
    public string? Detail { get; init; }
    public string? Hint { get; init; }
    public string? Context { get; init; }

    /// <summary>1-based position into the query text, 0 when none.</summary>
    public int Position { get; init; }

    public string? SchemaName { get; init; }
    public string? TableName { get; init; }
    public string? ColumnName { get; init; }
    public string? DataTypeName { get; init; }
    public string? ConstraintName { get; init; }

    public static ErrorReport From(TenonException ex) => new(ex.Severity, ex.SqlState, ex.MessageText)
    {
        Detail = ex.Detail,
        Hint = ex.Hint,
        Context = ex.Where,
        Position = ex.Position,
        SchemaName = ex.SchemaName,
        TableName = ex.TableName,
        ColumnName = ex.ColumnName,
        DataTypeName = ex.DataTypeName,
        ConstraintName = ex.ConstraintName,
    };

    public static ErrorReport From(Notice notice) => new(notice.Severity, notice.SqlState, notice.Message)
    {
        Detail = notice.Detail,
        Hint = notice.Hint,
    };
}
