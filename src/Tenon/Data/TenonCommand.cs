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
    private sealed record Prepared(PreparedStatement Statement, Binding Binding, TenonConnection Connection, Session Session, string Signature);

    /// <summary>The text sent to the engine, the collection parameters in $n order, and the position map back to the caller's text.</summary>
    private sealed record Binding(string Sql, IReadOnlyList<string>? Names, PositionMap Positions);

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
        var binding = Bind();
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
        _prepared = new Prepared(statement, binding, connection, connection.Session, Signature());
    }

    public override int ExecuteNonQuery()
    {
        using var reader = ExecuteReader();
        while (reader.NextResult()) { }
        reader.Close();
        return reader.RecordsAffected;
    }

    public override object? ExecuteScalar()
    {
        using var reader = ExecuteReader();
        var value = reader.Read() && reader.FieldCount > 0 ? reader.GetValue(0) : null;
        reader.Close();
        return value;
    }

    public new TenonDataReader ExecuteReader() => ExecuteReader(CommandBehavior.Default);

    public new TenonDataReader ExecuteReader(CommandBehavior behavior) => (TenonDataReader)ExecuteDbDataReader(behavior);

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        if ((behavior & CommandBehavior.SchemaOnly) != 0)
            throw new NotSupportedException("CommandBehavior.SchemaOnly is not supported: Tenon cannot describe a statement without running it.");
        var connection = CheckConnection();
        connection.Session.CommandTimeoutMs = CommandTimeout * 1000L;
        Binding binding;
        IEnumerable<StatementResult> results;
        if (IsPrepared && _prepared!.Signature == Signature())
        {
            binding = _prepared.Binding;
            results = connection.Session.Execute(_prepared.Statement, Values(binding));
        }
        else
        {
            _prepared = null;
            binding = Bind();
            results = connection.Session.Execute(binding.Sql, Values(binding));
        }
        var reader = new TenonDataReader(connection, results.GetEnumerator(), behavior, binding.Positions);
        connection.OpenReader = reader;
        try
        {
            reader.Start();
        }
        catch
        {
            reader.Abandon();
            throw;
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

    /// <summary>Which parameters are named decides the binding; a prepared binding stays valid while this does not change.</summary>
    private string Signature() => string.Join('\n', Parameters.Items.Select(p => p.ParameterName));

    private Binding Bind()
    {
        var items = Parameters.Items;
        if (items.Count == 0 || items.All(p => p.ParameterName.Length == 0))
            return new Binding(_commandText, null, PositionMap.Identity);
        var unnamed = items.FirstOrDefault(p => p.ParameterName.Length == 0);
        if (unnamed is not null)
            throw new InvalidOperationException("Named and positional (unnamed) parameters cannot be mixed in one command.");
        var rewritten = NamedParameterRewriter.Rewrite(_commandText, name =>
            Parameters.IndexOf(name) is var i && i >= 0 ? items[i].ParameterName : null);
        return new Binding(rewritten.Sql, rewritten.Names, rewritten.Positions);
    }

    private object?[] Values(Binding binding)
    {
        var items = Parameters.Items;
        if (binding.Names is null) return items.Select(p => p.EngineValue()).ToArray();
        return binding.Names.Select(n => Parameters[n].EngineValue()).ToArray();
    }

    internal static void MapPosition(TenonException ex, PositionMap positions)
    {
        if (ex.Position > 0) ex.Position = positions.ToOriginal(ex.Position);
    }
}
