using Tenon.Types;

namespace Tenon.Cli;

/// <summary>The real engine behind <see cref="IStatementExecutor"/>.</summary>
internal sealed class SessionExecutor(Session session) : IStatementExecutor
{
    private readonly Session _session = session;

    public IEnumerable<StatementResult> Execute(string sql) => _session.Execute(sql);

    public string FormatValue(object value, SqlType type) => _session.FormatValue(value, type);

    public TransactionStatus TransactionStatus => _session.TransactionStatus;

    public event Action<Notice>? NoticeRaised
    {
        add => _session.NoticeRaised += value;
        remove => _session.NoticeRaised -= value;
    }
}
