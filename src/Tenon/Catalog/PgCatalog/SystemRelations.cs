namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// The system catalog relations Tenon provides, found by name in schema pg_catalog (which an
/// unqualified name searches before public, as PostgreSQL does). Add a relation by writing its
/// definition next to the others and listing it here.
/// </summary>
public static class SystemRelations
{
    private static readonly Dictionary<string, SystemRelation> ByName = new[]
    {
        PgNamespace.Relation,
        PgClass.Relation,
        PgConstraint.Relation,
    }.ToDictionary(r => r.Name);

    public const string Schema = "pg_catalog";

    /// <summary>The system relation for a name written with an optional schema, or null.</summary>
    public static SystemRelation? Find(string? schema, string name) =>
        schema is null or Schema && ByName.TryGetValue(name, out var r) ? r : null;

    public static IEnumerable<SystemRelation> All => ByName.Values;
}
