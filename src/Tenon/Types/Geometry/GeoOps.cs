using Tenon.Errors;
using static Tenon.Types.GeoFloat;

namespace Tenon.Types;

/// <summary>
/// The geometric functions behind the operators and functions of PostgreSQL 15 (geo_ops.c),
/// written from its documented behaviour: fuzzy comparisons within EPSILON where PostgreSQL uses
/// them and exact ones where it does not, float8 arithmetic with its overflow checks, and the
/// same order of operations so results print with the same digits.
/// </summary>
internal static class GeoOps
{
    // ---- point ------------------------------------------------------------------------------

    public static bool PointEq(PgPoint a, PgPoint b) =>
        (FPeq(a.X, b.X) && FPeq(a.Y, b.Y)) || (Eq(a.X, b.X) && Eq(a.Y, b.Y));

    public static double Distance(PgPoint a, PgPoint b) => Hypot(Mi(a.X, b.X), Mi(a.Y, b.Y));

    /// <summary>point_sl: slope, +Infinity for a vertical pair.</summary>
    public static double Slope(PgPoint a, PgPoint b)
    {
        if (FPeq(a.X, b.X)) return double.PositiveInfinity;
        if (FPeq(a.Y, b.Y)) return 0.0;
        return GeoFloat.Div(Mi(a.Y, b.Y), Mi(a.X, b.X));
    }

    /// <summary>point_invsl: the slope perpendicular to the pair's.</summary>
    public static double InverseSlope(PgPoint a, PgPoint b)
    {
        if (FPeq(a.X, b.X)) return 0.0;
        if (FPeq(a.Y, b.Y)) return double.PositiveInfinity;
        return GeoFloat.Div(Mi(a.X, b.X), Mi(b.Y, a.Y));
    }

    public static PgPoint Add(PgPoint a, PgPoint b) => new(Pl(a.X, b.X), Pl(a.Y, b.Y));
    public static PgPoint Sub(PgPoint a, PgPoint b) => new(Mi(a.X, b.X), Mi(a.Y, b.Y));
    public static PgPoint Mul(PgPoint a, PgPoint b) =>
        new(Mi(GeoFloat.Mul(a.X, b.X), GeoFloat.Mul(a.Y, b.Y)), Pl(GeoFloat.Mul(a.X, b.Y), GeoFloat.Mul(a.Y, b.X)));

    public static PgPoint Div(PgPoint a, PgPoint b)
    {
        var d = Pl(GeoFloat.Mul(b.X, b.X), GeoFloat.Mul(b.Y, b.Y));
        return new(GeoFloat.Div(Pl(GeoFloat.Mul(a.X, b.X), GeoFloat.Mul(a.Y, b.Y)), d),
            GeoFloat.Div(Mi(GeoFloat.Mul(a.Y, b.X), GeoFloat.Mul(a.X, b.Y)), d));
    }

    // ---- line -------------------------------------------------------------------------------

    /// <summary>line_construct: the line through <paramref name="p"/> with slope <paramref name="m"/>.</summary>
    public static PgLine LineWithSlope(PgPoint p, double m)
    {
        if (double.IsInfinity(m)) return new PgLine(-1, 0, p.X);
        if (m == 0) return new PgLine(0, -1, p.Y);
        var c = Mi(p.Y, GeoFloat.Mul(m, p.X));
        return new PgLine(m, -1.0, c == 0.0 ? 0.0 : c);
    }

    public static PgLine LineThrough(PgPoint a, PgPoint b) => LineWithSlope(a, Slope(a, b));

    public static PgLine LineConstruct(PgPoint a, PgPoint b)
    {
        if (PointEq(a, b))
            throw new TenonException(SqlState.InvalidParameterValue, "invalid line specification: must be two distinct points");
        return LineThrough(a, b);
    }

    private static double LineSlope(PgLine l) => FPzero(l.A) ? 0.0 : FPzero(l.B) ? double.PositiveInfinity : GeoFloat.Div(l.A, -l.B);
    private static double LineInverseSlope(PgLine l) => FPzero(l.A) ? double.PositiveInfinity : FPzero(l.B) ? 0.0 : GeoFloat.Div(l.B, l.A);

    /// <summary>line_interpt_line: the intersection of two lines, or null when parallel.</summary>
    public static PgPoint? LineIntersection(PgLine l1, PgLine l2)
    {
        double x, y;
        if (!FPzero(l1.B))
        {
            if (FPeq(l2.A, GeoFloat.Mul(l1.A, GeoFloat.Div(l2.B, l1.B)))) return null;
            x = GeoFloat.Div(Mi(GeoFloat.Mul(l1.B, l2.C), GeoFloat.Mul(l2.B, l1.C)), Mi(GeoFloat.Mul(l1.A, l2.B), GeoFloat.Mul(l2.A, l1.B)));
            y = GeoFloat.Div(-Pl(GeoFloat.Mul(l1.A, x), l1.C), l1.B);
        }
        else if (!FPzero(l2.B))
        {
            if (FPeq(l1.A, GeoFloat.Mul(l2.A, GeoFloat.Div(l1.B, l2.B)))) return null;
            x = GeoFloat.Div(Mi(GeoFloat.Mul(l2.B, l1.C), GeoFloat.Mul(l1.B, l2.C)), Mi(GeoFloat.Mul(l2.A, l1.B), GeoFloat.Mul(l1.A, l2.B)));
            y = GeoFloat.Div(-Pl(GeoFloat.Mul(l2.A, x), l2.C), l2.B);
        }
        else return null;
        if (x == 0.0) x = 0.0;
        if (y == 0.0) y = 0.0;
        return new PgPoint(x, y);
    }

    /// <summary>line_closept_point: distance from a point to a line (NaN when no perpendicular foot is found).</summary>
    public static double LineClosest(PgLine line, PgPoint p, out PgPoint closest)
    {
        var perpendicular = LineWithSlope(p, LineInverseSlope(line));
        if (LineIntersection(perpendicular, line) is not { } foot)
        {
            closest = p;
            return double.NaN;
        }
        closest = foot;
        return Distance(foot, p);
    }

    public static bool LineEq(PgLine l1, PgLine l2)
    {
        if (double.IsNaN(l1.A) || double.IsNaN(l1.B) || double.IsNaN(l1.C) || double.IsNaN(l2.A) || double.IsNaN(l2.B) || double.IsNaN(l2.C))
            return Eq(l1.A, l2.A) && Eq(l1.B, l2.B) && Eq(l1.C, l2.C);
        var ratio = !FPzero(l2.A) ? GeoFloat.Div(l1.A, l2.A) : !FPzero(l2.B) ? GeoFloat.Div(l1.B, l2.B) : !FPzero(l2.C) ? GeoFloat.Div(l1.C, l2.C) : 1.0;
        return FPeq(l1.A, GeoFloat.Mul(ratio, l2.A)) && FPeq(l1.B, GeoFloat.Mul(ratio, l2.B)) && FPeq(l1.C, GeoFloat.Mul(ratio, l2.C));
    }

    public static bool LinePerpendicular(PgLine l1, PgLine l2)
    {
        if (FPzero(l1.A)) return FPzero(l2.B);
        if (FPzero(l2.A)) return FPzero(l1.B);
        if (FPzero(l1.B)) return FPzero(l2.A);
        if (FPzero(l2.B)) return FPzero(l1.A);
        return FPeq(GeoFloat.Div(GeoFloat.Mul(l1.A, l2.A), GeoFloat.Mul(l1.B, l2.B)), -1.0);
    }

    public static double LineDistance(PgLine l1, PgLine l2)
    {
        if (LineIntersection(l1, l2) is not null) return 0.0;
        double ratio;
        if (!FPzero(l1.A) && !double.IsNaN(l1.A) && !FPzero(l2.A) && !double.IsNaN(l2.A)) ratio = GeoFloat.Div(l1.A, l2.A);
        else if (!FPzero(l1.B) && !double.IsNaN(l1.B) && !FPzero(l2.B) && !double.IsNaN(l2.B)) ratio = GeoFloat.Div(l1.B, l2.B);
        else ratio = 1.0;
        return GeoFloat.Div(Math.Abs(Mi(l1.C, GeoFloat.Mul(ratio, l2.C))), Hypot(l1.A, l1.B));
    }

    public static bool PointOnLine(PgPoint p, PgLine l) => FPzero(Pl(Pl(GeoFloat.Mul(l.A, p.X), GeoFloat.Mul(l.B, p.Y)), l.C));

    // ---- lseg -------------------------------------------------------------------------------

    public static double Length(PgLseg s) => Distance(s.A, s.B);
    public static double LsegSlope(PgLseg s) => Slope(s.A, s.B);
    public static PgPoint Center(PgLseg s) => new(GeoFloat.Div(Pl(s.A.X, s.B.X), 2.0), GeoFloat.Div(Pl(s.A.Y, s.B.Y), 2.0));
    public static bool LsegEq(PgLseg a, PgLseg b) => PointEq(a.A, b.A) && PointEq(a.B, b.B);

    /// <summary>lseg_contain_point: the point lies on the segment (within EPSILON).</summary>
    public static bool LsegContains(PgLseg s, PgPoint p) => FPeq(Pl(Distance(s.A, p), Distance(p, s.B)), Distance(s.A, s.B));

    /// <summary>lseg_interpt_line: where the segment meets the line, or null.</summary>
    public static PgPoint? LsegLineIntersection(PgLseg s, PgLine line)
    {
        var tmp = LineWithSlope(s.A, LsegSlope(s));
        if (LineIntersection(tmp, line) is not { } p) return null;
        if (!LsegContains(s, p)) return null;
        if (PointEq(s.A, p)) return s.A;
        if (PointEq(s.B, p)) return s.B;
        return p;
    }

    /// <summary>lseg_interpt_lseg: where two segments meet, or null.</summary>
    public static PgPoint? LsegIntersection(PgLseg l1, PgLseg l2)
    {
        var tmp = LineWithSlope(l2.A, LsegSlope(l2));
        if (LsegLineIntersection(l1, tmp) is not { } p) return null;
        return LsegContains(l2, p) ? p : null;
    }

    /// <summary>lseg_closept_line.</summary>
    private static double LsegClosestToLine(PgLseg s, PgLine line, out PgPoint closest)
    {
        if (LsegLineIntersection(s, line) is { } p)
        {
            closest = p;
            return 0.0;
        }
        var d1 = LineClosest(line, s.A, out _);
        var d2 = LineClosest(line, s.B, out _);
        if (d1 < d2)
        {
            closest = s.A;
            return d1;
        }
        closest = s.B;
        return d2;
    }

    /// <summary>lseg_closept_point: distance from a point to a segment, and the closest point of it.</summary>
    public static double LsegClosest(PgLseg s, PgPoint p, out PgPoint closest)
    {
        var perpendicular = LineWithSlope(p, InverseSlope(s.A, s.B));
        LsegClosestToLine(s, perpendicular, out closest);
        return Distance(closest, p);
    }

    public static double LsegDistance(PgLseg a, PgLseg b)
    {
        if (LsegIntersection(a, b) is not null) return 0.0;
        var d = LsegClosest(a, b.A, out _);
        d = Min(d, LsegClosest(a, b.B, out _));
        d = Min(d, LsegClosest(b, a.A, out _));
        return Min(d, LsegClosest(b, a.B, out _));
    }

    // ---- box --------------------------------------------------------------------------------

    public static double Width(PgBox b) => Mi(b.High.X, b.Low.X);
    public static double Height(PgBox b) => Mi(b.High.Y, b.Low.Y);
    public static double Area(PgBox b) => GeoFloat.Mul(Width(b), Height(b));
    public static PgPoint Center(PgBox b) => new(GeoFloat.Div(Pl(b.High.X, b.Low.X), 2.0), GeoFloat.Div(Pl(b.High.Y, b.Low.Y), 2.0));

    /// <summary>box_construct: the box with these two corners in any order.</summary>
    public static PgBox BoxOf(PgPoint a, PgPoint b) => new(
        new PgPoint(Gt(a.X, b.X) ? a.X : b.X, Gt(a.Y, b.Y) ? a.Y : b.Y),
        new PgPoint(Gt(a.X, b.X) ? b.X : a.X, Gt(a.Y, b.Y) ? b.Y : a.Y));

    public static bool BoxSame(PgBox a, PgBox b) => PointEq(a.High, b.High) && PointEq(a.Low, b.Low);

    public static bool BoxOverlap(PgBox a, PgBox b) =>
        FPle(a.Low.X, b.High.X) && FPle(b.Low.X, a.High.X) && FPle(a.Low.Y, b.High.Y) && FPle(b.Low.Y, a.High.Y);

    public static bool BoxContainsBox(PgBox c, PgBox i) =>
        FPge(c.High.X, i.High.X) && FPle(c.Low.X, i.Low.X) && FPge(c.High.Y, i.High.Y) && FPle(c.Low.Y, i.Low.Y);

    public static bool BoxContainsPoint(PgBox b, PgPoint p) => b.High.X >= p.X && b.Low.X <= p.X && b.High.Y >= p.Y && b.Low.Y <= p.Y;

    public static PgBox? BoxIntersect(PgBox a, PgBox b) => !BoxOverlap(a, b) ? null : new PgBox(
        new PgPoint(Min(a.High.X, b.High.X), Min(a.High.Y, b.High.Y)), new PgPoint(Max(a.Low.X, b.Low.X), Max(a.Low.Y, b.Low.Y)));

    public static PgBox BoundBoxOf(PgBox a, PgBox b) => new(
        new PgPoint(Max(a.High.X, b.High.X), Max(a.High.Y, b.High.Y)), new PgPoint(Min(a.Low.X, b.Low.X), Min(a.Low.Y, b.Low.Y)));

    /// <summary>make_bound_box: the bounding box of a polygon's points.</summary>
    public static PgBox BoundBox(PgPoint[] points)
    {
        if (points.Length == 0) return new PgBox(new PgPoint(0, 0), new PgPoint(0, 0));
        double x1 = points[0].X, x2 = x1, y1 = points[0].Y, y2 = y1;
        foreach (var p in points.AsSpan(1))
        {
            if (Lt(p.X, x1)) x1 = p.X;
            if (Gt(p.X, x2)) x2 = p.X;
            if (Lt(p.Y, y1)) y1 = p.Y;
            if (Gt(p.Y, y2)) y2 = p.Y;
        }
        return PgBox.Of(x1, x2, y1, y2);
    }

    /// <summary>box_closept_point: distance from a point to a box (0 inside) and the closest point.</summary>
    public static double BoxClosest(PgBox box, PgPoint p, out PgPoint closest)
    {
        if (BoxContainsPoint(box, p))
        {
            closest = p;
            return 0.0;
        }
        var corner = new PgPoint(box.Low.X, box.High.Y);
        var dist = LsegClosest(new PgLseg(box.Low, corner), p, out closest);
        var d = LsegClosest(new PgLseg(box.High, corner), p, out var c);
        if (Lt(d, dist)) { dist = d; closest = c; }
        corner = new PgPoint(box.High.X, box.Low.Y);
        d = LsegClosest(new PgLseg(box.Low, corner), p, out c);
        if (Lt(d, dist)) { dist = d; closest = c; }
        d = LsegClosest(new PgLseg(box.High, corner), p, out c);
        if (Lt(d, dist)) { dist = d; closest = c; }
        return dist;
    }

    public static PgPolygon BoxPolygon(PgBox b) => new([
        new PgPoint(b.Low.X, b.Low.Y), new PgPoint(b.Low.X, b.High.Y), new PgPoint(b.High.X, b.High.Y), new PgPoint(b.High.X, b.Low.Y)]);

    public static PgCircle BoxCircle(PgBox b)
    {
        var center = Center(b);
        return new PgCircle(center, Distance(center, b.High));
    }

    // ---- path and polygon -------------------------------------------------------------------

    public static double PathLength(PgPath path)
    {
        var result = 0.0;
        for (var i = 0; i < path.Points.Length; i++)
        {
            int prev;
            if (i > 0) prev = i - 1;
            else if (!path.Closed) continue;
            else prev = path.Points.Length - 1;
            result = Pl(result, Distance(path.Points[prev], path.Points[i]));
        }
        return result;
    }

    public static double? PathArea(PgPath path)
    {
        if (!path.Closed) return null;
        var area = 0.0;
        var pts = path.Points;
        for (var i = 0; i < pts.Length; i++)
        {
            var j = (i + 1) % pts.Length;
            area = Pl(area, GeoFloat.Mul(pts[i].X, pts[j].Y));
            area = Mi(area, GeoFloat.Mul(pts[i].Y, pts[j].X));
        }
        return GeoFloat.Div(area < 0 ? -area : area, 2.0);
    }

    /// <summary>dist_ppath: the distance from a point to the nearest segment of a path (null for no segment).</summary>
    public static double? PathDistance(PgPath path, PgPoint p)
    {
        double? result = null;
        var pts = path.Points;
        for (var i = 0; i < pts.Length; i++)
        {
            int prev;
            if (i > 0) prev = i - 1;
            else if (!path.Closed) continue;
            else prev = pts.Length - 1;
            var d = LsegClosest(new PgLseg(pts[prev], pts[i]), p, out _);
            if (result is null || Lt(d, result.Value)) result = d;
        }
        return result;
    }

    public static bool PointOnPath(PgPoint p, PgPath path)
    {
        var pts = path.Points;
        if (!path.Closed)
        {
            var a = Distance(p, pts[0]);
            for (var i = 0; i < pts.Length - 1; i++)
            {
                var b = Distance(p, pts[i + 1]);
                if (FPeq(Pl(a, b), Distance(pts[i], pts[i + 1]))) return true;
                a = b;
            }
            return false;
        }
        return PointInside(p, pts) != 0;
    }

    private const int PointOnPolygon = int.MaxValue;

    /// <summary>point_inside: 0 outside, 1 inside, 2 on the boundary (winding crossings).</summary>
    public static int PointInside(PgPoint p, PgPoint[] list)
    {
        var x0 = Mi(list[0].X, p.X);
        var y0 = Mi(list[0].Y, p.Y);
        double prevX = x0, prevY = y0;
        var total = 0;
        for (var i = 1; i < list.Length; i++)
        {
            var x = Mi(list[i].X, p.X);
            var y = Mi(list[i].Y, p.Y);
            var cross = LsegCrossing(x, y, prevX, prevY);
            if (cross == PointOnPolygon) return 2;
            total += cross;
            prevX = x;
            prevY = y;
        }
        var last = LsegCrossing(x0, y0, prevX, prevY);
        if (last == PointOnPolygon) return 2;
        total += last;
        return total != 0 ? 1 : 0;
    }

    private static int LsegCrossing(double x, double y, double prevX, double prevY)
    {
        if (FPzero(y))
        {
            if (FPzero(x)) return PointOnPolygon;
            if (FPgt(x, 0))
            {
                if (FPzero(prevY)) return FPgt(prevX, 0.0) ? 0 : PointOnPolygon;
                return FPlt(prevY, 0.0) ? 1 : -1;
            }
            if (FPzero(prevY)) return FPlt(prevX, 0.0) ? 0 : PointOnPolygon;
            return 0;
        }
        var ySign = FPgt(y, 0.0) ? 1 : -1;
        if (FPzero(prevY)) return FPlt(prevX, 0.0) ? 0 : ySign;
        if ((ySign < 0 && FPlt(prevY, 0.0)) || (ySign > 0 && FPgt(prevY, 0.0))) return 0;
        if (FPge(x, 0.0) && FPgt(prevX, 0.0)) return 2 * ySign;
        if (FPlt(x, 0.0) && FPle(prevX, 0.0)) return 0;
        var z = Mi(GeoFloat.Mul(Mi(x, prevX), y), GeoFloat.Mul(Mi(y, prevY), x));
        if (FPzero(z)) return PointOnPolygon;
        if ((ySign < 0 && FPlt(z, 0.0)) || (ySign > 0 && FPgt(z, 0.0))) return 0;
        return 2 * ySign;
    }

    public static bool PolygonContainsPoint(PgPolygon poly, PgPoint p) => PointInside(p, poly.Points) != 0;

    /// <summary>dist_ppoly_internal: 0 inside, else the distance to the nearest edge.</summary>
    public static double PolygonDistance(PgPolygon poly, PgPoint p)
    {
        var pts = poly.Points;
        if (PointInside(p, pts) != 0) return 0.0;
        var result = LsegClosest(new PgLseg(pts[0], pts[^1]), p, out _);
        for (var i = 0; i < pts.Length - 1; i++)
        {
            var d = LsegClosest(new PgLseg(pts[i], pts[i + 1]), p, out _);
            if (Lt(d, result)) result = d;
        }
        return result;
    }

    public static bool PolygonOverlap(PgPolygon a, PgPolygon b)
    {
        if (!BoxOverlap(a.BoundBox, b.BoundBox)) return false;
        var sa0 = a.Points[^1];
        foreach (var sa1 in a.Points)
        {
            var sb0 = b.Points[^1];
            foreach (var sb1 in b.Points)
            {
                if (LsegIntersection(new PgLseg(sa0, sa1), new PgLseg(sb0, sb1)) is not null) return true;
                sb0 = sb1;
            }
            sa0 = sa1;
        }
        return PointInside(a.Points[0], b.Points) != 0 || PointInside(b.Points[0], a.Points) != 0;
    }

    /// <summary>plist_same: the same vertices in the same cyclic order, either direction.</summary>
    public static bool PolygonSame(PgPolygon a, PgPolygon b)
    {
        var p1 = a.Points;
        var p2 = b.Points;
        var n = p1.Length;
        if (n != p2.Length) return false;
        if (n == 0) return true;
        for (var i = 0; i < n; i++)
        {
            if (!PointEq(p2[i], p1[0])) continue;
            int ii, j;
            for (ii = 1, j = i + 1; ii < n; ii++, j++)
            {
                if (j >= n) j = 0;
                if (!PointEq(p2[j], p1[ii])) break;
            }
            if (ii == n) return true;
            for (ii = 1, j = i - 1; ii < n; ii++, j--)
            {
                if (j < 0) j = n - 1;
                if (!PointEq(p2[j], p1[ii])) break;
            }
            if (ii == n) return true;
        }
        return false;
    }

    /// <summary>poly_to_circle: the mean of the vertices and their mean distance from it; null without vertices.</summary>
    public static PgCircle? PolygonCircle(PgPolygon poly)
    {
        var n = poly.Points.Length;
        if (n == 0) return null;
        double x = 0, y = 0;
        foreach (var p in poly.Points)
        {
            x = Pl(x, p.X);
            y = Pl(y, p.Y);
        }
        var center = new PgPoint(GeoFloat.Div(x, n), GeoFloat.Div(y, n));
        var r = 0.0;
        foreach (var p in poly.Points) r = Pl(r, Distance(p, center));
        return new PgCircle(center, GeoFloat.Div(r, n));
    }

    // ---- circle -----------------------------------------------------------------------------

    public static double Area(PgCircle c) => GeoFloat.Mul(GeoFloat.Mul(c.Radius, c.Radius), Math.PI);

    public static bool CircleSame(PgCircle a, PgCircle b) =>
        ((double.IsNaN(a.Radius) && double.IsNaN(b.Radius)) || FPeq(a.Radius, b.Radius)) && PointEq(a.Center, b.Center);

    public static double CircleDistance(PgCircle a, PgCircle b)
    {
        var r = Mi(Distance(a.Center, b.Center), Pl(a.Radius, b.Radius));
        return r < 0 ? 0 : r;
    }

    public static double CirclePointDistance(PgCircle c, PgPoint p)
    {
        var r = Mi(Distance(p, c.Center), c.Radius);
        return r < 0 ? 0 : r;
    }

    public static bool CircleContainsPoint(PgCircle c, PgPoint p) => Distance(c.Center, p) <= c.Radius;

    public static PgBox CircleBox(PgCircle c)
    {
        var delta = GeoFloat.Div(c.Radius, Math.Sqrt(2.0));
        return new PgBox(new PgPoint(Pl(c.Center.X, delta), Pl(c.Center.Y, delta)), new PgPoint(Mi(c.Center.X, delta), Mi(c.Center.Y, delta)));
    }

    public static PgPolygon CirclePolygon(int n, PgCircle c)
    {
        if (FPzero(c.Radius))
            throw new TenonException(SqlState.FeatureNotSupported, "cannot convert circle with radius zero to polygon");
        if (n < 2)
            throw new TenonException(SqlState.InvalidParameterValue, "must request at least 2 points");
        var step = GeoFloat.Div(2.0 * Math.PI, n);
        var pts = new PgPoint[n];
        for (var i = 0; i < n; i++)
        {
            var angle = GeoFloat.Mul(step, i);
            pts[i] = new PgPoint(Mi(c.Center.X, GeoFloat.Mul(c.Radius, Math.Cos(angle))), Pl(c.Center.Y, GeoFloat.Mul(c.Radius, Math.Sin(angle))));
        }
        return new PgPolygon(pts);
    }
}
