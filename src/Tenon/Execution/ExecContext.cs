using Tenon.Transactions;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// Everything an executing statement needs besides its input row: the session and transaction,
/// parameter values, and the stack of outer rows that correlated subqueries read.
/// </summary>
public sealed partial class ExecContext
{
    public ExecContext(Session session, Transaction transaction, IReadOnlyList<object?>? parameters)
    {
        Session = session;
        Transaction = transaction;
        Parameters = parameters;
    }

    public Session Session { get; }
    public Transaction Transaction { get; }
    public IReadOnlyList<object?>? Parameters { get; }
    public FormatSettings Settings => Session.FormatSettings;

    /// <summary>The statement names the system column xmin: table scans then carry row ids (Binder.SystemColumns.cs).</summary>
    public bool StatementMentionsXmin { get; init; }

    /// <summary>Rows of enclosing query levels; a column reference with level k reads OuterRows[^k].</summary>
    public List<object?[]> OuterRows { get; } = new();

    /// <summary>
    /// The FROM row so far while a function in FROM that reads earlier FROM items runs (set by
    /// <see cref="Plan.LateralJoinNode"/>); its arguments' level-0 columns read it.
    /// </summary>
    public object?[]? LateralRow { get; set; }

    /// <summary>Results of uncorrelated subqueries and CTEs, computed once per statement.</summary>
    public Dictionary<object, object?> Cache { get; } = new(ReferenceEqualityComparer.Instance);
}
