namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    /// <summary>Point lookups in non-decreasing key order over this version (see <see cref="AscendingLookup"/>).</summary>
    public AscendingLookup LookupAscending() => new(this);

    /// <summary>
    /// Point lookups whose keys come in non-decreasing order, each starting where the last one
    /// ended: a key inside the current leaf's key range is searched in that leaf only, and a
    /// key beyond it climbs only as far as the first ancestor whose range holds it. Many sorted
    /// lookups into one tree then read each node once, in order, instead of descending from the
    /// root to a random place every time. A key smaller than the previous one is an error of
    /// the caller's (it would be searched in the wrong leaf).
    /// </summary>
    public sealed class AscendingLookup
    {
        private readonly BTree<TKey, TValue> _tree;
        // Level d (0 = root) of the current path: the inner node, and the exclusive upper bound of
        // its key range (the separator right of it in its parent, inherited when it is the last child).
        private readonly Inner[] _path;
        private readonly TKey[] _high;
        private readonly bool[] _hasHigh;
        private Leaf? _leaf;
        private TKey _leafHigh = default!;
        private bool _leafHasHigh;
        // Entries of the current leaf before this one are below every key still to come.
        private int _start;

        internal AscendingLookup(BTree<TKey, TValue> tree)
        {
            _tree = tree;
            var levels = Math.Max(0, tree._height - 1);
            _path = new Inner[levels];
            _high = new TKey[levels];
            _hasHigh = new bool[levels];
        }

        /// <summary>The value stored under <paramref name="key"/>, which must not be below the previous key looked up.</summary>
        public bool TryGet(TKey key, out TValue value)
        {
            var tree = _tree;
            if (_leaf is null || (_leafHasHigh && tree.Compare(key, _leafHigh) >= 0))
            {
                if (tree._root is null)
                {
                    value = default!;
                    return false;
                }
                Descend(key);
            }
            var leaf = _leaf!;
            // Binary search of keys[_start..Count).
            int lo = _start, hi = leaf.Count - 1;
            var keys = leaf.Keys;
            while (lo <= hi)
            {
                int mid = (int)((uint)(lo + hi) >> 1);
                int c = tree.Compare(keys[mid], key);
                if (c == 0)
                {
                    _start = mid;
                    value = leaf.Values[mid];
                    return true;
                }
                if (c < 0) lo = mid + 1;
                else hi = mid - 1;
            }
            _start = lo;
            value = default!;
            return false;
        }

        /// <summary>Makes the leaf whose range holds <paramref name="key"/> current, from the deepest level of the path whose range holds it.</summary>
        private void Descend(TKey key)
        {
            var tree = _tree;
            int d;
            Node node;
            TKey high = default!;
            bool hasHigh = false;
            if (_leaf is null || _path.Length == 0)
            {
                d = 0;
                node = tree._root!;
            }
            else
            {
                d = _path.Length - 1;
                while (d > 0 && _hasHigh[d] && tree.Compare(key, _high[d]) >= 0) d--;
                node = _path[d];
                high = _high[d];
                hasHigh = _hasHigh[d];
            }
            for (; node is Inner inner; d++)
            {
                _path[d] = inner;
                _high[d] = high;
                _hasHigh[d] = hasHigh;
                int ci = tree.UpperBound(inner.Keys, inner.Count - 1, key);
                if (ci < inner.Count - 1)
                {
                    high = inner.Keys[ci];
                    hasHigh = true;
                }
                node = inner.Child(ci);
            }
            _leaf = (Leaf)node;
            _leafHigh = high;
            _leafHasHigh = hasHigh;
            _start = 0;
        }
    }
}
