using Tenon.Execution.Expressions;
using Tenon.Storage;
using Tenon.Types;

namespace Tenon.Execution.Plan;

/// <summary>
/// Where an index scan looks: values for the index's first <see cref="Equal"/>.Count key columns,
/// then optionally bounds on the next one. The value expressions read no column of the scanned
/// table: they are constants, parameters, outer references, or (in an index nested-loop join)
/// expressions over the probing left row.
/// </summary>
public sealed record IndexSeek(
    uint IndexOid, int KeyColumns, bool Unique, IReadOnlyList<BoundExpr> Equal,
    BoundExpr? Lower, bool LowerInclusive, BoundExpr? Upper, bool UpperInclusive)
{
    /// <summary>True when the seek fixes every key column: entries then come in row id order.</summary>
    public bool FullKey => Equal.Count == KeyColumns && Lower is null && Upper is null && InList is null && NullTest is null;

    /// <summary><c>column IS NULL</c> on the key column after the equal ones (no bounds then): the NULL keys there.</summary>
    public IsNullExpr? NullTest { get; init; }

    /// <summary>
    /// <c>column IN (values)</c> on the key column after the equal ones (no bounds then): the seek
    /// is the union of one seek per value. Its items are constants, parameters or outer references.
    /// </summary>
    public InListExpr? InList { get; init; }

    /// <summary>
    /// For each sought key column (the equal ones, then the ranged one), the integer type of the
    /// key when its seek value is of a wider integer type (<c>smallint_col = 9</c> compares as
    /// integer, as PostgreSQL's cross-type integer operators do), else null; null when no value
    /// needs fitting. See <see cref="IntegerKeyFit"/>.
    /// </summary>
    public IReadOnlyList<TypeId?>? Narrow { get; init; }
}

/// <summary>
/// Reads the rows of a table that an index says can satisfy <see cref="Seek"/>, then keeps those
/// for which <see cref="Filter"/> is true. The filter holds every condition the planner pushed
/// to this table, including the ones the seek used, so a row the index lets through is always
/// checked by the operators themselves, except the ones the seek decides exactly (see
/// <c>decided</c>). Rows come in row id order, the order of a
/// <see cref="TableScanNode"/>, so choosing an index never changes a result or its order.
/// </summary>
/// <param name="decided">
/// Conjuncts of <paramref name="filter"/> that every row the seek returns satisfies (an equality
/// of integers between a seek value and its key column): not checked again.
/// </param>
public sealed partial class IndexScanNode(uint tableOid, IReadOnlyList<PlanColumn> columns, bool includeRowId, IndexSeek seek, BoundExpr? filter,
    IReadOnlyList<BoundExpr>? decided = null)
    : PlanNode
{
    public uint TableOid { get; } = tableOid;
    public IndexSeek Seek { get; } = seek;
    /// <summary>Every condition pushed to this table (EXPLAIN shows those the seek did not use).</summary>
    public BoundExpr? Filter { get; } = filter;

    /// <summary>What a fetched row must still satisfy: <see cref="Filter"/> without the conjuncts the seek decided; null when nothing.</summary>
    private readonly BoundExpr? _check = Residual(filter, decided);

    private static BoundExpr? Residual(BoundExpr? filter, IReadOnlyList<BoundExpr>? decided)
    {
        if (filter is null || decided is not { Count: > 0 }) return filter;
        var conjuncts = filter is LogicalExpr { IsAnd: true } and ? and.Operands : [filter];
        var rest = conjuncts.Where(c => !decided.Contains(c)).ToList();
        return rest.Count == conjuncts.Count ? filter : rest.Count == 0 ? null : rest.Count == 1 ? rest[0] : new LogicalExpr(true, rest);
    }
    public override IReadOnlyList<PlanColumn> Columns { get; } =
        includeRowId ? [.. columns, new PlanColumn("ctid", Types.SqlType.Int8)] : columns;

    public override IEnumerable<object?[]> Execute(ExecContext ctx) => Probe(ctx, Array.Empty<object?>());

    /// <summary>The matching rows, with the seek's values evaluated over <paramref name="probeRow"/>.</summary>
    public IEnumerable<object?[]> Probe(ExecContext ctx, object?[] probeRow)
    {
        ctx.Session.PlanCounters.IndexScans++;
        if (!SeekValues(ctx, probeRow, out var prefix, out var range)) return [];

        var tx = ctx.Transaction;
        var table = tx.Catalog.Tables[TableOid];
        var position = table.IndexPosition(Seek.IndexOid);
        var store = ctx.ReadIndex(TableOid, position);
        var rows = ctx.ReadRows(TableOid);
        if (Seek.InList is not null || Seek.NullTest is not null)
        {
            var found = new List<long>();
            ForEachInListKey(ctx, probeRow, prefix, table.Indexes[position], store, id => found.Add(id));
            return Fetch(ctx, rows, SortedDistinct(found));
        }
        if (Seek.FullKey)
        {
            var index = table.Indexes[position];
            tx.Reads?.Range(TableOid, index, store.KeyComparer, Storage.Bound.Inclusive(prefix), Storage.Bound.Inclusive(prefix));
            // A unique index checked per row holds at most one entry per key (a deferrable one
            // may hold several until it is checked): one descent, no enumeration.
            return Seek.Unique && index.Unique && !index.Deferrable ? FetchUnique(ctx, rows, store, prefix) : Fetch(ctx, rows, store.Seek(prefix));
        }

        var (lower, upper) = RangeBounds(prefix, range);
        tx.Reads?.Range(TableOid, table.Indexes[position], store.KeyComparer, lower, upper);
        var ids = new List<long>();
        foreach (var id in store.RangeRowIds(lower, upper)) ids.Add(id);
        ids.Sort();
        return Fetch(ctx, rows, ids);
    }

    /// <summary>
    /// The row ids the index holds for the seek's values over <paramref name="probeRow"/>,
    /// appended to <paramref name="ids"/> (a pooled array, exchanged for a larger one as needed) without reading the rows: for a caller
    /// that fetches the rows of many probes together (<see cref="FetchSorted"/>). Counted and
    /// recorded as a read like <see cref="Probe"/>; the filter is left to the fetch.
    /// </summary>
    internal void AppendRowIds(ExecContext ctx, object?[] probeRow, ref long[] ids, ref int count)
    {
        ctx.Session.PlanCounters.IndexScans++;
        if (!SeekValues(ctx, probeRow, out var prefix, out var range)) return;

        var tx = ctx.Transaction;
        var table = tx.Catalog.Tables[TableOid];
        var position = table.IndexPosition(Seek.IndexOid);
        var store = ctx.ReadIndex(TableOid, position);
        if (Seek.InList is not null || Seek.NullTest is not null)
        {
            // Row ids of different values differ; a value listed twice is sought once.
            var found = new List<long>();
            ForEachInListKey(ctx, probeRow, prefix, table.Indexes[position], store, id => found.Add(id));
            foreach (var id in SortedDistinct(found)) Append(ref ids, ref count, id);
            return;
        }
        if (Seek.FullKey)
        {
            var index = table.Indexes[position];
            tx.Reads?.Range(TableOid, index, store.KeyComparer, Storage.Bound.Inclusive(prefix), Storage.Bound.Inclusive(prefix));
            if (Seek.Unique && index.Unique && !index.Deferrable)
            {
                if (store.TrySeekFirst(prefix, out var id)) Append(ref ids, ref count, id);
                return;
            }
            foreach (var id in store.Seek(prefix)) Append(ref ids, ref count, id);
            return;
        }
        var (lower, upper) = RangeBounds(prefix, range);
        tx.Reads?.Range(TableOid, table.Indexes[position], store.KeyComparer, lower, upper);
        foreach (var id in store.RangeRowIds(lower, upper)) Append(ref ids, ref count, id);
    }

    /// <summary>
    /// The row ids of the seek's equal prefix followed by each value of its IN list (NULL values
    /// and values the key type cannot hold match nothing) or by NULL (IS NULL), each sought range
    /// recorded as read.
    /// </summary>
    private void ForEachInListKey(ExecContext ctx, object?[] probeRow, object?[] prefix, Catalog.IndexDef index, IndexStore store, Action<long> found)
    {
        if (Seek.NullTest is not null)
        {
            SeekKey(null);
            return;
        }
        var keyType = Seek.Narrow is { } narrow && narrow.Count > prefix.Length ? narrow[prefix.Length] : null;
        foreach (var item in Seek.InList!.Items)
        {
            var value = item.Eval(probeRow, ctx);
            if (value is null || keyType is { } type && !IntegerKeyFit.Equal(ref value, type)) continue;
            SeekKey(value);
        }

        void SeekKey(object? value)
        {
            object?[] key = [.. prefix, value];
            var bound = Storage.Bound.Inclusive(key);
            ctx.Transaction.Reads?.Range(TableOid, index, store.KeyComparer, bound, bound);
            foreach (var (_, id) in store.Range(bound, bound)) found(id);
        }
    }

    /// <summary>The ids in ascending order without repeats (a value listed twice finds its rows twice).</summary>
    private static List<long> SortedDistinct(List<long> ids)
    {
        ids.Sort();
        var n = 0;
        for (var i = 0; i < ids.Count; i++)
            if (n == 0 || ids[i] != ids[n - 1]) ids[n++] = ids[i];
        ids.RemoveRange(n, ids.Count - n);
        return ids;
    }

    /// <summary>Appends to a buffer of <see cref="System.Buffers.ArrayPool{T}.Shared"/>, exchanged for a larger one when full.</summary>
    private static void Append(ref long[] ids, ref int count, long id)
    {
        if (count == ids.Length)
        {
            var pool = System.Buffers.ArrayPool<long>.Shared;
            var larger = pool.Rent(Math.Max(16, count * 2));
            Array.Copy(ids, larger, count);
            pool.Return(ids);
            ids = larger;
        }
        ids[count++] = id;
    }

    /// <summary>
    /// The rows of <paramref name="ids"/>, which must be in ascending order (repeats allowed),
    /// that this scan would return, as <paramref name="feed"/>(position in ids, row): fetched in
    /// one ordered walk of the table instead of one descent per row.
    /// </summary>
    internal void FetchSorted(ExecContext ctx, ReadOnlySpan<long> ids, Action<int, object?[]> feed)
    {
        var lookup = ctx.ReadRows(TableOid).Rows.LookupAscending();
        for (var i = 0; i < ids.Length; i++)
        {
            ctx.Session.CheckForInterrupts();
            var id = ids[i];
            if (!lookup.TryGet(id, out var row)) continue;
            if (includeRowId) row = WithRowId(row, id);
            if (_check is null || _check.Eval(row, ctx) is true) feed(i, row);
        }
    }

    /// <summary>The bounds of the ranged key column, as <see cref="SeekValues"/> evaluated them (values null when not bounded).</summary>
    private record struct RangeValues(object? Low, bool LowInclusive, object? High, bool HighInclusive);

    /// <summary>
    /// Evaluates the seek's values over <paramref name="probeRow"/>, fitted to the key types
    /// (<see cref="IndexSeek.Narrow"/>); false when no row can match: a NULL value (it compares as
    /// NULL with every key), or an integer the key column cannot hold in an equality or on the
    /// wrong side of a bound.
    /// </summary>
    private bool SeekValues(ExecContext ctx, object?[] probeRow, out object?[] prefix, out RangeValues range)
    {
        var narrow = Seek.Narrow;
        prefix = new object?[Seek.Equal.Count];
        range = default;
        for (var i = 0; i < prefix.Length; i++)
        {
            if ((prefix[i] = Seek.Equal[i].Eval(probeRow, ctx)) is null) return false;
            if (narrow?[i] is { } type && !IntegerKeyFit.Equal(ref prefix[i], type)) return false;
        }
        var rangeType = narrow is not null && narrow.Count > prefix.Length ? narrow[prefix.Length] : null;
        if (Seek.Lower is not null)
        {
            var low = Seek.Lower.Eval(probeRow, ctx);
            var inclusive = Seek.LowerInclusive;
            if (low is null || rangeType is { } type && !IntegerKeyFit.Lower(ref low, ref inclusive, type)) return false;
            range.Low = low;
            range.LowInclusive = inclusive;
        }
        if (Seek.Upper is not null)
        {
            var high = Seek.Upper.Eval(probeRow, ctx);
            var inclusive = Seek.UpperInclusive;
            if (high is null || rangeType is { } type && !IntegerKeyFit.Upper(ref high, ref inclusive, type)) return false;
            range.High = high;
            range.HighInclusive = inclusive;
        }
        return true;
    }

    /// <summary>The index range of a seek that is not a full-key equality: the equal prefix, then the lower and upper values when given.</summary>
    private (Bound<object?[]> Lower, Bound<object?[]> Upper) RangeBounds(object?[] prefix, RangeValues range)
    {
        var ranged = Seek.Lower is not null || Seek.Upper is not null;
        var lower = Seek.Lower is not null
            ? Bound(prefix, range.Low, range.LowInclusive)
            : prefix.Length > 0 ? Storage.Bound.Inclusive(prefix) : default;
        // NULL keys sort last; "col > x" must stop before them, hence the exclusive [prefix, NULL].
        var upper = Seek.Upper is not null
            ? Bound(prefix, range.High, range.HighInclusive)
            : ranged ? Storage.Bound.Exclusive<object?[]>([.. prefix, null])
            : Storage.Bound.Inclusive(prefix);
        return (lower, upper);
    }

    private static Bound<object?[]> Bound(object?[] prefix, object? value, bool inclusive)
    {
        object?[] key = [.. prefix, value];
        return inclusive ? Storage.Bound.Inclusive(key) : Storage.Bound.Exclusive(key);
    }

    private IEnumerable<object?[]> FetchUnique(ExecContext ctx, RowStore rows, IndexStore store, object?[] key)
    {
        if (FetchOne(ctx, rows, store, key) is { } row) yield return row;
    }

    /// <summary>The row a unique index holds for <paramref name="key"/> if the filter keeps it.</summary>
    private object?[]? FetchOne(ExecContext ctx, RowStore rows, IndexStore store, object?[] key)
    {
        ctx.Session.CheckForInterrupts();
        if (!store.TrySeekFirst(key, out var id) || !rows.TryGet(id, out var row)) return null;
        if (includeRowId) row = WithRowId(row, id);
        return _check is null || _check.Eval(row, ctx) is true ? row : null;
    }

    /// <summary>A seek of every column of a unique index checked per row: <see cref="Probe"/>'s one row, or none, without an iterator.</summary>
    internal override bool TryExecuteSingle(ExecContext ctx, out object?[]? row)
    {
        row = null;
        if (!Seek.FullKey || !Seek.Unique) return false;
        var tx = ctx.Transaction;
        var table = tx.Catalog.Tables[TableOid];
        var position = table.IndexPosition(Seek.IndexOid);
        var index = table.Indexes[position];
        if (!index.Unique || index.Deferrable) return false;
        // From here on exactly what Probe does for this seek, in its order.
        ctx.Session.PlanCounters.IndexScans++;
        if (!SeekValues(ctx, Array.Empty<object?>(), out var key, out _)) return true;
        var store = ctx.ReadIndex(TableOid, position);
        var rows = ctx.ReadRows(TableOid);
        tx.Reads?.Range(TableOid, index, store.KeyComparer, Storage.Bound.Inclusive(key), Storage.Bound.Inclusive(key));
        row = FetchOne(ctx, rows, store, key);
        return true;
    }

    /// <summary>The row with its row id appended (what a scan that feeds UPDATE/DELETE or ctid hands on).</summary>
    private static object?[] WithRowId(object?[] row, long id)
    {
        var withId = new object?[row.Length + 1];
        Array.Copy(row, withId, row.Length);
        withId[^1] = id;
        return withId;
    }

    private IEnumerable<object?[]> Fetch<TIds>(ExecContext ctx, RowStore rows, TIds ids) where TIds : IEnumerable<long>
    {
        foreach (var id in ids)
        {
            ctx.Session.CheckForInterrupts();
            if (!rows.TryGet(id, out var row)) continue;
            if (includeRowId) row = WithRowId(row, id);
            if (_check is null || _check.Eval(row, ctx) is true) yield return row;
        }
    }
}
