using Tenon.Sql;
using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_index: one row per index. indkey is an int2vector (0 for an expression key); the other vector
/// columns (indcollation, indclass, indoption) are left out. indexprs and indpred (pg_node_tree) hold the key
/// expressions (comma-separated) and the predicate as SQL text (<see cref="ExprSource"/>), which
/// pg_get_expr prints the way PostgreSQL does. Tenon builds indexes at once, so every index is valid,
/// ready and live; indisclustered and indisreplident come from the table (CLUSTER ON, REPLICA IDENTITY USING INDEX).
/// </summary>
public static class PgIndex
{
    public static SystemRelation Relation { get; } = new("pg_index", 2610,
        [
            new("indexrelid", SqlType.Oid), new("indrelid", SqlType.Oid), new("indnatts", SqlType.Int2), new("indnkeyatts", SqlType.Int2),
            new("indisunique", SqlType.Bool), new("indnullsnotdistinct", SqlType.Bool), new("indisprimary", SqlType.Bool),
            new("indisexclusion", SqlType.Bool), new("indimmediate", SqlType.Bool), new("indisclustered", SqlType.Bool),
            new("indisvalid", SqlType.Bool), new("indcheckxmin", SqlType.Bool), new("indisready", SqlType.Bool),
            new("indislive", SqlType.Bool), new("indisreplident", SqlType.Bool), new("indkey", SqlType.Int2Vector),
            new("indexprs", SqlType.Text), new("indpred", SqlType.Text),
        ],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog)
    {
        foreach (var index in catalog.Indexes.Values.OrderBy(i => i.Oid))
        {
            var table = catalog.Tables.GetValueOrDefault(index.TableOid);
            var exprs = index.Expressions.Where(x => x is not null).Select(x => ExprSource.Print(x!.Expr)).ToList();
            yield return
            [
                index.Oid, index.TableOid, (short)(index.Columns.Count + index.IncludeColumns.Count), (short)index.Columns.Count,
                index.Unique, index.NullsNotDistinct, index.IsPrimary,
                index.Exclusion, !index.Deferrable, table?.ClusterIndex == index.Oid,
                index.Valid, false, true,
                true, table?.ReplicaIdentityIndex == index.Oid, PgArray.Vector(index.AllColumns.Select(c => (object?)c).ToArray()),
                exprs.Count == 0 ? null : string.Join(", ", exprs), index.Predicate is null ? null : ExprSource.Print(index.Predicate),
            ];
        }
    }
}
