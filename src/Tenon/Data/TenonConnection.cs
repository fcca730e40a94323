using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Tenon.Data;

/// <summary>
/// An ADO.NET connection to an in-process Tenon database: one <see cref="Tenon.Session"/>, opened
/// on <see cref="Open"/> and ended on <see cref="Close"/> (which rolls back an unfinished
/// transaction). See <see cref="TenonConnectionStringBuilder"/> for the connection string. Like
/// any ADO.NET connection it serves one caller at a time and one open data reader at a time.
/// </summary>
/// <remarks>
/// Writers are serialized per database: a transaction that has written holds the database's
/// write lock until it ends, so a second connection's write to the same named database waits
/// for it (on the same thread that would never end).
/// </remarks>
public sealed class TenonConnection : DbConnection
{
    private string _connectionString = "";
    private string _dataSource = "";
    private ConnectionState _state = ConnectionState.Closed;
    private Session? _session;

    public TenonConnection() { }

    public TenonConnection(string connectionString) => ConnectionString = connectionString;

    [AllowNull]
    public override string ConnectionString
    {
        get => _connectionString;
        set
        {
            if (_state != ConnectionState.Closed)
                throw new InvalidOperationException("The connection string cannot be changed while the connection is open.");
            var builder = new TenonConnectionStringBuilder(value ?? "");
            _connectionString = value ?? "";
            _dataSource = builder.DataSource;
        }
    }

    /// <summary>The database name (the Data Source).</summary>
    public override string Database => _dataSource;

    public override string DataSource => _dataSource;

    /// <summary>The PostgreSQL version Tenon behaves as.</summary>
    public override string ServerVersion => "15.18";

    public override ConnectionState State => _state;

    protected override DbProviderFactory DbProviderFactory => TenonFactory.Instance;

    /// <summary>Raised for each NOTICE or WARNING a statement on this connection produces.</summary>
    public event Action<Notice>? NoticeReceived;

    /// <summary>Bindings of the unprepared command texts run on this connection (they depend on nothing else).</summary>
    internal BindingCache Bindings { get; } = new();

    /// <summary>The engine session behind the open connection.</summary>
    internal Session Session => _session ?? throw new InvalidOperationException("The connection is not open.");

    /// <summary>The session, or null when closed; safe to read from another thread (TenonCommand.Cancel).</summary>
    internal Session? SessionIfOpen => Volatile.Read(ref _session);

    internal TenonTransaction? Transaction { get; set; }

    /// <summary>The data reader that is currently open on this connection, if any.</summary>
    internal TenonDataReader? OpenReader { get; set; }

    public override void Open()
    {
        if (_state != ConnectionState.Closed) throw new InvalidOperationException("The connection is already open.");
        InMemoryDatabases.Validate(_dataSource);
        var database = InMemoryDatabases.Acquire(_dataSource);
        _session = database.CreateSession();
        _session.NoticeRaised += OnNotice;
        _state = ConnectionState.Open;
        OnStateChange(new StateChangeEventArgs(ConnectionState.Closed, ConnectionState.Open));
    }

    public override void Close()
    {
        if (_state == ConnectionState.Closed) return;
        try
        {
            OpenReader?.Abandon();
        }
        finally
        {
            OpenReader = null;
            Transaction?.MarkCompleted();
            Transaction = null;
            var session = _session!;
            _session = null;
            _state = ConnectionState.Closed;
            session.NoticeRaised -= OnNotice;
            session.Dispose();
            InMemoryDatabases.Release(_dataSource);
            OnStateChange(new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
        }
    }

    public override void ChangeDatabase(string databaseName) =>
        throw new NotSupportedException("A Tenon connection cannot change databases; open a connection with another Data Source.");

    public new TenonTransaction BeginTransaction() => BeginTransaction(IsolationLevel.Unspecified);

    public new TenonTransaction BeginTransaction(IsolationLevel isolationLevel) => (TenonTransaction)BeginDbTransaction(isolationLevel);

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        CheckReady();
        if (Transaction is not null || Session.TransactionStatus != TransactionStatus.Idle)
            throw new InvalidOperationException("A transaction is already in progress; nested transactions are not supported (use savepoints).");
        var begin = isolationLevel switch
        {
            IsolationLevel.Unspecified or IsolationLevel.ReadCommitted => "BEGIN",
            IsolationLevel.ReadUncommitted => "BEGIN ISOLATION LEVEL READ UNCOMMITTED",
            IsolationLevel.RepeatableRead or IsolationLevel.Snapshot => "BEGIN ISOLATION LEVEL REPEATABLE READ",
            IsolationLevel.Serializable => "BEGIN ISOLATION LEVEL SERIALIZABLE",
            _ => throw new NotSupportedException($"Isolation level {isolationLevel} is not supported."),
        };
        ExecuteControl(begin);
        var tx = new TenonTransaction(this, isolationLevel == IsolationLevel.Unspecified ? IsolationLevel.ReadCommitted : isolationLevel);
        Transaction = tx;
        return tx;
    }

    public new TenonCommand CreateCommand() => new() { Connection = this };

    protected override DbCommand CreateDbCommand() => CreateCommand();

    public override bool CanCreateBatch => true;

    public new TenonBatch CreateBatch() => new(this);

    protected override DbBatch CreateDbBatch() => CreateBatch();

    /// <summary>Runs a transaction-control statement that returns no rows.</summary>
    internal void ExecuteControl(string sql)
    {
        CheckReady();
        Session.ExecuteSingle(sql);
    }

    /// <summary>Throws unless the connection is open and has no open data reader.</summary>
    internal void CheckReady()
    {
        if (_state != ConnectionState.Open) throw new InvalidOperationException("The connection is not open.");
        if (OpenReader is not null)
            throw new InvalidOperationException("A data reader is already open on this connection; close it before running another command.");
    }

    private void OnNotice(Notice notice) => NoticeReceived?.Invoke(notice);

    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }
}
