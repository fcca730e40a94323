using System.Data.Common;

namespace Tenon.Errors;

/// <summary>
/// The one exception Tenon raises for anything that ends a statement. It carries the same fields
/// as PostgreSQL's ErrorResponse (and Npgsql's PostgresException), so every front end — the shell,
/// the wire protocol, ADO.NET — can report an error exactly as PostgreSQL 15 would.
/// </summary>
public sealed class TenonException : DbException
{
    public TenonException(string sqlState, string messageText, string? detail = null, string? hint = null)
        : base(messageText)
    {
        SqlState = sqlState;
        MessageText = messageText;
        Detail = detail;
        Hint = hint;
    }

    /// <summary>An internal failure (XX000) that ended a statement; the statement changed nothing.</summary>
    public static TenonException Internal(Exception cause) =>
        new(Tenon.Errors.SqlState.InternalError, "internal error: " + cause.Message, cause);

    private TenonException(string sqlState, string messageText, Exception inner)
        : base(messageText, inner)
    {
        SqlState = sqlState;
        MessageText = messageText;
    }

    /// <summary>Five-character SQLSTATE code, e.g. <c>23505</c>.</summary>
    public override string SqlState { get; }

    /// <summary>ERROR, FATAL or PANIC (the localized and non-localized severities are the same).</summary>
    public string Severity { get; init; } = "ERROR";

    /// <summary>The primary message, without the severity prefix.</summary>
    public string MessageText { get; }

    public string? Detail { get; init; }
    public string? Hint { get; init; }

    /// <summary>1-based character position into the statement text, or 0 when unknown.</summary>
    public int Position { get; set; }

    public string? SchemaName { get; init; }
    public string? TableName { get; init; }
    public string? ColumnName { get; init; }
    public string? DataTypeName { get; init; }
    public string? ConstraintName { get; init; }

    /// <summary>Internal context lines (PostgreSQL's CONTEXT field), if any.</summary>
    public string? Where { get; set; }

    public TenonException WithPosition(int position)
    {
        if (Position == 0) Position = position;
        return this;
    }
}
