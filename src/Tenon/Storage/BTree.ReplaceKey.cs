using System.Runtime.CompilerServices;

namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    /// <summary>
    /// Gives the entry <paramref name="oldKey"/> the key <paramref name="newKey"/>, keeping its
    /// value, in one descent: possible when the new key sorts into the very same place (after the
    /// entry's left neighbour, before its right one, and inside the range its leaf's separators
    /// give it), so no other entry moves. Returns the new version, or null when <paramref name="oldKey"/>
    /// is absent or the new key belongs elsewhere (the caller then removes and inserts).
    /// Path copying and ownership are those of <see cref="Set"/>.
    /// </summary>
    public BTree<TKey, TValue>? TryReplaceKey(TKey oldKey, TKey newKey, WriteToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_root is null) return null;
        var owned = OwnsRoot(token);

        // The child index taken at each inner level, and the tightest separators around the leaf.
        Span<int> path = _height <= 32 ? stackalloc int[32] : new int[_height];
        var depth = 0;
        var hasLower = false;
        var hasUpper = false;
        TKey lower = default!;
        TKey upper = default!;
        var node = _root;
        while (node is Inner inner)
        {
            int ci = UpperBound(inner.Keys, inner.Count - 1, oldKey);
            if (ci > 0)
            {
                lower = inner.Keys[ci - 1];
                hasLower = true;
            }
            if (ci < inner.Count - 1)
            {
                upper = inner.Keys[ci];
                hasUpper = true;
            }
            path[depth++] = ci;
            node = inner.Child(ci);
        }
        var leaf = Unsafe.As<Leaf>(node);
        int i = Find(leaf.Keys, leaf.Count, oldKey);
        if (i < 0) return null;
        if (i > 0 ? Compare(leaf.Keys[i - 1], newKey) >= 0 : hasLower && Compare(lower, newKey) > 0) return null;
        if (i < leaf.Count - 1 ? Compare(newKey, leaf.Keys[i + 1]) >= 0 : hasUpper && Compare(newKey, upper) >= 0) return null;

        Node root;
        if (depth == 0)
        {
            var w = WritableLeaf(leaf, token);
            w.Keys[i] = newKey;
            root = w;
        }
        else
        {
            var parent = WritableInner(Unsafe.As<Inner>(_root), token);
            root = parent;
            for (var d = 0; d < depth; d++)
            {
                var child = parent.Child(path[d]);
                if (d == depth - 1)
                {
                    var w = WritableLeaf(Unsafe.As<Leaf>(child), token);
                    parent.Children[path[d]] = w;
                    w.Keys[i] = newKey;
                }
                else
                {
                    var w = WritableInner(Unsafe.As<Inner>(child), token);
                    parent.Children[path[d]] = w;
                    parent = w;
                }
            }
        }
        return Next(owned, root, _count, _height);
    }
}
