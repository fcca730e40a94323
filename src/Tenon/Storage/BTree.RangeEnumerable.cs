using System.Collections;

namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    /// <summary>
    /// A key range of one tree version, ascending or descending. A struct so that
    /// <c>foreach</c> over it uses <see cref="RangeEnumerator"/> without boxing.
    /// </summary>
    public readonly struct RangeEnumerable : IEnumerable<KeyValuePair<TKey, TValue>>
    {
        private readonly BTree<TKey, TValue> _tree;
        private readonly Bound<TKey> _lower;
        private readonly Bound<TKey> _upper;
        private readonly bool _descending;

        internal RangeEnumerable(BTree<TKey, TValue> tree, Bound<TKey> lower, Bound<TKey> upper, bool descending)
        {
            _tree = tree;
            _lower = lower;
            _upper = upper;
            _descending = descending;
        }

        /// <summary>Starts an enumeration (allocates the cursor stack, one frame per inner level).</summary>
        public RangeEnumerator GetEnumerator() => new(_tree, _lower, _upper, _descending);

        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() =>
            GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
