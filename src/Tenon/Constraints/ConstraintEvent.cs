using Tenon.Catalog;

namespace Tenon.Constraints;

public enum ConstraintEventKind { ChildCheck, ParentDelete, ParentUpdate, UniqueRecheck, AfterTrigger }

/// <summary>
/// A queued constraint event (PostgreSQL's after-trigger event for RI triggers and for the
/// recheck of a deferrable unique constraint), run at end of statement or, when deferred, at
/// commit or SET CONSTRAINTS … IMMEDIATE. <see cref="OldRow"/> is the row version the event is
/// about (for a child check or unique recheck, the row as written).
/// </summary>
public sealed record ConstraintEvent(ConstraintEventKind Kind, ConstraintDef Constraint, long RowId, object?[] OldRow, object?[]? NewRow)
{
    public ForeignKeyDef ForeignKey => (ForeignKeyDef)Constraint;

    /// <summary>
    /// For a parent event of a key referencing an ancestor of the partition the row was deleted or
    /// updated in: that partition, whose side of the key errors name (0 otherwise).
    /// </summary>
    public uint SourcePartition { get; init; }

    public static ConstraintEvent ChildCheck(ForeignKeyDef fk, long rowId, object?[] row) => new(ConstraintEventKind.ChildCheck, fk, rowId, row, row);
    public static ConstraintEvent ParentDelete(ForeignKeyDef fk, object?[] oldRow) => new(ConstraintEventKind.ParentDelete, fk, 0, oldRow, null);
    public static ConstraintEvent ParentUpdate(ForeignKeyDef fk, object?[] oldRow, object?[] newRow) => new(ConstraintEventKind.ParentUpdate, fk, 0, oldRow, newRow);
    public static ConstraintEvent UniqueRecheck(KeyConstraintDef key, long rowId, object?[] row) => new(ConstraintEventKind.UniqueRecheck, key, rowId, row, row);
}
