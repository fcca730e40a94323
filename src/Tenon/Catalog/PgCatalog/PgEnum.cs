using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>pg_enum: the labels of enum types. Tenon has no enum types (CREATE TYPE … AS ENUM), so it is empty.</summary>
public static class PgEnum
{
    public static SystemRelation Relation { get; } = new("pg_enum", 3501,
        [new("oid", SqlType.Oid), new("enumtypid", SqlType.Oid), new("enumsortorder", SqlType.Float4), new("enumlabel", SqlType.Name)],
        _ => []);
}
