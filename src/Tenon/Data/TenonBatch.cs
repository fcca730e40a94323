using System.Data;
using System.Data.Common;

namespace Tenon.Data;

/// <summary>
/// Several commands sent as one unit (ADO.NET's <see cref="DbBatch"/>), with Npgsql's
/// semantics: outside a transaction they run as one implicit transaction, so the first failing
/// command rolls back every command before it and nothing after it runs; inside a transaction a
/// failure fails the transaction as a single command's would. The reader returns the result
/// sets of every command in order; each command's <see cref="TenonBatchCommand.RecordsAffected"/>
/// is set as its statements complete.
/// </summary>
public sealed class TenonBatch : DbBatch
{
    private TenonConnection? _connection;

    public TenonBatch() { }

    public TenonBatch(TenonConnection? connection, TenonTransaction? transaction = null)
    {
        _connection = connection;
        Transaction = transaction;
    }

    public new TenonBatchCommandCollection BatchCommands { get; } = new();

    protected override DbBatchCommandCollection DbBatchCommands => BatchCommands;

    /// <summary>Seconds each statement of the batch may run (0: no limit), as <see cref="TenonCommand.CommandTimeout"/>.</summary>
    public override int Timeout
    {
        get => _timeout;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _timeout = value;
        }
    }

    private int _timeout = 30;

    public new TenonConnection? Connection
    {
        get => _connection;
        set => _connection = value;
    }

    protected override DbConnection? DbConnection
    {
        get => _connection;
        set => _connection = (TenonConnection?)value;
    }

    /// <summary>Informational, as for <see cref="TenonCommand.Transaction"/>: a batch runs in its connection's current transaction.</summary>
    public new TenonTransaction? Transaction { get; set; }

    protected override DbTransaction? DbTransaction
    {
        get => Transaction;
        set => Transaction = (TenonTransaction?)value;
    }

    public new TenonBatchCommand CreateBatchCommand() => new();

    protected override DbBatchCommand CreateDbBatchCommand() => CreateBatchCommand();

    /// <summary>Cancels the statement the batch's connection is running (from another thread): it fails with 57014.</summary>
    public override void Cancel() => _connection?.SessionIfOpen?.Cancel();

    /// <summary>Parses every command now (syntax errors surface here) so executions skip parsing.</summary>
    public override void Prepare()
    {
        var connection = CheckConnection();
        foreach (var command in BatchCommands.Items) command.Prepare(connection.Session);
    }

    public override Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Prepare();
        return Task.CompletedTask;
    }

    public override int ExecuteNonQuery()
    {
        using var reader = ExecuteReader();
        return reader.RunToEnd();
    }

    public override object? ExecuteScalar()
    {
        using var reader = ExecuteReader();
        return reader.FirstValueThenClose();
    }

    public new TenonDataReader ExecuteReader(CommandBehavior behavior = CommandBehavior.Default) => (TenonDataReader)ExecuteDbDataReader(behavior);

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        if ((behavior & CommandBehavior.SchemaOnly) != 0)
            throw new NotSupportedException("CommandBehavior.SchemaOnly is not supported: Tenon cannot describe a statement without running it.");
        var connection = CheckConnection();
        var commands = BatchCommands.Items;
        if (commands.Count == 0) throw new InvalidOperationException("The batch has no commands.");
        var prepared = new List<(PreparedStatement Statement, IReadOnlyList<object?>? Parameters)>(commands.Count);
        var statementCounts = new int[commands.Count];
        var positions = new PositionMap[commands.Count];
        for (var i = 0; i < commands.Count; i++)
        {
            commands[i].ResetRecordsAffected();
            var (statement, binding) = commands[i].Prepare(connection.Session);
            prepared.Add((statement, binding.Values(commands[i].Parameters)));
            statementCounts[i] = statement.Statements.Count;
            positions[i] = binding.Positions;
        }
        connection.Session.CommandTimeoutMs = Timeout * 1000L;
        var results = new BatchResults(connection.Session.ExecuteBatch(prepared).GetEnumerator(), commands, statementCounts, positions);
        var reader = new TenonDataReader(connection, results, behavior, PositionMap.Identity);
        connection.OpenReader = reader;
        // A finally, not a catch that rethrows: the statement's error is not dispatched a second time.
        var started = false;
        try
        {
            reader.Start();
            started = true;
        }
        finally
        {
            if (!started) reader.Abandon();
        }
        return reader;
    }

    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using (cancellationToken.Register(Cancel)) return Task.FromResult(ExecuteDbDataReader(behavior));
    }

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using (cancellationToken.Register(Cancel)) return Task.FromResult(ExecuteNonQuery());
    }

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using (cancellationToken.Register(Cancel)) return Task.FromResult(ExecuteScalar());
    }

    private TenonConnection CheckConnection()
    {
        var connection = _connection ?? throw new InvalidOperationException("The batch has no connection.");
        connection.CheckReady();
        if (Transaction is { } tx && tx.Connection != connection)
            throw new InvalidOperationException("The batch's transaction belongs to another connection or has completed.");
        return connection;
    }
}
