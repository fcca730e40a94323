using Tenon.Catalog;
using Tenon.Storage;

namespace Tenon.Constraints;

public sealed partial class RowWriter
{
    private ParentFoundMemo _lastParentFound;

    /// <summary>
    /// The last child check that found its parent key (R.4). Consecutive checks of one key, as an
    /// ON UPDATE CASCADE queues for every child it rewrites, then skip the parent probe: the answer
    /// cannot differ while the parent's unique index is the very same version (every write to an
    /// index makes a new <see cref="IndexStore"/>) and the key has the same representation. Not used
    /// where a probe does more than answer: on an older snapshot (concurrent changes are checked),
    /// under SERIALIZABLE (the read is recorded), or for a partitioned parent.
    /// </summary>
    private struct ParentFoundMemo
    {
        private SystemCatalog? _catalog;
        private ForeignKeyDef? _fk;
        private IndexStore? _store;
        private object?[]? _key;

        public readonly bool Holds(RowWriter w, ForeignKeyDef fk, TableDef parent, object?[] row)
        {
            if (!ReferenceEquals(_fk, fk) || !ReferenceEquals(_catalog, w.Catalog)) return false;
            if (!ReferenceEquals(_store, w.ParentStore(parent, fk))) return false;
            var key = _key!;
            for (var i = 0; i < key.Length; i++)
                if (!SameImage(key[i], row[fk.Columns[i] - 1])) return false;
            return true;
        }

        public void Remember(RowWriter w, ForeignKeyDef fk, TableDef parent, object?[] row)
        {
            _fk = null;
            if (parent.IsPartitioned || w.Tx.Latest is not null || w.Tx.Reads is not null) return;
            var key = new object?[fk.Columns.Count];
            for (var i = 0; i < key.Length; i++)
                if ((key[i] = row[fk.Columns[i] - 1]) is null) return;
            _catalog = w.Catalog;
            _store = w.ParentStore(parent, fk);
            _key = key;
            _fk = fk;
        }
    }

    private IndexStore? ParentStore(TableDef parent, ForeignKeyDef fk) =>
        parent.IsPartitioned || Tx.Latest is not null || Tx.Reads is not null ? null : Tx.Index(parent.Oid, parent.IndexPosition(fk.ParentIndexOid));
}
