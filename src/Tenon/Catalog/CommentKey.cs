namespace Tenon.Catalog;

/// <summary>
/// What a comment is attached to, as pg_description identifies it: the catalog holding the object
/// (pg_class for relations, pg_constraint for constraints), the object's oid, and a column number
/// (0 for the object itself).
/// </summary>
public readonly record struct CommentKey(uint ClassOid, uint ObjectOid, int SubId)
{
    /// <summary>pg_class's oid: relations (tables, indexes, sequences, views) and their columns.</summary>
    public const uint RelationClass = 1259;
    /// <summary>pg_constraint's oid.</summary>
    public const uint ConstraintClass = 2606;
    /// <summary>pg_namespace's oid: schemas.</summary>
    public const uint NamespaceClass = 2615;

    /// <summary>pg_extension's oid: extensions.</summary>
    public const uint ExtensionClass = 3079;

    /// <summary>pg_statistic_ext's oid: extended statistics objects.</summary>
    public const uint StatisticsClass = 3381;

    /// <summary>pg_type's oid: enum types and domains.</summary>
    public const uint TypeClass = 1247;
}
