using Tenon.Catalog;
using Tenon.Sql.Ast;

namespace Tenon.Constraints;

public sealed partial class RowWriter
{
    /// <summary>
    /// For a DELETE of exactly one row that nothing else runs around (no trigger anywhere, no
    /// RETURNING, no WITH: the caller checks those it knows): whether the first event deleting the
    /// row would queue is a RESTRICT or immediate NO ACTION foreign key whose key some child still
    /// holds. That event would run first at the statement's end and refuse it, so the refusal is
    /// made now, before anything is written: the same error (in <see cref="Failure"/> when taken as
    /// a value, else thrown), without copying the tree paths the delete would change only for the
    /// statement to undo them. Also false for a self-reference (the row may be its own only child)
    /// and where a probe does more than answer (an older snapshot, EXPLAIN) or the delete itself
    /// would be recorded (SERIALIZABLE).
    /// </summary>
    internal bool RefusesDeleteEarly(TableDef table, long rowId, object?[] row)
    {
        if (_ctx.Explain is not null || Tx.Latest is not null || Tx.Reads is not null || !Catalog.Routines.Triggers.IsEmpty
            || table.IsPartition || table.IsPartitioned) return false;
        var referencing = Catalog.ReferencingForeignKeys(table.Oid);
        ForeignKeyDef? first = null;
        for (var i = 0; i < referencing.Count && first is null; i++)
            if (!HasNull(referencing[i].ParentColumns, row)) first = referencing[i];
        if (first is null || first.TableOid == table.Oid) return false;
        var refuses = first.OnDelete == ReferentialAction.Restrict
            || (first.OnDelete == ReferentialAction.NoAction && !(first.Deferrable && Tx.IsConstraintDeferred(first)));
        if (!refuses || !Catalog.Tables.TryGetValue(first.TableOid, out var child) || child.IsPartitioned) return false;
        ForeignKeyDef? fk = null;
        var fks = child.ForeignKeys;
        for (var i = 0; i < fks.Count; i++)
            if (fks[i].Oid == first.Oid) { fk = fks[i]; break; }
        if (fk is null || fk.ParentTableOid != table.Oid) return false;
        // What Delete checks before anything else.
        CheckNotChangedConcurrently(table, rowId, row);
        var oldKey = new (object? Value, Types.SqlType Type)[fk.ParentColumns.Count];
        for (var i = 0; i < oldKey.Length; i++) oldKey[i] = (row[fk.ParentColumns[i] - 1], table.Column(fk.ParentColumns[i]).Type);
        var children = TakeChildBuffer();
        try
        {
            // NO ACTION first asks whether another row supplies the key: none can, it is unique to this row.
            FindChildren(child, fk, oldKey, children, firstOnly: true);
            if (children.Count == 0) return false;
        }
        finally
        {
            ReturnChildBuffer(children);
            // Refused or not, nothing of this writer's statement asks for the list before its end.
            PassOnChildBuffer();
        }
        Refuse(Errors.SqlErrors.ForeignKeyStillReferenced(table, fk, ReportedChild(child, fk),
            KeyColumnList(table, fk.ParentColumns, quote: false), KeyValueList(table, fk.ParentColumns, row)));
        return true;
    }
}
