using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>pg_extension: one row per installed extension. extconfig and extcondition (arrays) are left out.</summary>
public static class PgExtension
{
    public static SystemRelation Relation { get; } = new("pg_extension", 3079,
        [
            new("oid", SqlType.Oid), new("extname", SqlType.Name), new("extowner", SqlType.Oid), new("extnamespace", SqlType.Oid),
            new("extrelocatable", SqlType.Bool), new("extversion", SqlType.Text),
        ],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog) =>
        catalog.Extensions.Values.OrderBy(e => e.Oid)
            .Select(e => new object?[] { e.Oid, e.Name, SchemaOids.BootstrapSuperuser, SchemaOids.Of(catalog, e.Schema), e.Relocatable, e.Version });
}
