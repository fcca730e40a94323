using Tenon.Execution.Expressions;

namespace Tenon.Execution.Plan;

/// <summary>
/// Set-returning functions in a select list (PostgreSQL's ProjectSet): for each input row every
/// function runs, and the row repeats as many times as the longest result, each function's
/// values appended as extra columns (NULL once a shorter one is used up). A row for which all of
/// them return nothing disappears.
/// </summary>
public sealed partial class ProjectSetNode(PlanNode input, IReadOnlyList<SetReturningCall> calls) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } =
        input.Columns.Concat(calls.Select(c => new PlanColumn(c.Name, c.Type))).ToArray();

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var width = input.Columns.Count;
        foreach (var row in input.Execute(ctx))
        {
            var results = calls.Select(c => c.Produce(row, ctx)).ToArray();
            var n = results.Max(r => r.Count);
            for (var i = 0; i < n; i++)
            {
                var output = new object?[width + calls.Count];
                Array.Copy(row, output, width);
                for (var k = 0; k < calls.Count; k++) output[width + k] = i < results[k].Count ? results[k][i] : null;
                yield return output;
            }
        }
    }
}

/// <summary>One set-returning call of a select list: its arguments and how it turns their values into rows.</summary>
public sealed record SetReturningCall(string Name, Types.SqlType Type, IReadOnlyList<BoundExpr> Args, Func<object?[], ExecContext, IEnumerable<object?>> Values)
{
    public List<object?> Produce(object?[] row, ExecContext ctx)
    {
        var values = new object?[Args.Count];
        for (var i = 0; i < values.Length; i++) values[i] = Args[i].Eval(row, ctx);
        return Values(values, ctx).ToList();
    }
}
