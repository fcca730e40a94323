using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>pg_statistic_ext: the statistics objects of CREATE STATISTICS (<see cref="StatisticsDef"/>); stxexprs holds the expressions' SQL text.</summary>
public static class PgStatisticExt
{
    public static SystemRelation Relation { get; } = new("pg_statistic_ext", 3381,
        [
            new("oid", SqlType.Oid), new("stxrelid", SqlType.Oid), new("stxname", SqlType.Name), new("stxnamespace", SqlType.Oid),
            new("stxowner", SqlType.Oid), new("stxstattarget", SqlType.Int4),
            new("stxkeys", SqlType.Int2Vector), new("stxkind", SqlType.ArrayOf(SqlType.Text)), new("stxexprs", SqlType.Text),
        ],
        catalog => catalog.Routines.Statistics.Values.OrderBy(s => s.Oid).Select(s => new object?[]
        {
            s.Oid, s.TableOid, s.Name, catalog.SchemaOid(s.Schema), 10u, s.Target,
            PgArray.Vector(s.Columns.Select(c => (object?)c).ToArray()),
            PgArray.Of(SqlType.Text, s.Kinds.Select(k => (object?)k).ToArray()),
            s.Expressions.Count == 0 ? null : string.Join(", ", s.Expressions.Select(Sql.ExprSource.Print)),
        }));
}
