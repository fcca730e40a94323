using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_proc: the input, output, binary receive/send and typmod functions of the types in pg_type,
/// with PostgreSQL's oids and names, so that pg_type's function columns resolve (clients such
/// as Npgsql join typreceive to pg_proc to recognise array types). Tenon implements these as its
/// text and binary I/O, not as SQL-callable functions; its SQL-callable functions are resolved
/// by name in code and are not listed here yet. Columns are a subset of PostgreSQL's.
/// </summary>
public static class PgProc
{
    private const uint InternalLanguage = 12;

    public static SystemRelation Relation { get; } = new("pg_proc", 1255,
        [
            new("oid", SqlType.Oid), new("proname", SqlType.Name), new("pronamespace", SqlType.Oid), new("proowner", SqlType.Oid),
            new("prolang", SqlType.Oid), new("prokind", SqlType.Text), new("proisstrict", SqlType.Bool), new("proretset", SqlType.Bool),
        ],
        _ => BuiltinTypes.All.SelectMany(t => t.Functions).DistinctBy(f => f.Oid).OrderBy(f => f.Oid)
            .Select(f => new object?[] { f.Oid, f.Name, SchemaOids.PgCatalog, SchemaOids.BootstrapSuperuser, InternalLanguage, "f", true, false }));
}
