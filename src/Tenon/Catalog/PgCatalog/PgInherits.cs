using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>pg_inherits: one row per partition, naming its partitioned table, one per parent of an inheritance child (inhseqno from 1), and one per index attached to a partitioned index.</summary>
public static class PgInherits
{
    public static SystemRelation Relation { get; } = new("pg_inherits", 2611,
        [new("inhrelid", SqlType.Oid), new("inhparent", SqlType.Oid), new("inhseqno", SqlType.Int4), new("inhdetachpending", SqlType.Bool)],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog)
    {
        foreach (var t in catalog.Tables.Values.Where(t => t.IsPartition || t.InheritsFrom.Count > 0).OrderBy(t => t.Oid))
        {
            if (t.IsPartition) yield return [t.Oid, t.PartitionParent, 1, false];
            for (var i = 0; i < t.InheritsFrom.Count; i++) yield return [t.Oid, t.InheritsFrom[i], i + 1, false];
        }
        // An index attached to a partitioned index is its partition.
        foreach (var i in catalog.Indexes.Values.Where(i => i.ParentIndexOid != 0).OrderBy(i => i.Oid))
            yield return [i.Oid, i.ParentIndexOid, 1, false];
    }
}
