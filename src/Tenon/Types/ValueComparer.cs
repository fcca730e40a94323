using System.Runtime.CompilerServices;

namespace Tenon.Types;

/// <summary>
/// PostgreSQL's btree ordering, equality and hashing per type (T.3 in ValueText.cs).
///
///   text, varchar, name   C collation: the byte order of UTF-8, i.e. code point order.
///                         Ordinal UTF-16 order agrees except that surrogate pairs (code
///                         points ≥ U+10000) must sort above U+E000..U+FFFF; the first
///                         differing char is remapped when either side is ≥ U+D800.
///   bpchar                as text after dropping trailing blanks ('a ' = 'a').
///   float4/float8         NaN equals NaN and sorts above everything; -0 = 0.
///   numeric               by value (1.0 = 1.00); NaN as for floats.
///   uuid                  the 16 bytes in text order (two big-endian halves).
///   interval              by total span with 1 month = 30 days (PostgreSQL's interval_cmp).
///   inet, cidr            network_cmp: IPv4 first, then the common prefix, mask length, address.
///
/// Hash is consistent with Equal; integers hash by value whatever their width, so an int4
/// key can probe an int8 hash table. None of the common cases allocate.
/// </summary>
public static class ValueComparer
{
    /// <summary>Three-way comparison of two non-null values of <paramref name="type"/>.</summary>
    public static int Compare(object a, object b, TypeId type)
    {
        switch (type)
        {
            case TypeId.Int4: return ((int)a).CompareTo((int)b);
            case TypeId.Record: return ((PgRecord)a).CompareTo((PgRecord)b);
            case TypeId.Array: return ((PgArray)a).CompareTo((PgArray)b);
            case TypeId.Int8: return ((long)a).CompareTo((long)b);
            case TypeId.Text or TypeId.Varchar or TypeId.Name or TypeId.Unknown: return CompareText((string)a, (string)b);
            case TypeId.Bpchar: return CompareText(TrimBlanks((string)a), TrimBlanks((string)b));
            case TypeId.Int2: return ((short)a).CompareTo((short)b);
            case TypeId.Numeric: return ((Numeric)a).CompareTo((Numeric)b);
            case TypeId.Float8: return CompareDouble((double)a, (double)b);
            case TypeId.Float4: return CompareDouble((float)a, (float)b);
            case TypeId.Bool: return ((bool)a).CompareTo((bool)b);
            case TypeId.Date: return ((PgDate)a).Days.CompareTo(((PgDate)b).Days);
            case TypeId.Timestamp: return ((PgTimestamp)a).Microseconds.CompareTo(((PgTimestamp)b).Microseconds);
            case TypeId.Time: return ((PgTime)a).Microseconds.CompareTo(((PgTime)b).Microseconds);
            case TypeId.Timestamptz: return ((PgTimestampTz)a).Microseconds.CompareTo(((PgTimestampTz)b).Microseconds);
            case TypeId.Interval: return ((PgInterval)a).CompareTo((PgInterval)b);
            case TypeId.Uuid: return CompareUuid((Guid)a, (Guid)b);
            case TypeId.Bytea: return ((byte[])a).AsSpan().SequenceCompareTo((byte[])b);
            case TypeId.Oid or TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.RegProc or TypeId.RegProcedure or TypeId.Xid or TypeId.RegConfig: return ((uint)a).CompareTo((uint)b);
            case TypeId.TsVector: return ((TsVector)a).CompareTo((TsVector)b);
            case TypeId.TsQuery: return ((TsQuery)a).CompareTo((TsQuery)b);
            case TypeId.Jsonb: return ((JsonValue)a).CompareTo((JsonValue)b);
            case TypeId.Inet or TypeId.Cidr: return PgInet.Compare((PgInet)a, (PgInet)b);
            case TypeId.Enum: return ((PgEnumValue)a).SortOrder.CompareTo(((PgEnumValue)b).SortOrder);
            // The geometric types have no btree ordering in SQL (the binder refuses ORDER BY, DISTINCT,
            // GROUP BY on them); this exact coordinate order only places them in Tenon's index trees.
            case TypeId.Point: return ((PgPoint)a).CompareTo((PgPoint)b);
            case TypeId.Lseg: return ((PgLseg)a).CompareTo((PgLseg)b);
            case TypeId.Box: return ((PgBox)a).CompareTo((PgBox)b);
            case TypeId.Path: return ((PgPath)a).CompareTo((PgPath)b);
            case TypeId.Polygon: return ((PgPolygon)a).CompareTo((PgPolygon)b);
            case TypeId.Line: return ((PgLine)a).CompareTo((PgLine)b);
            case TypeId.Circle: return ((PgCircle)a).CompareTo((PgCircle)b);
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "type has no ordering");
        }
    }

    /// <summary>Equality of two non-null values as PostgreSQL's = operator decides it.</summary>
    public static bool Equal(object a, object b, TypeId type)
    {
        switch (type)
        {
            case TypeId.Int4: return (int)a == (int)b;
            case TypeId.Record: return ((PgRecord)a).CompareTo((PgRecord)b) == 0;
            case TypeId.Array: return ((PgArray)a).ValueEquals((PgArray)b);
            case TypeId.Int8: return (long)a == (long)b;
            case TypeId.Text or TypeId.Varchar or TypeId.Name or TypeId.Unknown: return string.Equals((string)a, (string)b);
            case TypeId.Bpchar: return TrimBlanks((string)a).SequenceEqual(TrimBlanks((string)b));
            case TypeId.Int2: return (short)a == (short)b;
            case TypeId.Bool: return (bool)a == (bool)b;
            case TypeId.Uuid: return (Guid)a == (Guid)b;
            case TypeId.Bytea: return ((byte[])a).AsSpan().SequenceEqual((byte[])b);
            case TypeId.Inet or TypeId.Cidr: return (PgInet)a == (PgInet)b;
            case TypeId.Enum: return ((PgEnumValue)a).Oid == ((PgEnumValue)b).Oid;
            default: return Compare(a, b, type) == 0;
        }
    }

    /// <summary>A hash consistent with <see cref="Equal"/> (stable within the process only).</summary>
    public static int Hash(object value, TypeId type)
    {
        switch (type)
        {
            case TypeId.Int4: return HashLong((int)value);
            case TypeId.Record: return ((PgRecord)value).GetHashCode();
            case TypeId.Array: return ((PgArray)value).GetHashCode();
            case TypeId.Int8: return HashLong((long)value);
            case TypeId.Int2: return HashLong((short)value);
            case TypeId.Text or TypeId.Varchar or TypeId.Name or TypeId.Unknown: return string.GetHashCode(((string)value).AsSpan());
            case TypeId.Bpchar: return string.GetHashCode(TrimBlanks((string)value));
            case TypeId.Numeric: return ((Numeric)value).GetHashCode();
            case TypeId.Float8: return HashDouble((double)value);
            case TypeId.Float4: return HashDouble((float)value);
            case TypeId.Bool: return (bool)value ? 1 : 0;
            case TypeId.Date: return HashLong(((PgDate)value).Days);
            case TypeId.Timestamp: return HashLong(((PgTimestamp)value).Microseconds);
            case TypeId.Time: return HashLong(((PgTime)value).Microseconds);
            case TypeId.Timestamptz: return HashLong(((PgTimestampTz)value).Microseconds);
            case TypeId.Interval: return ((PgInterval)value).GetHashCode();
            case TypeId.Uuid: return ((Guid)value).GetHashCode();
            case TypeId.Bytea:
                var hash = new HashCode();
                hash.AddBytes((byte[])value);
                return hash.ToHashCode();
            case TypeId.Oid or TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.RegProc or TypeId.RegProcedure or TypeId.Xid or TypeId.RegConfig: return HashLong((uint)value);
            case TypeId.TsVector or TypeId.TsQuery or TypeId.Jsonb: return value.GetHashCode();
            case TypeId.Inet or TypeId.Cidr: return ((PgInet)value).GetHashCode();
            case TypeId.Enum: return HashLong(((PgEnumValue)value).Oid);
            case TypeId.Point or TypeId.Lseg or TypeId.Box or TypeId.Path or TypeId.Polygon or TypeId.Line or TypeId.Circle: return value.GetHashCode();
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "type is not hashable");
        }
    }

    /// <summary>A comparer for composite keys: nulls sort last ascending, and null equals null.</summary>
    public static KeyComparer ForKeys(TypeId[] types) => new(types);

    /// <summary>A composite-key comparer with per-column direction and null placement.</summary>
    public static KeyComparer ForKeys(TypeId[] types, bool[] descending, bool[] nullsFirst) => new(types, descending, nullsFirst);

    // ---- helpers ------------------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HashLong(long value) => (int)value ^ (int)(value >> 32) * 0x5bd1e995;

    private static int HashDouble(double value)
    {
        if (value == 0) return 0; // -0 = 0
        if (double.IsNaN(value)) return 0x7ff80000;
        return value.GetHashCode();
    }

    private static int CompareDouble(double a, double b)
    {
        if (double.IsNaN(a)) return double.IsNaN(b) ? 0 : 1;
        if (double.IsNaN(b)) return -1;
        return a > b ? 1 : a < b ? -1 : 0;
    }

    private static ReadOnlySpan<char> TrimBlanks(string s) => s.AsSpan().TrimEnd(' ');

    /// <summary>Code point (= UTF-8 byte) order of two UTF-16 strings.</summary>
    public static int CompareText(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var common = a.CommonPrefixLength(b);
        if (common == a.Length || common == b.Length) return a.Length.CompareTo(b.Length);
        int x = a[common], y = b[common];
        if (x >= 0xD800 && y >= 0xD800)
        {
            // Surrogates (D800–DFFF) encode code points ≥ 10000, above E000–FFFF.
            x = x >= 0xE000 ? x - 0x800 : x + 0x2000;
            y = y >= 0xE000 ? y - 0x800 : y + 0x2000;
        }
        return x.CompareTo(y);
    }

    internal static int CompareUuid(Guid a, Guid b)
    {
        var (ah, al) = ValueText.UuidHalves(a);
        var (bh, bl) = ValueText.UuidHalves(b);
        var c = ah.CompareTo(bh);
        return c != 0 ? c : al.CompareTo(bl);
    }
}
