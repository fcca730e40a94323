using Tenon.Types;
using Tenon.Sql.Ast;

namespace Tenon.Execution.Plan;

/// <summary>UNION / INTERSECT / EXCEPT [ALL] with SQL's duplicate rules (NULLs compare equal).</summary>
public sealed partial class SetOperationNode(SetOperator op, bool all, PlanNode left, PlanNode right, IReadOnlyList<PlanColumn> columns) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } = columns;

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var comparer = new KeyComparer(Columns.Select(c => c.Type));
        switch (op)
        {
            case SetOperator.Union when all:
                foreach (var r in left.Execute(ctx)) yield return r;
                foreach (var r in right.Execute(ctx)) yield return r;
                yield break;
            case SetOperator.Union:
            {
                var seen = new HashSet<object?[]>(comparer);
                foreach (var r in left.Execute(ctx).Concat(right.Execute(ctx)))
                    if (seen.Add(r)) yield return r;
                yield break;
            }
            default:
            {
                var counts = new Dictionary<object?[], int>(comparer);
                foreach (var r in right.Execute(ctx))
                    counts[r] = counts.TryGetValue(r, out var c) ? c + 1 : 1;
                var emitted = new HashSet<object?[]>(comparer);
                foreach (var r in left.Execute(ctx))
                {
                    counts.TryGetValue(r, out var c);
                    if (op == SetOperator.Intersect)
                    {
                        if (c == 0) continue;
                        if (all) { counts[r] = c - 1; yield return r; }
                        else if (emitted.Add(r)) yield return r;
                    }
                    else
                    {
                        if (all)
                        {
                            if (c > 0) { counts[r] = c - 1; continue; }
                            yield return r;
                        }
                        else if (c == 0 && emitted.Add(r)) yield return r;
                    }
                }
                yield break;
            }
        }
    }
}
