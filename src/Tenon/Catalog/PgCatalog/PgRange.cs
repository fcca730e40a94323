using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>pg_range: one row per range type. Tenon has no range types, so it is empty.</summary>
public static class PgRange
{
    public static SystemRelation Relation { get; } = new("pg_range", 3541,
        [
            new("rngtypid", SqlType.Oid), new("rngsubtype", SqlType.Oid), new("rngmultitypid", SqlType.Oid),
            new("rngcollation", SqlType.Oid), new("rngsubopc", SqlType.Oid), new("rngcanonical", SqlType.Oid), new("rngsubdiff", SqlType.Oid),
        ],
        _ => []);
}
