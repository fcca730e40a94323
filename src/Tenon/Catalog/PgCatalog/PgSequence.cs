using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>pg_sequence: the parameters of every sequence (the current value is not here, as in PostgreSQL).</summary>
public static class PgSequence
{
    public static SystemRelation Relation { get; } = new("pg_sequence", 2224,
        [
            new("seqrelid", SqlType.Oid), new("seqtypid", SqlType.Oid), new("seqstart", SqlType.Int8), new("seqincrement", SqlType.Int8),
            new("seqmax", SqlType.Int8), new("seqmin", SqlType.Int8), new("seqcache", SqlType.Int8), new("seqcycle", SqlType.Bool),
        ],
        catalog => catalog.Sequences.Values.OrderBy(s => s.Oid).Select(s => new object?[]
        {
            s.Oid, s.DataType.TypeOid, s.Start, s.Increment, s.MaxValue, s.MinValue, s.Cache, s.Cycle,
        }));
}
