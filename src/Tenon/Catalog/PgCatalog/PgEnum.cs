using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>pg_enum: the labels of every enum type, with their sort orders.</summary>
public static class PgEnum
{
    public static SystemRelation Relation { get; } = new("pg_enum", 3501,
        [new("oid", SqlType.Oid), new("enumtypid", SqlType.Oid), new("enumsortorder", SqlType.Float4), new("enumlabel", SqlType.Name)],
        catalog => catalog.UserTypes.Values.OfType<EnumTypeDef>().OrderBy(e => e.Oid)
            .SelectMany(e => e.Labels.Select(l => new object?[] { l.Oid, e.Oid, l.SortOrder, l.Label })));
}
