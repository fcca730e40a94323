using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// One built-in type as pg_type describes it, with PostgreSQL 15's oids for the type and for its
/// input, output, binary receive and send functions (and typmod functions when it takes a modifier).
/// </summary>
public sealed record BuiltinType(
    SqlType Type, string Name, short Length, bool ByValue, char Kind, char Category, bool Preferred,
    (uint Oid, string Name) Input, (uint Oid, string Name) Output, (uint Oid, string Name) Receive, (uint Oid, string Name) Send,
    (uint Oid, string Name)? ModIn, (uint Oid, string Name)? ModOut, char Align, char Storage, uint Collation)
{
    public uint Oid => Type.TypeOid;

    /// <summary>The I/O functions of the type, as listed in pg_proc.</summary>
    public IEnumerable<(uint Oid, string Name)> Functions
    {
        get
        {
            yield return Input;
            yield return Output;
            yield return Receive;
            yield return Send;
            if (ModIn is { } i) yield return i;
            if (ModOut is { } o) yield return o;
        }
    }
}

/// <summary>
/// The types Tenon implements, which are exactly the rows of pg_type. Tenon has no range,
/// enum, domain or composite types, and no "char", so pg_type lists none: a client that loads
/// types from the catalog (Npgsql) then knows precisely what the server can send and accept.
/// The values are PostgreSQL 15's; collations are the database default (100) and "C" (950).
/// </summary>
public static class BuiltinTypes
{
    private const uint DefaultCollation = 100, CCollation = 950;

    private static BuiltinType B(SqlType t, string name, short len, bool byVal, char cat, bool pref, uint inOid, string inName,
        uint outOid, string outName, uint recvOid, string recvName, uint sendOid, string sendName, char align, char storage,
        uint coll = 0, char kind = 'b', uint modIn = 0, string? modInName = null, uint modOut = 0, string? modOutName = null) =>
        new(t, name, len, byVal, kind, cat, pref, (inOid, inName), (outOid, outName), (recvOid, recvName), (sendOid, sendName),
            modIn == 0 ? null : (modIn, modInName!), modOut == 0 ? null : (modOut, modOutName!), align, storage, coll);

    /// <summary>Every row of pg_type: the scalar types, then the array type of each that has one.</summary>
    public static IReadOnlyList<BuiltinType> All { get; } = WithArrays(
    [
        B(SqlType.Bool, "bool", 1, true, 'B', true, 1242, "boolin", 1243, "boolout", 2436, "boolrecv", 2437, "boolsend", 'c', 'p'),
        B(SqlType.Bytea, "bytea", -1, false, 'U', false, 1244, "byteain", 31, "byteaout", 2412, "bytearecv", 2413, "byteasend", 'i', 'x'),
        B(SqlType.Name, "name", 64, false, 'S', false, 34, "namein", 35, "nameout", 2422, "namerecv", 2423, "namesend", 'c', 'p', CCollation),
        B(SqlType.Int8, "int8", 8, true, 'N', false, 460, "int8in", 461, "int8out", 2408, "int8recv", 2409, "int8send", 'd', 'p'),
        B(SqlType.Int2, "int2", 2, true, 'N', false, 38, "int2in", 39, "int2out", 2404, "int2recv", 2405, "int2send", 's', 'p'),
        B(SqlType.Int4, "int4", 4, true, 'N', false, 42, "int4in", 43, "int4out", 2406, "int4recv", 2407, "int4send", 'i', 'p'),
        B(SqlType.Text, "text", -1, false, 'S', true, 46, "textin", 47, "textout", 2414, "textrecv", 2415, "textsend", 'i', 'x', DefaultCollation),
        B(SqlType.Xid, "xid", 4, true, 'U', false, 50, "xidin", 51, "xidout", 2440, "xidrecv", 2441, "xidsend", 'i', 'p'),
        B(SqlType.Oid, "oid", 4, true, 'N', true, 1798, "oidin", 1799, "oidout", 2418, "oidrecv", 2419, "oidsend", 'i', 'p'),
        B(SqlType.Cidr, "cidr", -1, false, 'I', false, 1267, "cidr_in", 1427, "cidr_out", 2498, "cidr_recv", 2499, "cidr_send", 'i', 'm'),
        B(SqlType.Float4, "float4", 4, true, 'N', false, 200, "float4in", 201, "float4out", 2424, "float4recv", 2425, "float4send", 'i', 'p'),
        B(SqlType.Float8, "float8", 8, true, 'N', true, 214, "float8in", 215, "float8out", 2426, "float8recv", 2427, "float8send", 'd', 'p'),
        B(SqlType.Unknown, "unknown", -2, false, 'X', false, 109, "unknownin", 110, "unknownout", 2416, "unknownrecv", 2417, "unknownsend", 'c', 'p', kind: 'p'),
        B(SqlType.TsVector, "tsvector", -1, false, 'U', false, 3610, "tsvectorin", 3611, "tsvectorout", 3639, "tsvectorrecv", 3638, "tsvectorsend", 'i', 'x'),
        B(SqlType.TsQuery, "tsquery", -1, false, 'U', false, 3612, "tsqueryin", 3613, "tsqueryout", 3641, "tsqueryrecv", 3640, "tsquerysend", 'i', 'p'),
        B(SqlType.Json, "json", -1, false, 'U', false, 321, "json_in", 322, "json_out", 323, "json_recv", 324, "json_send", 'i', 'x'),
        B(SqlType.Jsonb, "jsonb", -1, false, 'U', false, 3806, "jsonb_in", 3804, "jsonb_out", 3805, "jsonb_recv", 3803, "jsonb_send", 'i', 'x'),
        B(SqlType.RegConfig, "regconfig", 4, true, 'N', false, 3736, "regconfigin", 3737, "regconfigout", 3738, "regconfigrecv", 3739, "regconfigsend", 'i', 'p'),
        B(SqlType.Inet, "inet", -1, false, 'I', true, 910, "inet_in", 911, "inet_out", 2496, "inet_recv", 2497, "inet_send", 'i', 'm'),
        B(SqlType.Bpchar, "bpchar", -1, false, 'S', false, 1044, "bpcharin", 1045, "bpcharout", 2430, "bpcharrecv", 2431, "bpcharsend", 'i', 'x',
            DefaultCollation, modIn: 2913, modInName: "bpchartypmodin", modOut: 2914, modOutName: "bpchartypmodout"),
        B(SqlType.Varchar, "varchar", -1, false, 'S', false, 1046, "varcharin", 1047, "varcharout", 2432, "varcharrecv", 2433, "varcharsend", 'i', 'x',
            DefaultCollation, modIn: 2915, modInName: "varchartypmodin", modOut: 2916, modOutName: "varchartypmodout"),
        B(SqlType.Date, "date", 4, true, 'D', false, 1084, "date_in", 1085, "date_out", 2468, "date_recv", 2469, "date_send", 'i', 'p'),
        B(SqlType.Timestamp, "timestamp", 8, true, 'D', false, 1312, "timestamp_in", 1313, "timestamp_out", 2474, "timestamp_recv", 2475, "timestamp_send", 'd', 'p',
            modIn: 2905, modInName: "timestamptypmodin", modOut: 2906, modOutName: "timestamptypmodout"),
        B(SqlType.Timestamptz, "timestamptz", 8, true, 'D', true, 1150, "timestamptz_in", 1151, "timestamptz_out", 2476, "timestamptz_recv", 2477, "timestamptz_send", 'd', 'p',
            modIn: 2907, modInName: "timestamptztypmodin", modOut: 2908, modOutName: "timestamptztypmodout"),
        B(SqlType.Time, "time", 8, true, 'D', false, 1143, "time_in", 1144, "time_out", 2470, "time_recv", 2471, "time_send", 'd', 'p',
            modIn: 2909, modInName: "timetypmodin", modOut: 2910, modOutName: "timetypmodout"),
        B(SqlType.Interval, "interval", 16, false, 'T', true, 1160, "interval_in", 1161, "interval_out", 2478, "interval_recv", 2479, "interval_send", 'd', 'p',
            modIn: 2903, modInName: "intervaltypmodin", modOut: 2904, modOutName: "intervaltypmodout"),
        B(SqlType.Numeric, "numeric", -1, false, 'N', false, 1701, "numeric_in", 1702, "numeric_out", 2460, "numeric_recv", 2461, "numeric_send", 'i', 'm',
            modIn: 2917, modInName: "numerictypmodin", modOut: 2918, modOutName: "numerictypmodout"),
        B(SqlType.RegClass, "regclass", 4, true, 'N', false, 2218, "regclassin", 2219, "regclassout", 2452, "regclassrecv", 2453, "regclasssend", 'i', 'p'),
        B(SqlType.RegType, "regtype", 4, true, 'N', false, 2220, "regtypein", 2221, "regtypeout", 2454, "regtyperecv", 2455, "regtypesend", 'i', 'p'),
        B(SqlType.RegNamespace, "regnamespace", 4, true, 'N', false, 4084, "regnamespacein", 4085, "regnamespaceout", 4086, "regnamespacerecv", 4087, "regnamespacesend", 'i', 'p'),
        B(SqlType.RegRole, "regrole", 4, true, 'N', false, 4098, "regrolein", 4092, "regroleout", 4094, "regrolerecv", 4095, "regrolesend", 'i', 'p'),
        B(SqlType.Int2Vector, "int2vector", -1, false, 'A', false, 40, "int2vectorin", 41, "int2vectorout", 2410, "int2vectorrecv", 2411, "int2vectorsend", 'i', 'p'),
        B(SqlType.RegProc, "regproc", 4, true, 'N', false, 44, "regprocin", 45, "regprocout", 2444, "regprocrecv", 2445, "regprocsend", 'i', 'p'),
        B(SqlType.RegProcedure, "regprocedure", 4, true, 'N', false, 2212, "regprocedurein", 2213, "regprocedureout", 2446, "regprocedurerecv", 2447, "regproceduresend", 'i', 'p'),
        B(SqlType.Void, "void", 4, true, 'P', false, 2298, "void_in", 2299, "void_out", 3120, "void_recv", 3121, "void_send", 'i', 'p', kind: 'p'),
        B(SqlType.Record, "record", -1, false, 'P', false, 2290, "record_in", 2291, "record_out", 2402, "record_recv", 2403, "record_send", 'd', 'x', kind: 'p'),
        B(SqlType.Point, "point", 16, false, 'G', false, 117, "point_in", 118, "point_out", 2428, "point_recv", 2429, "point_send", 'd', 'p'),
        B(SqlType.Lseg, "lseg", 32, false, 'G', false, 119, "lseg_in", 120, "lseg_out", 2480, "lseg_recv", 2481, "lseg_send", 'd', 'p'),
        B(SqlType.Path, "path", -1, false, 'G', false, 121, "path_in", 122, "path_out", 2482, "path_recv", 2483, "path_send", 'd', 'x'),
        B(SqlType.Box, "box", 32, false, 'G', false, 123, "box_in", 124, "box_out", 2484, "box_recv", 2485, "box_send", 'd', 'p'),
        B(SqlType.Polygon, "polygon", -1, false, 'G', false, 347, "poly_in", 348, "poly_out", 2486, "poly_recv", 2487, "poly_send", 'd', 'x'),
        B(SqlType.Line, "line", 24, false, 'G', false, 1490, "line_in", 1491, "line_out", 2488, "line_recv", 2489, "line_send", 'd', 'p'),
        B(SqlType.Circle, "circle", 24, false, 'G', false, 1450, "circle_in", 1451, "circle_out", 2490, "circle_recv", 2491, "circle_send", 'd', 'p'),
        B(SqlType.Uuid, "uuid", 16, false, 'U', false, 2952, "uuid_in", 2953, "uuid_out", 2961, "uuid_recv", 2962, "uuid_send", 'c', 'p'),
    ]);

    /// <summary>
    /// The array types (_int4 …) as PostgreSQL defines them: category A, array_in/out/recv/send,
    /// the element's typmod functions and collation, int alignment unless the element needs double.
    /// </summary>
    private static List<BuiltinType> WithArrays(List<BuiltinType> scalars)
    {
        var all = new List<BuiltinType>(scalars);
        foreach (var t in scalars)
        {
            if (ArrayTypes.ArrayOid(t.Oid) == 0) continue;
            all.Add(new BuiltinType(SqlType.ArrayOf(t.Type), "_" + t.Name, -1, false, 'b', 'A', false,
                (750, "array_in"), (751, "array_out"), (2400, "array_recv"), (2401, "array_send"),
                t.ModIn, t.ModOut, t.Align == 'd' ? 'd' : 'i', 'x', t.Collation));
        }
        return all;
    }

    private static readonly Dictionary<uint, BuiltinType> ByOidMap = All.ToDictionary(t => t.Oid);

    public static BuiltinType? ByOid(uint oid) => ByOidMap.GetValueOrDefault(oid);
}
