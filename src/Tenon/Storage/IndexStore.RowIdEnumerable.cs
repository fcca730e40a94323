using System.Collections;

namespace Tenon.Storage;

public sealed partial class IndexStore
{
    /// <summary>The row ids of a range of index entries; a struct so <c>foreach</c> does not box.</summary>
    public readonly struct RowIdEnumerable : IEnumerable<long>
    {
        private readonly BTree<IndexEntry, bool>.RangeEnumerable _range;

        internal RowIdEnumerable(BTree<IndexEntry, bool>.RangeEnumerable range)
        {
            _range = range;
        }

        /// <summary>Starts an enumeration.</summary>
        public RowIdEnumerator GetEnumerator() => new(_range.GetEnumerator());

        IEnumerator<long> IEnumerable<long>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
