using System.Data;
using System.Data.Common;

namespace Tenon.Data;

/// <summary>
/// A transaction block (BEGIN … COMMIT/ROLLBACK) on a <see cref="TenonConnection"/>, with
/// savepoints. As in PostgreSQL, after a statement fails inside the block every further statement
/// is rejected (SQLSTATE 25P02) until the block or a savepoint is rolled back; committing a failed
/// block rolls it back. Disposing an uncompleted transaction rolls it back.
/// </summary>
public sealed class TenonTransaction : DbTransaction
{
    private TenonConnection? _connection;
    private readonly IsolationLevel _isolationLevel;

    internal TenonTransaction(TenonConnection connection, IsolationLevel isolationLevel)
    {
        _connection = connection;
        _isolationLevel = isolationLevel;
    }

    /// <summary>The connection, or null once the transaction has completed.</summary>
    public new TenonConnection? Connection => _connection;

    protected override DbConnection? DbConnection => _connection;

    public override IsolationLevel IsolationLevel => _isolationLevel;

    public bool IsCompleted => _connection is null;

    public override bool SupportsSavepoints => true;

    public override void Commit() => End("COMMIT");

    public override void Rollback() => End("ROLLBACK");

    public override void Save(string savepointName) => Active().ExecuteControl("SAVEPOINT " + Quote(savepointName));

    public override void Rollback(string savepointName) => Active().ExecuteControl("ROLLBACK TO SAVEPOINT " + Quote(savepointName));

    public override void Release(string savepointName) => Active().ExecuteControl("RELEASE SAVEPOINT " + Quote(savepointName));

    private void End(string sql)
    {
        var connection = Active();
        connection.ExecuteControl(sql);
        MarkCompleted();
    }

    private TenonConnection Active()
    {
        var connection = _connection ?? throw new InvalidOperationException("This transaction has completed; it is no longer usable.");
        if (connection.Session.TransactionStatus == TransactionStatus.Idle)
        {
            // A COMMIT or ROLLBACK statement run as a command ended the block behind our back.
            MarkCompleted();
            throw new InvalidOperationException("The transaction block was already ended by a COMMIT or ROLLBACK statement.");
        }
        return connection;
    }

    internal void MarkCompleted()
    {
        if (_connection?.Transaction == this) _connection.Transaction = null;
        _connection = null;
    }

    private static string Quote(string name)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("A savepoint name must not be empty.", nameof(name));
        return "\"" + name.Replace("\"", "\"\"") + "\"";
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _connection is { State: ConnectionState.Open } connection)
        {
            connection.OpenReader?.Abandon();
            if (connection.Session.TransactionStatus != TransactionStatus.Idle) connection.ExecuteControl("ROLLBACK");
            MarkCompleted();
        }
        base.Dispose(disposing);
    }
}
