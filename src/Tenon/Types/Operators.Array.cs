using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// Array operators: comparison of two arrays of one type (btree order, <see cref="PgArray.CompareTo"/>),
/// containment @&gt; and &lt;@ and overlap &amp;&amp; (element equality, NULL elements never match, shape
/// ignored), and || (array_cat, array_append, array_prepend). An unknown literal beside an array
/// is read as an array of the same type, as PostgreSQL resolves anyarray.
/// </summary>
public static partial class Operators
{
    private static BinaryOperator? ResolveArray(string op, SqlType l, SqlType r)
    {
        if (l.Id == TypeId.Unknown) l = r.IsArray ? r : l;
        if (r.Id == TypeId.Unknown) r = l.IsArray ? l : r;
        if (op == "||") return ResolveArrayConcat(l, r);
        if (!l.IsArray || !r.IsArray || l != r) return null;
        var t = l;
        switch (op)
        {
            case "=" or "<>" or "<" or "<=" or ">" or ">=":
                return ResolveComparison(op, l, r);
            case "@>":
                return Make(op, t, t, SqlType.Bool, (a, b) => Contains((PgArray)a, (PgArray)b));
            case "<@":
                return Make(op, t, t, SqlType.Bool, (a, b) => Contains((PgArray)b, (PgArray)a));
            case "&&":
                return Make(op, t, t, SqlType.Bool, (a, b) => Overlaps((PgArray)a, (PgArray)b));
        }
        return null;
    }

    /// <summary>Every non-null element of <paramref name="inner"/> equals some element of <paramref name="outer"/>; a null element never matches.</summary>
    public static bool Contains(PgArray outer, PgArray inner)
    {
        var type = outer.ElementType.Id;
        foreach (var x in inner.Items)
        {
            if (x is null) return false;
            var found = false;
            foreach (var y in outer.Items)
            {
                if (y is not null && ValueComparer.Equal(x, y, type))
                {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }

    private static bool Overlaps(PgArray a, PgArray b)
    {
        var type = a.ElementType.Id;
        foreach (var x in a.Items)
        {
            if (x is null) continue;
            foreach (var y in b.Items)
                if (y is not null && ValueComparer.Equal(x, y, type)) return true;
        }
        return false;
    }

    private static BinaryOperator? ResolveArrayConcat(SqlType l, SqlType r)
    {
        if (l.IsArray && r.IsArray)
        {
            var element = CommonType([l.Element!, r.Element!], out _);
            if (element is null) return null;
            var t = SqlType.ArrayOf(element);
            return Make("||", t, t, t, (a, b) => Concatenate((PgArray)a, (PgArray)b));
        }
        if (l.IsArray && r.Id is not TypeId.Array and not TypeId.Void)
        {
            var element = CommonType([l.Element!, r], out _);
            if (element is null) return null;
            var t = SqlType.ArrayOf(element);
            return Make("||", t, element, t, (a, b) => Append((PgArray)a, b));
        }
        if (r.IsArray && l.Id is not TypeId.Array and not TypeId.Void)
        {
            var element = CommonType([l, r.Element!], out _);
            if (element is null) return null;
            var t = SqlType.ArrayOf(element);
            return Make("||", element, t, t, (a, b) => Prepend(a, (PgArray)b));
        }
        return null;
    }

    /// <summary>array_append on a one-dimensional (or empty) array; a null element is appended too.</summary>
    public static PgArray Append(PgArray array, object? value)
    {
        if (array.IsEmpty) return PgArray.Of(array.ElementType, [value]);
        if (array.Rank != 1) throw new TenonException(SqlState.DataException, "argument must be empty or one-dimensional array");
        return new PgArray(array.ElementType, [.. array.Items, value], [array.Lengths[0] + 1], [array.LowerBounds[0]]);
    }

    /// <summary>array_prepend: the array keeps its lower bound.</summary>
    public static PgArray Prepend(object? value, PgArray array)
    {
        if (array.IsEmpty) return PgArray.Of(array.ElementType, [value]);
        if (array.Rank != 1) throw new TenonException(SqlState.DataException, "argument must be empty or one-dimensional array");
        return new PgArray(array.ElementType, [value, .. array.Items], [array.Lengths[0] + 1], [array.LowerBounds[0]]);
    }

    /// <summary>
    /// array_cat: arrays of one rank join along the first dimension (their other dimensions must
    /// agree); an array of rank n-1 joins the other as one more element of the first dimension.
    /// </summary>
    public static PgArray Concatenate(PgArray a, PgArray b)
    {
        if (b.IsEmpty) return a;
        if (a.IsEmpty) return b;
        var incompatible = () => new TenonException(SqlState.ArraySubscriptError, "cannot concatenate incompatible arrays",
            $"Arrays of {a.Rank} and {b.Rank} dimensions are not compatible for concatenation.");
        if (a.Rank == b.Rank)
        {
            for (var d = 1; d < a.Rank; d++)
                if (a.Lengths[d] != b.Lengths[d] || a.LowerBounds[d] != b.LowerBounds[d])
                    throw new TenonException(SqlState.ArraySubscriptError, "cannot concatenate incompatible arrays",
                        "Arrays with differing element dimensions are not compatible for concatenation.");
            var lengths = (int[])a.Lengths.Clone();
            lengths[0] += b.Lengths[0];
            return new PgArray(a.ElementType, [.. a.Items, .. b.Items], lengths, a.LowerBounds);
        }
        if (a.Rank == b.Rank - 1)
        {
            for (var d = 0; d < a.Rank; d++)
                if (a.Lengths[d] != b.Lengths[d + 1] || a.LowerBounds[d] != b.LowerBounds[d + 1])
                    throw new TenonException(SqlState.ArraySubscriptError, "cannot concatenate incompatible arrays",
                        "Arrays with differing dimensions are not compatible for concatenation.");
            var lengths = (int[])b.Lengths.Clone();
            lengths[0]++;
            return new PgArray(a.ElementType, [.. a.Items, .. b.Items], lengths, b.LowerBounds);
        }
        if (b.Rank == a.Rank - 1)
        {
            for (var d = 0; d < b.Rank; d++)
                if (b.Lengths[d] != a.Lengths[d + 1] || b.LowerBounds[d] != a.LowerBounds[d + 1])
                    throw new TenonException(SqlState.ArraySubscriptError, "cannot concatenate incompatible arrays",
                        "Arrays with differing dimensions are not compatible for concatenation.");
            var lengths = (int[])a.Lengths.Clone();
            lengths[0]++;
            return new PgArray(a.ElementType, [.. a.Items, .. b.Items], lengths, a.LowerBounds);
        }
        throw incompatible();
    }
}
