namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// The system catalog relations Tenon provides, found by name in schema pg_catalog. An
/// unqualified name is looked up along the session's search path, where pg_catalog comes after
/// the temporary schema and before public unless the path places it. Add a relation by writing
/// its definition next to the others and listing it here.
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
        PgAttrdef.Relation,
        PgDescription.Relation,
        PgIndex.Relation,
        PgAm.Relation,
        PgOpclass.Relation,
        PgOpclass.Families,
        PgOpclass.Operators,
        PgOpclass.Procedures,
        PgCollation.Relation,
        PgSequence.Relation,
        PgRoles.Relation,
        PgRoles.Authid,
        PgRoles.User,
        PgSequences.Relation,
        PgMatviews.Relation,
        PgViews.Relation,
        PgRewrite.Relation,
        PgIndexes.Relation,
        PgInherits.Relation,
        PgTrigger.Relation,
        PgAggregate.Relation,
        PgAbsentObjects.Policy,
        PgStatisticExt.Relation,
        PgRoles.AuthMembers,
        PgRoles.DefaultAcl,
        PgAbsentObjects.Publication,
        PgAbsentObjects.PublicationRel,
        PgAbsentObjects.PublicationNamespace,
        PgAvailableExtensions.Relation,
    }.ToDictionary(r => r.Name);

    public const string Schema = "pg_catalog";

    /// <summary>The system relation a name refers to along PostgreSQL's default search path, or null.</summary>
    public static SystemRelation? Find(SystemCatalog catalog, string? schema, string name) => Find(catalog, SearchPath.Default, schema, name);

    /// <summary>True when <paramref name="schema"/> holds a system relation named <paramref name="name"/>.</summary>
    public static bool IsSystemRelation(string schema, string name) =>
        schema == Schema ? ByName.ContainsKey(name) : schema == InformationSchema.Schema && InformationSchema.Find(name) is not null;

    /// <summary>
    /// The system relation a name refers to along a session's search path, or null when the name
    /// is qualified by another schema or a user relation earlier on the path hides it.
    /// </summary>
    public static SystemRelation? Find(SystemCatalog catalog, SearchPath path, string? schema, string name)
    {
        if (schema == InformationSchema.Schema) return InformationSchema.Find(name);
        if (schema is not null) return schema == Schema ? ByName.GetValueOrDefault(name) : null;
        foreach (var s in path.Effective(catalog))
        {
            if (s == Schema && ByName.TryGetValue(name, out var r)) return r;
            if (s == InformationSchema.Schema && InformationSchema.Find(name) is { } info) return info;
            if (catalog.RelationExists(s, name)) return null;
        }
        return null;
    }

    public static SystemRelation? ByOid(uint oid) => ByName.Values.FirstOrDefault(r => r.Oid == oid) ?? InformationSchema.ByOid(oid);

    public static IEnumerable<SystemRelation> All => ByName.Values;
}
