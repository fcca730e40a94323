namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    /// <summary>
    /// Removes <paramref name="keys"/> (ascending under the tree's comparer, no repeats; absent
    /// ones are skipped) descending once per leaf they fall in rather than once per key: the
    /// keys of one leaf go in one pass (R.1, R.2 for each), then R.3 and R.4 as for one key.
    /// <paramref name="removed"/> counts the entries that were there. Ownership as in <see cref="Remove"/>.
    /// </summary>
    public BTree<TKey, TValue> RemoveSorted(ReadOnlySpan<TKey> keys, WriteToken token, out int removed)
    {
        ArgumentNullException.ThrowIfNull(token);
        removed = 0;
        var tree = this;
        var pos = 0;
        while (pos < keys.Length && tree._root is not null)
        {
            var count = 0;
            var owned = tree.OwnsRoot(token);
            var root = tree.RemoveRun(tree._root, keys, ref pos, false, default!, token, ref count);
            if (count == 0) continue;
            removed += count;
            int height = tree._height;
            while (root is Inner inner && inner.Count == 1)
            {
                root = inner.Child(0);
                height--;
            }
            tree = root.Count == 0
                ? tree.Next(owned, null, 0, 0)
                : tree.Next(owned, root, tree._count - count, height);
        }
        return tree;
    }

    /// <summary>
    /// Removes from the leaf that <c>keys[pos]</c> routes to that key and the following ones
    /// that still sort below the leaf's upper separator (<paramref name="upper"/> when
    /// <paramref name="hasUpper"/>); moves <paramref name="pos"/> past them and fixes underfull
    /// nodes on the way back up as <see cref="RemoveFrom"/> does. Returns the node that replaces <paramref name="node"/>.
    /// </summary>
    private Node RemoveRun(Node node, ReadOnlySpan<TKey> keys, ref int pos, bool hasUpper, TKey upper, WriteToken token, ref int count)
    {
        if (node is Leaf leaf)
        {
            // First find which of the leaf's entries go (each key sorts after the previous one, so
            // its search starts where that one was), then take them out in one compaction: removing
            // them one at a time would shift the entries after each one again and again.
            Span<int> hits = stackalloc int[leaf.Count];
            var found = 0;
            var from = 0;
            do
            {
                int i = FindFrom(leaf.Keys, from, leaf.Count, keys[pos]);
                if (i >= 0)
                {
                    hits[found++] = i;
                    from = i + 1;
                }
                else from = ~i;
                pos++;
            }
            while (pos < keys.Length && (!hasUpper || Compare(keys[pos], upper) < 0));
            if (found == 0) return leaf;
            count += found;
            return WithoutEntries(leaf, hits[..found], token);
        }

        var inner = (Inner)node;
        int ci = UpperBound(inner.Keys, inner.Count - 1, keys[pos]);
        if (ci < inner.Count - 1)
        {
            hasUpper = true;
            upper = inner.Keys[ci];
        }
        var child = inner.Child(ci);
        int before = count;
        var newChild = RemoveRun(child, keys, ref pos, hasUpper, upper, token, ref count);
        if (count == before) return inner;
        return WithChildAfterRemoval(inner, ci, child, newChild, token);
    }

    /// <summary>
    /// <see cref="Find"/> within <c>keys[from..count)</c>, first trying <c>keys[from]</c> itself
    /// (the next of a run of neighbouring keys is usually right there).
    /// </summary>
    private int FindFrom(TKey[] keys, int from, int count, TKey key)
    {
        int lo = from;
        if (lo < count)
        {
            int c = Compare(keys[lo], key);
            if (c == 0) return lo;
            if (c > 0) return ~lo;
            lo++;
        }
        return FindIn(keys, lo, count, key);
    }

    /// <summary>
    /// <paramref name="leaf"/> without the entries at <paramref name="hits"/> (ascending): compacted in
    /// place when <paramref name="token"/> owns it, else copied without them (no clone to shift after).
    /// </summary>
    private static Leaf WithoutEntries(Leaf leaf, ReadOnlySpan<int> hits, WriteToken token)
    {
        var n = leaf.Count;
        var owned = ReferenceEquals(leaf.Owner, token);
        var w = owned ? leaf : new Leaf(token, leaf.Keys.Length - 1);
        var to = owned ? hits[0] : 0;
        if (!owned && hits[0] > 0) w.Append(leaf, 0, hits[0]);
        for (var h = 0; h < hits.Length; h++)
        {
            var start = hits[h] + 1;
            var end = h + 1 < hits.Length ? hits[h + 1] : n;
            if (end <= start) continue;
            if (owned)
            {
                Array.Copy(leaf.Keys, start, leaf.Keys, to, end - start);
                Array.Copy(leaf.Values, start, leaf.Values, to, end - start);
                to += end - start;
            }
            else w.Append(leaf, start, end - start);
        }
        if (owned)
        {
            leaf.ClearRange(to, n - to);
            leaf.Count = to;
        }
        return w;
    }
}
