using Tenon.Types;
using Tenon.Execution.Expressions;

namespace Tenon.Execution.Plan;

/// <summary>A bound aggregate call: function, arguments, DISTINCT and FILTER.</summary>
public sealed record AggregateCall(AggregateFunction Function, IReadOnlyList<BoundExpr> Args, bool Distinct, BoundExpr? Filter, string Fingerprint)
{
    /// <summary><c>agg(x ORDER BY …)</c>: the group's inputs are sorted by these keys before they are fed.</summary>
    public IReadOnlyList<SortKey> Order { get; init; } = Array.Empty<SortKey>();
}

/// <summary>
/// GROUP BY with aggregates (hash grouping; groups come out in first-seen order). The output row
/// is the group key values followed by one value per aggregate call. Without GROUP BY there is
/// exactly one group, even over no rows.
/// </summary>
public sealed partial class AggregateNode(PlanNode input, IReadOnlyList<BoundExpr> groupKeys, IReadOnlyList<AggregateCall> aggregates, IReadOnlyList<PlanColumn> columns) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } = columns;

    /// <summary>
    /// Whether every expression over the input row only reads values from it (columns,
    /// constants, parameters, operators, casts, functions of values), so that no row array is
    /// kept past its own turn and the input may reuse one (<see cref="PlanNode.ExecuteTransient"/>).
    /// </summary>
    private readonly bool _readsRowsAtOnce = groupKeys
        .Concat(aggregates.SelectMany(a => a.Args.Concat(a.Order.Select(k => k.Expr)).Concat(a.Filter is null ? [] : [a.Filter])))
        .SelectMany(e => e.Descendants())
        .All(d => d is ColumnExpr or ConstExpr or ParamExpr or BinaryOpExpr or UnaryOpExpr or LogicalExpr or CastExpr or FunctionExpr or CaseExpr or ConditionalExpr);

    // Not a lambda in the loop: one capturing the row would allocate its closure for every input row.
    private static object?[] OrderKeys(AggregateCall call, object?[] row, ExecContext ctx)
    {
        var keys = new object?[call.Order.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = call.Order[i].Expr.Eval(row, ctx);
        return keys;
    }

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var groups = new Dictionary<object?[], Accumulator[]>(new KeyComparer(groupKeys.Select(k => k.Type)));
        var order = new List<object?[]>();
        // Per group, per DISTINCT aggregate: the argument tuples already fed to it.
        var distinctSeen = new Dictionary<object?[], HashSet<object?[]>?[]>(new KeyComparer(groupKeys.Select(k => k.Type)));
        // Per group, per ordered aggregate: its inputs and their sort keys, fed once the group is complete.
        var ordered = new Dictionary<object?[], List<(object?[] Args, object?[] Keys)>?[]>(new KeyComparer(groupKeys.Select(k => k.Type)));
        // The key of each input row is computed into one scratch array and copied only for a new
        // group; plain aggregates get their arguments in a scratch array too (accumulators read
        // them and keep values, never the array), DISTINCT and ordered ones a new array each.
        var probe = new object?[groupKeys.Count];
        var scratchArgs = aggregates.Select(c => c.Distinct || c.Order.Count > 0 ? null : new object?[c.Args.Count]).ToArray();
        // The previous row's key values and group: rows of one group often come together (a
        // join emits each outer row's matches in a run, carrying that row's very objects), and
        // key values that are the same objects as the previous row's are certainly equal, so
        // such a row joins the previous group without hashing its key.
        var last = new object?[groupKeys.Count];
        Accumulator[]? lastAccs = null;
        foreach (var row in _readsRowsAtOnce ? input.ExecuteTransient(ctx) : input.Execute(ctx))
        {
            var same = lastAccs is not null;
            for (var i = 0; i < probe.Length; i++)
                same &= ReferenceEquals(probe[i] = groupKeys[i].Eval(row, ctx), last[i]);
            Accumulator[] accs;
            if (same) accs = lastAccs!;
            else
            {
                if (!groups.TryGetValue(probe, out accs!))
                {
                    var newKey = (object?[])probe.Clone();
                    accs = aggregates.Select(a => a.Function.CreateAccumulator()).ToArray();
                    groups[newKey] = accs;
                    order.Add(newKey);
                }
                Array.Copy(probe, last, probe.Length);
                lastAccs = accs;
            }
            var key = probe;
            for (var a = 0; a < aggregates.Count; a++)
            {
                var call = aggregates[a];
                if (call.Filter is not null && call.Filter.Eval(row, ctx) is not true) continue;
                var args = scratchArgs[a] ?? new object?[call.Args.Count];
                for (var i = 0; i < args.Length; i++) args[i] = call.Args[i].Eval(row, ctx);
                if (call.Distinct)
                {
                    if (!distinctSeen.TryGetValue(key, out var sets))
                        distinctSeen[(object?[])key.Clone()] = sets = new HashSet<object?[]>?[aggregates.Count];
                    var seen = sets[a] ??= new HashSet<object?[]>(new KeyComparer(call.Args.Select(x => x.Type)));
                    if (!seen.Add(args)) continue;
                }
                if (call.Order.Count > 0)
                {
                    if (!ordered.TryGetValue(key, out var lists))
                        ordered[(object?[])key.Clone()] = lists = new List<(object?[], object?[])>?[aggregates.Count];
                    (lists[a] ??= new()).Add((args, OrderKeys(call, row, ctx)));
                    continue;
                }
                accs[a].Add(args, ctx);
            }
        }
        if (groupKeys.Count == 0 && order.Count == 0)
        {
            var key = Array.Empty<object?>();
            groups[key] = aggregates.Select(a => a.Function.CreateAccumulator()).ToArray();
            order.Add(key);
        }
        foreach (var key in order)
        {
            var accs = groups[key];
            if (ordered.TryGetValue(key, out var pending))
                for (var a = 0; a < aggregates.Count; a++)
                {
                    if (pending[a] is not { } inputs) continue;
                    var keys = aggregates[a].Order;
                    var types = keys.Select(k => k.Expr.Type.Id).ToArray();
                    foreach (var (args, _) in inputs.OrderBy(x => x.Keys, Comparer<object?[]>.Create((p, q) => WindowNode.CompareKeys(p, q, types, keys))))
                        accs[a].Add(args, ctx);
                }
            var output = new object?[key.Length + accs.Length];
            Array.Copy(key, output, key.Length);
            for (var a = 0; a < accs.Length; a++) output[key.Length + a] = accs[a].Result(ctx);
            yield return output;
        }
    }
}
