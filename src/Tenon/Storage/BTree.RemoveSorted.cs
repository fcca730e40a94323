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
                ? new BTree<TKey, TValue>(tree, null, 0, 0)
                : new BTree<TKey, TValue>(tree, root, tree._count - count, height);
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
            Leaf? w = null;
            // Each key sorts after the previous one, so its search starts where that one was (or would have been).
            var from = 0;
            do
            {
                var current = w ?? leaf;
                int i = FindFrom(current.Keys, from, current.Count, keys[pos]);
                if (i >= 0)
                {
                    w ??= WritableLeaf(leaf, token);
                    w.RemoveAt(i);
                    count++;
                    from = i;
                }
                else from = ~i;
                pos++;
            }
            while (pos < keys.Length && (!hasUpper || Compare(keys[pos], upper) < 0));
            return w ?? leaf;
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

        int min = newChild is Leaf ? LeafMin : InnerMin;
        bool rebalance = newChild.Count == 0 || (newChild.Count < min && inner.Count > 1);
        if (!rebalance && ReferenceEquals(newChild, child)) return inner;
        var parent = WritableInner(inner, token);
        parent.Children[ci] = newChild;
        if (rebalance) Rebalance(parent, ci, token);
        return parent;
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
        int hi = count - 1;
        while (lo <= hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            int c = Compare(keys[mid], key);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }
}
