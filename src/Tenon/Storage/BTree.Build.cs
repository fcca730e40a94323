namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    /// <summary>
    /// Builds a tree from entries in strictly ascending key order, bottom up: full leaves, then
    /// full inner levels (only the rightmost node of each level may be partly filled, which V.4
    /// allows). O(n); throws <see cref="ArgumentException"/> when keys are not strictly ascending.
    /// </summary>
    public static BTree<TKey, TValue> BuildSorted(
        IEnumerable<KeyValuePair<TKey, TValue>> sorted, IComparer<TKey> comparer, WriteToken token) =>
        BuildSorted(sorted, comparer, token, DefaultCapacity, DefaultCapacity);

    internal static BTree<TKey, TValue> BuildSorted(
        IEnumerable<KeyValuePair<TKey, TValue>> sorted,
        IComparer<TKey> comparer,
        WriteToken token,
        int leafCapacity,
        int innerCapacity)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentNullException.ThrowIfNull(token);
        var shape = Empty(comparer, leafCapacity, innerCapacity);

        var level = new List<Node>();
        var firstKeys = new List<TKey>();
        Leaf? leaf = null;
        int count = 0;
        foreach (var entry in sorted)
        {
            if (leaf is null || leaf.Count == leafCapacity)
            {
                if (leaf is not null && shape.Compare(leaf.Keys[leaf.Count - 1], entry.Key) >= 0)
                {
                    throw NotAscending(nameof(sorted));
                }
                leaf = new Leaf(token, leafCapacity);
                level.Add(leaf);
                firstKeys.Add(entry.Key);
            }
            else if (shape.Compare(leaf.Keys[leaf.Count - 1], entry.Key) >= 0)
            {
                throw NotAscending(nameof(sorted));
            }
            leaf.Keys[leaf.Count] = entry.Key;
            leaf.Values[leaf.Count] = entry.Value;
            leaf.Count++;
            count++;
        }
        if (count == 0) return shape;

        int height = 1;
        while (level.Count > 1)
        {
            var parents = new List<Node>((level.Count + innerCapacity - 1) / innerCapacity);
            var parentFirstKeys = new List<TKey>(parents.Capacity);
            for (int start = 0; start < level.Count; start += innerCapacity)
            {
                int n = Math.Min(innerCapacity, level.Count - start);
                var inner = new Inner(token, innerCapacity) { Count = n };
                for (int j = 0; j < n; j++)
                {
                    inner.Children[j] = level[start + j];
                    if (j > 0) inner.Keys[j - 1] = firstKeys[start + j];
                }
                parents.Add(inner);
                parentFirstKeys.Add(firstKeys[start]);
            }
            level = parents;
            firstKeys = parentFirstKeys;
            height++;
        }
        return new BTree<TKey, TValue>(shape, level[0], count, height);
    }

    private static ArgumentException NotAscending(string paramName) =>
        new("BuildSorted needs keys in strictly ascending order.", paramName);
}
