namespace Tenon;

// Placeholder until the executor lands.
public sealed partial class Session
{
    private IEnumerable<StatementResult> ExecuteCore(string sql, IReadOnlyList<object?>? parameters) => throw new NotImplementedException();
    private TransactionStatus CurrentTransactionStatus() => TransactionStatus.Idle;
    private void DisposeCore() { }
}
