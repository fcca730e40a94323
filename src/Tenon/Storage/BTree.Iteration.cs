using System.Diagnostics.CodeAnalysis;

namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    /// <summary>All entries in ascending key order.</summary>
    public RangeEnumerable All() => new(this, default, default, descending: false);

    /// <summary>
    /// Entries with keys inside [<paramref name="lower"/>, <paramref name="upper"/>] (each end
    /// inclusive, exclusive or open, see <see cref="Bound{TKey}"/>) in ascending key order. The
    /// enumeration reads this version only; mutating under a new token meanwhile is safe.
    /// </summary>
    public RangeEnumerable Range(Bound<TKey> lower, Bound<TKey> upper) => new(this, lower, upper, descending: false);

    /// <summary>The same entries as <see cref="Range"/>, in descending key order.</summary>
    public RangeEnumerable RangeDescending(Bound<TKey> lower, Bound<TKey> upper) =>
        new(this, lower, upper, descending: true);

    /// <summary>The entry with the smallest key.</summary>
    public bool TryGetMin([MaybeNullWhen(false)] out TKey key, [MaybeNullWhen(false)] out TValue value) =>
        TryGetFirst(default, out key, out value);

    /// <summary>The entry with the largest key.</summary>
    public bool TryGetMax([MaybeNullWhen(false)] out TKey key, [MaybeNullWhen(false)] out TValue value) =>
        TryGetLast(default, out key, out value);

    /// <summary>
    /// The entry with the smallest key satisfying <paramref name="lower"/> (e.g. the first key
    /// <c>&gt;= k</c> for <c>Bound.Inclusive(k)</c>). Allocates nothing.
    /// </summary>
    public bool TryGetFirst(
        Bound<TKey> lower, [MaybeNullWhen(false)] out TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        var node = _root;
        Node? next = null; // leftmost subtree to the right of the descent path, deepest one
        while (node is Inner inner)
        {
            int ci = lower.HasValue ? UpperBound(inner.Keys, inner.Count - 1, lower.Key) : 0;
            if (ci + 1 < inner.Count) next = inner.Child(ci + 1);
            node = inner.Child(ci);
        }
        if (node is Leaf leaf)
        {
            int i = StartIndex(leaf, lower);
            if (i < leaf.Count)
            {
                key = leaf.Keys[i];
                value = leaf.Values[i];
                return true;
            }
        }
        if (next is not null)
        {
            // Everything in that subtree is >= a separator that is > the bound's key.
            while (next is Inner inner) next = inner.Child(0);
            var first = (Leaf)next;
            key = first.Keys[0];
            value = first.Values[0];
            return true;
        }
        key = default;
        value = default;
        return false;
    }

    /// <summary>
    /// The entry with the largest key satisfying <paramref name="upper"/> (e.g. the last key
    /// <c>&lt; k</c> for <c>Bound.Exclusive(k)</c>). Allocates nothing.
    /// </summary>
    public bool TryGetLast(
        Bound<TKey> upper, [MaybeNullWhen(false)] out TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        var node = _root;
        Node? previous = null; // rightmost subtree to the left of the descent path, deepest one
        while (node is Inner inner)
        {
            int ci = upper.HasValue ? UpperBound(inner.Keys, inner.Count - 1, upper.Key) : inner.Count - 1;
            if (ci > 0) previous = inner.Child(ci - 1);
            node = inner.Child(ci);
        }
        if (node is Leaf leaf)
        {
            int i = EndIndex(leaf, upper) - 1;
            if (i >= 0)
            {
                key = leaf.Keys[i];
                value = leaf.Values[i];
                return true;
            }
        }
        if (previous is not null)
        {
            // Everything in that subtree is < a separator that is <= the bound's key.
            while (previous is Inner inner) previous = inner.Child(inner.Count - 1);
            var last = (Leaf)previous;
            key = last.Keys[last.Count - 1];
            value = last.Values[last.Count - 1];
            return true;
        }
        key = default;
        value = default;
        return false;
    }
}
