namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    /// <summary>
    /// The entries that differ between <paramref name="older"/> and this version, found without
    /// visiting what the two share (the log records a commit this way: O(changes × log n), not
    /// O(table)). <paramref name="sinceTokenId"/> is the largest <see cref="WriteToken.Id"/>
    /// issued before this version started to diverge from <paramref name="older"/>: every node
    /// owned by a later token is new, every other node reachable from here is old and frozen.
    /// <para>
    /// Walking this tree, the topmost old nodes are collected without entering them, and the
    /// entries of new leaves are checked against <paramref name="older"/> (changed or added:
    /// <paramref name="put"/>). Walking <paramref name="older"/>, those collected nodes are skipped
    /// and the remaining entries are checked against this tree (gone: <paramref name="removed"/>).
    /// That is exact provided every collected node is also reachable from <paramref name="older"/>
    /// (then its entries are the same on both sides); the method verifies that and returns false
    /// when it does not hold (say, rows moved in from another table), and the caller must then
    /// record the whole contents instead. The callbacks may already have been called then.
    /// </para>
    /// <para>
    /// The collected nodes are kept in a list in the order this walk meets them, which is key
    /// order; the walk of <paramref name="older"/> meets them in the same order (subtrees hold
    /// disjoint key ranges in both trees), so each is recognized by comparing with the next one
    /// expected. A node met out of that order is not recognized, which can only happen when they
    /// are not all reachable from <paramref name="older"/>, and then fewer are found than collected.
    /// </para>
    /// </summary>
    internal bool Diff(BTree<TKey, TValue> older, long sinceTokenId, Action<TKey, TValue> put, Action<TKey> removed)
    {
        if (ReferenceEquals(_root, older._root)) return true;
        var shared = new List<Node>();
        if (_root is not null) DiffNew(_root, older, sinceTokenId, shared, put);
        var found = 0;
        if (older._root is not null) DiffOld(older._root, shared, ref found, removed);
        return found == shared.Count;
    }

    private void DiffNew(Node node, BTree<TKey, TValue> older, long sinceTokenId, List<Node> shared, Action<TKey, TValue> put)
    {
        if (node.Owner.Id <= sinceTokenId)
        {
            shared.Add(node);
            return;
        }
        if (node is Leaf leaf)
        {
            // The older leaf a key would be in also holds every later key up to its own last key:
            // one descent per older leaf rather than per key.
            Leaf? oldLeaf = null;
            for (var i = 0; i < leaf.Count; i++)
            {
                var key = leaf.Keys[i];
                if (oldLeaf is null || oldLeaf.Count == 0 || Compare(key, oldLeaf.Keys[oldLeaf.Count - 1]) > 0)
                    oldLeaf = older.LeafFor(key);
                var at = oldLeaf is null ? -1 : Find(oldLeaf.Keys, oldLeaf.Count, key);
                if (at < 0 || !EqualityComparer<TValue>.Default.Equals(oldLeaf!.Values[at], leaf.Values[i]))
                    put(key, leaf.Values[i]);
            }
            return;
        }
        var inner = (Inner)node;
        for (var i = 0; i < inner.Count; i++) DiffNew(inner.Child(i), older, sinceTokenId, shared, put);
    }

    /// <summary>The leaf where <paramref name="key"/> is or would be; null when the tree is empty.</summary>
    private Leaf? LeafFor(TKey key)
    {
        var node = _root;
        if (node is null) return null;
        while (node is Inner inner) node = inner.Children[UpperBound(inner.Keys, inner.Count - 1, key)]!;
        return (Leaf)node;
    }

    /// <summary>Walks <paramref name="node"/> of the older tree; <paramref name="found"/> counts the shared nodes met so far, and indexes the next one expected.</summary>
    private void DiffOld(Node node, List<Node> shared, ref int found, Action<TKey> removed)
    {
        if (found < shared.Count && ReferenceEquals(shared[found], node))
        {
            found++;
            return;
        }
        if (node is Leaf leaf)
        {
            for (var i = 0; i < leaf.Count; i++)
                if (!TryGetValue(leaf.Keys[i], out _)) removed(leaf.Keys[i]);
            return;
        }
        var inner = (Inner)node;
        for (var i = 0; i < inner.Count; i++) DiffOld(inner.Child(i), shared, ref found, removed);
    }
}
