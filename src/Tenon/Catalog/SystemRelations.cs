using Tenon.Types;

namespace Tenon.Catalog;

/// <summary>A pg_catalog relation whose rows are computed from the <see cref="SystemCatalog"/> each time it is read.</summary>
public sealed record SystemRelation(string Name, IReadOnlyList<(string Name, SqlType Type)> Columns, Func<SystemCatalog, IEnumerable<object?[]>> Rows);

/// <summary>
/// The pg_catalog relations Tenon can show. They are read-only views of the catalog, found before
/// user relations of the same name (pg_catalog is implicitly first on the search path).
/// Array-typed columns (pg_extension.extconfig, pg_namespace.nspacl) are left out: Tenon has no
/// array types yet.
/// </summary>
public static class SystemRelations
{
    private const uint BootstrapSuperuser = 10;
    private const uint DatabaseOwnerRole = 6171;

    private static readonly Dictionary<string, uint> BuiltinSchemaOids = new()
    {
        ["pg_catalog"] = 11,
        ["public"] = 2200,
        ["information_schema"] = 13207,
    };

    private static readonly Dictionary<string, SystemRelation> ByName = new[]
    {
        new SystemRelation("pg_namespace",
            [("oid", SqlType.Oid), ("nspname", SqlType.Name), ("nspowner", SqlType.Oid)],
            Namespaces),
        new SystemRelation("pg_extension",
            [("oid", SqlType.Oid), ("extname", SqlType.Name), ("extowner", SqlType.Oid), ("extnamespace", SqlType.Oid),
             ("extrelocatable", SqlType.Bool), ("extversion", SqlType.Text)],
            Extensions),
    }.ToDictionary(r => r.Name);

    /// <summary>The system relation a name refers to: unqualified or qualified with pg_catalog.</summary>
    public static SystemRelation? Find(string? schema, string name) =>
        schema is null or "pg_catalog" && ByName.TryGetValue(name, out var r) ? r : null;

    /// <summary>A schema's oid. Only the built-in schemas exist in Tenon (CREATE SCHEMA is not supported).</summary>
    public static uint SchemaOid(string schema) => BuiltinSchemaOids.TryGetValue(schema, out var oid) ? oid : 0;

    private static IEnumerable<object?[]> Namespaces(SystemCatalog catalog) =>
        catalog.Schemas.Where(BuiltinSchemaOids.ContainsKey).OrderBy(SchemaOid)
            .Select(s => new object?[] { SchemaOid(s), s, s == SystemCatalog.PublicSchema ? DatabaseOwnerRole : BootstrapSuperuser });

    private static IEnumerable<object?[]> Extensions(SystemCatalog catalog) =>
        catalog.Extensions.Values.OrderBy(e => e.Oid)
            .Select(e => new object?[] { e.Oid, e.Name, BootstrapSuperuser, SchemaOid(e.Schema), e.Relocatable, e.Version });
}
