using System.Collections;

namespace Tenon.Storage;

public sealed partial class IndexStore
{
    /// <summary>A range of index entries as (key, row id) pairs; a struct so <c>foreach</c> does not box.</summary>
    public readonly struct EntryEnumerable : IEnumerable<(object?[] Key, long RowId)>
    {
        private readonly BTree<IndexEntry, bool>.RangeEnumerable _range;

        internal EntryEnumerable(BTree<IndexEntry, bool>.RangeEnumerable range)
        {
            _range = range;
        }

        /// <summary>Starts an enumeration.</summary>
        public EntryEnumerator GetEnumerator() => new(_range.GetEnumerator());

        IEnumerator<(object?[] Key, long RowId)> IEnumerable<(object?[] Key, long RowId)>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
