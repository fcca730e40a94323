using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_attribute: the columns of every table, dropped ones included as PostgreSQL keeps them
/// (named <c>........pg.dropped.N........</c>, type 0). Tenon has no system columns (ctid, xmin, …),
/// so there are no rows with attnum &lt; 0; index, view and sequence columns are not listed yet.
/// The "char" columns are shown as text; attacl, attoptions, attfdwoptions and attmissingval are left out.
/// </summary>
public static class PgAttribute
{
    public static SystemRelation Relation { get; } = new("pg_attribute", 1249,
        [
            new("attrelid", SqlType.Oid), new("attname", SqlType.Name), new("atttypid", SqlType.Oid), new("attstattarget", SqlType.Int4),
            new("attlen", SqlType.Int2), new("attnum", SqlType.Int2), new("attndims", SqlType.Int4), new("attcacheoff", SqlType.Int4),
            new("atttypmod", SqlType.Int4), new("attbyval", SqlType.Bool), new("attalign", SqlType.Text), new("attstorage", SqlType.Text),
            new("attcompression", SqlType.Text), new("attnotnull", SqlType.Bool), new("atthasdef", SqlType.Bool),
            new("atthasmissing", SqlType.Bool), new("attidentity", SqlType.Text), new("attgenerated", SqlType.Text),
            new("attisdropped", SqlType.Bool), new("attislocal", SqlType.Bool), new("attinhcount", SqlType.Int4),
            new("attcollation", SqlType.Oid),
        ],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog)
    {
        foreach (var table in catalog.Tables.Values.OrderBy(t => t.Oid))
            foreach (var c in table.Columns)
            {
                if (c.IsDropped)
                {
                    yield return
                    [
                        table.Oid, $"........pg.dropped.{c.Number}........", 0u, 0, (short)-1, c.Number, 0, -1,
                        -1, false, "c", "p", "", false, false, false, "", "", true, true, 0, 0u,
                    ];
                    continue;
                }
                var t = BuiltinTypes.ByOid(c.Type.TypeOid);
                yield return
                [
                    table.Oid, c.Name, c.Type.CatalogOid, -1, c.Type.StorageLength, c.Number, 0, -1,
                    c.Type.Domain is null ? c.Type.TypeModifier : -1, t?.ByValue ?? c.Type.Id == Types.TypeId.Enum, (t?.Align ?? 'i').ToString(), (t?.Storage ?? 'p').ToString(), "",
                    c.NotNull, c.Default is not null || c.Generated is not null, false,
                    c.Identity switch { Catalog.IdentityKind.Always => "a", Catalog.IdentityKind.ByDefault => "d", _ => "" },
                    c.Generated is null ? "" : "s", false, true, 0, t?.Collation ?? 0u,
                ];
            }
    }
}
