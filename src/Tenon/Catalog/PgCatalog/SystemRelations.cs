namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// The system catalog relations Tenon provides, found by name in schema pg_catalog. An
/// unqualified name searches the session's temporary schema, then pg_catalog, then public, as
/// PostgreSQL's default search path does. Add a relation by writing its definition next to the
/// others and listing it here.
/// </summary>
public static class SystemRelations
{
    private static readonly Dictionary<string, SystemRelation> ByName = new[]
    {
        PgNamespace.Relation,
        PgClass.Relation,
        PgConstraint.Relation,
        PgExtension.Relation,
        PgType.Relation,
        PgProc.Relation,
        PgRange.Relation,
        PgEnum.Relation,
        PgAttribute.Relation,
        PgDepend.Relation,
        PgAvailableExtensions.Relation,
    }.ToDictionary(r => r.Name);

    public const string Schema = "pg_catalog";

    /// <summary>
    /// The system relation a name written with an optional schema refers to, or null: a
    /// temporary relation of the same name hides it when the name is unqualified.
    /// </summary>
    public static SystemRelation? Find(SystemCatalog catalog, string? schema, string name) =>
        schema is null or Schema && ByName.TryGetValue(name, out var r)
        && (schema is not null || !catalog.RelationExists(SystemCatalog.TempSchema, name)) ? r : null;

    public static SystemRelation? ByOid(uint oid) => ByName.Values.FirstOrDefault(r => r.Oid == oid);

    public static IEnumerable<SystemRelation> All => ByName.Values;
}
