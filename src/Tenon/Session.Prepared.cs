using Tenon.Sql;
using Tenon.Sql.Ast;

namespace Tenon;

/// <summary>
/// A statement text parsed once (<see cref="Session.Prepare"/>) and run many times with new
/// parameter values. Only the parse is kept: binding depends on the parameter values' types and
/// on the catalog at the time of each execution, so it is redone on every run.
/// </summary>
public sealed class PreparedStatement
{
    internal PreparedStatement(string sql, IReadOnlyList<Statement> statements)
    {
        Sql = sql;
        Statements = statements;
    }

    public string Sql { get; }

    /// <summary>The parsed statements (several when the text holds several separated by ';').</summary>
    public IReadOnlyList<Statement> Statements { get; }
}

public sealed partial class Session
{
    /// <summary>
    /// Parses <paramref name="sql"/> now (syntax errors are thrown here) for repeated execution
    /// with <see cref="Execute(PreparedStatement, IReadOnlyList{object?}?)"/>.
    /// </summary>
    public PreparedStatement Prepare(string sql) => new(sql, Parser.ParseScript(sql));

    /// <summary>
    /// Runs a prepared statement text exactly as <see cref="Execute(string)"/> runs its text
    /// (lazily, one result per statement, one implicit transaction for several statements), with
    /// positional parameters <c>$1..$n</c> as in <see cref="ExecuteSingle"/>.
    /// </summary>
    public IEnumerable<StatementResult> Execute(PreparedStatement statement, IReadOnlyList<object?>? parameters = null) =>
        ExecuteCore(statement.Sql, parameters, statement.Statements);

    /// <summary>
    /// Runs a prepared statement text to its end and returns the last statement's result, as
    /// <see cref="ExecuteSingle(string, IReadOnlyList{object?}?)"/> does for a text: the way to run
    /// one statement again and again (a row insert of a loop) without the enumerator of
    /// <see cref="Execute(PreparedStatement, IReadOnlyList{object?}?)"/>.
    /// </summary>
    public StatementResult ExecuteSingle(PreparedStatement statement, IReadOnlyList<object?>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(statement);
        StatementResult? last = null;
        if (statement.Statements.Count != 1)
        {
            foreach (var r in ExecuteCore(statement.Sql, parameters, statement.Statements)) last = r;
            return last ?? new StatementResult("");
        }
        // What SingleStatementRun does when read to its end.
        var stmt = statement.Statements[0];
        last = ThrowIfFailed(ExecuteStatement(stmt, parameters, inBatch: false));
        if (last.CopyIn is { } request) last = ThrowIfFailed(ExecuteStatement(stmt, parameters, inBatch: false, request));
        return last;
    }

    /// <summary>The catalog this session sees now (its transaction's, or the latest committed one); front ends use it to describe result columns.</summary>
    internal Catalog.SystemCatalog CurrentCatalog => _tx?.Catalog ?? Database.Committed.Catalog;

    /// <summary>
    /// <see cref="Execute(string, IReadOnlyList{object?}?)"/> for the ADO.NET provider, which reads
    /// the first result at once anyway: parses now (through the parse cache, with its notices), so
    /// a syntax error is thrown here, and one statement then runs as a prepared one does, without
    /// the general iterators around it.
    /// </summary>
    internal IEnumerable<StatementResult> ParseNowAndExecute(string sql, IReadOnlyList<object?>? parameters) =>
        ExecuteCore(sql, parameters, ParseCached(sql));

    /// <summary>Runs every statement of <paramref name="sql"/> with positional parameters, yielding each result lazily.</summary>
    public IEnumerable<StatementResult> Execute(string sql, IReadOnlyList<object?>? parameters) => ExecuteCore(sql, parameters);
}
