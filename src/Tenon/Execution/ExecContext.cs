using Tenon.Transactions;
using Tenon.Execution.Expressions;
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

    /// <summary>
    /// The top-level statement whose caller (the session's statement loop) takes a rejection as
    /// <see cref="StatementResult.Failure"/> rather than as a thrown exception: a throw through the
    /// dozen frames between a raise site and the loop costs more than the rest of a rejected insert.
    /// Only a site that returns straight to that loop may use it, and only for this very statement
    /// (a statement run from a routine or by EXECUTE is another object, and throws as usual).
    /// </summary>
    internal Sql.Ast.Statement? FailureAsValueFor { get; init; }

    /// <summary>Rows of enclosing query levels; a column reference with level k reads OuterRows[^k].</summary>
    public List<object?[]> OuterRows => More.OuterRows ??= new();

    /// <summary>
    /// The FROM row so far while a function in FROM that reads earlier FROM items runs (set by
    /// <see cref="Plan.LateralJoinNode"/>); its arguments' level-0 columns read it.
    /// </summary>
    public object?[]? LateralRow
    {
        get => _more?.LateralRow;
        set
        {
            if (value is not null || _more is not null) More.LateralRow = value;
        }
    }

    /// <summary>Names a routine body may use besides columns: a PL/pgSQL block's variables, a SQL function's parameters.</summary>
    public IVariableScope? Variables
    {
        get => _more?.Variables;
        init
        {
            if (value is not null) More.Variables = value;
        }
    }

    /// <summary>Declared types of the parameters $n (a SQL function's arguments), when known.</summary>
    public IReadOnlyList<SqlType>? ParameterTypes
    {
        get => _more?.ParameterTypes;
        init
        {
            if (value is not null) More.ParameterTypes = value;
        }
    }

    /// <summary>
    /// The database as the statement started, which its scans read once a data-modifying WITH
    /// query has changed the tables (all parts of a statement share one snapshot); null while
    /// scans read the transaction's current state.
    /// </summary>
    public DbVersion? ReadSnapshot
    {
        get => _more?.ReadSnapshot;
        set
        {
            if (value is not null || _more is not null) More.ReadSnapshot = value;
        }
    }

    /// <summary>A table's rows as the statement's scans see them (<see cref="ReadSnapshot"/>).</summary>
    public Storage.RowStore ReadRows(uint tableOid)
    {
        // As PostgreSQL opens a scan: an unpopulated materialized view cannot be read (plans that
        // are never run, EXPLAIN's, do not get here).
        if (Transaction.Catalog.Tables.TryGetValue(tableOid, out var table) && table.MatView is { Populated: false })
            throw new Errors.TenonException(Errors.SqlState.ObjectNotInPrerequisiteState, $"materialized view \"{table.Name}\" has not been populated",
                hint: "Use the REFRESH MATERIALIZED VIEW command.");
        return ReadSnapshot is { } v && v.Data.TryGetValue(tableOid, out var data) ? data.Rows : Transaction.Rows(tableOid);
    }

    /// <summary>An index of a table as the statement's scans see it (<see cref="ReadSnapshot"/>).</summary>
    public Storage.IndexStore ReadIndex(uint tableOid, int position) =>
        ReadSnapshot is { } v && v.Data.TryGetValue(tableOid, out var data) ? data.Indexes[position] : Transaction.Index(tableOid, position);

    /// <summary>Writers of data-modifying WITH queries whose constraint events wait for the end of the statement.</summary>
    public List<Constraints.RowWriter> PendingWriters => More.PendingWriters ??= new();

    /// <summary>Whether <see cref="PendingWriters"/> has any, without creating the list.</summary>
    public bool HasPendingWriters => _more?.PendingWriters is { Count: > 0 };

    /// <summary>Results of uncorrelated subqueries and CTEs, computed once per statement.</summary>
    public Dictionary<object, object?> Cache => More.Cache ??= new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// What only some statements use, apart: a context is made for every statement run (a row
    /// insert of a client's loop among them), and most need none of it.
    /// </summary>
    private sealed class Rarely
    {
        public List<object?[]>? OuterRows;
        public object?[]? LateralRow;
        public IVariableScope? Variables;
        public IReadOnlyList<SqlType>? ParameterTypes;
        public DbVersion? ReadSnapshot;
        public List<Constraints.RowWriter>? PendingWriters;
        public Dictionary<object, object?>? Cache;
        public Explain.ExplainStats? Explain;
    }

    private Rarely? _more;

    private Rarely More => _more ??= new();
}

/// <summary>Resolves a name the binder did not find among the columns in scope (routine variables and parameters).</summary>
public interface IVariableScope
{
    /// <summary>The expression a (possibly qualified) name stands for, or null when it names nothing here.</summary>
    BoundExpr? Resolve(IReadOnlyList<string> names, int position);
}
