using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Server;

/// <summary>
/// Tenon's types as the wire sees them: the type behind a parameter OID, and the binary send and
/// receive formats (PostgreSQL's typsend/typreceive) of every type Tenon has.
/// </summary>
internal static partial class WireTypes
{
    /// <summary>The type for a Parse parameter OID; null for 0 (unspecified: inferred from context).</summary>
    public static SqlType? FromOid(uint oid, int parameterNumber) => oid switch
    {
        0 => null,
        _ when ArrayTypes.ElementOid(oid) is var element and not 0 and not 2249 => SqlType.ArrayOf(FromOid(element, parameterNumber)!),
        16 => SqlType.Bool,
        17 => SqlType.Bytea,
        19 => SqlType.Name,
        20 => SqlType.Int8,
        21 => SqlType.Int2,
        23 => SqlType.Int4,
        25 => SqlType.Text,
        26 => SqlType.Oid,
        700 => SqlType.Float4,
        701 => SqlType.Float8,
        705 => SqlType.Unknown,
        1042 => SqlType.Bpchar,
        1043 => SqlType.Varchar,
        1082 => SqlType.Date,
        1083 => SqlType.Time,
        1114 => SqlType.Timestamp,
        1184 => SqlType.Timestamptz,
        1186 => SqlType.Interval,
        1700 => SqlType.Numeric,
        2205 => SqlType.RegClass,
        2206 => SqlType.RegType,
        4089 => SqlType.RegNamespace,
        4096 => SqlType.RegRole,
        24 => SqlType.RegProc,
        22 => SqlType.Int2Vector,
        2202 => SqlType.RegProcedure,
        28 => SqlType.Xid,
        2950 => SqlType.Uuid,
        3614 => SqlType.TsVector,
        3615 => SqlType.TsQuery,
        3734 => SqlType.RegConfig,
        114 => SqlType.Json,
        3802 => SqlType.Jsonb,
        600 => SqlType.Point,
        601 => SqlType.Lseg,
        602 => SqlType.Path,
        603 => SqlType.Box,
        604 => SqlType.Polygon,
        628 => SqlType.Line,
        718 => SqlType.Circle,
        _ => throw new TenonException(SqlState.FeatureNotSupported,
            $"parameter ${parameterNumber} has type OID {oid}, which Tenon does not support"),
    };

    /// <summary>The OID a parameter is described with; an unresolved one is text, as PostgreSQL resolves unknown.</summary>
    public static uint DescribeOid(SqlType type) => type.Id == TypeId.Unknown ? 25 : type.TypeOid;

    // ---- send ----------------------------------------------------------------------------

    /// <summary>
    /// Writes a non-null value as a DataRow column in binary: the fixed-size and string types
    /// straight into the message, the rest through <see cref="Send"/>.
    /// </summary>
    public static void Write(MessageWriter w, object value, SqlType type)
    {
        switch (type.Id)
        {
            case TypeId.Bool: w.ValueSpan(1)[0] = (bool)value ? (byte)1 : (byte)0; return;
            case TypeId.Int2: BinaryPrimitives.WriteInt16BigEndian(w.ValueSpan(2), (short)value); return;
            case TypeId.Int4: BinaryPrimitives.WriteInt32BigEndian(w.ValueSpan(4), (int)value); return;
            case TypeId.Int8: BinaryPrimitives.WriteInt64BigEndian(w.ValueSpan(8), (long)value); return;
            case TypeId.Float4: BinaryPrimitives.WriteInt32BigEndian(w.ValueSpan(4), BitConverter.SingleToInt32Bits((float)value)); return;
            case TypeId.Float8: BinaryPrimitives.WriteInt64BigEndian(w.ValueSpan(8), BitConverter.DoubleToInt64Bits((double)value)); return;
            case TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name or TypeId.Unknown: w.Value((string)value); return;
            case TypeId.Date: BinaryPrimitives.WriteInt32BigEndian(w.ValueSpan(4), ((PgDate)value).Days); return;
            case TypeId.Timestamp: BinaryPrimitives.WriteInt64BigEndian(w.ValueSpan(8), ((PgTimestamp)value).Microseconds); return;
            case TypeId.Timestamptz: BinaryPrimitives.WriteInt64BigEndian(w.ValueSpan(8), ((PgTimestampTz)value).Microseconds); return;
            case TypeId.Uuid: ((Guid)value).TryWriteBytes(w.ValueSpan(16), bigEndian: true, out _); return;
            case TypeId.Bytea: w.Value((byte[])value); return;
        }
        w.Value(Send(value, type));
    }

    /// <summary>The binary representation of a non-null value of <paramref name="type"/>.</summary>
    public static byte[] Send(object value, SqlType type)
    {
        switch (type.Id)
        {
            case TypeId.Bool: return [(bool)value ? (byte)1 : (byte)0];
            case TypeId.Int2: return BigEndian16((short)value);
            case TypeId.Int4: return BigEndian32((int)value);
            case TypeId.Int8: return BigEndian64((long)value);
            case TypeId.Float4: return BigEndian32(BitConverter.SingleToInt32Bits((float)value));
            case TypeId.Float8: return BigEndian64(BitConverter.DoubleToInt64Bits((double)value));
            case TypeId.Numeric: return SendNumeric((Numeric)value);
            case TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name or TypeId.Unknown or TypeId.Json:
                return Encoding.UTF8.GetBytes((string)value);
            // jsonb_send: a version byte (1), then the text.
            case TypeId.Jsonb: return [1, .. Encoding.UTF8.GetBytes(((JsonValue)value).ToString())];
            case TypeId.Uuid:
            {
                var b = new byte[16];
                ((Guid)value).TryWriteBytes(b, bigEndian: true, out _);
                return b;
            }
            case TypeId.Date: return BigEndian32(((PgDate)value).Days);
            case TypeId.Timestamp: return BigEndian64(((PgTimestamp)value).Microseconds);
            case TypeId.Timestamptz: return BigEndian64(((PgTimestampTz)value).Microseconds);
            case TypeId.Time: return BigEndian64(((PgTime)value).Microseconds);
            case TypeId.Interval:
            {
                var iv = (PgInterval)value;
                var b = new byte[16];
                BinaryPrimitives.WriteInt64BigEndian(b, iv.Microseconds);
                BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(8), iv.Days);
                BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(12), iv.Months);
                return b;
            }
            case TypeId.Bytea: return (byte[])value;
            case TypeId.Oid or TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.RegProc or TypeId.RegProcedure or TypeId.Xid or TypeId.RegConfig: return BigEndian32(unchecked((int)Convert.ToUInt32(value)));
            case TypeId.Void: return [];
            case TypeId.Record: return SendRecord((PgRecord)value);
            case TypeId.Array: return SendArray((PgArray)value);
            case TypeId.Enum: return Encoding.UTF8.GetBytes(((PgEnumValue)value).Label);
            case TypeId.Point or TypeId.Lseg or TypeId.Path or TypeId.Box or TypeId.Polygon or TypeId.Line or TypeId.Circle: return SendGeometry(value);
        }
        throw new TenonException(SqlState.FeatureNotSupported, $"binary output of type {type.DisplayName} is not supported");
    }

    /// <summary>
    /// PostgreSQL's record_send: the number of fields, then per field its type OID and its length
    /// (-1 for NULL) followed by the field's own binary form. Npgsql reads EF Core's ROW(…)
    /// projections (value tuples) this way.
    /// </summary>
    private static byte[] SendRecord(PgRecord record)
    {
        using var ms = new MemoryStream();
        ms.Write(BigEndian32(record.Fields.Length));
        for (var i = 0; i < record.Fields.Length; i++)
        {
            var type = record.FieldTypes[i];
            ms.Write(BigEndian32(unchecked((int)DescribeOid(type))));
            if (record.Fields[i] is not { } field)
            {
                ms.Write(BigEndian32(-1));
                continue;
            }
            var bytes = Send(field, type.Id == TypeId.Unknown ? SqlType.Text : type);
            ms.Write(BigEndian32(bytes.Length));
            ms.Write(bytes);
        }
        return ms.ToArray();
    }

    /// <summary>array_send: ndim, has-nulls flag, element oid, (length, lower bound) per dimension, then each element as length (-1 for NULL) and bytes.</summary>
    private static byte[] SendArray(PgArray a)
    {
        using var ms = new MemoryStream();
        void Int(int v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, v); ms.Write(b); }
        Int(a.Rank);
        Int(a.Items.Any(v => v is null) ? 1 : 0);
        Int(unchecked((int)a.ElementType.TypeOid));
        for (var d = 0; d < a.Rank; d++)
        {
            Int(a.Lengths[d]);
            Int(a.LowerBounds[d]);
        }
        foreach (var v in a.Items)
        {
            if (v is null)
            {
                Int(-1);
                continue;
            }
            var bytes = Send(v, a.ElementType);
            Int(bytes.Length);
            ms.Write(bytes);
        }
        return ms.ToArray();
    }

    private static byte[] BigEndian16(short v) { var b = new byte[2]; BinaryPrimitives.WriteInt16BigEndian(b, v); return b; }
    private static byte[] BigEndian32(int v) { var b = new byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, v); return b; }
    private static byte[] BigEndian64(long v) { var b = new byte[8]; BinaryPrimitives.WriteInt64BigEndian(b, v); return b; }

    private const ushort NumericPositive = 0x0000, NumericNegative = 0x4000, NumericNaN = 0xC000,
        NumericPlusInfinity = 0xD000, NumericMinusInfinity = 0xF000;

    /// <summary>numeric_send: ndigits, weight, sign, dscale, then base-10000 digits, most significant first.</summary>
    private static byte[] SendNumeric(Numeric n)
    {
        if (!n.IsFinite)
            return NumericHeader([], 0, n.IsNaN ? NumericNaN : n.IsPositiveInfinity ? NumericPlusInfinity : NumericMinusInfinity, 0);
        var scale = Math.Max(n.Scale, 0);
        var mantissa = n.Scale < 0 ? n.Mantissa * BigInteger.Pow(10, -n.Scale) : n.Mantissa;
        var sign = mantissa.Sign < 0 ? NumericNegative : NumericPositive;
        var text = BigInteger.Abs(mantissa).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (text.Length <= scale) text = new string('0', scale - text.Length + 1) + text;
        var intPart = text[..^scale];
        var fracPart = text[^scale..];
        intPart = new string('0', (4 - intPart.Length % 4) % 4) + intPart;
        fracPart += new string('0', (4 - fracPart.Length % 4) % 4);
        var groups = new List<short>();
        for (var i = 0; i < intPart.Length; i += 4) groups.Add(short.Parse(intPart.AsSpan(i, 4), provider: System.Globalization.CultureInfo.InvariantCulture));
        var weight = groups.Count - 1;
        for (var i = 0; i < fracPart.Length; i += 4) groups.Add(short.Parse(fracPart.AsSpan(i, 4), provider: System.Globalization.CultureInfo.InvariantCulture));
        var first = 0;
        while (first < groups.Count && groups[first] == 0) { first++; weight--; }
        var last = groups.Count;
        while (last > first && groups[last - 1] == 0) last--;
        if (first == last) return NumericHeader([], 0, NumericPositive, (short)scale);
        return NumericHeader(groups.GetRange(first, last - first), (short)weight, sign, (short)scale);
    }

    private static byte[] NumericHeader(List<short> digits, short weight, ushort sign, short dscale)
    {
        var b = new byte[8 + 2 * digits.Count];
        BinaryPrimitives.WriteInt16BigEndian(b, (short)digits.Count);
        BinaryPrimitives.WriteInt16BigEndian(b.AsSpan(2), weight);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(4), sign);
        BinaryPrimitives.WriteInt16BigEndian(b.AsSpan(6), dscale);
        for (var i = 0; i < digits.Count; i++) BinaryPrimitives.WriteInt16BigEndian(b.AsSpan(8 + 2 * i), digits[i]);
        return b;
    }

    // ---- receive -------------------------------------------------------------------------

    /// <summary>
    /// Decodes a binary parameter into the CLR value Session parameters take. Wrong sizes are
    /// PostgreSQL's 22P03 "incorrect binary data format in bind parameter n".
    /// </summary>
    public static object Receive(ReadOnlySpan<byte> b, SqlType type, int parameterNumber)
    {
        TenonException Bad() => new(SqlState.InvalidBinaryRepresentation, $"incorrect binary data format in bind parameter {parameterNumber}");
        void Size(ReadOnlySpan<byte> s, int n) { if (s.Length != n) throw Bad(); }
        switch (type.Id)
        {
            case TypeId.Bool: Size(b, 1); return b[0] != 0;
            case TypeId.Int2: Size(b, 2); return BinaryPrimitives.ReadInt16BigEndian(b);
            case TypeId.Int4: Size(b, 4); return BinaryPrimitives.ReadInt32BigEndian(b);
            case TypeId.Int8: Size(b, 8); return BinaryPrimitives.ReadInt64BigEndian(b);
            case TypeId.Float4: Size(b, 4); return BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadInt32BigEndian(b));
            case TypeId.Float8: Size(b, 8); return BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64BigEndian(b));
            case TypeId.Oid or TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.RegProc or TypeId.RegProcedure: Size(b, 4); return (long)BinaryPrimitives.ReadUInt32BigEndian(b);
            // As its text: the value then stays untyped until context makes it xid (a uint would pass for bigint).
            case TypeId.Xid: Size(b, 4); return BinaryPrimitives.ReadUInt32BigEndian(b).ToString(System.Globalization.CultureInfo.InvariantCulture);
            case TypeId.Numeric: return ReceiveNumeric(b, Bad);
            case TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name or TypeId.Unknown: return MessageBody.Decode(b);
            case TypeId.Json: return JsonParser.ValidateJson(MessageBody.Decode(b));
            case TypeId.Jsonb:
                if (b.Length == 0 || b[0] != 1) throw new TenonException(SqlState.InvalidBinaryRepresentation, "unsupported jsonb version number " + (b.Length == 0 ? 0 : b[0]));
                return JsonParser.ParseJsonb(MessageBody.Decode(b[1..]));
            case TypeId.Uuid: Size(b, 16); return new Guid(b, bigEndian: true);
            case TypeId.Date: Size(b, 4); return new PgDate(BinaryPrimitives.ReadInt32BigEndian(b));
            case TypeId.Timestamp: Size(b, 8); return new PgTimestamp(BinaryPrimitives.ReadInt64BigEndian(b));
            case TypeId.Timestamptz: Size(b, 8); return new PgTimestampTz(BinaryPrimitives.ReadInt64BigEndian(b));
            case TypeId.Time:
            {
                Size(b, 8);
                var time = BinaryPrimitives.ReadInt64BigEndian(b);
                if (!PgTime.IsValid(time)) throw new TenonException(SqlState.DatetimeFieldOverflow, "time out of range");
                return new PgTime(time);
            }
            case TypeId.Interval:
                Size(b, 16);
                return new PgInterval(BinaryPrimitives.ReadInt32BigEndian(b[12..]), BinaryPrimitives.ReadInt32BigEndian(b[8..]), BinaryPrimitives.ReadInt64BigEndian(b));
            case TypeId.Bytea: return b.ToArray();
            case TypeId.Array: return ReceiveArray(b, type, parameterNumber, Bad);
            case TypeId.Enum: return type.Enum!.Parse(MessageBody.Decode(b));
            case TypeId.Point or TypeId.Lseg or TypeId.Path or TypeId.Box or TypeId.Polygon or TypeId.Line or TypeId.Circle: return ReceiveGeometry(b, type.Id, Bad);
        }
        throw new TenonException(SqlState.UndefinedFunction, $"no binary input function available for type {type.DisplayName}");
    }

    /// <summary>array_recv: the layout <see cref="SendArray"/> writes; the element oid must be the parameter's element type.</summary>
    private static PgArray ReceiveArray(ReadOnlySpan<byte> b, SqlType type, int parameterNumber, Func<TenonException> bad)
    {
        if (b.Length < 12) throw bad();
        var rank = BinaryPrimitives.ReadInt32BigEndian(b);
        var elementOid = BinaryPrimitives.ReadUInt32BigEndian(b[8..]);
        if (rank < 0) throw new TenonException(SqlState.InvalidBinaryRepresentation, $"invalid number of dimensions: {rank}");
        if (rank > PgArray.MaxDimensions)
            throw new TenonException(SqlState.ProgramLimitExceeded, $"number of array dimensions ({rank}) exceeds the maximum allowed ({PgArray.MaxDimensions})");
        var element = type.Element!;
        if (elementOid != element.TypeOid)
            throw new TenonException(SqlState.DatatypeMismatch, "binary data has array element type " + elementOid + " instead of expected " + element.TypeOid);
        var pos = 12;
        if (b.Length < pos + 8 * rank) throw bad();
        var lengths = new int[rank];
        var lower = new int[rank];
        long count = rank == 0 ? 0 : 1;
        for (var d = 0; d < rank; d++)
        {
            lengths[d] = BinaryPrimitives.ReadInt32BigEndian(b[pos..]);
            lower[d] = BinaryPrimitives.ReadInt32BigEndian(b[(pos + 4)..]);
            if (lengths[d] < 0) throw bad();
            count *= lengths[d];
            pos += 8;
        }
        if (count == 0) return PgArray.Empty(element);
        if (count > b.Length) throw bad();
        var items = new object?[count];
        for (var i = 0; i < count; i++)
        {
            if (b.Length < pos + 4) throw bad();
            var length = BinaryPrimitives.ReadInt32BigEndian(b[pos..]);
            pos += 4;
            if (length == -1) continue;
            if (length < 0 || b.Length < pos + length) throw bad();
            var value = Receive(b.Slice(pos, length), element, parameterNumber);
            // Scalars arrive as the CLR values parameters take; inside an array they must be the stored representation.
            items[i] = element.Id is TypeId.Oid or TypeId.RegClass ? (uint)(long)value : value;
            pos += length;
        }
        if (pos != b.Length) throw bad();
        return new PgArray(element, items, lengths, lower);
    }

    private static Numeric ReceiveNumeric(ReadOnlySpan<byte> b, Func<TenonException> bad)
    {
        if (b.Length < 8) throw bad();
        var ndigits = BinaryPrimitives.ReadInt16BigEndian(b);
        var weight = BinaryPrimitives.ReadInt16BigEndian(b[2..]);
        var sign = BinaryPrimitives.ReadUInt16BigEndian(b[4..]);
        var dscale = BinaryPrimitives.ReadInt16BigEndian(b[6..]);
        if (ndigits < 0 || b.Length != 8 + 2 * ndigits || dscale < 0) throw bad();
        switch (sign)
        {
            case NumericNaN: return Numeric.NaN;
            case NumericPlusInfinity: return Numeric.PositiveInfinity;
            case NumericMinusInfinity: return Numeric.NegativeInfinity;
            case NumericPositive or NumericNegative: break;
            default: throw new TenonException(SqlState.InvalidBinaryRepresentation, "invalid sign in external \"numeric\" value");
        }
        // value = sum(d[i] * 10000^(weight - i)); as a mantissa at scale dscale.
        var mantissa = BigInteger.Zero;
        var lastExp = 0;
        for (var i = 0; i < ndigits; i++)
        {
            var d = BinaryPrimitives.ReadInt16BigEndian(b[(8 + 2 * i)..]);
            if (d is < 0 or > 9999) throw new TenonException(SqlState.InvalidBinaryRepresentation, "invalid digit in external \"numeric\" value");
            mantissa = mantissa * 10000 + d;
            lastExp = 4 * (weight - i);
        }
        // mantissa * 10^lastExp, rescaled to dscale digits after the point (truncating extra digits).
        var shift = lastExp + dscale;
        mantissa = shift >= 0 ? mantissa * BigInteger.Pow(10, shift) : mantissa / BigInteger.Pow(10, -shift);
        if (sign == NumericNegative) mantissa = -mantissa;
        return Numeric.Create(mantissa, dscale);
    }
}
