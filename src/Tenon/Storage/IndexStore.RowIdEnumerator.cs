using System.Collections;

namespace Tenon.Storage;

public sealed partial class IndexStore
{
    /// <summary>Enumerates the row ids of index entries (of either representation).</summary>
    public struct RowIdEnumerator : IEnumerator<long>
    {
        private BTree<IndexEntry, bool>.RangeEnumerator _entries;
        private BTree<ScalarEntry, bool>.RangeEnumerator _scalar;
        private readonly bool _isScalar;

        internal RowIdEnumerator(BTree<IndexEntry, bool>.RangeEnumerator entries)
        {
            _entries = entries;
        }

        internal RowIdEnumerator(BTree<ScalarEntry, bool>.RangeEnumerator scalar)
        {
            _scalar = scalar;
            _isScalar = true;
        }

        /// <inheritdoc/>
        public readonly long Current => _isScalar ? _scalar.CurrentKey.RowId : _entries.CurrentKey.RowId;

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => _isScalar ? _scalar.MoveNext() : _entries.MoveNext();

        /// <summary>Not supported: start a new enumeration instead.</summary>
        public readonly void Reset() => throw new NotSupportedException();

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
