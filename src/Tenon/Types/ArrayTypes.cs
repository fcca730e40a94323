namespace Tenon.Types;

/// <summary>
/// PostgreSQL 15's array type for each element type (pg_type.typarray), e.g. int4 (23) ↔ _int4
/// (1007). Element types without an array type (unknown, void) map to 0.
/// </summary>
public static class ArrayTypes
{
    private static readonly (uint Element, uint Array)[] Pairs =
    [
        (16, 1000), (17, 1001), (19, 1003), (20, 1016), (21, 1005), (23, 1007), (25, 1009), (26, 1028),
        (650, 651), (700, 1021), (701, 1022), (869, 1041), (1042, 1014), (1043, 1015), (1082, 1182),
        (1083, 1183), (1114, 1115), (1184, 1185), (1186, 1187), (1700, 1231), (2205, 2210), (4096, 4097), (2249, 2287), (2950, 2951), (3614, 3643), (3615, 3645), (3734, 3735), (24, 1008), (2202, 2207), (114, 199), (3802, 3807),
        (600, 1017), (601, 1018), (602, 1019), (603, 1020), (604, 1027), (628, 629), (718, 719),
    ];

    private static readonly Dictionary<uint, uint> ToArray = Pairs.ToDictionary(p => p.Element, p => p.Array);
    private static readonly Dictionary<uint, uint> ToElement = Pairs.ToDictionary(p => p.Array, p => p.Element);

    /// <summary>The array type's oid for an element type's oid; 0 when there is none.</summary>
    public static uint ArrayOid(uint elementOid) => ToArray.GetValueOrDefault(elementOid);

    /// <summary>The element type's oid for an array type's oid; 0 when it is not an array type.</summary>
    public static uint ElementOid(uint arrayOid) => ToElement.GetValueOrDefault(arrayOid);
}
