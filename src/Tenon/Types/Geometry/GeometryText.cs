using System.Globalization;
using System.Text;
using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// Text input and output of the geometric types as geo_ops.c reads and writes them: points as
/// <c>(x,y)</c> or <c>x,y</c>; lseg <c>[(x1,y1),(x2,y2)]</c>; box <c>(x1,y1),(x2,y2)</c> (corners
/// reordered to high, low); path <c>[(…),…]</c> open or <c>((…),…)</c> closed; polygon
/// <c>((…),…)</c>; line <c>{A,B,C}</c> or two points; circle <c>&lt;(x,y),r&gt;</c>. Every
/// malformed input is 22P02 "invalid input syntax for type T" quoting the whole input; numbers
/// follow float8in (NaN, Infinity, out-of-range errors quoting the number).
/// </summary>
internal static class GeometryText
{
    // ---- output -----------------------------------------------------------------------------

    public static string Format(object value, FormatSettings settings)
    {
        var sb = new StringBuilder();
        var efd = settings.ExtraFloatDigits;
        switch (value)
        {
            case PgPoint p: Pair(sb, p, efd); break;
            case PgLseg l: sb.Append('['); Pair(sb, l.A, efd); sb.Append(','); Pair(sb, l.B, efd); sb.Append(']'); break;
            case PgBox b: Pair(sb, b.High, efd); sb.Append(','); Pair(sb, b.Low, efd); break;
            case PgPath path: Points(sb, path.Points, path.Closed ? '(' : '[', path.Closed ? ')' : ']', efd); break;
            case PgPolygon poly: Points(sb, poly.Points, '(', ')', efd); break;
            case PgLine line:
                sb.Append('{').Append(F(line.A, efd)).Append(',').Append(F(line.B, efd)).Append(',').Append(F(line.C, efd)).Append('}');
                break;
            case PgCircle c: sb.Append('<'); Pair(sb, c.Center, efd); sb.Append(',').Append(F(c.Radius, efd)).Append('>'); break;
            default: throw new ArgumentException("not a geometric value", nameof(value));
        }
        return sb.ToString();
    }

    private static string F(double d, int efd) => FloatText.FormatDouble(d, efd);

    private static void Pair(StringBuilder sb, PgPoint p, int efd) => sb.Append('(').Append(F(p.X, efd)).Append(',').Append(F(p.Y, efd)).Append(')');

    private static void Points(StringBuilder sb, PgPoint[] points, char open, char close, int efd)
    {
        sb.Append(open);
        for (var i = 0; i < points.Length; i++)
        {
            if (i > 0) sb.Append(',');
            Pair(sb, points[i], efd);
        }
        sb.Append(close);
    }

    // ---- input ------------------------------------------------------------------------------

    /// <summary>The input function of a geometric type.</summary>
    public static object Parse(string text, TypeId type) => type switch
    {
        TypeId.Point => ParsePoint(text),
        TypeId.Lseg => ParseLseg(text),
        TypeId.Box => ParseBox(text),
        TypeId.Path => ParsePath(text),
        TypeId.Polygon => ParsePolygon(text),
        TypeId.Line => ParseLine(text),
        TypeId.Circle => ParseCircle(text),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private ref struct Reader
    {
        public readonly string Text;
        public readonly string TypeName;
        public int Pos;

        public Reader(string text, string typeName)
        {
            Text = text;
            TypeName = typeName;
            Pos = 0;
        }

        public readonly char Cur => Pos < Text.Length ? Text[Pos] : '\0';
        public readonly bool AtEnd => Pos >= Text.Length;
        public readonly TenonException Bad() => TypeErrors.InvalidSyntax(TypeName, Text);

        public void SkipSpace()
        {
            while (Pos < Text.Length && IsSpace(Text[Pos])) Pos++;
        }

        /// <summary>float8in_internal with an end pointer: leading and trailing blanks skipped.</summary>
        public double Number()
        {
            SkipSpace();
            var start = Pos;
            var s = Text;
            if (Special(s, start, out var special, out var len))
            {
                Pos = start + len;
                SkipSpace();
                return special;
            }
            var i = start;
            if (i < s.Length && s[i] is '+' or '-') i++;
            var digits = 0;
            var nonzero = false;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { nonzero |= s[i] != '0'; i++; digits++; }
            if (i < s.Length && s[i] == '.')
            {
                i++;
                while (i < s.Length && char.IsAsciiDigit(s[i])) { nonzero |= s[i] != '0'; i++; digits++; }
            }
            if (digits == 0) throw Bad();
            if (i < s.Length && s[i] is 'e' or 'E')
            {
                var j = i + 1;
                if (j < s.Length && s[j] is '+' or '-') j++;
                if (j < s.Length && char.IsAsciiDigit(s[j]))
                {
                    while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
                    i = j;
                }
            }
            var number = s[start..i];
            var value = double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(value) || (value == 0 && nonzero))
                throw TypeErrors.FloatOutOfRange(number, "double precision");
            Pos = i;
            SkipSpace();
            return value;
        }

        private static bool Special(string s, int at, out double value, out int length)
        {
            foreach (var (word, v) in Specials)
            {
                if (string.Compare(s, at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0 && s.Length - at >= word.Length)
                {
                    value = v;
                    length = word.Length;
                    return true;
                }
            }
            value = 0;
            length = 0;
            return false;
        }

        /// <summary>pair_decode: <c>x,y</c> or <c>(x,y)</c>.</summary>
        public PgPoint Pair()
        {
            SkipSpace();
            var delimited = Cur == '(';
            if (delimited) Pos++;
            var x = Number();
            if (Cur != ',') throw Bad();
            Pos++;
            var y = Number();
            if (delimited)
            {
                if (Cur != ')') throw Bad();
                Pos++;
                SkipSpace();
            }
            return new PgPoint(x, y);
        }

        /// <summary>path_decode: n points, optionally inside [ ] (when open paths are allowed) or ( ).</summary>
        public PgPoint[] Points(bool openAllowed, int n, out bool isOpen)
        {
            var depth = 0;
            SkipSpace();
            isOpen = Cur == '[';
            if (isOpen)
            {
                if (!openAllowed) throw Bad();
                depth++;
                Pos++;
            }
            else if (Cur == '(')
            {
                var cp = Pos + 1;
                while (cp < Text.Length && IsSpace(Text[cp])) cp++;
                if (cp < Text.Length && Text[cp] == '(')
                {
                    depth++;
                    Pos = cp;
                }
                else if (Text.LastIndexOf('(') == Pos)
                {
                    depth++;
                    Pos = cp;
                }
            }
            var points = new PgPoint[n];
            for (var i = 0; i < n; i++)
            {
                points[i] = Pair();
                if (Cur == ',') Pos++;
            }
            while (depth > 0)
            {
                if (Cur == ')' || (Cur == ']' && isOpen && depth == 1))
                {
                    depth--;
                    Pos++;
                    SkipSpace();
                }
                else throw Bad();
            }
            return points;
        }
    }

    private static readonly (string Word, double Value)[] Specials =
    [
        ("NaN", double.NaN), ("Infinity", double.PositiveInfinity), ("+Infinity", double.PositiveInfinity), ("-Infinity", double.NegativeInfinity),
        ("inf", double.PositiveInfinity), ("+inf", double.PositiveInfinity), ("-inf", double.NegativeInfinity),
    ];

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';

    public static PgPoint ParsePoint(string text)
    {
        var r = new Reader(text, "point");
        var p = r.Pair();
        if (!r.AtEnd) throw r.Bad();
        return p;
    }

    public static PgLseg ParseLseg(string text)
    {
        var r = new Reader(text, "lseg");
        var pts = r.Points(true, 2, out _);
        if (!r.AtEnd) throw r.Bad();
        return new PgLseg(pts[0], pts[1]);
    }

    public static PgBox ParseBox(string text)
    {
        var r = new Reader(text, "box");
        var pts = r.Points(false, 2, out _);
        if (!r.AtEnd) throw r.Bad();
        return Reorder(pts[0], pts[1]);
    }

    /// <summary>box_in/box_recv: swap coordinates so the first corner is the high one.</summary>
    public static PgBox Reorder(PgPoint high, PgPoint low)
    {
        double hx = high.X, hy = high.Y, lx = low.X, ly = low.Y;
        if (hx < lx) (hx, lx) = (lx, hx);
        if (hy < ly) (hy, ly) = (ly, hy);
        return new PgBox(new PgPoint(hx, hy), new PgPoint(lx, ly));
    }

    /// <summary>pair_count: the number of points, or -1 when the count of commas is even.</summary>
    private static int PairCount(string s)
    {
        var n = s.Count(c => c == ',');
        return n % 2 == 1 ? (n + 1) / 2 : -1;
    }

    public static PgPath ParsePath(string text)
    {
        var r = new Reader(text, "path");
        var npts = PairCount(text);
        if (npts <= 0) throw r.Bad();
        r.SkipSpace();
        var depth = 0;
        if (r.Cur == '(' && text.LastIndexOf('(') == r.Pos)
        {
            r.Pos++;
            depth++;
        }
        var pts = r.Points(true, npts, out var isOpen);
        if (depth >= 1)
        {
            if (r.Cur != ')') throw r.Bad();
            r.Pos++;
            r.SkipSpace();
        }
        if (!r.AtEnd) throw r.Bad();
        return new PgPath(!isOpen, pts);
    }

    public static PgPolygon ParsePolygon(string text)
    {
        var r = new Reader(text, "polygon");
        var npts = PairCount(text);
        if (npts <= 0) throw r.Bad();
        var pts = r.Points(false, npts, out _);
        if (!r.AtEnd) throw r.Bad();
        return new PgPolygon(pts);
    }

    public static PgLine ParseLine(string text)
    {
        var r = new Reader(text, "line");
        r.SkipSpace();
        if (r.Cur == '{')
        {
            r.Pos++;
            var a = r.Number();
            if (r.Cur != ',') throw r.Bad();
            r.Pos++;
            var b = r.Number();
            if (r.Cur != ',') throw r.Bad();
            r.Pos++;
            var c = r.Number();
            if (r.Cur != '}') throw r.Bad();
            r.Pos++;
            r.SkipSpace();
            if (!r.AtEnd) throw r.Bad();
            if (GeoFloat.FPzero(a) && GeoFloat.FPzero(b))
                throw new TenonException(SqlState.InvalidParameterValue, "invalid line specification: A and B cannot both be zero");
            return new PgLine(a, b, c);
        }
        var pts = r.Points(true, 2, out _);
        if (!r.AtEnd) throw r.Bad();
        if (GeoOps.PointEq(pts[0], pts[1]))
            throw new TenonException(SqlState.InvalidParameterValue, "invalid line specification: must be two distinct points");
        return GeoOps.LineThrough(pts[0], pts[1]);
    }

    public static PgCircle ParseCircle(string text)
    {
        var r = new Reader(text, "circle");
        r.SkipSpace();
        var depth = 0;
        if (r.Cur == '<')
        {
            depth++;
            r.Pos++;
        }
        else if (r.Cur == '(')
        {
            var cp = r.Pos + 1;
            while (cp < text.Length && IsSpace(text[cp])) cp++;
            if (cp < text.Length && text[cp] == '(')
            {
                depth++;
                r.Pos = cp;
            }
        }
        var center = r.Pair();
        if (r.Cur == ',') r.Pos++;
        var radius = r.Number();
        if (radius < 0) throw r.Bad();
        while (depth > 0)
        {
            if (r.Cur == ')' || (r.Cur == '>' && depth == 1))
            {
                depth--;
                r.Pos++;
                r.SkipSpace();
            }
            else throw r.Bad();
        }
        if (!r.AtEnd) throw r.Bad();
        return new PgCircle(center, radius);
    }
}
