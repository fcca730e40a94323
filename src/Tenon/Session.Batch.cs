using Tenon.Sql.Ast;

namespace Tenon;

public sealed partial class Session
{
    /// <summary>
    /// Runs several prepared statement texts, each with its own positional parameters, in order
    /// and lazily, as one unit: outside a transaction block they form one implicit transaction
    /// (as the statements of one simple-query string do, and as Npgsql's batches do over the
    /// extended protocol), so the first error rolls back every earlier one and nothing after it
    /// runs; inside a block an error fails the block as any statement does. One result per
    /// statement, in order.
    /// </summary>
    public IEnumerable<StatementResult> ExecuteBatch(IReadOnlyList<(PreparedStatement Statement, IReadOnlyList<object?>? Parameters)> batch)
    {
        var statements = new List<Statement>();
        var parameters = new List<IReadOnlyList<object?>?>();
        foreach (var (statement, values) in batch)
        {
            foreach (var parsed in statement.Statements)
            {
                statements.Add(parsed);
                parameters.Add(values);
            }
        }
        return ExecuteStatements(statements, i => parameters[i]);
    }
}
