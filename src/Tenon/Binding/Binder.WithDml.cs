using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;

namespace Tenon.Binding;

/// <summary>
/// Data-modifying statements in WITH (<c>WITH d AS (DELETE … RETURNING *) INSERT … SELECT * FROM d</c>):
/// allowed only in the WITH of the top-level statement; bound here for their RETURNING columns,
/// run once each before the main statement reads anything (<see cref="RunDataModifyingCtes"/>),
/// with every part of the statement reading the tables as the statement started.
/// </summary>
public sealed partial class Binder
{
    /// <summary>The next query bound by <see cref="BindQuery"/> is the statement itself, whose WITH may modify data.</summary>
    private bool _topLevelQuery;

    /// <summary>This binder binds a statement inside a WITH query, which may not have data-modifying WITH queries of its own.</summary>
    private bool _nestedStatement;

    private readonly List<DataModifyingCteNode> _dataModifyingCtes = new();

    /// <summary>Binds the query of a SELECT statement (the one query whose WITH may hold INSERT, UPDATE or DELETE).</summary>
    public PlanNode BindTopLevelQuery(Query q)
    {
        _topLevelQuery = true;
        return BindQuery(q, null);
    }

    /// <summary>Whether a statement's WITH (at its top level) holds an INSERT, UPDATE or DELETE, which makes it a write.</summary>
    public static bool HasDataModifyingWith(WithClause? with) =>
        with?.Ctes.Any(c => c.Statement is InsertStatement or UpdateStatement or DeleteStatement) == true;

    /// <summary>
    /// Runs the statement's data-modifying WITH queries, in order, each once; from here on the
    /// statement's scans read the database as it was before them.
    /// </summary>
    public void RunDataModifyingCtes(ExecContext ctx)
    {
        if (_dataModifyingCtes.Count == 0) return;
        ctx.ReadSnapshot ??= ctx.Transaction.Freeze();
        foreach (var node in _dataModifyingCtes) node.Run(ctx);
    }

    private CteBinding BindDataModifyingCte(CommonTableExpr cte, bool topLevel)
    {
        if (!topLevel || _nestedStatement)
            throw new TenonException(SqlState.FeatureNotSupported, "WITH clause containing a data-modifying statement must be at the top level") { Position = cte.Position };
        // The statement sees the WITH queries before it, as they are now.
        var frames = _ctes.Select(f => new Dictionary<string, CteBinding>(f)).ToList();
        Binder Nested(ExecContext ctx)
        {
            var b = new Binder(ctx) { _nestedStatement = true };
            b._ctes.AddRange(frames);
            return b;
        }
        var described = Run(new DmlExecutor(_ctx, Nested(_ctx)), cte.Statement);
        var columns = described.Columns?.Select(c => new PlanColumn(c.Name, c.Type, c.TableOid, c.ColumnNumber)).ToArray() ?? [];
        var node = new DataModifyingCteNode(RenameColumns(columns, cte.ColumnNames, cte.Position),
            ctx => Run(new DmlExecutor(ctx) { BinderFactory = () => Nested(ctx), DeferChecksToStatementEnd = true }, cte.Statement));
        _dataModifyingCtes.Add(node);
        return new CteBinding(cte.Name, node) { WithoutReturning = described.Columns is null };
    }

    private static StatementResult Run(DmlExecutor dml, Statement stmt) => stmt switch
    {
        InsertStatement i => dml.Insert(i),
        UpdateStatement u => dml.Update(u),
        _ => dml.Delete((DeleteStatement)stmt),
    };
}
