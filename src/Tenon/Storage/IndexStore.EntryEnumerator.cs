using System.Collections;

namespace Tenon.Storage;

public sealed partial class IndexStore
{
    /// <summary>Enumerates index entries as (key, row id) pairs.</summary>
    public struct EntryEnumerator : IEnumerator<(object?[] Key, long RowId)>
    {
        private BTree<IndexEntry, bool>.RangeEnumerator _inner;

        internal EntryEnumerator(BTree<IndexEntry, bool>.RangeEnumerator inner)
        {
            _inner = inner;
        }

        /// <inheritdoc/>
        public readonly (object?[] Key, long RowId) Current
        {
            get
            {
                var entry = _inner.CurrentKey;
                return (entry.Key, entry.RowId);
            }
        }

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => _inner.MoveNext();

        /// <summary>Not supported: start a new enumeration instead.</summary>
        public readonly void Reset() => throw new NotSupportedException();

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
