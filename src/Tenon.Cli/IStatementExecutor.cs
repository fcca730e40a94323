using Tenon.Types;

namespace Tenon.Cli;

/// <summary>
/// What the shell needs from the engine, so the shell can be tested with canned results.
/// Contract as <see cref="Session"/>: Execute yields results lazily and throws
/// <see cref="Errors.TenonException"/> for the failing statement; notices arrive through
/// <see cref="NoticeRaised"/> while Execute runs.
/// </summary>
internal interface IStatementExecutor
{
    IEnumerable<StatementResult> Execute(string sql);

    string FormatValue(object value, SqlType type);

    TransactionStatus TransactionStatus { get; }

    event Action<Notice>? NoticeRaised;
}
