using Tenon.Types;

namespace Tenon;

/// <summary>One column of a result set, as PostgreSQL's RowDescription describes it.</summary>
/// <param name="Name">The column label (alias, column name, function name or <c>?column?</c>).</param>
/// <param name="Type">The SQL type, with its modifier when it comes straight from a table column.</param>
/// <param name="TableOid">OID of the source table when the column is a plain table column, else 0.</param>
/// <param name="ColumnNumber">1-based attribute number in that table, else 0.</param>
public sealed record ResultColumn(string Name, SqlType Type, uint TableOid = 0, short ColumnNumber = 0);

/// <summary>
/// What one statement produced: its PostgreSQL command tag (<c>INSERT 0 3</c>, <c>SELECT 2</c>,
/// <c>CREATE TABLE</c>, …) and, for statements that return rows (SELECT, VALUES, … RETURNING),
/// the columns and rows. Row values use the CLR representations listed on <see cref="TypeId"/>.
/// </summary>
public sealed class StatementResult
{
    public StatementResult(string commandTag, IReadOnlyList<ResultColumn>? columns = null, IReadOnlyList<object?[]>? rows = null)
    {
        CommandTag = commandTag;
        Columns = columns;
        Rows = rows ?? Array.Empty<object?[]>();
    }

    /// <summary>PostgreSQL's CommandComplete tag.</summary>
    public string CommandTag { get; }

    /// <summary>The row description, or null when the statement returns no rows (psql then prints nothing for it).</summary>
    public IReadOnlyList<ResultColumn>? Columns { get; }

    public IReadOnlyList<object?[]> Rows { get; }

    public bool HasRows => Columns is not null;

    /// <summary>Set when COPY … FROM STDIN waits for the client's data; answer it before resuming the enumeration.</summary>
    public CopyInRequest? CopyIn { get; init; }

    /// <summary>Set for COPY … TO STDOUT: the data to send before the command tag.</summary>
    public CopyOutData? CopyOut { get; init; }

    /// <summary>
    /// The error that rejected the statement, carried up to the session's statement loop as a value
    /// instead of thrown through every frame in between (see <see cref="Execution.ExecContext.FailureAsValueFor"/>);
    /// the loop undoes the statement and throws it to the caller once. Never seen outside the engine.
    /// </summary>
    internal Errors.TenonException? Failure { get; private init; }

    internal static StatementResult Failed(Errors.TenonException error) => new("") { Failure = error };
}

/// <summary>A NOTICE/WARNING/INFO message raised while a statement ran.</summary>
public sealed record Notice(string Severity, string SqlState, string Message, string? Detail = null, string? Hint = null);

/// <summary>The transaction state PostgreSQL reports in ReadyForQuery.</summary>
public enum TransactionStatus
{
    /// <summary>'I': not in a transaction block.</summary>
    Idle,
    /// <summary>'T': in a transaction block.</summary>
    InTransaction,
    /// <summary>'E': in a failed transaction block; statements are rejected until ROLLBACK.</summary>
    Failed,
}
