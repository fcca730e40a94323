using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution.Plan;

/// <summary>
/// A frame bound as bound: for RANGE offsets, <see cref="Shift"/> computes the boundary value from
/// the current row's ORDER BY value (slot 0 of its input) and the offset; for ROWS and GROUPS,
/// <see cref="Offset"/> is the bigint count.
/// </summary>
public sealed record BoundFrameBound(FrameBoundKind Kind, BoundExpr? Offset, BoundExpr? Shift);

/// <summary>The frame of a window call; <see cref="Default"/> is RANGE UNBOUNDED PRECEDING to CURRENT ROW.</summary>
public sealed record BoundFrame(FrameMode Mode, BoundFrameBound Start, BoundFrameBound End, FrameExclusion Exclusion)
{
    public static readonly BoundFrame Default = new(FrameMode.Range,
        new BoundFrameBound(FrameBoundKind.UnboundedPreceding, null, null), new BoundFrameBound(FrameBoundKind.CurrentRow, null, null), FrameExclusion.NoOthers);
}

/// <summary>
/// A bound window function call: a window-only function (<see cref="Aggregate"/> null) or an
/// aggregate over the frame, with its window's PARTITION BY, ORDER BY and frame.
/// </summary>
public sealed record WindowCall(string Name, AggregateFunction? Aggregate, IReadOnlyList<BoundExpr> Args, BoundExpr? Filter,
    IReadOnlyList<BoundExpr> Partition, IReadOnlyList<SortKey> Order, BoundFrame Frame, SqlType ResultType)
{
    /// <summary>The call with every expression rewritten (e.g. onto an aggregate node's output).</summary>
    public WindowCall Map(Func<BoundExpr, BoundExpr> f) => this with
    {
        Args = Args.Select(f).ToArray(),
        Filter = Filter is null ? null : f(Filter),
        Partition = Partition.Select(f).ToArray(),
        Order = Order.Select(k => k with { Expr = f(k.Expr) }).ToArray(),
    };
}

/// <summary>
/// Window functions: materializes its input and outputs each input row followed by one value per
/// window call. Rows come out in the first call's partition and ORDER BY order.
/// Per partition (rows sorted by PARTITION BY then ORDER BY), rows with equal ORDER BY values are
/// peers; rank-like functions count peer groups; the default frame ends at the current row's last
/// peer; aggregates are fed the frame's rows, incrementally when the frame starts at the
/// partition's first row and excludes nothing.
/// </summary>
public sealed partial class WindowNode(PlanNode input, IReadOnlyList<WindowCall> calls, IReadOnlyList<PlanColumn> columns) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } = columns;

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var rows = input.Execute(ctx).ToList();
        var width = input.Columns.Count;
        var output = rows.Select(r =>
        {
            var o = new object?[width + calls.Count];
            Array.Copy(r, o, width);
            return o;
        }).ToArray();
        int[]? firstOrder = null;
        for (var c = 0; c < calls.Count; c++)
        {
            var order = Evaluate(calls[c], rows, output, width + c, ctx);
            firstOrder ??= order;
        }
        foreach (var i in firstOrder ?? Enumerable.Range(0, rows.Count).ToArray())
            yield return output[i];
    }

    /// <summary>Computes one call for every row into <paramref name="slot"/>; returns the row order it sorted by.</summary>
    private static int[] Evaluate(WindowCall call, List<object?[]> rows, object?[][] output, int slot, ExecContext ctx)
    {
        var n = rows.Count;
        var partKeys = rows.Select(r => call.Partition.Select(p => p.Eval(r, ctx)).ToArray()).ToArray();
        var orderKeys = rows.Select(r => call.Order.Select(k => k.Expr.Eval(r, ctx)).ToArray()).ToArray();
        var partTypes = call.Partition.Select(p => p.Type.Id).ToArray();
        var orderTypes = call.Order.Select(k => k.Expr.Type.Id).ToArray();
        var indices = Enumerable.Range(0, n).ToArray();
        var sorted = indices.OrderBy(i => i, Comparer<int>.Create((a, b) =>
        {
            var c = CompareKeys(partKeys[a], partKeys[b], partTypes, null);
            return c != 0 ? c : CompareKeys(orderKeys[a], orderKeys[b], orderTypes, call.Order);
        })).ToArray();

        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && CompareKeys(partKeys[sorted[start]], partKeys[sorted[end]], partTypes, null) == 0) end++;
            var partition = sorted[start..end];
            new PartitionEvaluator(call, rows, orderKeys, orderTypes, partition, ctx).Run(output, slot);
            start = end;
        }
        return sorted;
    }

    internal static int CompareKeys(object?[] a, object?[] b, TypeId[] types, IReadOnlyList<SortKey>? keys)
    {
        for (var i = 0; i < types.Length; i++)
        {
            var x = a[i];
            var y = b[i];
            var desc = keys?[i].Descending ?? false;
            var nullsFirst = keys?[i].NullsFirst ?? false;
            if (x is null || y is null)
            {
                if (x is null && y is null) continue;
                return (x is null) == nullsFirst ? -1 : 1;
            }
            var c = ValueComparer.Compare(x, y, types[i]);
            if (c != 0) return desc ? -c : c;
        }
        return 0;
    }

    /// <summary>One partition of one call: peer groups, frames, and the function itself.</summary>
    private sealed class PartitionEvaluator
    {
        private readonly WindowCall _call;
        private readonly List<object?[]> _rows;
        private readonly object?[][] _orderKeys;
        private readonly TypeId[] _orderTypes;
        private readonly int[] _part;
        private readonly ExecContext _ctx;
        private readonly int[] _groupStart;
        private readonly int[] _groupEnd;
        private readonly int[] _groupIndex;
        private readonly List<int> _groupStarts = new();

        public PartitionEvaluator(WindowCall call, List<object?[]> rows, object?[][] orderKeys, TypeId[] orderTypes, int[] part, ExecContext ctx)
        {
            _call = call;
            _rows = rows;
            _orderKeys = orderKeys;
            _orderTypes = orderTypes;
            _part = part;
            _ctx = ctx;
            var m = part.Length;
            _groupStart = new int[m];
            _groupEnd = new int[m];
            _groupIndex = new int[m];
            for (var i = 0; i < m; i++)
            {
                if (i == 0 || CompareKeys(orderKeys[part[i - 1]], orderKeys[part[i]], orderTypes, call.Order) != 0) _groupStarts.Add(i);
                _groupIndex[i] = _groupStarts.Count - 1;
                _groupStart[i] = _groupStarts[^1];
            }
            for (var i = m - 1; i >= 0; i--)
                _groupEnd[i] = i == m - 1 || _groupIndex[i + 1] != _groupIndex[i] ? i + 1 : _groupEnd[i + 1];
        }

        private object?[] Row(int i) => _rows[_part[i]];

        public void Run(object?[][] output, int slot)
        {
            var m = _part.Length;
            if (_call.Aggregate is not null)
            {
                RunAggregate(output, slot);
                return;
            }
            for (var i = 0; i < m; i++)
                output[_part[i]][slot] = Compute(i);
        }

        private object? Compute(int i)
        {
            var m = _part.Length;
            switch (_call.Name)
            {
                case "row_number": return (long)(i + 1);
                case "rank": return (long)(_groupStart[i] + 1);
                case "dense_rank": return (long)(_groupIndex[i] + 1);
                case "percent_rank": return m <= 1 ? 0.0 : (double)_groupStart[i] / (m - 1);
                case "cume_dist": return (double)_groupEnd[i] / m;
                case "ntile":
                {
                    // The bucket count is taken from the partition's first row, as PostgreSQL does.
                    if (_call.Args[0].Eval(Row(0), _ctx) is not { } v) return null;
                    var buckets = Convert.ToInt64(v);
                    if (buckets <= 0)
                        throw new TenonException(SqlState.InvalidArgumentForNtile, "argument of ntile must be greater than zero");
                    var per = m / buckets;
                    var extra = m % buckets;
                    // The first `extra` buckets hold per+1 rows.
                    var big = extra * (per + 1);
                    return i < big ? (int)(i / (per + 1) + 1) : (int)(extra + (i - big) / Math.Max(per, 1) + 1);
                }
                case "lag":
                case "lead":
                {
                    var row = Row(i);
                    long offset = 1;
                    if (_call.Args.Count > 1)
                    {
                        if (_call.Args[1].Eval(row, _ctx) is not { } o) return null;
                        offset = Convert.ToInt64(o);
                    }
                    var target = _call.Name == "lag" ? i - offset : i + offset;
                    if (target < 0 || target >= m)
                        return _call.Args.Count > 2 ? _call.Args[2].Eval(row, _ctx) : null;
                    return _call.Args[0].Eval(Row((int)target), _ctx);
                }
                case "first_value":
                case "last_value":
                case "nth_value":
                {
                    var frame = FrameRows(i).ToList();
                    if (_call.Name == "nth_value")
                    {
                        if (_call.Args[1].Eval(Row(i), _ctx) is not { } nv) return null;
                        var nth = Convert.ToInt64(nv);
                        if (nth <= 0)
                            throw new TenonException(SqlState.InvalidArgumentForNthValue, "argument of nth_value must be greater than zero");
                        return nth <= frame.Count ? _call.Args[0].Eval(Row(frame[(int)nth - 1]), _ctx) : null;
                    }
                    if (frame.Count == 0) return null;
                    return _call.Args[0].Eval(Row(_call.Name == "first_value" ? frame[0] : frame[^1]), _ctx);
                }
            }
            throw new InvalidOperationException($"unknown window function {_call.Name}");
        }

        private void RunAggregate(object?[][] output, int slot)
        {
            var m = _part.Length;
            var frame = _call.Frame;
            if (frame.Start.Kind == FrameBoundKind.UnboundedPreceding && frame.Exclusion == FrameExclusion.NoOthers)
            {
                // The frame only grows from row to row: feed each row once.
                var acc = _call.Aggregate!.CreateAccumulator();
                var fed = 0;
                for (var i = 0; i < m; i++)
                {
                    var (_, last) = Bounds(i);
                    for (; fed <= last && fed < m; fed++) Feed(acc, fed);
                    output[_part[i]][slot] = acc.Result(_ctx);
                }
                return;
            }
            for (var i = 0; i < m; i++)
            {
                var acc = _call.Aggregate!.CreateAccumulator();
                foreach (var j in FrameRows(i)) Feed(acc, j);
                output[_part[i]][slot] = acc.Result(_ctx);
            }
        }

        private void Feed(Accumulator acc, int j)
        {
            var row = Row(j);
            if (_call.Filter is not null && _call.Filter.Eval(row, _ctx) is not true) return;
            var args = new object?[_call.Args.Count];
            for (var a = 0; a < args.Length; a++) args[a] = _call.Args[a].Eval(row, _ctx);
            acc.Add(args, _ctx);
        }

        /// <summary>The partition positions in row i's frame, after EXCLUDE.</summary>
        private IEnumerable<int> FrameRows(int i)
        {
            var (first, last) = Bounds(i);
            for (var j = Math.Max(first, 0); j <= last && j < _part.Length; j++)
            {
                switch (_call.Frame.Exclusion)
                {
                    case FrameExclusion.CurrentRow when j == i:
                    case FrameExclusion.Group when _groupIndex[j] == _groupIndex[i]:
                    case FrameExclusion.Ties when j != i && _groupIndex[j] == _groupIndex[i]:
                        continue;
                }
                yield return j;
            }
        }

        /// <summary>First and last partition positions of row i's frame (first &gt; last when empty).</summary>
        private (int First, int Last) Bounds(int i)
        {
            var m = _part.Length;
            var f = _call.Frame;
            return (Bound(i, f.Start, true), Bound(i, f.End, false));

            int Bound(int i, BoundFrameBound b, bool isStart)
            {
                switch (b.Kind)
                {
                    case FrameBoundKind.UnboundedPreceding: return 0;
                    case FrameBoundKind.UnboundedFollowing: return m - 1;
                    case FrameBoundKind.CurrentRow:
                        if (f.Mode == FrameMode.Rows) return i;
                        return isStart ? _groupStart[i] : _groupEnd[i] - 1;
                }
                var preceding = b.Kind == FrameBoundKind.OffsetPreceding;
                if (f.Mode == FrameMode.Range) return RangeBound(i, b, isStart);
                var offset = OffsetValue(b, isStart, i);
                if (f.Mode == FrameMode.Rows)
                    return (int)Math.Clamp(preceding ? i - offset : i + offset, -1, m);
                // GROUPS: count peer groups.
                var g = preceding ? _groupIndex[i] - offset : _groupIndex[i] + offset;
                if (g < 0) return isStart ? 0 : -1;
                if (g >= _groupStarts.Count) return isStart ? m : m - 1;
                var gs = _groupStarts[(int)g];
                return isStart ? gs : _groupEnd[gs] - 1;
            }
        }

        private long OffsetValue(BoundFrameBound b, bool isStart, int i)
        {
            var v = b.Offset!.Eval(Row(i), _ctx);
            if (v is null)
                throw new TenonException(SqlState.NullValueNotAllowed, $"frame {(isStart ? "starting" : "ending")} offset must not be null");
            var offset = Convert.ToInt64(v);
            if (offset < 0)
                throw new TenonException(SqlState.InvalidPrecedingOrFollowingSize, $"frame {(isStart ? "starting" : "ending")} offset must not be negative");
            return offset;
        }

        // RANGE with an offset: rows whose single ORDER BY value lies within the offset of the current row's.
        private int RangeBound(int i, BoundFrameBound b, bool isStart)
        {
            var m = _part.Length;
            var offset = b.Offset!.Eval(Row(i), _ctx);
            if (offset is null)
                throw new TenonException(SqlState.NullValueNotAllowed, $"frame {(isStart ? "starting" : "ending")} offset must not be null");
            if (IsNegative(offset))
                throw new TenonException(SqlState.InvalidPrecedingOrFollowingSize, "invalid preceding or following size in window function");
            var current = _orderKeys[_part[i]][0];
            // A NULL ORDER BY value has only its peers in range; NULL rows are never within range of a value.
            if (current is null) return isStart ? _groupStart[i] : _groupEnd[i] - 1;
            var shifted = b.Shift!.Eval([current, offset], _ctx)!;
            var desc = _call.Order[0].Descending;
            if (isStart)
            {
                for (var j = 0; j < m; j++)
                {
                    var k = _orderKeys[_part[j]][0];
                    if (k is null) continue;
                    var c = ValueComparer.Compare(k, shifted, _orderTypes[0]);
                    if (desc ? c <= 0 : c >= 0) return j;
                }
                return m;
            }
            for (var j = m - 1; j >= 0; j--)
            {
                var k = _orderKeys[_part[j]][0];
                if (k is null) continue;
                var c = ValueComparer.Compare(k, shifted, _orderTypes[0]);
                if (desc ? c >= 0 : c <= 0) return j;
            }
            return -1;
        }

        private static bool IsNegative(object offset) => offset switch
        {
            short s => s < 0,
            int x => x < 0,
            long l => l < 0,
            double d => d < 0,
            float f => f < 0,
            Numeric n => n.Sign < 0,
            PgInterval iv => (iv.Months * 30m + iv.Days) * 86_400_000_000m + iv.Microseconds < 0,
            _ => false,
        };
    }
}
