using System.Runtime.CompilerServices;

namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    /// <summary>
    /// Checks invariants V.1–V.4 of the essay over the whole tree and throws
    /// <see cref="InvalidOperationException"/> naming the first violation. O(n); for tests.
    /// </summary>
    internal void Validate()
    {
        if (_root is null)
        {
            if (_count != 0 || _height != 0) throw Violation("the empty tree must have Count 0 and height 0");
            return;
        }
        if (_root is Inner && _root.Count < 2) throw Violation("an inner root must have at least two children");
        long entries = 0;
        ValidateNode(_root, 1, default, default, rightmost: true, ref entries);
        if (entries != _count) throw Violation($"Count is {_count} but the leaves hold {entries} entries");
    }

    private void ValidateNode(Node node, int depth, Bound<TKey> lower, Bound<TKey> upper, bool rightmost, ref long entries)
    {
        bool isRoot = depth == 1;
        if (node.Count < 1) throw Violation($"empty node at depth {depth}");
        if (node is Leaf leaf)
        {
            if (depth != _height) throw Violation($"leaf at depth {depth} in a tree of height {_height}");
            if (leaf.Count > _leafCapacity) throw Violation($"leaf holds {leaf.Count} entries, capacity is {_leafCapacity}");
            if (!isRoot && !rightmost && leaf.Count < LeafMin) throw Violation($"leaf off the rightmost spine holds {leaf.Count} < {LeafMin} entries");
            CheckKeys(leaf.Keys, leaf.Count, lower, upper);
            for (int i = leaf.Count; RuntimeHelpers.IsReferenceOrContainsReferences<TValue>() && i < leaf.Keys.Length; i++)
            {
                if (!EqualityComparer<TValue>.Default.Equals(leaf.Values[i], default!)) throw Violation("unused value slot not cleared");
            }
            entries += leaf.Count;
            return;
        }

        var inner = (Inner)node;
        if (depth >= _height) throw Violation($"inner node at depth {depth} in a tree of height {_height}");
        if (inner.Count > _innerCapacity) throw Violation($"inner node holds {inner.Count} children, capacity is {_innerCapacity}");
        if (!isRoot && !rightmost && inner.Count < InnerMin) throw Violation($"inner node off the rightmost spine holds {inner.Count} < {InnerMin} children");
        CheckKeys(inner.Keys, inner.Count - 1, lower, upper);
        for (int i = inner.Count; i < inner.Children.Length; i++)
        {
            if (inner.Children[i] is not null) throw Violation("unused child slot not cleared");
        }
        for (int i = 0; i < inner.Count; i++)
        {
            var child = inner.Children[i];
            if (child is null) throw Violation("missing child");
            var childLower = i == 0 ? lower : Bound<TKey>.Inclusive(inner.Keys[i - 1]);
            var childUpper = i == inner.Count - 1 ? upper : Bound<TKey>.Exclusive(inner.Keys[i]);
            ValidateNode(child, depth + 1, childLower, childUpper, rightmost && i == inner.Count - 1, ref entries);
        }
    }

    /// <summary>Keys strictly ascending and inside [lower, upper) (V.2).</summary>
    private void CheckKeys(TKey[] keys, int count, Bound<TKey> lower, Bound<TKey> upper)
    {
        for (int i = 0; i < count; i++)
        {
            if (i > 0 && Compare(keys[i - 1], keys[i]) >= 0) throw Violation($"keys not strictly ascending: {keys[i - 1]}, {keys[i]}");
            if (lower.HasValue && Compare(lower.Key, keys[i]) > 0) throw Violation($"key {keys[i]} below its subtree's bound {lower.Key}");
            if (upper.HasValue && Compare(keys[i], upper.Key) >= 0) throw Violation($"key {keys[i]} not below its subtree's bound {upper.Key}");
        }
    }

    private static InvalidOperationException Violation(string message) =>
        new("B+tree invariant violated: " + message);
}
