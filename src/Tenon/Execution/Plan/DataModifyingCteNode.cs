namespace Tenon.Execution.Plan;

/// <summary>
/// A data-modifying statement in WITH: it runs once per statement (<see cref="Run"/>, called for
/// every such query before the main statement reads anything, referenced or not), and its
/// RETURNING rows are what a reference to it reads.
/// </summary>
public sealed class DataModifyingCteNode(IReadOnlyList<PlanColumn> columns, Func<ExecContext, StatementResult> run) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } = columns;

    public void Run(ExecContext ctx)
    {
        if (!ctx.Cache.ContainsKey(this)) ctx.Cache[this] = run(ctx).Rows.ToList();
    }

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        Run(ctx);
        return (List<object?[]>)ctx.Cache[this]!;
    }
}
