using System.Collections;
using Tenon.Binding;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Expressions;
using Tenon.Sql;
using Tenon.Sql.Ast;
using Tenon.Transactions;
using Tenon.Types;

namespace Tenon;

/// <summary>The shape of a statement without running it: what an extended-protocol Describe reports.</summary>
/// <param name="ParameterTypes">Type of each parameter $1..$n (declared or inferred from context; Unknown when neither).</param>
/// <param name="Columns">The result columns, or null when the statement returns no rows.</param>
/// <param name="IsEmpty">True when the text holds no statement at all.</param>
public sealed record StatementDescription(IReadOnlyList<SqlType> ParameterTypes, IReadOnlyList<ResultColumn>? Columns, bool IsEmpty = false)
{
    /// <summary>
    /// COMMIT, ROLLBACK, ROLLBACK TO or PREPARE TRANSACTION: the only statements PostgreSQL parses,
    /// binds (without parameters) and executes in a failed transaction block.
    /// </summary>
    public bool EndsTransaction { get; init; }
}

/// <summary>
/// What the PostgreSQL wire-protocol server needs beyond <see cref="Execute"/>: the implicit
/// transaction that spans an extended-protocol pipeline up to Sync, describing a statement
/// without running it, and reading settings for ParameterStatus.
/// </summary>
public sealed partial class Session
{
    /// <summary>
    /// Opens the implicit transaction that the statements of one extended-protocol pipeline share
    /// (PostgreSQL commits it at Sync; an error rolls all of it back). No-op inside a block or when
    /// one is already open.
    /// </summary>
    public void BeginImplicitTransaction()
    {
        _tx ??= NewTransaction(isExplicit: false);
    }

    /// <summary>
    /// Commits the implicit transaction opened by <see cref="BeginImplicitTransaction"/> (a deferred
    /// constraint failing here throws and rolls back). A transaction block stays open.
    /// </summary>
    public void CommitImplicitTransaction()
    {
        if (_tx is { IsExplicit: false }) EndTransaction(commit: true);
    }

    /// <summary>
    /// What an error the front end reports outside a statement's execution does to the transaction
    /// (an extended-protocol message the server refuses, a Parse that does not parse), as any
    /// error does in PostgreSQL: a transaction block fails (25P02 until ROLLBACK), and the
    /// implicit transaction of a pipeline is rolled back, with what its statements wrote so far.
    /// An error the engine raised has done this already; doing it again changes nothing.
    /// </summary>
    public void AbortTransactionAfterError()
    {
        if (_tx is null) return;
        if (_tx.IsExplicit) _tx.Failed = true;
        else EndTransaction(commit: false);
    }

    /// <summary>
    /// Describes one statement as PostgreSQL's Parse + Describe would: parameter types (declared in
    /// <paramref name="declaredTypes"/>, where null or Unknown means "infer from context") and result
    /// columns. Nothing runs. More than one statement is PostgreSQL's 42601 error.
    /// </summary>
    public StatementDescription Describe(string sql, IReadOnlyList<SqlType?> declaredTypes)
    {
        var statements = Parser.ParseScript(sql);
        if (statements.Count == 0) return new StatementDescription(DeclaredOnly(declaredTypes), null, IsEmpty: true);
        if (statements.Count > 1)
            throw new TenonException(SqlState.SyntaxError, "cannot insert multiple commands into a prepared statement");
        var stmt = statements[0];
        if (stmt is UnsupportedStatement u)
            throw new TenonException(SqlState.FeatureNotSupported, $"{u.Feature} is not supported by Tenon yet") { Position = u.Position };
        var endsTransaction = stmt is TransactionStatement
        {
            Action: TransactionAction.Commit or TransactionAction.Rollback or TransactionAction.RollbackTo or TransactionAction.PrepareTransaction,
        };
        if (_tx is { Failed: true } && !endsTransaction) throw Errors.SqlErrors.InFailedTransaction();

        var tx = _tx ?? new Transaction(Database.Committed, isExplicit: false);
        var ctx = new ExecContext(this, tx, UntypedParameters.Instance) { StatementMentionsXmin = stmt.MentionsXmin };
        var binder = new Binder(ctx) { RowsAreNewVersions = true };
        for (var i = 0; i < declaredTypes.Count; i++)
            if (declaredTypes[i] is { Id: not TypeId.Unknown } t) binder.ParameterTypes[i + 1] = t;

        // INSERT, UPDATE and DELETE are bound whole (not run), so that parameters take the types of
        // their target columns and WHERE operands, as PostgreSQL infers them.
        var dml = new DmlExecutor(ctx, binder);
        IReadOnlyList<ResultColumn>? columns = stmt switch
        {
            SelectStatement s => binder.BindTopLevelQuery(s.Query).Columns
                .Select(c => new ResultColumn(c.Name, c.Type, c.TableOid, c.ColumnNumber)).ToArray(),
            InsertStatement i => dml.Insert(i).Columns,
            UpdateStatement up => dml.Update(up).Columns,
            DeleteStatement d => dml.Delete(d).Columns,
            ShowStatement sh => [new ResultColumn(sh.Name.ToLowerInvariant(), SqlType.Text)],
            ExplainStatement => [new ResultColumn("QUERY PLAN", SqlType.Text)],
            _ => null,
        };

        var count = Math.Max(declaredTypes.Count, binder.ParameterTypes.Count == 0 ? 0 : binder.ParameterTypes.Keys.Max());
        var types = new SqlType[count];
        for (var i = 0; i < count; i++)
            types[i] = binder.ParameterTypes.TryGetValue(i + 1, out var t) ? t
                : i < declaredTypes.Count && declaredTypes[i] is { } d ? d : SqlType.Unknown;
        return new StatementDescription(types, columns) { EndsTransaction = endsTransaction };
    }

    private static SqlType[] DeclaredOnly(IReadOnlyList<SqlType?> declared) =>
        declared.Select(t => t ?? SqlType.Unknown).ToArray();

    /// <summary>Moves whenever a setting changes value, so a front end can tell cheaply that none did.</summary>
    public int SettingsVersion => _settings.Version;

    /// <summary>
    /// The current value of a run-time setting as SHOW would print it, or null when the session
    /// has no value of its own for it (the server then reports its default).
    /// </summary>
    public string? GetSetting(string name)
    {
        return _settings.Get(name)?.Value;
    }

    /// <summary>Parameter values for describing: every $n exists and is an untyped NULL.</summary>
    private sealed class UntypedParameters : IReadOnlyList<object?>
    {
        public static readonly UntypedParameters Instance = new();
        public object? this[int index] => null;
        public int Count => 65535;
        public IEnumerator<object?> GetEnumerator() => Enumerable.Repeat<object?>(null, Count).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
