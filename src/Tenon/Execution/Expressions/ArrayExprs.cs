using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution.Expressions;

/// <summary>
/// <c>ARRAY[a, b, …]</c>: a one-dimensional array of the items, or, when the items are themselves
/// arrays (<c>ARRAY[[1,2],[3,4]]</c>, <c>ARRAY[x, y]</c> of array columns), an array one
/// dimension higher whose sub-arrays must all have the same shape.
/// </summary>
public sealed class ArrayConstructorExpr(IReadOnlyList<BoundExpr> items, SqlType type, bool multiDimensional) : BoundExpr
{
    public override SqlType Type { get; } = type;

    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var element = Type.Element!;
        if (!multiDimensional)
        {
            var values = new object?[items.Count];
            for (var i = 0; i < values.Length; i++) values[i] = items[i].Eval(row, ctx);
            return PgArray.Of(element, values);
        }
        var subs = new object?[items.Count];
        for (var i = 0; i < subs.Length; i++) subs[i] = items[i].Eval(row, ctx);
        return Stack(element, subs);
    }

    /// <summary>
    /// Arrays of one shape stacked into an array one dimension higher (ARRAY[[…],[…]], ARRAY(SELECT
    /// array …)). For ARRAY[…] NULL and empty items only go with each other (giving the empty
    /// array); ARRAY(subquery) (<paramref name="accumulating"/>) refuses them outright.
    /// </summary>
    public static PgArray Stack(SqlType element, IReadOnlyList<object?> arrays, bool accumulating = false)
    {
        if (accumulating)
        {
            if (arrays.Any(a => a is null)) throw new TenonException(SqlState.NullValueNotAllowed, "cannot accumulate null arrays");
            if (arrays.Any(a => a is PgArray { IsEmpty: true })) throw new TenonException(SqlState.ArraySubscriptError, "cannot accumulate empty arrays");
        }
        var nonEmpty = arrays.OfType<PgArray>().Where(s => !s.IsEmpty).ToList();
        if (nonEmpty.Count == 0) return PgArray.Empty(element);
        if (nonEmpty.Count != arrays.Count) throw Mismatch();
        var first = nonEmpty[0];
        foreach (var s in nonEmpty)
        {
            if (s.Rank != first.Rank || !s.Lengths.AsSpan().SequenceEqual(first.Lengths) || !s.LowerBounds.AsSpan().SequenceEqual(first.LowerBounds))
                throw Mismatch();
        }
        if (first.Rank + 1 > PgArray.MaxDimensions)
            throw new TenonException(SqlState.ProgramLimitExceeded,
                $"number of array dimensions ({first.Rank + 1}) exceeds the maximum allowed ({PgArray.MaxDimensions})");
        return new PgArray(element, nonEmpty.SelectMany(s => s.Items).ToArray(),
            [nonEmpty.Count, .. first.Lengths], [1, .. first.LowerBounds]);
    }

    private static TenonException Mismatch() => new(SqlState.ArraySubscriptError,
        "multidimensional arrays must have array expressions with matching dimensions");

    public override IEnumerable<BoundExpr> Children => items;
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new ArrayConstructorExpr(c.ToArray(), Type, multiDimensional);
    public override string Fingerprint => $"array[{string.Join(",", items.Select(i => i.Fingerprint))}]";
}

/// <summary>
/// <c>a[i][j]</c> (one element: NULL when a subscript is NULL or out of range, or when their
/// number differs from the array's dimensions) or a slice <c>a[lo:hi]…</c> (a new array with
/// lower bounds 1; a plain subscript n in a slice means 1:n, an omitted bound the array's own).
/// </summary>
public sealed class SubscriptExpr(BoundExpr operand, IReadOnlyList<(BoundExpr? Lower, BoundExpr? Upper, bool IsSlice)> subscripts, bool slice, SqlType type) : BoundExpr
{
    public override SqlType Type { get; } = type;

    public BoundExpr Operand => operand;

    public IReadOnlyList<(BoundExpr? Lower, BoundExpr? Upper, bool IsSlice)> Subscripts => subscripts;

    public override object? Eval(object?[] row, ExecContext ctx)
    {
        if (operand.Eval(row, ctx) is not PgArray array) return null;
        var n = subscripts.Count;
        var lower = new int?[n];
        var upper = new int?[n];
        for (var i = 0; i < n; i++)
        {
            var (lo, hi, _) = subscripts[i];
            if (lo is not null)
            {
                if (lo.Eval(row, ctx) is not int l) return null;
                lower[i] = l;
            }
            if (hi is not null)
            {
                if (hi.Eval(row, ctx) is not int h) return null;
                upper[i] = h;
            }
        }
        return slice ? Slice(array, lower, upper) : Element(array, lower);
    }

    private static object? Element(PgArray array, int?[] index)
    {
        if (index.Length != array.Rank) return null;
        var offset = 0;
        for (var d = 0; d < array.Rank; d++)
        {
            var i = index[d]!.Value - array.LowerBounds[d];
            if (i < 0 || i >= array.Lengths[d]) return null;
            offset = offset * array.Lengths[d] + i;
        }
        return array.Items[offset];
    }

    private PgArray Slice(PgArray array, int?[] lower, int?[] upper)
    {
        var n = lower.Length;
        if (array.IsEmpty || n > array.Rank) return PgArray.Empty(array.ElementType);
        var from = new int[array.Rank];
        var to = new int[array.Rank];
        for (var d = 0; d < array.Rank; d++)
        {
            int lo, hi;
            if (d < n)
            {
                // A plain subscript n inside a slice means 1:n.
                var plain = !subscripts[d].IsSlice;
                lo = plain ? 1 : lower[d] ?? array.LowerBounds[d];
                hi = plain ? lower[d]!.Value : upper[d] ?? array.UpperBound(d);
            }
            else
            {
                lo = array.LowerBounds[d];
                hi = array.UpperBound(d);
            }
            lo = Math.Max(lo, array.LowerBounds[d]);
            hi = Math.Min(hi, array.UpperBound(d));
            if (lo > hi) return PgArray.Empty(array.ElementType);
            from[d] = lo - array.LowerBounds[d];
            to[d] = hi - array.LowerBounds[d];
        }
        var lengths = from.Select((f, d) => to[d] - f + 1).ToArray();
        var items = new List<object?>();
        Collect(array, from, to, 0, 0, items);
        return new PgArray(array.ElementType, items.ToArray(), lengths, Enumerable.Repeat(1, array.Rank).ToArray());
    }

    private static void Collect(PgArray array, int[] from, int[] to, int dim, int offset, List<object?> items)
    {
        for (var i = from[dim]; i <= to[dim]; i++)
        {
            var next = offset * array.Lengths[dim] + i;
            if (dim == array.Rank - 1) items.Add(array.Items[next]);
            else Collect(array, from, to, dim + 1, next, items);
        }
    }

    public override IEnumerable<BoundExpr> Children
    {
        get
        {
            yield return operand;
            foreach (var (lo, hi, _) in subscripts)
            {
                if (lo is not null) yield return lo;
                if (hi is not null) yield return hi;
            }
        }
    }

    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c)
    {
        var k = 1;
        var subs = new List<(BoundExpr?, BoundExpr?, bool)>();
        foreach (var (lo, hi, isSlice) in subscripts)
        {
            var l = lo is null ? null : c[k++];
            var h = hi is null ? null : c[k++];
            subs.Add((l, h, isSlice));
        }
        return new SubscriptExpr(c[0], subs, slice, Type);
    }

    public override string Fingerprint =>
        $"{operand.Fingerprint}{string.Concat(subscripts.Select(s => $"[{s.Lower?.Fingerprint}{(s.IsSlice ? ":" : "")}{s.Upper?.Fingerprint}]"))}";
}

/// <summary>
/// <c>x op ANY|ALL (array)</c>: true/false as soon as one element decides it; otherwise NULL when
/// x, the array or some compared element was NULL; ANY over an empty array is false, ALL true.
/// </summary>
public sealed class ArrayQuantifiedExpr(BoundExpr left, BoundExpr array, BinaryOperator compare, bool all) : BoundExpr
{
    public override SqlType Type => SqlType.Bool;

    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var l = left.Eval(row, ctx);
        if (array.Eval(row, ctx) is not PgArray a) return null;
        if (a.IsEmpty) return all;
        if (l is null) return null;
        var sawNull = false;
        foreach (var v in a.Items)
        {
            if (v is null)
            {
                sawNull = true;
                continue;
            }
            if (compare.Invoke(l, v) is not bool match)
            {
                sawNull = true;
                continue;
            }
            if (!all && match) return true;
            if (all && !match) return false;
        }
        return sawNull ? null : all;
    }

    public override IEnumerable<BoundExpr> Children => [left, array];
    public BoundExpr Left => left;
    public BoundExpr Array => array;
    public string OperatorName => compare.Name;
    public bool All => all;
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new ArrayQuantifiedExpr(c[0], c[1], compare, all);
    public override string Fingerprint => $"{left.Fingerprint} {compare.Name} {(all ? "all" : "any")}({array.Fingerprint})";
}

/// <summary>
/// The array after <c>a[i][j] = v</c>: a NULL array counts as empty; a one-dimensional array grows
/// to reach a subscript outside it, filling the gap with NULLs; a multi-dimensional one needs
/// every subscript in range.
/// </summary>
public sealed class ArrayAssignExpr(BoundExpr array, IReadOnlyList<BoundExpr> subscripts, BoundExpr value, SqlType type) : BoundExpr
{
    public override SqlType Type { get; } = type;

    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var a = array.Eval(row, ctx) as PgArray ?? PgArray.Empty(Type.Element!);
        var index = new int[subscripts.Count];
        for (var i = 0; i < index.Length; i++)
            index[i] = subscripts[i].Eval(row, ctx) as int?
                ?? throw new TenonException(SqlState.NullValueNotAllowed, "array subscript in assignment must not be null");
        var v = value.Eval(row, ctx);
        if (a.IsEmpty)
        {
            var lengths = Enumerable.Repeat(1, index.Length).ToArray();
            return new PgArray(Type.Element!, [v], lengths, index);
        }
        if (index.Length != a.Rank) throw OutOfRange();
        if (a.Rank == 1)
        {
            var lb = a.LowerBounds[0];
            var ub = a.UpperBound(0);
            var newLb = Math.Min(lb, index[0]);
            var newUb = Math.Max(ub, index[0]);
            var items = new object?[newUb - newLb + 1];
            Array.Copy(a.Items, 0, items, lb - newLb, a.Items.Length);
            items[index[0] - newLb] = v;
            return new PgArray(a.ElementType, items, [items.Length], [newLb]);
        }
        var offset = 0;
        for (var d = 0; d < a.Rank; d++)
        {
            var i = index[d] - a.LowerBounds[d];
            if (i < 0 || i >= a.Lengths[d]) throw OutOfRange();
            offset = offset * a.Lengths[d] + i;
        }
        var copy = (object?[])a.Items.Clone();
        copy[offset] = v;
        return a.WithItems(a.ElementType, copy);
    }

    private static TenonException OutOfRange() => new(SqlState.ArraySubscriptError, "array subscript out of range");

    public override IEnumerable<BoundExpr> Children => [array, .. subscripts, value];
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) =>
        new ArrayAssignExpr(c[0], c.Skip(1).Take(subscripts.Count).ToArray(), c[^1], Type);
    public override string Fingerprint => $"assign({array.Fingerprint}[{string.Join("][", subscripts.Select(s => s.Fingerprint))}]={value.Fingerprint})";
}
