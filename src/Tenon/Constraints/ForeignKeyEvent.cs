using Tenon.Catalog;

namespace Tenon.Constraints;

public enum ForeignKeyEventKind { ChildCheck, ParentDelete, ParentUpdate }

/// <summary>A queued foreign-key event (PostgreSQL's RI trigger event), run at end of statement or, when deferred, at commit.</summary>
public sealed record ForeignKeyEvent(ForeignKeyEventKind Kind, ForeignKeyDef ForeignKey, long RowId, object?[] OldRow, object?[]? NewRow)
{
    public static ForeignKeyEvent ChildCheck(ForeignKeyDef fk, long rowId, object?[] row) => new(ForeignKeyEventKind.ChildCheck, fk, rowId, row, row);
    public static ForeignKeyEvent ParentDelete(ForeignKeyDef fk, object?[] oldRow) => new(ForeignKeyEventKind.ParentDelete, fk, 0, oldRow, null);
    public static ForeignKeyEvent ParentUpdate(ForeignKeyDef fk, object?[] oldRow, object?[] newRow) => new(ForeignKeyEventKind.ParentUpdate, fk, 0, oldRow, newRow);
}
