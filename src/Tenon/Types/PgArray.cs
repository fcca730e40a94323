namespace Tenon.Types;

/// <summary>
/// An array value (PostgreSQL's anyarray): the elements in row-major order, the length and lower
/// bound of each dimension, and the element type they were computed with (which text output and
/// ordering need, as for <see cref="PgRecord"/>). An empty array has no dimensions at all, as in
/// PostgreSQL. Immutable.
/// </summary>
public sealed class PgArray : IComparable<PgArray>
{
    /// <summary>PostgreSQL's MAXDIM.</summary>
    public const int MaxDimensions = 6;

    public PgArray(SqlType elementType, object?[] items, int[] lengths, int[] lowerBounds)
    {
        ElementType = elementType;
        Items = items;
        Lengths = lengths;
        LowerBounds = lowerBounds;
    }

    public SqlType ElementType { get; }
    public object?[] Items { get; }
    public int[] Lengths { get; }
    public int[] LowerBounds { get; }
    public int Rank => Lengths.Length;
    public bool IsEmpty => Items.Length == 0;

    /// <summary>An int2vector's value: the elements with subscripts from 0.</summary>
    public static PgArray Vector(object?[] items) => new(SqlType.Int2, items, items.Length == 0 ? [] : [items.Length], items.Length == 0 ? [] : [0]);

    public static PgArray Empty(SqlType elementType) => new(elementType, [], [], []);

    /// <summary>A one-dimensional array with lower bound 1 (or the empty array when there are no items).</summary>
    public static PgArray Of(SqlType elementType, object?[] items) =>
        items.Length == 0 ? Empty(elementType) : new(elementType, items, [items.Length], [1]);

    /// <summary>The same shape with other elements (a cast, a replacement).</summary>
    public PgArray WithItems(SqlType elementType, object?[] items) => new(elementType, items, Lengths, LowerBounds);

    /// <summary>The upper bound of dimension <paramref name="d"/> (0-based).</summary>
    public int UpperBound(int d) => LowerBounds[d] + Lengths[d] - 1;

    /// <summary>
    /// btree ordering (array_cmp): element by element in storage order, a NULL above any value;
    /// then more elements is greater, then more dimensions, then each dimension's length and lower bound.
    /// </summary>
    public int CompareTo(PgArray? other)
    {
        if (other is null) return 1;
        var n = Math.Min(Items.Length, other.Items.Length);
        var type = ElementType.Id;
        for (var i = 0; i < n; i++)
        {
            var (a, b) = (Items[i], other.Items[i]);
            if (a is null || b is null)
            {
                if (a is null && b is null) continue;
                return a is null ? 1 : -1;
            }
            var c = ValueComparer.Compare(a, b, type);
            if (c != 0) return c;
        }
        if (Items.Length != other.Items.Length) return Items.Length.CompareTo(other.Items.Length);
        if (Rank != other.Rank) return Rank.CompareTo(other.Rank);
        for (var d = 0; d < Rank; d++)
        {
            if (Lengths[d] != other.Lengths[d]) return Lengths[d].CompareTo(other.Lengths[d]);
            if (LowerBounds[d] != other.LowerBounds[d]) return LowerBounds[d].CompareTo(other.LowerBounds[d]);
        }
        return 0;
    }

    /// <summary>array_eq: same shape (lengths and lower bounds) and equal elements, NULL equal to NULL.</summary>
    public bool ValueEquals(PgArray other)
    {
        if (Rank != other.Rank || Items.Length != other.Items.Length) return false;
        for (var d = 0; d < Rank; d++)
            if (Lengths[d] != other.Lengths[d] || LowerBounds[d] != other.LowerBounds[d]) return false;
        var type = ElementType.Id;
        for (var i = 0; i < Items.Length; i++)
        {
            var (a, b) = (Items[i], other.Items[i]);
            if (a is null || b is null)
            {
                if (a is null && b is null) continue;
                return false;
            }
            if (!ValueComparer.Equal(a, b, type)) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is PgArray a && ValueEquals(a);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Rank);
        foreach (var v in Items) h.Add(v is null ? 0 : ValueComparer.Hash(v, ElementType.Id));
        return h.ToHashCode();
    }

    public override string ToString() => ArrayText.Format(this, FormatSettings.Default);
}
