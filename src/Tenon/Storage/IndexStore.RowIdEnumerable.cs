using System.Collections;

namespace Tenon.Storage;

public sealed partial class IndexStore
{
    /// <summary>The row ids of a range of index entries; a struct so <c>foreach</c> does not box.</summary>
    public readonly struct RowIdEnumerable : IEnumerable<long>
    {
        private readonly BTree<IndexEntry, bool>.RangeEnumerable _entries;
        private readonly BTree<ScalarEntry, bool>.RangeEnumerable _scalar;
        private readonly bool _isScalar;

        internal RowIdEnumerable(BTree<IndexEntry, bool>.RangeEnumerable entries)
        {
            _entries = entries;
        }

        internal RowIdEnumerable(BTree<ScalarEntry, bool>.RangeEnumerable scalar)
        {
            _scalar = scalar;
            _isScalar = true;
        }

        /// <summary>Starts an enumeration.</summary>
        public RowIdEnumerator GetEnumerator() => _isScalar ? new(_scalar.GetEnumerator()) : new(_entries.GetEnumerator());

        IEnumerator<long> IEnumerable<long>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
