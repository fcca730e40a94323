using System.Collections;

namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    /// <summary>
    /// Walks one tree version with a cursor stack (see ITERATION in the essay). Ascending:
    /// <c>_index</c> is the next entry and <c>_limit</c> the leaf's exclusive end. Descending:
    /// <c>_index</c> is one past the next entry and <c>_limit</c> the leaf's inclusive start.
    /// A copy of a started enumerator shares its cursor stack: use only one of them.
    /// </summary>
    public struct RangeEnumerator : IEnumerator<KeyValuePair<TKey, TValue>>
    {
        private readonly BTree<TKey, TValue> _tree;
        private readonly Bound<TKey> _lower;
        private readonly Bound<TKey> _upper;
        private readonly bool _descending;
        private readonly Frame[]? _stack;
        private Leaf? _leaf;
        private int _index;
        private int _limit;
        private int _current;
        private bool _lastLeaf;

        internal RangeEnumerator(BTree<TKey, TValue> tree, Bound<TKey> lower, Bound<TKey> upper, bool descending)
        {
            _tree = tree;
            _lower = lower;
            _upper = upper;
            _descending = descending;
            _current = -1;
            var node = tree._root;
            if (node is null)
            {
                _lastLeaf = true;
                return;
            }
            _stack = tree._height > 1 ? new Frame[tree._height - 1] : null;
            int depth = 0;
            var seek = descending ? upper : lower;
            while (node is Inner inner)
            {
                int ci = seek.HasValue ? tree.UpperBound(inner.Keys, inner.Count - 1, seek.Key)
                    : descending ? inner.Count - 1
                    : 0;
                _stack![depth++] = new Frame { Node = inner, Index = ci };
                node = inner.Child(ci);
            }
            var leaf = (Leaf)node;
            if (descending) EnterLeafDescending(leaf, tree.EndIndex(leaf, upper));
            else EnterLeaf(leaf, tree.StartIndex(leaf, lower));
        }

        /// <inheritdoc/>
        public readonly KeyValuePair<TKey, TValue> Current => new(_leaf!.Keys[_current], _leaf.Values[_current]);

        /// <summary>The current entry's key, without building a pair.</summary>
        public readonly TKey CurrentKey => _leaf!.Keys[_current];

        /// <summary>The current entry's value, without building a pair.</summary>
        public readonly TValue CurrentValue => _leaf!.Values[_current];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext()
        {
            while (true)
            {
                if (_descending)
                {
                    if (_index > _limit)
                    {
                        _current = --_index;
                        return true;
                    }
                }
                else if (_index < _limit)
                {
                    _current = _index++;
                    return true;
                }
                if (_lastLeaf || !(_descending ? PreviousLeaf() : NextLeaf()))
                {
                    _lastLeaf = true;
                    return false;
                }
            }
        }

        /// <summary>Positions on <paramref name="leaf"/> at <paramref name="start"/>; finds where the upper bound ends it.</summary>
        private void EnterLeaf(Leaf leaf, int start)
        {
            _leaf = leaf;
            _index = start;
            _limit = leaf.Count;
            if (!_upper.HasValue) return;
            int c = _tree.Compare(leaf.Keys[leaf.Count - 1], _upper.Key);
            if (c < 0) return;
            _lastLeaf = true;
            if (c > 0 || !_upper.IsInclusive) _limit = _tree.EndIndex(leaf, _upper);
        }

        /// <summary>Positions on <paramref name="leaf"/> below <paramref name="end"/>; finds where the lower bound ends it.</summary>
        private void EnterLeafDescending(Leaf leaf, int end)
        {
            _leaf = leaf;
            _index = end;
            _limit = 0;
            if (!_lower.HasValue) return;
            int c = _tree.Compare(leaf.Keys[0], _lower.Key);
            if (c > 0) return;
            _lastLeaf = true;
            if (c < 0 || !_lower.IsInclusive) _limit = _tree.StartIndex(leaf, _lower);
        }

        private bool NextLeaf()
        {
            var stack = _stack;
            if (stack is null) return false;
            int d = stack.Length - 1;
            while (d >= 0 && stack[d].Index + 1 >= stack[d].Node.Count) d--;
            if (d < 0) return false;
            var node = stack[d].Node.Child(++stack[d].Index);
            for (d++; d < stack.Length; d++)
            {
                var inner = (Inner)node;
                stack[d] = new Frame { Node = inner, Index = 0 };
                node = inner.Child(0);
            }
            EnterLeaf((Leaf)node, 0);
            return true;
        }

        private bool PreviousLeaf()
        {
            var stack = _stack;
            if (stack is null) return false;
            int d = stack.Length - 1;
            while (d >= 0 && stack[d].Index == 0) d--;
            if (d < 0) return false;
            var node = stack[d].Node.Child(--stack[d].Index);
            for (d++; d < stack.Length; d++)
            {
                var inner = (Inner)node;
                stack[d] = new Frame { Node = inner, Index = inner.Count - 1 };
                node = inner.Child(inner.Count - 1);
            }
            var leaf = (Leaf)node;
            EnterLeafDescending(leaf, leaf.Count);
            return true;
        }

        /// <summary>Not supported: start a new enumeration instead.</summary>
        public readonly void Reset() => throw new NotSupportedException();

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
