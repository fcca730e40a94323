using System.Collections;

namespace Tenon.Storage;

public sealed partial class IndexStore
{
    /// <summary>A range of index entries as (key, row id) pairs; a struct so <c>foreach</c> does not box.</summary>
    public readonly struct EntryEnumerable : IEnumerable<(object?[] Key, long RowId)>
    {
        private readonly BTree<IndexEntry, bool>.RangeEnumerable _entries;
        private readonly BTree<ScalarEntry, bool>.RangeEnumerable _scalar;
        private readonly ScalarKeys? _scalarKeys;

        internal EntryEnumerable(BTree<IndexEntry, bool>.RangeEnumerable entries)
        {
            _entries = entries;
        }

        internal EntryEnumerable(BTree<ScalarEntry, bool>.RangeEnumerable scalar, ScalarKeys keys)
        {
            _scalar = scalar;
            _scalarKeys = keys;
        }

        /// <summary>Starts an enumeration.</summary>
        public EntryEnumerator GetEnumerator() =>
            _scalarKeys is not null ? new(_scalar.GetEnumerator(), _scalarKeys) : new(_entries.GetEnumerator());

        IEnumerator<(object?[] Key, long RowId)> IEnumerable<(object?[] Key, long RowId)>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
