using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_proc: the input, output, binary receive/send and typmod functions of the types in pg_type,
/// with PostgreSQL's oids and names, so that pg_type's function columns resolve (clients such
/// as Npgsql join typreceive to pg_proc to recognise array types). Tenon implements these as its
/// text and binary I/O, not as SQL-callable functions; its built-in SQL-callable functions are
/// resolved by name in code and are not listed here yet. User-defined functions and procedures follow. Columns are a subset of PostgreSQL's.
/// </summary>
public static class PgProc
{
    private const uint InternalLanguage = 12;

    /// <summary>
    /// The functions listed, by oid, with their argument types as regprocedure prints them: an input
    /// function takes (cstring), or (cstring,oid,integer) when its type takes a modifier or is an array
    /// or record; receive functions likewise with internal; output and send functions take the type
    /// (anyarray for the array functions); typmod input takes cstring[] and typmod output integer.
    /// </summary>
    public static IReadOnlyList<(uint Oid, string Name, string[] Arguments)> Procedures { get; } = BuildProcedures();

    public static SystemRelation Relation { get; } = new("pg_proc", 1255,
        [
            new("oid", SqlType.Oid), new("proname", SqlType.Name), new("pronamespace", SqlType.Oid), new("proowner", SqlType.Oid),
            new("prolang", SqlType.Oid), new("prokind", SqlType.Text), new("proisstrict", SqlType.Bool), new("proretset", SqlType.Bool),
            new("proacl", SqlType.ArrayOf(SqlType.Text)),
        ],
        catalog => Procedures.Select(f => new object?[] { f.Oid, f.Name, SchemaOids.PgCatalog, SchemaOids.BootstrapSuperuser, InternalLanguage, "f", true, false, null })
            .Concat(catalog.Functions.Values.OrderBy(f => f.Oid).Select(f => new object?[]
            {
                f.Oid, f.Name, catalog.SchemaOid(f.Schema), catalog.Auth.OwnerOf(new ObjectKey(ObjectKey.Routine, f.Oid)), f.Language switch { "sql" => SqlLanguage, "internal" => InternalLanguage, _ => PlpgsqlLanguage },
                f.Kind.ToString(), f.Strict, f.ReturnsSet, Execution.Privileges.AclText(catalog, new ObjectKey(ObjectKey.Routine, f.Oid)),
            })));

    /// <summary>pg_language oids: sql is fixed (14); plpgsql's is the one initdb gives it in PostgreSQL 15.</summary>
    private const uint SqlLanguage = 14;
    private const uint PlpgsqlLanguage = 13576;

    /// <summary>A type's name in a function signature: format_type's, except that unmodified bpchar reads "character" there.</summary>
    public static string ArgumentTypeName(string formatted) => formatted == "bpchar" ? "character" : formatted;

    private static List<(uint Oid, string Name, string[] Arguments)> BuildProcedures()
    {
        var all = new List<(uint Oid, string Name, string[] Arguments)>();
        foreach (var t in BuiltinTypes.All)
        {
            var modified = t.ModIn is not null || t.Type.IsArray && !t.Type.IsVector || t.Type.Id == TypeId.Record;
            var self = t.Type.IsVector ? t.Name : t.Type.IsArray ? "anyarray" : ArgumentTypeName(t.Type.ToString());
            all.Add((t.Input.Oid, t.Input.Name, modified ? ["cstring", "oid", "integer"] : ["cstring"]));
            all.Add((t.Output.Oid, t.Output.Name, [self]));
            all.Add((t.Receive.Oid, t.Receive.Name, modified ? ["internal", "oid", "integer"] : ["internal"]));
            all.Add((t.Send.Oid, t.Send.Name, [self]));
            if (t.ModIn is { } i) all.Add((i.Oid, i.Name, ["cstring[]"]));
            if (t.ModOut is { } o) all.Add((o.Oid, o.Name, ["integer"]));
        }
        return all.DistinctBy(f => f.Oid).OrderBy(f => f.Oid).ToList();
    }
}
