using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_opclass, pg_opfamily, pg_amop and pg_amproc: the operator classes and families made by
/// CREATE OPERATOR CLASS / FAMILY (<see cref="OpClassDef"/>). Tenon's built-in classes are not listed.
/// </summary>
public static class PgOpclass
{
    public static SystemRelation Relation { get; } = new("pg_opclass", 2616,
        [new("oid", SqlType.Oid), new("opcmethod", SqlType.Oid), new("opcname", SqlType.Name), new("opcnamespace", SqlType.Oid),
         new("opcowner", SqlType.Oid), new("opcfamily", SqlType.Oid), new("opcintype", SqlType.Oid), new("opcdefault", SqlType.Bool),
         new("opckeytype", SqlType.Oid)],
        catalog => catalog.Routines.OpClasses.Values.OrderBy(c => c.Oid).Select(c => new object?[]
        {
            c.Oid, PgClass.AmOid(c.Method), c.Name, catalog.SchemaOid(c.Schema), 10u, c.FamilyOid, c.InputType.CatalogOid, c.IsDefault, 0u,
        }));

    public static SystemRelation Families { get; } = new("pg_opfamily", 2753,
        [new("oid", SqlType.Oid), new("opfmethod", SqlType.Oid), new("opfname", SqlType.Name), new("opfnamespace", SqlType.Oid), new("opfowner", SqlType.Oid)],
        catalog => catalog.Routines.OpFamilies.Values.OrderBy(f => f.Oid).Select(f => new object?[]
        {
            f.Oid, PgClass.AmOid(f.Method), f.Name, catalog.SchemaOid(f.Schema), 10u,
        }));

    // pg_amop and pg_amproc rows have oids of their own in PostgreSQL; Tenon numbers them after their class.
    public static SystemRelation Operators { get; } = new("pg_amop", 2602,
        [new("amopfamily", SqlType.Oid), new("amoplefttype", SqlType.Oid), new("amoprighttype", SqlType.Oid),
         new("amopstrategy", SqlType.Int2), new("amoppurpose", SqlType.Text), new("amopmethod", SqlType.Oid)],
        catalog => catalog.Routines.OpClasses.Values.OrderBy(c => c.Oid).SelectMany(c => c.Operators.Select(o => new object?[]
        {
            c.FamilyOid, o.Left.CatalogOid, o.Right.CatalogOid, (short)o.Strategy, "s", PgClass.AmOid(c.Method),
        })));

    public static SystemRelation Procedures { get; } = new("pg_amproc", 2603,
        [new("amprocfamily", SqlType.Oid), new("amproclefttype", SqlType.Oid), new("amprocrighttype", SqlType.Oid),
         new("amprocnum", SqlType.Int2), new("amproc", SqlType.Oid)],
        catalog => catalog.Routines.OpClasses.Values.OrderBy(c => c.Oid).SelectMany(c => c.Functions.Select(f => new object?[]
        {
            c.FamilyOid, f.Left.CatalogOid, f.Right.CatalogOid, (short)f.Number, f.FunctionOid,
        })));
}
