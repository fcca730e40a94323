using Tenon.Types;

namespace Tenon.Cli;

/// <summary>The real engine behind <see cref="IStatementExecutor"/>.</summary>
internal sealed class SessionExecutor(Session session) : IStatementExecutor
{
    private readonly Session _session = session;

    /// <summary>A session on <paramref name="database"/> with the libpq environment's connection parameters applied.</summary>
    public static SessionExecutor Open(Database database, Func<string, string?> getEnvironmentVariable)
    {
        var session = database.CreateSession();
        try
        {
            session.ApplyStartupParameters(LibpqEnvironment.StartupParameters(getEnvironmentVariable));
        }
        catch
        {
            session.Dispose();
            throw;
        }
        return new SessionExecutor(session);
    }

    public IEnumerable<StatementResult> Execute(string sql) => _session.Execute(sql);

    public string FormatValue(object value, SqlType type) => _session.FormatValue(value, type);

    public TransactionStatus TransactionStatus => _session.TransactionStatus;

    public event Action<Notice>? NoticeRaised
    {
        add => _session.NoticeRaised += value;
        remove => _session.NoticeRaised -= value;
    }
}
