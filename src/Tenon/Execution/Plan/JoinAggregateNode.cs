using System.Buffers;
using System.Diagnostics;
using Tenon.Execution.Expressions;

namespace Tenon.Execution.Plan;

/// <summary>
/// GROUP BY over an inner join in which every left row that has a match is a group of its own:
/// the binder proves it (the group keys are left columns covering a unique key of the left table
/// whose columns are join keys or NOT NULL), so the rows of a group are exactly one left row
/// joined with its matches. The aggregates, which read only the right row, are then fed from
/// each matching right row straight into that left row's state: no joined row is built and no
/// group key is hashed or compared.
///
/// Over a hash join the left rows are hashed (PostgreSQL's choice for a parent and its many
/// children too: the small side hashed) and the right rows stream past once, in their own order,
/// instead of being hashed and then revisited in left order; over an index join each left row
/// probes the right index as the join would. Either way a group is fed its matches in right row
/// order and the groups come out in left row order, after all input is read: what
/// <see cref="AggregateNode"/> over the join yields, value for value. Every expression is
/// evaluated on the same rows as there, though in another order (the left input is read before
/// the right one; a left row's index matches are fetched before they are fed): when two rows
/// would each raise an error, which of them is raised may differ.
/// </summary>
public sealed partial class JoinAggregateNode : PlanNode
{
    /// <summary>The join (a hashed <see cref="JoinNode"/> or an <see cref="IndexJoinNode"/>), as EXPLAIN shows it.</summary>
    public PlanNode Join { get; }
    /// <summary>The group keys over the joined row, all left columns (EXPLAIN's Group Key).</summary>
    public IReadOnlyList<BoundExpr> GroupKeys { get; }
    /// <summary>The aggregate calls over the joined row (EXPLAIN); they run as <see cref="_rightCalls"/>.</summary>
    public IReadOnlyList<AggregateCall> Aggregates { get; }
    public override IReadOnlyList<PlanColumn> Columns { get; }

    private readonly int[] _groupColumns;
    /// <summary>The aggregate calls with their arguments and filters over the right row alone.</summary>
    private readonly AggregateCall[] _rightCalls;
    /// <summary>Under EXPLAIN ANALYZE: the join node of the printed plan, whose line the joined pairs are counted for.</summary>
    private readonly PlanNode _measuredJoin;

    /// <param name="rightCalls">Each of <paramref name="aggregates"/> with its expressions over the right row: no DISTINCT, no ORDER BY.</param>
    public JoinAggregateNode(PlanNode join, IReadOnlyList<BoundExpr> groupKeys, IReadOnlyList<AggregateCall> aggregates,
        IReadOnlyList<AggregateCall> rightCalls, IReadOnlyList<PlanColumn> columns)
        : this(join, groupKeys, aggregates, rightCalls, columns, join)
    {
    }

    private JoinAggregateNode(PlanNode join, IReadOnlyList<BoundExpr> groupKeys, IReadOnlyList<AggregateCall> aggregates,
        IReadOnlyList<AggregateCall> rightCalls, IReadOnlyList<PlanColumn> columns, PlanNode measuredJoin)
    {
        if (join is not (JoinNode { LeftKeys.Count: > 0, RightKeys: not null, Kind: Sql.Ast.JoinKind.Inner } or IndexJoinNode { Kind: Sql.Ast.JoinKind.Inner }))
            throw new ArgumentException("a hashed or index inner join is required", nameof(join));
        if (rightCalls.Any(c => c.Distinct || c.Order.Count > 0))
            throw new ArgumentException("DISTINCT and ordered aggregates are fed through AggregateNode", nameof(rightCalls));
        Join = join;
        GroupKeys = groupKeys;
        Aggregates = aggregates;
        Columns = columns;
        _groupColumns = groupKeys.Select(k => ((ColumnExpr)k).Index).ToArray();
        _rightCalls = rightCalls.ToArray();
        _measuredJoin = measuredJoin;
    }

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        ctx.Session.PlanCounters.JoinAggregates++;
        var measure = new JoinMeasure(ctx.Explain is not null ? Stopwatch.StartNew() : null);
        var groups = Join is JoinNode hash ? HashGroups(hash, ctx, ref measure) : ProbeGroups((IndexJoinNode)Join, ctx, ref measure);
        if (ctx.Explain is { } stats)
        {
            var s = stats.For(_measuredJoin);
            s.Loops++;
            s.Rows += measure.Pairs;
            s.StartupTicks += measure.FirstPairTicks;
            s.TotalTicks += measure.Clock!.ElapsedTicks;
        }
        foreach (var row in groups) yield return row;
    }

    /// <summary>Hashes the left rows, streams the right rows past them, then lists the fed left rows in order.</summary>
    private List<object?[]> HashGroups(JoinNode join, ExecContext ctx, ref JoinMeasure measure)
    {
        var session = ctx.Session;
        var leftRows = join.Left.Execute(ctx).ToList();
        // Built over the left rows and probed with each right row's keys.
        var table = new JoinHashTable(join.RightKeys!, join.LeftKeys!, leftRows, ctx);
        // The groups are the left rows, by position.
        var states = _rightCalls.Select(c => GroupStates.Create(c.Function, leftRows.Count)).ToArray();
        var fed = new bool[leftRows.Count];
        var args = ScratchArguments();
        if (join.Right is TableScanNode { IncludeRowId: false } scan)
        {
            // The stored rows walked directly: no iterator of the scan node between them and the probe.
            var rows = scan.StoredRows(ctx).GetEnumerator();
            while (rows.MoveNext())
            {
                session.CheckForInterrupts();
                Probe(rows.CurrentValue, table, states, fed, args, ctx, ref measure);
            }
        }
        else
            foreach (var r in join.Right.ExecuteTransient(ctx))
            {
                session.CheckForInterrupts();
                Probe(r, table, states, fed, args, ctx, ref measure);
            }
        var output = new List<object?[]>();
        for (var i = 0; i < leftRows.Count; i++)
        {
            if (!fed[i]) continue;
            var row = GroupRow(leftRows[i]);
            for (var a = 0; a < states.Length; a++) row[_groupColumns.Length + a] = states[a].Result(i, ctx);
            output.Add(row);
        }
        return output;
    }

    /// <summary>Feeds one right row to the states of every left row it matches.</summary>
    private void Probe(object?[] r, JoinHashTable table, GroupStates[] states, bool[] fed, object?[][] args, ExecContext ctx, ref JoinMeasure measure)
    {
        for (var i = table.First(r, ctx); i >= 0; i = table.Next(i))
        {
            fed[i] = true;
            for (var a = 0; a < states.Length; a++)
            {
                var call = _rightCalls[a];
                if (call.Filter is not null && call.Filter.Eval(r, ctx) is not true) continue;
                var values = args[a];
                for (var k = 0; k < values.Length; k++) values[k] = call.Args[k].Eval(r, ctx);
                states[a].Add(i, values, ctx);
            }
            measure.Count();
        }
    }

    /// <summary>Row ids gathered before their rows are fetched together (<see cref="BatchedProbeGroups"/>).</summary>
    private const int FetchBatch = 1 << 16;

    /// <summary>Probes the right index for each left row in turn, feeding that row's aggregates from its matches.</summary>
    private List<object?[]> ProbeGroups(IndexJoinNode join, ExecContext ctx, ref JoinMeasure measure)
    {
        ctx.Session.PlanCounters.IndexJoins++;
        // EXPLAIN ANALYZE counts each probe as a loop of the inner scan: probed one by one.
        if (ctx.Explain is null) return BatchedProbeGroups(join, ctx);
        var session = ctx.Session;
        var args = ScratchArguments();
        var output = new List<object?[]>();
        var matches = new RowRef[16];
        foreach (var l in join.Left.Execute(ctx))
        {
            session.CheckForInterrupts();
            // A left row's matches are all fetched before any is fed: the fetches, each a descent
            // to a row somewhere in the table, then do not wait on one another, nor on reading
            // the rows (kept in a struct so that storing one does not read its type).
            var count = 0;
            foreach (var r in join.Probe(ctx, l))
            {
                if (count == matches.Length) Array.Resize(ref matches, count * 2);
                matches[count++].Row = r;
            }
            if (count == 0) continue;
            var accs = NewStates();
            for (var m = 0; m < count; m++)
            {
                session.CheckForInterrupts();
                Feed(accs, matches[m].Row, args, ctx);
                matches[m].Row = null!;
                measure.Count();
            }
            var row = GroupRow(l);
            for (var a = 0; a < accs.Length; a++) row[_groupColumns.Length + a] = accs[a].Result(ctx);
            output.Add(row);
        }
        return output;
    }

    /// <summary>
    /// What <see cref="ProbeGroups"/> computes, with the right rows fetched in row id order: the
    /// left rows' index entries are gathered first (a batch of left rows at a time), their row
    /// ids sorted, and the rows read in one ordered walk of the table, each fed to the group of
    /// the left row whose probe found it. Random descents to each match, which dominate a join
    /// whose matches are spread over the table, become a sequential read. A group is still fed
    /// its matches in row id order, and the groups still come out in left row order.
    /// </summary>
    private List<object?[]> BatchedProbeGroups(IndexJoinNode join, ExecContext ctx)
    {
        var session = ctx.Session;
        var args = ScratchArguments();
        var output = new List<object?[]>();
        // Pooled: a batch's buffers are as large as its matches, up to FetchBatch and beyond.
        var ids = ArrayPool<long>.Shared.Rent(1024);
        var owners = ArrayPool<int>.Shared.Rent(1024);
        try
        {
            var count = 0;
            var lefts = new List<object?[]>();
            foreach (var l in join.Left.Execute(ctx))
            {
                session.CheckForInterrupts();
                var start = count;
                join.Right.AppendRowIds(ctx, l, ref ids, ref count);
                if (count == start) continue;
                if (owners.Length < ids.Length)
                {
                    var larger = ArrayPool<int>.Shared.Rent(ids.Length);
                    Array.Copy(owners, larger, start);
                    ArrayPool<int>.Shared.Return(owners);
                    owners = larger;
                }
                owners.AsSpan(start, count - start).Fill(lefts.Count);
                lefts.Add(l);
                if (count >= FetchBatch)
                {
                    FeedBatch(join.Right, ids, owners, count, lefts, args, output, ctx);
                    count = 0;
                    lefts.Clear();
                }
            }
            if (count > 0) FeedBatch(join.Right, ids, owners, count, lefts, args, output, ctx);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<int>.Shared.Return(owners);
        }
        return output;
    }

    /// <summary>Fetches the rows of <paramref name="ids"/> in order, feeds each to its left row's group, and adds the groups fed to <paramref name="output"/> in left row order.</summary>
    private void FeedBatch(IndexScanNode right, long[] ids, int[] owners, int count, List<object?[]> lefts, object?[][] args,
        List<object?[]> output, ExecContext ctx)
    {
        RowIdSort.Sort(ids, owners, count);
        var states = new GroupStates[_rightCalls.Length];
        for (var a = 0; a < states.Length; a++) states[a] = GroupStates.Create(_rightCalls[a].Function, lefts.Count);
        var fed = new bool[lefts.Count];
        right.FetchSorted(ctx, ids.AsSpan(0, count), (i, r) =>
        {
            var group = owners[i];
            fed[group] = true;
            for (var a = 0; a < states.Length; a++)
            {
                var call = _rightCalls[a];
                if (call.Filter is not null && call.Filter.Eval(r, ctx) is not true) continue;
                var values = args[a];
                for (var k = 0; k < values.Length; k++) values[k] = call.Args[k].Eval(r, ctx);
                states[a].Add(group, values, ctx);
            }
        });
        for (var g = 0; g < lefts.Count; g++)
        {
            if (!fed[g]) continue;
            var row = GroupRow(lefts[g]);
            for (var a = 0; a < states.Length; a++) row[_groupColumns.Length + a] = states[a].Result(g, ctx);
            output.Add(row);
        }
    }

    private struct RowRef
    {
        public object?[] Row;
    }

    /// <summary>The joined pairs counted and, under EXPLAIN ANALYZE, when the first one came.</summary>
    private struct JoinMeasure(Stopwatch? clock)
    {
        public readonly Stopwatch? Clock = clock;
        public long Pairs;
        public long FirstPairTicks;

        public void Count()
        {
            if (Pairs++ == 0 && Clock is not null) FirstPairTicks = Clock.ElapsedTicks;
        }
    }

    private object?[][] ScratchArguments()
    {
        var args = new object?[_rightCalls.Length][];
        for (var a = 0; a < args.Length; a++) args[a] = new object?[_rightCalls[a].Args.Count];
        return args;
    }

    private Accumulator[] NewStates()
    {
        var accs = new Accumulator[_rightCalls.Length];
        for (var a = 0; a < accs.Length; a++) accs[a] = _rightCalls[a].Function.CreateAccumulator();
        return accs;
    }

    private void Feed(Accumulator[] accs, object?[] right, object?[][] args, ExecContext ctx)
    {
        for (var a = 0; a < accs.Length; a++)
        {
            var call = _rightCalls[a];
            if (call.Filter is not null && call.Filter.Eval(right, ctx) is not true) continue;
            var values = args[a];
            for (var i = 0; i < values.Length; i++) values[i] = call.Args[i].Eval(right, ctx);
            accs[a].Add(values, ctx);
        }
    }

    /// <summary>A group's output row with its key values (columns of its left row) filled in; the aggregates' results follow.</summary>
    private object?[] GroupRow(object?[] left)
    {
        var row = new object?[_groupColumns.Length + _rightCalls.Length];
        for (var k = 0; k < _groupColumns.Length; k++) row[k] = left[_groupColumns[k]];
        return row;
    }

    /// <summary>A copy over measured inputs, counting the joined pairs for the join's line of the printed plan.</summary>
    internal override PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, Explain.ExplainStats stats)
    {
        PlanNode join = Join switch
        {
            JoinNode j => new JoinNode(j.Kind, wrap(j.Left), wrap(j.Right), stats.InstrumentOptional(j.Condition), j.LeftKeys, j.RightKeys),
            IndexJoinNode j => new IndexJoinNode(j.Kind, wrap(j.Left), j.Right, stats.InstrumentOptional(j.Condition)),
            _ => Join,
        };
        return new JoinAggregateNode(join, GroupKeys, Aggregates, _rightCalls, Columns, Join);
    }
}
