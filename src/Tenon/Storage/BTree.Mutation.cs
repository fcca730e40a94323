namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    /// <summary>
    /// Inserts <paramref name="key"/> or replaces its value. Returns the new version; this one is
    /// unchanged only if <paramref name="token"/> never wrote to it (see the essay).
    /// </summary>
    public BTree<TKey, TValue> Set(TKey key, TValue value, WriteToken token) =>
        Write(key, value, token, mayInsert: true, mayReplace: true, out _);

    /// <summary>
    /// Inserts <paramref name="key"/> unless it exists; an existing entry keeps its value,
    /// <paramref name="existed"/> is true, and this very version is returned.
    /// </summary>
    public BTree<TKey, TValue> Insert(TKey key, TValue value, WriteToken token, out bool existed) =>
        Write(key, value, token, mayInsert: true, mayReplace: false, out existed);

    /// <summary>
    /// <see cref="Insert"/>, also reporting the entries next to the inserted one as its leaf holds
    /// them (looked at before a split, so both sides of the leaf's range are known): what a unique
    /// index needs to tell whether another entry has an equal key without a second descent.
    /// </summary>
    internal BTree<TKey, TValue> InsertWithNeighbours(TKey key, TValue value, WriteToken token, out bool existed, out Neighbours neighbours)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_root is null)
        {
            neighbours = default;
            return Write(key, value, token, mayInsert: true, mayReplace: false, out existed);
        }
        var op = new WriteOp { Key = key, Value = value, Token = token, MayInsert = true, WantNeighbours = true };
        var result = Write(ref op);
        existed = op.Existed;
        neighbours = op.Neighbours;
        return result;
    }

    /// <summary>
    /// Replaces the value of an existing <paramref name="key"/>; when there is none,
    /// <paramref name="found"/> is false and this very version is returned.
    /// </summary>
    public BTree<TKey, TValue> Replace(TKey key, TValue value, WriteToken token, out bool found) =>
        Write(key, value, token, mayInsert: false, mayReplace: true, out found);

    /// <summary>Removes <paramref name="key"/>; when it is absent, this very version is returned.</summary>
    public BTree<TKey, TValue> Remove(TKey key, WriteToken token, out bool removed)
    {
        ArgumentNullException.ThrowIfNull(token);
        removed = false;
        if (_root is null) return this;
        var owned = OwnsRoot(token);
        var root = RemoveFrom(_root, key, token, ref removed);
        if (!removed) return this;

        // R.4
        int height = _height;
        while (root is Inner inner && inner.Count == 1)
        {
            root = inner.Child(0);
            height--;
        }
        return root.Count == 0
            ? Next(owned, null, 0, 0)
            : Next(owned, root, _count - 1, height);
    }

    private BTree<TKey, TValue> Write(
        TKey key, TValue value, WriteToken token, bool mayInsert, bool mayReplace, out bool existed)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_root is null)
        {
            existed = false;
            if (!mayInsert) return this;
            var leaf = new Leaf(token, _leafCapacity);
            leaf.InsertAt(0, key, value);
            return new BTree<TKey, TValue>(this, leaf, 1, 1);
        }

        var op = new WriteOp
        {
            Key = key,
            Value = value,
            Token = token,
            MayInsert = mayInsert,
            MayReplace = mayReplace,
        };
        var result = Write(ref op);
        existed = op.Existed;
        return result;
    }

    /// <summary>A write into the non-empty tree.</summary>
    private BTree<TKey, TValue> Write(ref WriteOp op)
    {
        if (op.MayInsert && TryAppendInPlace(ref op)) return this;
        var owned = OwnsRoot(op.Token);
        var root = WriteInto(_root!, ref op, rightmost: true);
        if (op.SplitRight is not null)
        {
            // I.4
            var newRoot = new Inner(op.Token, _innerCapacity) { Count = 2 };
            newRoot.Children[0] = root;
            newRoot.Children[1] = op.SplitRight;
            newRoot.Keys[0] = op.SplitKey;
            return Next(owned, newRoot, _count + 1, _height + 1);
        }
        int count = !op.Existed && op.MayInsert ? _count + 1 : _count;
        return ReferenceEquals(root, _root) && count == _count
            ? this
            : Next(owned, root, count, _height);
    }

    /// <summary>
    /// An insert of a key above every key of the tree (a serial key, a row id) whose whole
    /// rightmost path the token already owns and whose last leaf has room: appended to that leaf
    /// with one comparison instead of a descent that compares at every level. Exactly what
    /// I.1–I.2 would do there (no split is due); false, changing nothing, in any other case.
    /// </summary>
    private bool TryAppendInPlace(ref WriteOp op)
    {
        var node = _root!;
        var token = op.Token;
        while (node is Inner inner)
        {
            if (!ReferenceEquals(inner.Owner, token)) return false;
            node = inner.Child(inner.Count - 1);
        }
        var leaf = (Leaf)node;
        var n = leaf.Count;
        if (!ReferenceEquals(leaf.Owner, token) || n == 0 || n >= _leafCapacity || Compare(leaf.Keys[n - 1], op.Key) >= 0) return false;
        leaf.InsertAt(n, op.Key, op.Value);
        if (op.WantNeighbours)
            op.Neighbours = new Neighbours { BeforeKind = NeighbourKind.InLeaf, Before = leaf.Keys[n - 1], AfterKind = NeighbourKind.None };
        _count++;
        return true;
    }

    /// <summary>
    /// Steps I.1–I.3 below <paramref name="node"/>. Returns the node that replaces it (itself,
    /// or its writable copy); a split is reported in <paramref name="op"/>.
    /// </summary>
    private Node WriteInto(Node node, ref WriteOp op, bool rightmost)
    {
        if (node is Leaf leaf) return WriteIntoLeaf(leaf, ref op, rightmost);

        var inner = (Inner)node;
        int ci = UpperBound(inner.Keys, inner.Count - 1, op.Key);
        var child = inner.Child(ci);
        if (ci > 0) op.LeftOfLeaf = true;
        var newChild = WriteInto(child, ref op, rightmost && ci == inner.Count - 1);
        if (op.SplitRight is null)
        {
            if (ReferenceEquals(newChild, child)) return inner;
            var changed = WritableInner(inner, op.Token);
            changed.Children[ci] = newChild;
            return changed;
        }

        var right = op.SplitRight;
        var separator = op.SplitKey;
        op.SplitRight = null;
        op.SplitKey = default!;

        var w = WritableInner(inner, op.Token);
        w.Children[ci] = newChild;
        int n = w.Count;
        Array.Copy(w.Keys, ci, w.Keys, ci + 1, n - 1 - ci);
        w.Keys[ci] = separator;
        Array.Copy(w.Children, ci + 1, w.Children, ci + 2, n - 1 - ci);
        w.Children[ci + 1] = right;
        w.Count = ++n;
        if (n > _innerCapacity) SplitInner(w, ref op, append: rightmost && ci + 2 == n);
        return w;
    }

    private Leaf WriteIntoLeaf(Leaf leaf, ref WriteOp op, bool rightmost)
    {
        // I.1
        int i = Find(leaf.Keys, leaf.Count, op.Key);
        if (i >= 0)
        {
            op.Existed = true;
            if (!op.MayReplace) return leaf;
            var replaced = WritableLeaf(leaf, op.Token);
            replaced.Values[i] = op.Value;
            return replaced;
        }
        if (!op.MayInsert) return leaf;

        // I.2
        i = ~i;
        var w = WritableLeaf(leaf, op.Token);
        w.InsertAt(i, op.Key, op.Value);
        if (op.WantNeighbours) op.Neighbours = NeighboursIn(w, i, rightmost, op.LeftOfLeaf);
        if (w.Count > _leafCapacity) SplitLeaf(w, ref op, append: rightmost && i == w.Count - 1);
        return w;
    }

    private static Neighbours NeighboursIn(Leaf leaf, int i, bool rightmost, bool leftOfLeaf)
    {
        var n = new Neighbours();
        if (i > 0) (n.BeforeKind, n.Before) = (NeighbourKind.InLeaf, leaf.Keys[i - 1]);
        else n.BeforeKind = leftOfLeaf ? NeighbourKind.OtherLeaf : NeighbourKind.None;
        if (i + 1 < leaf.Count) (n.AfterKind, n.After) = (NeighbourKind.InLeaf, leaf.Keys[i + 1]);
        else n.AfterKind = rightmost ? NeighbourKind.None : NeighbourKind.OtherLeaf;
        return n;
    }

    /// <summary>I.3 for a leaf holding capacity + 1 entries.</summary>
    private void SplitLeaf(Leaf w, ref WriteOp op, bool append)
    {
        int n = w.Count;
        int leftCount = append ? _leafCapacity : (n + 1) / 2;
        int rightCount = n - leftCount;
        var right = new Leaf(op.Token, _leafCapacity);
        right.Append(w, leftCount, rightCount);
        w.ClearRange(leftCount, rightCount);
        w.Count = leftCount;
        op.SplitRight = right;
        op.SplitKey = right.Keys[0];
    }

    /// <summary>I.3 for an inner node holding capacity + 1 children: the middle separator moves up.</summary>
    private void SplitInner(Inner w, ref WriteOp op, bool append)
    {
        int n = w.Count;
        int leftCount = append ? _innerCapacity : (n + 1) / 2;
        int rightCount = n - leftCount;
        var right = new Inner(op.Token, _innerCapacity) { Count = rightCount };
        Array.Copy(w.Children, leftCount, right.Children, 0, rightCount);
        Array.Copy(w.Keys, leftCount, right.Keys, 0, rightCount - 1);
        op.SplitKey = w.Keys[leftCount - 1];
        Array.Clear(w.Children, leftCount, rightCount);
        w.ClearKeys(leftCount - 1, rightCount);
        w.Count = leftCount;
        op.SplitRight = right;
    }

    /// <summary>Steps R.1–R.3 below <paramref name="node"/>; returns the node that replaces it.</summary>
    private Node RemoveFrom(Node node, TKey key, WriteToken token, ref bool removed)
    {
        if (node is Leaf leaf)
        {
            // R.1, R.2
            int i = Find(leaf.Keys, leaf.Count, key);
            if (i < 0) return leaf;
            removed = true;
            var w = WritableLeaf(leaf, token);
            w.RemoveAt(i);
            return w;
        }

        var inner = (Inner)node;
        int ci = UpperBound(inner.Keys, inner.Count - 1, key);
        var child = inner.Child(ci);
        var newChild = RemoveFrom(child, key, token, ref removed);
        if (!removed) return inner;
        return WithChildAfterRemoval(inner, ci, child, newChild, token);
    }

    /// <summary>
    /// <paramref name="inner"/> once its child <paramref name="ci"/> lost entries and became
    /// <paramref name="newChild"/>: unchanged when the child was changed in place and is not underfull,
    /// else a writable copy pointing at the new child, rebalanced (R.3) when the child is underfull or empty.
    /// </summary>
    private Node WithChildAfterRemoval(Inner inner, int ci, Node child, Node newChild, WriteToken token)
    {
        int min = newChild is Leaf ? LeafMin : InnerMin;
        bool rebalance = newChild.Count == 0 || (newChild.Count < min && inner.Count > 1);
        if (!rebalance && ReferenceEquals(newChild, child)) return inner;
        var parent = WritableInner(inner, token);
        parent.Children[ci] = newChild;
        if (rebalance) Rebalance(parent, ci, token);
        return parent;
    }

    /// <summary>R.3: fixes the underfull child <paramref name="ci"/> of the writable <paramref name="parent"/>.</summary>
    private void Rebalance(Inner parent, int ci, WriteToken token)
    {
        if (parent.Child(ci).Count == 0)
        {
            parent.RemoveChild(ci);
            return;
        }

        int li = ci > 0 ? ci - 1 : 0;
        var left = parent.Child(li);
        var right = parent.Child(li + 1);
        if (left is Leaf leftLeaf)
        {
            var rightLeaf = (Leaf)right;
            var wl = WritableLeaf(leftLeaf, token);
            parent.Children[li] = wl;
            if (wl.Count + rightLeaf.Count <= _leafCapacity)
            {
                wl.Append(rightLeaf, 0, rightLeaf.Count);
                parent.RemoveChild(li + 1);
                return;
            }
            var wr = WritableLeaf(rightLeaf, token);
            parent.Children[li + 1] = wr;
            ShareLeaves(wl, wr);
            parent.Keys[li] = wr.Keys[0];
        }
        else
        {
            var rightInner = (Inner)right;
            var wl = WritableInner((Inner)left, token);
            parent.Children[li] = wl;
            if (wl.Count + rightInner.Count <= _innerCapacity)
            {
                int a = wl.Count;
                int b = rightInner.Count;
                wl.Keys[a - 1] = parent.Keys[li];
                Array.Copy(rightInner.Keys, 0, wl.Keys, a, b - 1);
                Array.Copy(rightInner.Children, 0, wl.Children, a, b);
                wl.Count = a + b;
                parent.RemoveChild(li + 1);
                return;
            }
            var wr = WritableInner(rightInner, token);
            parent.Children[li + 1] = wr;
            parent.Keys[li] = ShareInners(wl, wr, parent.Keys[li]);
        }
    }

    /// <summary>Moves entries between two adjacent leaves until their counts differ by at most one.</summary>
    private static void ShareLeaves(Leaf left, Leaf right)
    {
        int a = left.Count;
        int b = right.Count;
        int target = (a + b + 1) / 2;
        if (a > target)
        {
            int m = a - target;
            Array.Copy(right.Keys, 0, right.Keys, m, b);
            Array.Copy(right.Values, 0, right.Values, m, b);
            Array.Copy(left.Keys, target, right.Keys, 0, m);
            Array.Copy(left.Values, target, right.Values, 0, m);
            left.ClearRange(target, m);
            left.Count = target;
            right.Count = b + m;
        }
        else if (a < target)
        {
            int m = target - a;
            left.Append(right, 0, m);
            Array.Copy(right.Keys, m, right.Keys, 0, b - m);
            Array.Copy(right.Values, m, right.Values, 0, b - m);
            right.ClearRange(b - m, m);
            right.Count = b - m;
        }
    }

    /// <summary>
    /// Moves children between two adjacent inner nodes until their counts differ by at most one,
    /// rotating separators through the parent's. Returns the parent's new separator.
    /// </summary>
    private static TKey ShareInners(Inner left, Inner right, TKey separator)
    {
        int a = left.Count;
        int b = right.Count;
        int target = (a + b + 1) / 2;
        if (a > target)
        {
            // Left's last m children go to the front of right; its separator above them goes up.
            int m = a - target;
            Array.Copy(right.Keys, 0, right.Keys, m, b - 1);
            Array.Copy(right.Children, 0, right.Children, m, b);
            right.Keys[m - 1] = separator;
            Array.Copy(left.Keys, target, right.Keys, 0, m - 1);
            Array.Copy(left.Children, target, right.Children, 0, m);
            var up = left.Keys[target - 1];
            left.ClearKeys(target - 1, m);
            Array.Clear(left.Children, target, m);
            left.Count = target;
            right.Count = b + m;
            return up;
        }
        if (a < target)
        {
            // Right's first m children go to the end of left; the separator after them goes up.
            int m = target - a;
            left.Keys[a - 1] = separator;
            Array.Copy(right.Keys, 0, left.Keys, a, m - 1);
            Array.Copy(right.Children, 0, left.Children, a, m);
            var up = right.Keys[m - 1];
            Array.Copy(right.Keys, m, right.Keys, 0, b - 1 - m);
            Array.Copy(right.Children, m, right.Children, 0, b - m);
            right.ClearKeys(b - 1 - m, m);
            Array.Clear(right.Children, b - m, m);
            left.Count = a + m;
            right.Count = b - m;
            return up;
        }
        return separator;
    }
}
