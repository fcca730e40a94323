using System.Numerics;
using Tenon.Types;

namespace Tenon.Wal;

/// <summary>
/// Encodes stored rows and their values for the log and snapshots. Every value carries a tag
/// byte naming its CLR representation (see <see cref="TypeId"/>), so a row can be decoded without
/// the catalog; the column type (varchar vs text, inet vs cidr, oid vs regclass) is the catalog's.
/// Integers are little-endian; "varint" is .NET's 7-bit encoding (BinaryWriter.Write7BitEncodedInt64).
///
///   TAG  VALUE            ENCODING AFTER THE TAG
///   0    NULL             nothing
///   1    false            nothing
///   2    true             nothing
///   3    short (int2)     2 bytes
///   4    int (int4)       4 bytes
///   5    long (int8)      8 bytes
///   6    Numeric          1 byte kind (0 finite, 1 NaN, 2 +Infinity, 3 -Infinity); finite: varint
///                         scale, varint n, n bytes of the mantissa (two's complement, little-endian)
///   7    float (float4)   4 bytes IEEE 754
///   8    double (float8)  8 bytes IEEE 754
///   9    string           varint byte length, UTF-8 bytes
///   10   Guid (uuid)      16 bytes in RFC 4122 (big-endian) order
///   11   PgDate           4 bytes: days since 2000-01-01 (int.Min/Max are ∓infinity)
///   12   PgTimestamp      8 bytes: microseconds since 2000-01-01
///   13   PgTimestampTz    8 bytes: microseconds since 2000-01-01 00:00 UTC
///   14   PgInterval       4 bytes months, 4 bytes days, 8 bytes microseconds
///   15   byte[] (bytea)   varint length, bytes
///   16   uint (oid)       4 bytes
///   17   PgInet           1 byte family (4 or 6), 1 byte bits, 16 bytes address (network order,
///                         IPv4 in the first 4)
///   18   PgArray          element SqlType (ObjectCodec's type encoding), varint rank, rank ×
///                         (varint length, 4 bytes lower bound), then each element as a value
///   19   PgEnumValue      4 bytes type oid, 4 bytes label oid, 4 bytes float4 sort order, string label
///   20   PgRecord         varint n, n × (field SqlType in ObjectCodec's type encoding, value)
///   21   TsVector         its text output as a string (tsvector input reads it back unchanged)
///   22   TsQuery          its text output as a string (likewise)
///   23   PgTime           8 bytes: microseconds since midnight
///   24   JsonValue        jsonb's text output as a string (jsonb input reads it back unchanged);
///                         json values are strings (tag 9), their text as written
///   25   PgPoint          8 bytes x, 8 bytes y (IEEE 754)
///   26   PgLseg           two points
///   27   PgBox            high point, low point
///   28   PgPath           1 byte closed (0/1), varint n, n points
///   29   PgPolygon        varint n, n points (the bounding box is recomputed)
///   30   PgLine           8 bytes each of A, B, C
///   31   PgCircle         center point, 8 bytes radius
///
/// A row is a varint column count followed by that many values.
/// </summary>
internal static class ValueCodec
{
    public static void WriteRow(BinaryWriter w, object?[] row)
    {
        w.Write7BitEncodedInt(row.Length);
        foreach (var v in row) WriteValue(w, v);
    }

    public static object?[] ReadRow(BinaryReader r)
    {
        var n = r.Read7BitEncodedInt();
        if (n < 0 || n > 100_000) throw new InvalidDataException($"row has {n} columns");
        var row = new object?[n];
        for (var i = 0; i < n; i++) row[i] = ReadValue(r);
        return row;
    }

    public static void WriteValue(BinaryWriter w, object? value)
    {
        switch (value)
        {
            case null: w.Write((byte)0); break;
            case bool b: w.Write((byte)(b ? 2 : 1)); break;
            case short s: w.Write((byte)3); w.Write(s); break;
            case int i: w.Write((byte)4); w.Write(i); break;
            case long l: w.Write((byte)5); w.Write(l); break;
            case Numeric n:
                w.Write((byte)6);
                if (n.IsNaN) w.Write((byte)1);
                else if (n.IsPositiveInfinity) w.Write((byte)2);
                else if (n.IsNegativeInfinity) w.Write((byte)3);
                else
                {
                    w.Write((byte)0);
                    w.Write7BitEncodedInt(n.Scale);
                    var bytes = n.Mantissa.ToByteArray();
                    w.Write7BitEncodedInt(bytes.Length);
                    w.Write(bytes);
                }
                break;
            case float f: w.Write((byte)7); w.Write(f); break;
            case double d: w.Write((byte)8); w.Write(d); break;
            case string s: w.Write((byte)9); w.Write(s); break;
            case Guid g:
            {
                w.Write((byte)10);
                Span<byte> b = stackalloc byte[16];
                g.TryWriteBytes(b, bigEndian: true, out _);
                w.Write(b);
                break;
            }
            case PgDate d: w.Write((byte)11); w.Write(d.Days); break;
            case PgTimestamp t: w.Write((byte)12); w.Write(t.Microseconds); break;
            case PgTimestampTz t: w.Write((byte)13); w.Write(t.Microseconds); break;
            case PgTime t: w.Write((byte)23); w.Write(t.Microseconds); break;
            case PgInterval iv: w.Write((byte)14); w.Write(iv.Months); w.Write(iv.Days); w.Write(iv.Microseconds); break;
            case byte[] bytes: w.Write((byte)15); w.Write7BitEncodedInt(bytes.Length); w.Write(bytes); break;
            case uint u: w.Write((byte)16); w.Write(u); break;
            case PgInet inet:
                w.Write((byte)17);
                w.Write((byte)inet.Family);
                w.Write(inet.Bits);
                w.Write(inet.GetBytes());
                break;
            case PgArray a:
                w.Write((byte)18);
                ObjectCodec.WriteType(w, a.ElementType);
                w.Write7BitEncodedInt(a.Rank);
                for (var d = 0; d < a.Rank; d++)
                {
                    w.Write7BitEncodedInt(a.Lengths[d]);
                    w.Write(a.LowerBounds[d]);
                }
                foreach (var item in a.Items) WriteValue(w, item);
                break;
            case PgEnumValue e:
                w.Write((byte)19);
                w.Write(e.TypeOid);
                w.Write(e.Oid);
                w.Write(e.SortOrder);
                w.Write(e.Label);
                break;
            case PgRecord rec:
                w.Write((byte)20);
                w.Write7BitEncodedInt(rec.Fields.Length);
                for (var i = 0; i < rec.Fields.Length; i++)
                {
                    ObjectCodec.WriteType(w, rec.FieldTypes[i]);
                    WriteValue(w, rec.Fields[i]);
                }
                break;
            case TsVector tv: w.Write((byte)21); w.Write(tv.ToString()); break;
            case TsQuery tq: w.Write((byte)22); w.Write(tq.ToString()); break;
            case JsonValue jv: w.Write((byte)24); w.Write(jv.ToString()); break;
            case PgPoint p: w.Write((byte)25); WritePoint(w, p); break;
            case PgLseg l: w.Write((byte)26); WritePoint(w, l.A); WritePoint(w, l.B); break;
            case PgBox b: w.Write((byte)27); WritePoint(w, b.High); WritePoint(w, b.Low); break;
            case PgPath path:
                w.Write((byte)28);
                w.Write(path.Closed);
                w.Write7BitEncodedInt(path.Points.Length);
                foreach (var p in path.Points) WritePoint(w, p);
                break;
            case PgPolygon poly:
                w.Write((byte)29);
                w.Write7BitEncodedInt(poly.Points.Length);
                foreach (var p in poly.Points) WritePoint(w, p);
                break;
            case PgLine line: w.Write((byte)30); w.Write(line.A); w.Write(line.B); w.Write(line.C); break;
            case PgCircle c: w.Write((byte)31); WritePoint(w, c.Center); w.Write(c.Radius); break;
            default:
                throw new NotSupportedException($"cannot store a value of CLR type {value.GetType()}");
        }
    }

    public static object? ReadValue(BinaryReader r)
    {
        var tag = r.ReadByte();
        switch (tag)
        {
            case 0: return null;
            case 1: return false;
            case 2: return true;
            case 3: return r.ReadInt16();
            case 4: return r.ReadInt32();
            case 5: return r.ReadInt64();
            case 6:
                switch (r.ReadByte())
                {
                    case 1: return Numeric.NaN;
                    case 2: return Numeric.PositiveInfinity;
                    case 3: return Numeric.NegativeInfinity;
                    case 0:
                        var scale = r.Read7BitEncodedInt();
                        var length = r.Read7BitEncodedInt();
                        if (length < 0 || length > 1 << 20) throw new InvalidDataException($"numeric of {length} bytes");
                        return Numeric.Create(new BigInteger(r.ReadBytes(length)), scale);
                    default: throw new InvalidDataException("bad numeric kind");
                }
            case 7: return r.ReadSingle();
            case 8: return r.ReadDouble();
            case 9: return r.ReadString();
            case 10: return new Guid(ReadExactly(r, 16), bigEndian: true);
            case 11: return new PgDate(r.ReadInt32());
            case 12: return new PgTimestamp(r.ReadInt64());
            case 13: return new PgTimestampTz(r.ReadInt64());
            case 14:
            {
                var months = r.ReadInt32();
                var days = r.ReadInt32();
                return new PgInterval(months, days, r.ReadInt64());
            }
            case 15:
            {
                var length = r.Read7BitEncodedInt();
                if (length < 0) throw new InvalidDataException("negative bytea length");
                return ReadExactly(r, length);
            }
            case 16: return r.ReadUInt32();
            case 21: return TsVectorText.Parse(r.ReadString());
            case 22: return TsQueryText.ParseLiteral(r.ReadString());
            case 23:
            {
                var time = r.ReadInt64();
                if (!PgTime.IsValid(time)) throw new InvalidDataException($"time of day {time} out of range");
                return new PgTime(time);
            }
            case 24: return JsonParser.ParseJsonb(r.ReadString());
            case 25: return ReadPoint(r);
            case 26: return new PgLseg(ReadPoint(r), ReadPoint(r));
            case 27: return new PgBox(ReadPoint(r), ReadPoint(r));
            case 28:
            {
                var closed = r.ReadBoolean();
                return new PgPath(closed, ReadPoints(r));
            }
            case 29: return new PgPolygon(ReadPoints(r));
            case 30: return new PgLine(r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
            case 31: return new PgCircle(ReadPoint(r), r.ReadDouble());
            case 17:
            {
                var family = r.ReadByte();
                if (family is not (4 or 6)) throw new InvalidDataException($"bad inet family {family}");
                var bits = r.ReadByte();
                var bytes = ReadExactly(r, 16);
                UInt128 address = 0;
                foreach (var b in bytes) address = (address << 8) | b;
                return new PgInet(family == 6, bits, address);
            }
            case 18:
            {
                var element = ObjectCodec.ReadType(r);
                var rank = r.Read7BitEncodedInt();
                if (rank is < 0 or > PgArray.MaxDimensions) throw new InvalidDataException($"array of {rank} dimensions");
                var lengths = new int[rank];
                var lower = new int[rank];
                long count = rank == 0 ? 0 : 1;
                for (var d = 0; d < rank; d++)
                {
                    lengths[d] = r.Read7BitEncodedInt();
                    lower[d] = r.ReadInt32();
                    if (lengths[d] < 0) throw new InvalidDataException("negative array length");
                    count *= lengths[d];
                    if (count > 1 << 28) throw new InvalidDataException("array too large");
                }
                var items = new object?[count];
                for (var i = 0; i < count; i++) items[i] = ReadValue(r);
                return new PgArray(element, items, lengths, lower);
            }
            case 19:
            {
                var typeOid = r.ReadUInt32();
                var oid = r.ReadUInt32();
                var sortOrder = r.ReadSingle();
                return new PgEnumValue(typeOid, oid, sortOrder, r.ReadString());
            }
            case 20:
            {
                var n = r.Read7BitEncodedInt();
                if (n is < 0 or > 1664) throw new InvalidDataException($"record of {n} fields");
                var types = new SqlType[n];
                var fields = new object?[n];
                for (var i = 0; i < n; i++)
                {
                    types[i] = ObjectCodec.ReadType(r);
                    fields[i] = ReadValue(r);
                }
                return new PgRecord(fields, types);
            }
            default: throw new InvalidDataException($"unknown value tag {tag}");
        }
    }

    private static void WritePoint(BinaryWriter w, PgPoint p)
    {
        w.Write(p.X);
        w.Write(p.Y);
    }

    private static PgPoint ReadPoint(BinaryReader r) => new(r.ReadDouble(), r.ReadDouble());

    private static PgPoint[] ReadPoints(BinaryReader r)
    {
        var n = r.Read7BitEncodedInt();
        if (n is < 0 or > 1 << 26) throw new InvalidDataException($"{n} points");
        var points = new PgPoint[n];
        for (var i = 0; i < n; i++) points[i] = ReadPoint(r);
        return points;
    }

    private static byte[] ReadExactly(BinaryReader r, int length)
    {
        var bytes = r.ReadBytes(length);
        if (bytes.Length != length) throw new EndOfStreamException();
        return bytes;
    }
}
