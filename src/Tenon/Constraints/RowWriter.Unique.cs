using Tenon.Catalog;

namespace Tenon.Constraints;

public sealed partial class RowWriter
{
    // R.6: the recheck of a DEFERRABLE unique/primary key, queued only for a row that met an
    // existing entry when it was written. It passes when the row is gone or changed since (its
    // new version was indexed on its own), or when no other live row now holds its key.
    private void RecheckUnique(ConstraintEvent e)
    {
        if (!Catalog.Tables.TryGetValue(e.Constraint.TableOid, out var table)) return;
        var key = (KeyConstraintDef)e.Constraint;
        var position = table.IndexPosition(key.IndexOid);
        if (position < 0) return;
        if (!Tx.Rows(table.Oid).TryGet(e.RowId, out var live) || !ReferenceEquals(live, e.OldRow)) return;
        var index = table.Indexes[position];
        var holders = 0;
        var indexKey = IndexKey(table, index, live);
        foreach (var _ in Tx.Index(table.Oid, position).Seek(indexKey))
            if (++holders > 1) throw KeyViolation(table, index, indexKey);
    }
}
