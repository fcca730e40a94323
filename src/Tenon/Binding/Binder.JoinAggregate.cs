using Tenon.Catalog;
using Tenon.Execution.Expressions;
using Tenon.Execution.Plan;
using JoinKind = Tenon.Sql.Ast.JoinKind;

namespace Tenon.Binding;

/// <summary>
/// GROUP BY over an inner join that groups by the rows of its left table (the shape of "each
/// parent with the count and sum of its children"): such a plan aggregates without forming
/// joined rows (<see cref="JoinAggregateNode"/>). It applies when
///   - the input is an inner hash join with no condition beyond its key equalities whose left
///     side is expected to be no larger than its right, or an inner index join whose seek
///     decides its whole condition, and both sides read one table each;
///   - every group key is a column of the left table, and the group keys include every column
///     of a unique index of that table (not partial, not deferrable, no expressions) whose
///     columns are each a join key or NOT NULL: two left rows that both have matches then differ
///     in a non-null key, so each group is one left row with its matches;
///   - every aggregate reads only the right row (columns of the right table, constants,
///     parameters, outer references, through operators, casts and non-volatile functions), with
///     no DISTINCT and no ORDER BY.
/// </summary>
public sealed partial class Binder
{
    private JoinAggregateNode? TryJoinAggregate(PlanNode input, IReadOnlyList<BoundExpr> groupKeys, IReadOnlyList<AggregateCall> calls,
        IReadOnlyList<PlanColumn> columns)
    {
        PlanNode left;
        IEnumerable<BoundExpr> leftKeys;
        switch (input)
        {
            // Hashing the left side instead of the right pays when it is the smaller one.
            case JoinNode { Kind: JoinKind.Inner, LeftKeys.Count: > 0, RightKeys: not null, ResidualCondition: null } hash
                when BaseTable(hash.Right) is not null && Estimate(hash.Left) <= Estimate(hash.Right):
                left = hash.Left;
                leftKeys = hash.LeftKeys;
                break;
            case IndexJoinNode { Kind: JoinKind.Inner, ResidualCondition: null } index:
                left = index.Left;
                leftKeys = index.Right.Seek.Equal;
                break;
            default:
                return null;
        }
        if (groupKeys.Count == 0 || BaseTable(left) is not { } table) return null;
        var leftWidth = left.Columns.Count;
        var grouped = new HashSet<int>();
        foreach (var key in groupKeys)
        {
            if (key is not ColumnExpr { Level: 0 } c || c.Index >= leftWidth) return null;
            grouped.Add(c.Index);
        }
        var joined = leftKeys.OfType<ColumnExpr>().Where(c => c.Level == 0).Select(c => c.Index).ToHashSet();
        if (!table.Indexes.Any(index => GroupsByRow(table, index, grouped, joined))) return null;

        var rightCalls = new List<AggregateCall>();
        foreach (var call in calls)
        {
            if (call.Distinct || call.Order.Count > 0) return null;
            var exprs = call.Filter is null ? call.Args : call.Args.Append(call.Filter);
            if (!exprs.All(e => ReadsRightRow(e, leftWidth))) return null;
            rightCalls.Add(call with
            {
                Args = call.Args.Select(a => Rebase(a, leftWidth)).ToArray(),
                Filter = call.Filter is null ? null : Rebase(call.Filter, leftWidth),
            });
        }
        return new JoinAggregateNode(input, groupKeys, calls, rightCalls, columns);
    }

    /// <summary>The table a join side reads when it is a scan of one (with pushed conditions), else null.</summary>
    private TableDef? BaseTable(PlanNode node) => node switch
    {
        TableScanNode s => Catalog.Tables.GetValueOrDefault(s.TableOid),
        IndexScanNode i => Catalog.Tables.GetValueOrDefault(i.TableOid),
        FilterNode f => BaseTable(f.Input),
        _ => null,
    } is { IsPartitioned: false } t ? t : null;

    /// <summary>
    /// Whether no two left rows with matches can share a group: every column of the unique index
    /// is grouped (its row slot is the column's position) and is a join key, which a row with a
    /// match has non-null, or NOT NULL.
    /// </summary>
    private static bool GroupsByRow(TableDef table, IndexDef index, HashSet<int> grouped, HashSet<int> joined) =>
        index is { Unique: true, Deferrable: false, Predicate: null, HasExpressions: false, Columns.Count: > 0 }
        && index.Columns.All(number =>
        {
            var slot = number - 1;
            if (number <= 0 || slot >= table.Columns.Count || !grouped.Contains(slot)) return false;
            return joined.Contains(slot) || table.Columns[slot].NotNull || index.IsPrimary;
        });

    /// <summary>Whether an aggregate's argument reads nothing of the left row and nothing volatile, so it can run on the right row alone.</summary>
    private static bool ReadsRightRow(BoundExpr e, int leftWidth) =>
        e.Descendants().All(d => d switch
        {
            ColumnExpr c => c.Level > 0 || c.Index >= leftWidth,
            ConstExpr or ParamExpr or CastExpr or BinaryOpExpr or UnaryOpExpr or LogicalExpr or NotExpr or IsNullExpr or BooleanTestExpr
                or DistinctFromExpr or InListExpr or CaseExpr or ConditionalExpr => true,
            FunctionExpr f => !f.Volatile && f.Routine is not { Volatility: 'v' },
            _ => false,
        });
}
