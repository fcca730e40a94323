using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_type: one row per type Tenon implements (<see cref="BuiltinTypes"/>). The "char" columns are
/// shown as text; the regproc columns (typinput, typreceive, …) hold the function's oid, which
/// joins to pg_proc.oid and prints as its name. typelem and typarray link each array type with its element type; typsubscript,
/// typanalyze, typdefaultbin and typacl are left out.
/// </summary>
public static class PgType
{
    public static SystemRelation Relation { get; } = new("pg_type", 1247,
        [
            new("oid", SqlType.Oid), new("typname", SqlType.Name), new("typnamespace", SqlType.Oid), new("typowner", SqlType.Oid),
            new("typlen", SqlType.Int2), new("typbyval", SqlType.Bool), new("typtype", SqlType.Text), new("typcategory", SqlType.Text),
            new("typispreferred", SqlType.Bool), new("typisdefined", SqlType.Bool), new("typdelim", SqlType.Text),
            new("typrelid", SqlType.Oid), new("typelem", SqlType.Oid), new("typarray", SqlType.Oid),
            new("typinput", SqlType.RegProc), new("typoutput", SqlType.RegProc), new("typreceive", SqlType.RegProc), new("typsend", SqlType.RegProc),
            new("typmodin", SqlType.RegProc), new("typmodout", SqlType.RegProc), new("typalign", SqlType.Text), new("typstorage", SqlType.Text),
            new("typnotnull", SqlType.Bool), new("typbasetype", SqlType.Oid), new("typtypmod", SqlType.Int4), new("typndims", SqlType.Int4),
            new("typcollation", SqlType.Oid), new("typdefault", SqlType.Text),
        ],
        catalog => BuiltinTypes.All.Select(t => new object?[]
        {
            t.Oid, t.Name, SchemaOids.PgCatalog, SchemaOids.BootstrapSuperuser,
            t.Length, t.ByValue, t.Kind.ToString(), t.Category.ToString(),
            t.Preferred, true, (t.Type.IsArray ? t.Type.Element!.Id : t.Type.Id) == TypeId.Box ? ";" : ",",
            0u, t.Type.IsArray ? t.Type.Element!.TypeOid : FixedElementOid(t.Type.Id), ArrayTypes.ArrayOid(t.Oid),
            t.Input.Oid, t.Output.Oid, t.Receive.Oid, t.Send.Oid,
            t.ModIn?.Oid ?? 0u, t.ModOut?.Oid ?? 0u, t.Align.ToString(), t.Storage.ToString(),
            false, 0u, -1, 0,
            t.Collation, null,
        }).Concat(catalog.UserTypes.Values.OrderBy(t => t.Oid).SelectMany(t => t is CompositeTypeDef c ? CompositeRows(catalog, c) : [UserTypeRow(catalog, t)]))
            .Concat(catalog.RowTypes().SelectMany(c => CompositeRows(catalog, c))));

    /// <summary>typelem of the fixed-length types PostgreSQL lets one subscript (point[0] is a float8, box[0] a point).</summary>
    private static uint FixedElementOid(TypeId id) => id switch
    {
        TypeId.Point or TypeId.Line => 701u,
        TypeId.Lseg or TypeId.Box => 600u,
        _ => 0u,
    };

    /// <summary>A composite type or a relation's row type (typtype c, record_in/record_out, its pg_class row as typrelid) and its array type.</summary>
    private static IEnumerable<object?[]> CompositeRows(SystemCatalog catalog, CompositeTypeDef c)
    {
        yield return
        [
            c.Oid, c.Name, SchemaOids.Of(catalog, c.Schema), SchemaOids.BootstrapSuperuser,
            (short)-1, false, "c", "C",
            false, true, ",",
            c.RelationOid, 0u, c.ArrayOid,
            2290u, 2291u, 2402u, 2403u,
            0u, 0u, "d", "x",
            false, 0u, -1, 0,
            0u, null,
        ];
        yield return
        [
            c.ArrayOid, c.ArrayTypeName, SchemaOids.Of(catalog, c.Schema), SchemaOids.BootstrapSuperuser,
            (short)-1, false, "b", "A",
            false, true, ",",
            0u, c.Oid, 0u,
            750u, 751u, 2400u, 2401u,
            0u, 0u, "d", "x",
            false, 0u, -1, 0,
            0u, null,
        ];
    }

    // PostgreSQL's enum_in, enum_out, enum_recv, enum_send.
    private static readonly (uint In, uint Out, uint Recv, uint Send) EnumIo = (3504, 3505, 3532, 3533);

    /// <summary>An enum (typtype e) or domain (typtype d, with the storage and I/O functions of its base type).</summary>
    private static object?[] UserTypeRow(SystemCatalog catalog, UserTypeDef type)
    {
        var domain = type as DomainDef;
        var baseType = domain?.BaseType.BaseType;
        var builtin = baseType is null ? null : BuiltinTypes.All.FirstOrDefault(b => b.Oid == baseType.TypeOid);
        (uint In, uint Out, uint Recv, uint Send) io = builtin is null ? EnumIo : (builtin.Input.Oid, builtin.Output.Oid, builtin.Receive.Oid, builtin.Send.Oid);
        return
        [
            type.Oid, type.Name, SchemaOids.Of(catalog, type.Schema), SchemaOids.BootstrapSuperuser,
            builtin?.Length ?? (short)4, builtin?.ByValue ?? true, domain is null ? "e" : "d", (builtin?.Category ?? 'E').ToString(),
            false, true, ",",
            0u, 0u, 0u,
            io.In, io.Out, io.Recv, io.Send,
            0u, 0u, (builtin?.Align ?? 'i').ToString(), (builtin?.Storage ?? 'p').ToString(),
            domain?.NotNull ?? false, domain?.BaseType.CatalogOid ?? 0u, domain?.BaseType.TypeModifier ?? -1, 0,
            builtin?.Collation ?? 0u, null,
        ];
    }
}
