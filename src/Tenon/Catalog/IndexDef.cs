using Tenon.Sql.Ast;

namespace Tenon.Catalog;

/// <summary>
/// An index (pg_index + its pg_class entry). Keys are plain columns (1-based attribute numbers);
/// expression indexes are not supported yet.
/// </summary>
public sealed record IndexDef(string Name, uint Oid, uint TableOid, IReadOnlyList<short> Columns, bool Unique)
{
    public bool IsPrimary { get; init; }
    /// <summary>Name of the constraint this index implements, or null for a plain CREATE INDEX.</summary>
    public string? ConstraintName { get; init; }
    public bool NullsNotDistinct { get; init; }
    /// <summary>Deferrable unique indexes are checked at end of statement or commit, not per row.</summary>
    public bool Deferrable { get; init; }
    public bool InitiallyDeferred { get; init; }
    public IReadOnlyList<bool> Descending { get; init; } = Array.Empty<bool>();
    public Expr? Predicate { get; init; }
}
