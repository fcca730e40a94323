using Tenon.Sql.Ast;

namespace Tenon.Catalog;

/// <summary>
/// A trigger (pg_trigger). <see cref="Timing"/> is B (BEFORE), A (AFTER) or I (INSTEAD OF);
/// <see cref="Events"/> holds insert, update, delete and truncate; <see cref="Enabled"/> is
/// tgenabled (O enabled, D disabled).
/// </summary>
public sealed record TriggerDef(string Name, uint Oid, uint TableOid, uint FunctionOid, char Timing, IReadOnlyList<string> Events, bool ForEachRow, IReadOnlyList<string> Arguments)
{
    public IReadOnlyList<string>? UpdateColumns { get; init; }
    public Expr? When { get; init; }
    public string? WhenText { get; init; }
    public char Enabled { get; init; } = 'O';
    public bool IsConstraint { get; init; }
    public bool Deferrable { get; init; }
    public bool InitiallyDeferred { get; init; }

    /// <summary>
    /// pg_trigger.tgparentid: for a row trigger of a partitioned table, its clone on each partition
    /// (the one that fires there) names the trigger it was cloned from; 0 for a trigger of its own.
    /// </summary>
    public uint ParentOid { get; init; }

    public bool Fires(string ev) => Events.Contains(ev);

    /// <summary>pg_trigger.tgtype bits: ROW 1, BEFORE 2, INSERT 4, DELETE 8, UPDATE 16, TRUNCATE 32, INSTEAD 64.</summary>
    public short TypeBits =>
        (short)((ForEachRow ? 1 : 0) | (Timing == 'B' ? 2 : 0) | (Fires("insert") ? 4 : 0) | (Fires("delete") ? 8 : 0)
                | (Fires("update") ? 16 : 0) | (Fires("truncate") ? 32 : 0) | (Timing == 'I' ? 64 : 0));
}
