using Tenon.Types;

namespace Tenon;

/// <summary>
/// One connection's view of a <see cref="Database"/>: its transaction state, settings and
/// prepared statements. Every front end (shell, wire protocol, ADO.NET) talks only to this class.
/// Not thread-safe: one caller at a time, like a PostgreSQL backend.
/// </summary>
public sealed partial class Session : IDisposable
{
    public Session(Database database)
    {
        Database = database;
    }

    public Database Database { get; }

    /// <summary>Raised for each NOTICE/WARNING as statements run (before the statement's result or error).</summary>
    public event Action<Notice>? NoticeRaised;

    internal void RaiseNotice(Notice notice)
    {
        if (IsBelowClientMinMessages(notice.Severity)) return;
        NoticeRaised?.Invoke(notice);
    }

    private static readonly string[] MessageLevels = ["debug5", "debug4", "debug3", "debug2", "debug1", "log", "notice", "warning", "error"];

    /// <summary>
    /// Whether client_min_messages holds this message back from the client. INFO always goes
    /// through, as in PostgreSQL; LOG ranks just below NOTICE for the client.
    /// </summary>
    private bool IsBelowClientMinMessages(string severity)
    {
        var level = Array.IndexOf(MessageLevels, severity.ToLowerInvariant());
        if (level < 0) return false;
        var min = Array.IndexOf(MessageLevels, _settings.Get("client_min_messages")?.Value ?? "notice");
        return level < min;
    }

    /// <summary>'I', 'T' or 'E' as in ReadyForQuery.</summary>
    public TransactionStatus TransactionStatus => CurrentTransactionStatus();

    /// <summary>
    /// Runs every statement in <paramref name="sql"/> in order (as PostgreSQL's simple query
    /// protocol does), yielding each result as soon as its statement completes. The first
    /// failing statement throws a <see cref="Errors.TenonException"/> whose Position is
    /// relative to <paramref name="sql"/>; statements after it do not run.
    /// Outside a transaction block, several statements in one call run as one implicit transaction
    /// (as in PostgreSQL's simple query protocol).
    /// </summary>
    public IEnumerable<StatementResult> Execute(string sql) => ExecuteCore(sql, null);

    /// <summary>
    /// Runs one statement with positional parameters <c>$1..$n</c>. Parameter values use the CLR
    /// representations listed on <see cref="TypeId"/> (and also accept decimal, DateTime,
    /// DateTimeOffset, DateOnly); a <c>string</c> value is treated as an untyped literal that takes
    /// the type its context requires.
    /// </summary>
    public StatementResult ExecuteSingle(string sql, IReadOnlyList<object?>? parameters = null)
    {
        StatementResult? last = null;
        foreach (var r in ExecuteCore(sql, parameters)) last = r;
        return last ?? new StatementResult("");
    }

    /// <summary>Formats a non-null value as PostgreSQL's text output for its type under this session's settings.</summary>
    public string FormatValue(object value, SqlType type) => type.Id switch
    {
        TypeId.RegClass => Catalog.RegClassName.Format((uint)value, _tx?.Catalog ?? Database.Committed.Catalog, SearchPath),
        TypeId.RegType => Execution.Functions.RegTypeName((uint)value, _tx?.Catalog ?? Database.Committed.Catalog),
        TypeId.RegNamespace => Execution.Functions.RegNamespaceName((uint)value, _tx?.Catalog ?? Database.Committed.Catalog),
        TypeId.RegRole => Execution.Functions.RegRoleName((uint)value, _tx?.Catalog ?? Database.Committed.Catalog),
        TypeId.RegProc => Execution.Functions.RegProcName((uint)value, _tx?.Catalog ?? Database.Committed.Catalog, withArguments: false, SearchPath),
        TypeId.RegProcedure => Execution.Functions.RegProcName((uint)value, _tx?.Catalog ?? Database.Committed.Catalog, withArguments: true, SearchPath),
        _ => ValueText.Format(value, type, FormatSettings),
    };

    public void Dispose() => DisposeCore();
}
