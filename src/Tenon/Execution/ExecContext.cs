using Tenon.Transactions;
using Tenon.Execution.Expressions;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// Everything an executing statement needs besides its input row: the session and transaction,
/// parameter values, and the stack of outer rows that correlated subqueries read.
/// </summary>
public sealed class ExecContext
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
    public List<object?[]> OuterRows => _outerRows ??= new();
    private List<object?[]>? _outerRows;

    /// <summary>
    /// The FROM row so far while a function in FROM that reads earlier FROM items runs (set by
    /// <see cref="Plan.LateralJoinNode"/>); its arguments' level-0 columns read it.
    /// </summary>
    public object?[]? LateralRow { get; set; }

    /// <summary>Names a routine body may use besides columns: a PL/pgSQL block's variables, a SQL function's parameters.</summary>
    public IVariableScope? Variables { get; init; }

    /// <summary>Declared types of the parameters $n (a SQL function's arguments), when known.</summary>
    public IReadOnlyList<SqlType>? ParameterTypes { get; init; }

    /// <summary>Results of uncorrelated subqueries and CTEs, computed once per statement.</summary>
    public Dictionary<object, object?> Cache => _cache ??= new(ReferenceEqualityComparer.Instance);
    private Dictionary<object, object?>? _cache;
}

/// <summary>Resolves a name the binder did not find among the columns in scope (routine variables and parameters).</summary>
public interface IVariableScope
{
    /// <summary>The expression a (possibly qualified) name stands for, or null when it names nothing here.</summary>
    BoundExpr? Resolve(IReadOnlyList<string> names, int position);
}
