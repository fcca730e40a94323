using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Tenon.Errors;

namespace Tenon.Data;

/// <summary>
/// A SQL command: one statement or several separated by <c>;</c> (run in order, as PostgreSQL's
/// simple query protocol runs them: outside a transaction block, together as one implicit
/// transaction). Parameters are either all positional (unnamed, referenced as <c>$1</c>, <c>$2</c>, …
/// in collection order) or all named (referenced as <c>@name</c>).
/// <see cref="Prepare"/> parses the text once; later executions reuse the parse with the
/// parameters' current values.
/// </summary>
public sealed class TenonCommand : DbCommand
{
    private string _commandText = "";
    private TenonConnection? _connection;
    private Prepared? _prepared;

    /// <summary>A prepared text: its parse, how parameters map to $n, and what it was prepared against.</summary>
    private sealed record Prepared(PreparedStatement Statement, ParameterBinding Binding, TenonConnection Connection, Session Session, string[] Names);

    public TenonCommand() { }

    public TenonCommand(string? commandText, TenonConnection? connection = null, TenonTransaction? transaction = null)
    {
        CommandText = commandText;
        _connection = connection;
        Transaction = transaction;
    }

    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set
        {
            _commandText = value ?? "";
            _prepared = null;
        }
    }

    /// <summary>
    /// Seconds each statement of the command may run (0: no limit). A statement that runs longer
    /// fails with 57014 "canceling statement due to statement timeout", as with statement_timeout
    /// (the smaller of the two applies).
    /// </summary>
    public override int CommandTimeout
    {
        get => _commandTimeout;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _commandTimeout = value;
        }
    }

    private int _commandTimeout = 30;

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text) throw new NotSupportedException($"CommandType.{value} is not supported; only Text.");
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; } = UpdateRowSource.None;

    public new TenonConnection? Connection
    {
        get => _connection;
        set
        {
            if (_connection != value) _prepared = null;
            _connection = value;
        }
    }

    protected override DbConnection? DbConnection
    {
        get => _connection;
        set => Connection = (TenonConnection?)value;
    }

    public new TenonParameterCollection Parameters { get; } = new();

    protected override DbParameterCollection DbParameterCollection => Parameters;

    /// <summary>The transaction the command runs in. Informational: a command always runs in its connection's current transaction.</summary>
    public new TenonTransaction? Transaction { get; set; }

    protected override DbTransaction? DbTransaction
    {
        get => Transaction;
        set => Transaction = (TenonTransaction?)value;
    }

    /// <summary>True when the command holds a parse of its text for its connection's current session.</summary>
    public bool IsPrepared => _prepared is { } p && p.Connection == _connection && _connection?.State == ConnectionState.Open && p.Session == _connection.Session;

    public new TenonParameter CreateParameter() => new();

    protected override DbParameter CreateDbParameter() => CreateParameter();

    /// <summary>
    /// Cancels the statement this command's connection is running (call it from another thread):
    /// it fails with 57014 "canceling statement due to user request", as PostgreSQL's cancel does.
    /// Does nothing when no statement is running.
    /// </summary>
    public override void Cancel() => _connection?.SessionIfOpen?.Cancel();

    /// <summary>Parses the text now (syntax errors surface here) so each execution skips parsing.</summary>
    public override void Prepare()
    {
        var connection = CheckConnection();
        var binding = ParameterBinding.Create(_commandText, Parameters);
        PreparedStatement statement;
        try
        {
            statement = connection.Session.Prepare(binding.Sql);
        }
        catch (TenonException ex)
        {
            MapPosition(ex, binding.Positions);
            throw;
        }
        _prepared = new Prepared(statement, binding, connection, connection.Session, ParameterBinding.NamesOf(Parameters));
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

    public new TenonDataReader ExecuteReader() => ExecuteReader(CommandBehavior.Default);

    public new TenonDataReader ExecuteReader(CommandBehavior behavior) => (TenonDataReader)ExecuteDbDataReader(behavior);

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        if ((behavior & CommandBehavior.SchemaOnly) != 0)
            throw new NotSupportedException("CommandBehavior.SchemaOnly is not supported: Tenon cannot describe a statement without running it.");
        var connection = CheckConnection();
        connection.Session.CommandTimeoutMs = CommandTimeout * 1000L;
        ParameterBinding binding;
        IEnumerable<StatementResult> results;
        if (IsPrepared && ParameterBinding.SameNames(_prepared!.Names, Parameters))
        {
            binding = _prepared.Binding;
            results = connection.Session.Execute(_prepared.Statement, binding.Values(Parameters));
        }
        else
        {
            _prepared = null;
            binding = connection.Bindings.Get(_commandText, Parameters);
            var values = binding.Values(Parameters);
            try
            {
                results = connection.Session.ParseNowAndExecute(binding.Sql, values);
            }
            catch (TenonException ex) when (MapPositionAndDecline(ex, binding.Positions))
            {
                throw; // not reached: the filter declines (see MapPositionAndDecline)
            }
        }
        var reader = new TenonDataReader(connection, results.GetEnumerator(), behavior, binding.Positions);
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

    private TenonConnection CheckConnection()
    {
        var connection = _connection ?? throw new InvalidOperationException("The command has no connection.");
        connection.CheckReady();
        if (Transaction is { } tx && tx.Connection != connection)
            throw new InvalidOperationException("The command's transaction belongs to another connection or has completed.");
        return connection;
    }


    // As an exception filter that declines, so that a syntax error is not dispatched a second time by a rethrow.
    private static bool MapPositionAndDecline(TenonException ex, PositionMap positions)
    {
        MapPosition(ex, positions);
        return false;
    }

    internal static void MapPosition(TenonException ex, PositionMap positions)
    {
        if (ex.Position > 0) ex.Position = positions.ToOriginal(ex.Position);
    }
}
