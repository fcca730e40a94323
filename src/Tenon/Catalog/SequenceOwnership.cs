namespace Tenon.Catalog;

/// <summary>
/// Which sequence a column owns (pg_depend's auto dependency of a serial sequence, or the
/// internal one of an identity sequence, on its column).
/// </summary>
public static class SequenceOwnership
{
    public static SequenceDef? OwnedSequence(this SystemCatalog catalog, uint tableOid, short column) =>
        catalog.Sequences.Values.Where(s => s.OwnerTableOid == tableOid && s.OwnerColumn == column).MinBy(s => s.Oid);

    /// <summary>The identity column whose sequence this is, or null (a serial or free-standing sequence).</summary>
    public static (TableDef Table, ColumnDef Column)? IdentityOwner(this SystemCatalog catalog, SequenceDef seq)
    {
        if (seq.OwnerTableOid == 0 || !catalog.Tables.TryGetValue(seq.OwnerTableOid, out var table)) return null;
        var column = table.Column(seq.OwnerColumn);
        return column.Identity != IdentityKind.None && !column.IsDropped && column.OwnedSequence == seq.Name ? (table, column) : null;
    }
}
