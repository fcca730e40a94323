using System.Collections;

namespace Tenon.Storage;

public sealed partial class IndexStore
{
    /// <summary>
    /// Enumerates index entries as (key, row id) pairs. The key of a compact index's entry is
    /// rebuilt on each read of <see cref="Current"/>: callers that need only row ids enumerate
    /// <see cref="RowIdEnumerable"/> instead.
    /// </summary>
    public struct EntryEnumerator : IEnumerator<(object?[] Key, long RowId)>
    {
        private BTree<IndexEntry, bool>.RangeEnumerator _entries;
        private BTree<ScalarEntry, bool>.RangeEnumerator _scalar;
        private readonly ScalarKeys? _scalarKeys;

        internal EntryEnumerator(BTree<IndexEntry, bool>.RangeEnumerator entries)
        {
            _entries = entries;
        }

        internal EntryEnumerator(BTree<ScalarEntry, bool>.RangeEnumerator scalar, ScalarKeys keys)
        {
            _scalar = scalar;
            _scalarKeys = keys;
        }

        /// <inheritdoc/>
        public readonly (object?[] Key, long RowId) Current
        {
            get
            {
                if (_scalarKeys is { } keys)
                {
                    var compact = _scalar.CurrentKey;
                    return (keys.Key(compact), compact.RowId);
                }
                var entry = _entries.CurrentKey;
                return (entry.Key, entry.RowId);
            }
        }

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => _scalarKeys is not null ? _scalar.MoveNext() : _entries.MoveNext();

        /// <summary>Not supported: start a new enumeration instead.</summary>
        public readonly void Reset() => throw new NotSupportedException();

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
