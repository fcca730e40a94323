using Tenon.Types;
namespace Tenon.Execution.Plan;

/// <summary>
/// WITH RECURSIVE: runs the non-recursive term, then repeatedly runs the recursive term with
/// <see cref="WorkTableNode"/> reading the rows produced by the previous iteration, until an
/// iteration produces nothing. UNION (without ALL) discards rows already produced.
/// </summary>
public sealed partial class RecursiveUnionNode(PlanNode seed, PlanNode recursive, WorkTableNode workTable, bool unionAll) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns => seed.Columns;

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var seen = unionAll ? null : new HashSet<object?[]>(new KeyComparer(Columns.Select(c => c.Type)));
        var current = new List<object?[]>();
        foreach (var r in seed.Execute(ctx))
            if (seen is null || seen.Add(r)) { current.Add(r); yield return r; }
        while (current.Count > 0)
        {
            workTable.Rows = current;
            var next = new List<object?[]>();
            foreach (var r in recursive.Execute(ctx).ToList())
            {
                // An endless recursion is the classic statement to cancel.
                ctx.Session.CheckForInterrupts();
                if (seen is null || seen.Add(r)) { next.Add(r); yield return r; }
            }
            current = next;
        }
    }
}

/// <summary>The recursive self-reference inside a WITH RECURSIVE term.</summary>
public sealed partial class WorkTableNode(IReadOnlyList<PlanColumn> columns) : PlanNode
{
    public List<object?[]> Rows { get; set; } = new();
    public override IReadOnlyList<PlanColumn> Columns { get; } = columns;
    public override IEnumerable<object?[]> Execute(ExecContext ctx) => Rows;
}
