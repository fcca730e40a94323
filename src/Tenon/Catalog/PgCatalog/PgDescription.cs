using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>pg_description: the comments COMMENT ON attached to relations, their columns and constraints.</summary>
public static class PgDescription
{
    public static SystemRelation Relation { get; } = new("pg_description", 2609,
        [new("objoid", SqlType.Oid), new("classoid", SqlType.Oid), new("objsubid", SqlType.Int4), new("description", SqlType.Text)],
        catalog => catalog.Comments
            .OrderBy(c => c.Key.ObjectOid).ThenBy(c => c.Key.ClassOid).ThenBy(c => c.Key.SubId)
            .Select(c => new object?[] { c.Key.ObjectOid, c.Key.ClassOid, c.Key.SubId, c.Value }));
}
