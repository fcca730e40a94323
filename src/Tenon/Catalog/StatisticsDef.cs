using Tenon.Sql.Ast;

namespace Tenon.Catalog;

/// <summary>
/// An extended statistics object (pg_statistic_ext) of CREATE STATISTICS: its table, the columns
/// (attribute numbers, ascending as stxkeys keeps them) and expressions it covers, and its kinds
/// (stxkind: d ndistinct, f dependencies, m mcv, e expressions). Tenon's planner has no use for
/// the statistics themselves; the object is kept for the catalog, \d and LIKE … INCLUDING STATISTICS.
/// </summary>
public sealed record StatisticsDef(string Name, uint Oid, string Schema, uint TableOid)
{
    public IReadOnlyList<short> Columns { get; init; } = Array.Empty<short>();
    public IReadOnlyList<Expr> Expressions { get; init; } = Array.Empty<Expr>();
    public IReadOnlyList<string> Kinds { get; init; } = Array.Empty<string>();
    /// <summary>stxstattarget: -1 for the default.</summary>
    public int Target { get; init; } = -1;
}
