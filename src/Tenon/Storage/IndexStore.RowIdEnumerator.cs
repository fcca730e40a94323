using System.Collections;

namespace Tenon.Storage;

public sealed partial class IndexStore
{
    /// <summary>Enumerates the row ids of index entries.</summary>
    public struct RowIdEnumerator : IEnumerator<long>
    {
        private BTree<IndexEntry, bool>.RangeEnumerator _inner;

        internal RowIdEnumerator(BTree<IndexEntry, bool>.RangeEnumerator inner)
        {
            _inner = inner;
        }

        /// <inheritdoc/>
        public readonly long Current => _inner.CurrentKey.RowId;

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
