using System.Buffers.Binary;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Server;

/// <summary>
/// point_send/recv and the other geometric binary forms: big-endian float8s (box high corner
/// first), path a closed byte and an int32 count, polygon an int32 count, then the points.
/// Receiving checks what PostgreSQL checks (point counts, line A and B, circle radius).
/// </summary>
internal static partial class WireTypes
{
    private static byte[] SendGeometry(object value)
    {
        var doubles = new List<double>();
        void Add(PgPoint p) { doubles.Add(p.X); doubles.Add(p.Y); }
        byte[] header = [];
        switch (value)
        {
            case PgPoint p: Add(p); break;
            case PgLseg l: Add(l.A); Add(l.B); break;
            case PgBox b: Add(b.High); Add(b.Low); break;
            case PgLine l: doubles.AddRange([l.A, l.B, l.C]); break;
            case PgCircle c: Add(c.Center); doubles.Add(c.Radius); break;
            case PgPath path:
                header = new byte[5];
                header[0] = path.Closed ? (byte)1 : (byte)0;
                BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(1), path.Points.Length);
                foreach (var p in path.Points) Add(p);
                break;
            case PgPolygon poly:
                header = BigEndian32(poly.Points.Length);
                foreach (var p in poly.Points) Add(p);
                break;
        }
        var result = new byte[header.Length + 8 * doubles.Count];
        header.CopyTo(result, 0);
        for (var i = 0; i < doubles.Count; i++)
            BinaryPrimitives.WriteInt64BigEndian(result.AsSpan(header.Length + 8 * i), BitConverter.DoubleToInt64Bits(doubles[i]));
        return result;
    }

    private static object ReceiveGeometry(ReadOnlySpan<byte> b, TypeId type, Func<TenonException> bad)
    {
        static TenonException Invalid(string message) => new(SqlState.InvalidBinaryRepresentation, message);
        var pos = 0;
        double D(ReadOnlySpan<byte> s)
        {
            if (pos + 8 > s.Length) throw bad();
            var d = BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64BigEndian(s[pos..]));
            pos += 8;
            return d;
        }
        PgPoint P(ReadOnlySpan<byte> s) => new(D(s), D(s));
        PgPoint[] Points(ReadOnlySpan<byte> s, string typeName)
        {
            if (pos + 4 > s.Length) throw bad();
            var n = BinaryPrimitives.ReadInt32BigEndian(s[pos..]);
            pos += 4;
            if (n <= 0 || n > (s.Length - pos) / 16) throw Invalid($"invalid number of points in external \"{typeName}\" value");
            var pts = new PgPoint[n];
            for (var i = 0; i < n; i++) pts[i] = P(s);
            return pts;
        }
        object result;
        switch (type)
        {
            case TypeId.Point: result = P(b); break;
            case TypeId.Lseg: result = new PgLseg(P(b), P(b)); break;
            case TypeId.Box: result = GeometryText.Reorder(P(b), P(b)); break;
            case TypeId.Line:
            {
                var line = new PgLine(D(b), D(b), D(b));
                if (GeoFloat.FPzero(line.A) && GeoFloat.FPzero(line.B)) throw Invalid("invalid line specification: A and B cannot both be zero");
                result = line;
                break;
            }
            case TypeId.Circle:
            {
                var circle = new PgCircle(P(b), D(b));
                if (circle.Radius < 0) throw Invalid("invalid radius in external \"circle\" value");
                result = circle;
                break;
            }
            case TypeId.Path:
            {
                if (b.Length < 1) throw bad();
                var closed = b[0] != 0;
                pos = 1;
                result = new PgPath(closed, Points(b, "path"));
                break;
            }
            default: result = new PgPolygon(Points(b, "polygon")); break;
        }
        if (pos != b.Length) throw bad();
        return result;
    }
}
