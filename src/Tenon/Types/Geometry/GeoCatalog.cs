using Tenon.Errors;
using static Tenon.Types.GeoFloat;

namespace Tenon.Types;

/// <summary>
/// PostgreSQL 15's geometric functions (pg_proc) and operators (pg_operator), each as one entry:
/// name, argument types, result type and body (a null result is SQL NULL). Operators name the
/// function they run, as oprcode does, so <c>box_overlap(a, b)</c> and <c>a &amp;&amp; b</c> are the same
/// entry. Resolution (<see cref="ResolveOperator"/>, <see cref="ResolveFunction"/>) takes exact
/// argument types; an unknown literal takes the other operand's type first, else the only
/// candidate's, as PostgreSQL's operator resolution ends up doing for these types.
/// </summary>
public static class GeoCatalog
{
    public sealed record Entry(string Name, SqlType[] Args, SqlType Result, Func<object[], object?> Body);

    private static readonly SqlType Pt = SqlType.Point, Ls = SqlType.Lseg, Pa = SqlType.Path, Bx = SqlType.Box,
        Po = SqlType.Polygon, Li = SqlType.Line, Ci = SqlType.Circle, F8 = SqlType.Float8, B = SqlType.Bool, I4 = SqlType.Int4;

    private static readonly Dictionary<string, List<Entry>> Functions = new();
    private static readonly Dictionary<string, List<(Entry Entry, bool Prefix)>> OperatorTable = new();

    private static Entry F(string name, SqlType[] args, SqlType result, Func<object[], object?> body)
    {
        var e = new Entry(name, args, result, body);
        if (!Functions.TryGetValue(name, out var list)) Functions[name] = list = [];
        list.Add(e);
        return e;
    }

    private static void Op(string op, Entry e, bool prefix = false)
    {
        if (!OperatorTable.TryGetValue(op, out var list)) OperatorTable[op] = list = [];
        list.Add((e, prefix));
    }

    // Binary function with typed arguments.
    private static Entry F2<TA, TB>(string name, SqlType a, SqlType b, SqlType result, Func<TA, TB, object?> body) =>
        F(name, [a, b], result, v => body((TA)v[0], (TB)v[1]));

    private static Entry F1<TA>(string name, SqlType a, SqlType result, Func<TA, object?> body) =>
        F(name, [a], result, v => body((TA)v[0]));

    static GeoCatalog()
    {
        // ---- point
        Op("~=", F2<PgPoint, PgPoint>("point_eq", Pt, Pt, B, (a, b) => GeoOps.PointEq(a, b)));
        Op("<>", F2<PgPoint, PgPoint>("point_ne", Pt, Pt, B, (a, b) => !GeoOps.PointEq(a, b)));
        Op("<<", F2<PgPoint, PgPoint>("point_left", Pt, Pt, B, (a, b) => FPlt(a.X, b.X)));
        Op(">>", F2<PgPoint, PgPoint>("point_right", Pt, Pt, B, (a, b) => FPgt(a.X, b.X)));
        var above = F2<PgPoint, PgPoint>("point_above", Pt, Pt, B, (a, b) => FPgt(a.Y, b.Y));
        Op(">^", above); Op("|>>", above);
        var below = F2<PgPoint, PgPoint>("point_below", Pt, Pt, B, (a, b) => FPlt(a.Y, b.Y));
        Op("<^", below); Op("<<|", below);
        var vert = F2<PgPoint, PgPoint>("point_vert", Pt, Pt, B, (a, b) => FPeq(a.X, b.X));
        Op("?|", vert); F(("isvertical"), [Pt, Pt], B, vert.Body);
        var horiz = F2<PgPoint, PgPoint>("point_horiz", Pt, Pt, B, (a, b) => FPeq(a.Y, b.Y));
        Op("?-", horiz); F("ishorizontal", [Pt, Pt], B, horiz.Body);
        Op("<->", F2<PgPoint, PgPoint>("point_distance", Pt, Pt, F8, (a, b) => GeoOps.Distance(a, b)));
        F2<PgPoint, PgPoint>("slope", Pt, Pt, F8, (a, b) => GeoOps.Slope(a, b));
        Op("+", F2<PgPoint, PgPoint>("point_add", Pt, Pt, Pt, (a, b) => GeoOps.Add(a, b)));
        Op("-", F2<PgPoint, PgPoint>("point_sub", Pt, Pt, Pt, (a, b) => GeoOps.Sub(a, b)));
        Op("*", F2<PgPoint, PgPoint>("point_mul", Pt, Pt, Pt, (a, b) => GeoOps.Mul(a, b)));
        Op("/", F2<PgPoint, PgPoint>("point_div", Pt, Pt, Pt, (a, b) => GeoOps.Div(a, b)));
        F2<double, double>("point", F8, F8, Pt, (x, y) => new PgPoint(x, y));
        F1<PgBox>("point", Bx, Pt, GeoOps.Center);
        F1<PgCircle>("point", Ci, Pt, c => c.Center);
        F1<PgLseg>("point", Ls, Pt, GeoOps.Center);
        F1<PgPolygon>("point", Po, Pt, GeometryCasts.PolygonCenter);
        Op("<@", F2<PgPoint, PgBox>("on_pb", Pt, Bx, B, (p, b) => GeoOps.BoxContainsPoint(b, p)));
        Op("<@", F2<PgPoint, PgLseg>("on_ps", Pt, Ls, B, (p, s) => GeoOps.LsegContains(s, p)));
        Op("<@", F2<PgPoint, PgLine>("on_pl", Pt, Li, B, (p, l) => GeoOps.PointOnLine(p, l)));
        Op("<@", F2<PgPoint, PgPath>("on_ppath", Pt, Pa, B, (p, path) => GeoOps.PointOnPath(p, path)));
        Op("<@", F2<PgPoint, PgPolygon>("pt_contained_poly", Pt, Po, B, (p, poly) => GeoOps.PolygonContainsPoint(poly, p)));
        Op("<@", F2<PgPoint, PgCircle>("pt_contained_circle", Pt, Ci, B, (p, c) => GeoOps.CircleContainsPoint(c, p)));
        Op("<->", F2<PgPoint, PgLseg>("dist_ps", Pt, Ls, F8, (p, s) => GeoOps.LsegClosest(s, p, out _)));
        Op("<->", F2<PgLseg, PgPoint>("dist_sp", Ls, Pt, F8, (s, p) => GeoOps.LsegClosest(s, p, out _)));
        Op("<->", F2<PgPoint, PgBox>("dist_pb", Pt, Bx, F8, (p, b) => GeoOps.BoxClosest(b, p, out _)));
        Op("<->", F2<PgBox, PgPoint>("dist_bp", Bx, Pt, F8, (b, p) => GeoOps.BoxClosest(b, p, out _)));
        Op("<->", F2<PgPoint, PgLine>("dist_pl", Pt, Li, F8, (p, l) => GeoOps.LineClosest(l, p, out _)));
        Op("<->", F2<PgLine, PgPoint>("dist_lp", Li, Pt, F8, (l, p) => GeoOps.LineClosest(l, p, out _)));
        Op("<->", F2<PgPoint, PgPath>("dist_ppath", Pt, Pa, F8, (p, path) => GeoOps.PathDistance(path, p)));
        Op("<->", F2<PgPath, PgPoint>("dist_pathp", Pa, Pt, F8, (path, p) => GeoOps.PathDistance(path, p)));
        Op("<->", F2<PgPoint, PgPolygon>("dist_ppoly", Pt, Po, F8, (p, poly) => GeoOps.PolygonDistance(poly, p)));
        Op("<->", F2<PgPolygon, PgPoint>("dist_polyp", Po, Pt, F8, (poly, p) => GeoOps.PolygonDistance(poly, p)));
        Op("<->", F2<PgPoint, PgCircle>("dist_pc", Pt, Ci, F8, (p, c) => GeoOps.CirclePointDistance(c, p)));
        Op("<->", F2<PgCircle, PgPoint>("dist_cpoint", Ci, Pt, F8, (c, p) => GeoOps.CirclePointDistance(c, p)));
        Op("##", F2<PgPoint, PgLseg>("close_ps", Pt, Ls, Pt, (p, s) => double.IsNaN(GeoOps.LsegClosest(s, p, out var c)) ? null : c));
        Op("##", F2<PgPoint, PgBox>("close_pb", Pt, Bx, Pt, (p, b) => double.IsNaN(GeoOps.BoxClosest(b, p, out var c)) ? null : c));
        Op("##", F2<PgPoint, PgLine>("close_pl", Pt, Li, Pt, (p, l) => double.IsNaN(GeoOps.LineClosest(l, p, out var c)) ? null : c));

        // ---- lseg
        F2<PgPoint, PgPoint>("lseg", Pt, Pt, Ls, (a, b) => new PgLseg(a, b));
        F1<PgBox>("lseg", Bx, Ls, b => new PgLseg(b.High, b.Low));
        Op("=", F2<PgLseg, PgLseg>("lseg_eq", Ls, Ls, B, (a, b) => GeoOps.LsegEq(a, b)));
        Op("<>", F2<PgLseg, PgLseg>("lseg_ne", Ls, Ls, B, (a, b) => !GeoOps.LsegEq(a, b)));
        Op("<", F2<PgLseg, PgLseg>("lseg_lt", Ls, Ls, B, (a, b) => FPlt(GeoOps.Length(a), GeoOps.Length(b))));
        Op("<=", F2<PgLseg, PgLseg>("lseg_le", Ls, Ls, B, (a, b) => FPle(GeoOps.Length(a), GeoOps.Length(b))));
        Op(">", F2<PgLseg, PgLseg>("lseg_gt", Ls, Ls, B, (a, b) => FPgt(GeoOps.Length(a), GeoOps.Length(b))));
        Op(">=", F2<PgLseg, PgLseg>("lseg_ge", Ls, Ls, B, (a, b) => FPge(GeoOps.Length(a), GeoOps.Length(b))));
        var lsegLength = F1<PgLseg>("lseg_length", Ls, F8, s => GeoOps.Length(s));
        Op("@-@", lsegLength, prefix: true); F("length", [Ls], F8, lsegLength.Body);
        Op("@@", F1<PgLseg>("lseg_center", Ls, Pt, GeoOps.Center), prefix: true);
        var lsegVertical = F1<PgLseg>("lseg_vertical", Ls, B, s => FPeq(s.A.X, s.B.X));
        Op("?|", lsegVertical, prefix: true); F("isvertical", [Ls], B, lsegVertical.Body);
        var lsegHorizontal = F1<PgLseg>("lseg_horizontal", Ls, B, s => FPeq(s.A.Y, s.B.Y));
        Op("?-", lsegHorizontal, prefix: true); F("ishorizontal", [Ls], B, lsegHorizontal.Body);
        var lsegParallel = F2<PgLseg, PgLseg>("lseg_parallel", Ls, Ls, B, (a, b) => FPeq(GeoOps.LsegSlope(a), GeoOps.LsegSlope(b)));
        Op("?||", lsegParallel); F("isparallel", [Ls, Ls], B, lsegParallel.Body);
        var lsegPerp = F2<PgLseg, PgLseg>("lseg_perp", Ls, Ls, B, (a, b) => FPeq(GeoOps.LsegSlope(a), GeoOps.InverseSlope(b.A, b.B)));
        Op("?-|", lsegPerp); F("isperp", [Ls, Ls], B, lsegPerp.Body);
        Op("?#", F2<PgLseg, PgLseg>("lseg_intersect", Ls, Ls, B, (a, b) => GeoOps.LsegIntersection(a, b) is not null));
        Op("#", F2<PgLseg, PgLseg>("lseg_interpt", Ls, Ls, Pt, (a, b) => GeoOps.LsegIntersection(a, b)));
        Op("<->", F2<PgLseg, PgLseg>("lseg_distance", Ls, Ls, F8, (a, b) => GeoOps.LsegDistance(a, b)));
        Op("<@", F2<PgLseg, PgBox>("on_sb", Ls, Bx, B, (s, b) => GeoOps.BoxContainsPoint(b, s.A) && GeoOps.BoxContainsPoint(b, s.B)));
        Op("<@", F2<PgLseg, PgLine>("on_sl", Ls, Li, B, (s, l) => GeoOps.PointOnLine(s.A, l) && GeoOps.PointOnLine(s.B, l)));
        Op("?#", F2<PgLseg, PgLine>("inter_sl", Ls, Li, B, (s, l) => GeoOps.LsegLineIntersection(s, l) is not null));

        // ---- line
        F2<PgPoint, PgPoint>("line", Pt, Pt, Li, GeoOps.LineConstruct);
        Op("=", F2<PgLine, PgLine>("line_eq", Li, Li, B, (a, b) => GeoOps.LineEq(a, b)));
        var lineVertical = F1<PgLine>("line_vertical", Li, B, l => FPzero(l.B));
        Op("?|", lineVertical, prefix: true); F("isvertical", [Li], B, lineVertical.Body);
        var lineHorizontal = F1<PgLine>("line_horizontal", Li, B, l => FPzero(l.A));
        Op("?-", lineHorizontal, prefix: true); F("ishorizontal", [Li], B, lineHorizontal.Body);
        var lineParallel = F2<PgLine, PgLine>("line_parallel", Li, Li, B, (a, b) => GeoOps.LineIntersection(a, b) is null);
        Op("?||", lineParallel); F("isparallel", [Li, Li], B, lineParallel.Body);
        var linePerp = F2<PgLine, PgLine>("line_perp", Li, Li, B, (a, b) => GeoOps.LinePerpendicular(a, b));
        Op("?-|", linePerp); F("isperp", [Li, Li], B, linePerp.Body);
        Op("?#", F2<PgLine, PgLine>("line_intersect", Li, Li, B, (a, b) => GeoOps.LineIntersection(a, b) is not null));
        Op("#", F2<PgLine, PgLine>("line_interpt", Li, Li, Pt, (a, b) => GeoOps.LineIntersection(a, b)));
        Op("<->", F2<PgLine, PgLine>("line_distance", Li, Li, F8, (a, b) => GeoOps.LineDistance(a, b)));

        // ---- box
        F1<PgPoint>("box", Pt, Bx, p => new PgBox(p, p));
        F2<PgPoint, PgPoint>("box", Pt, Pt, Bx, GeoOps.BoxOf);
        F1<PgCircle>("box", Ci, Bx, GeoOps.CircleBox);
        F1<PgPolygon>("box", Po, Bx, p => p.BoundBox);
        Op("~=", F2<PgBox, PgBox>("box_same", Bx, Bx, B, (a, b) => GeoOps.BoxSame(a, b)));
        var overlap = F2<PgBox, PgBox>("box_overlap", Bx, Bx, B, (a, b) => GeoOps.BoxOverlap(a, b));
        Op("&&", overlap); Op("?#", overlap);
        Op("<<", F2<PgBox, PgBox>("box_left", Bx, Bx, B, (a, b) => FPlt(a.High.X, b.Low.X)));
        Op("&<", F2<PgBox, PgBox>("box_overleft", Bx, Bx, B, (a, b) => FPle(a.High.X, b.High.X)));
        Op(">>", F2<PgBox, PgBox>("box_right", Bx, Bx, B, (a, b) => FPgt(a.Low.X, b.High.X)));
        Op("&>", F2<PgBox, PgBox>("box_overright", Bx, Bx, B, (a, b) => FPge(a.Low.X, b.Low.X)));
        Op("<<|", F2<PgBox, PgBox>("box_below", Bx, Bx, B, (a, b) => FPlt(a.High.Y, b.Low.Y)));
        Op("&<|", F2<PgBox, PgBox>("box_overbelow", Bx, Bx, B, (a, b) => FPle(a.High.Y, b.High.Y)));
        Op("|>>", F2<PgBox, PgBox>("box_above", Bx, Bx, B, (a, b) => FPgt(a.Low.Y, b.High.Y)));
        Op("|&>", F2<PgBox, PgBox>("box_overabove", Bx, Bx, B, (a, b) => FPge(a.Low.Y, b.Low.Y)));
        Op("<^", F2<PgBox, PgBox>("box_below_eq", Bx, Bx, B, (a, b) => FPle(a.High.Y, b.Low.Y)));
        Op(">^", F2<PgBox, PgBox>("box_above_eq", Bx, Bx, B, (a, b) => FPge(a.Low.Y, b.High.Y)));
        Op("<@", F2<PgBox, PgBox>("box_contained", Bx, Bx, B, (a, b) => GeoOps.BoxContainsBox(b, a)));
        Op("@>", F2<PgBox, PgBox>("box_contain", Bx, Bx, B, (a, b) => GeoOps.BoxContainsBox(a, b)));
        Op("@>", F2<PgBox, PgPoint>("box_contain_pt", Bx, Pt, B, (a, b) => GeoOps.BoxContainsPoint(a, b)));
        Op("<", F2<PgBox, PgBox>("box_lt", Bx, Bx, B, (a, b) => FPlt(GeoOps.Area(a), GeoOps.Area(b))));
        Op("<=", F2<PgBox, PgBox>("box_le", Bx, Bx, B, (a, b) => FPle(GeoOps.Area(a), GeoOps.Area(b))));
        Op("=", F2<PgBox, PgBox>("box_eq", Bx, Bx, B, (a, b) => FPeq(GeoOps.Area(a), GeoOps.Area(b))));
        Op(">", F2<PgBox, PgBox>("box_gt", Bx, Bx, B, (a, b) => FPgt(GeoOps.Area(a), GeoOps.Area(b))));
        Op(">=", F2<PgBox, PgBox>("box_ge", Bx, Bx, B, (a, b) => FPge(GeoOps.Area(a), GeoOps.Area(b))));
        var boxArea = F1<PgBox>("box_area", Bx, F8, b => GeoOps.Area(b));
        F("area", [Bx], F8, boxArea.Body);
        var boxWidth = F1<PgBox>("box_width", Bx, F8, b => GeoOps.Width(b));
        F("width", [Bx], F8, boxWidth.Body);
        var boxHeight = F1<PgBox>("box_height", Bx, F8, b => GeoOps.Height(b));
        F("height", [Bx], F8, boxHeight.Body);
        var boxCenter = F1<PgBox>("box_center", Bx, Pt, GeoOps.Center);
        Op("@@", boxCenter, prefix: true); F("center", [Bx], Pt, boxCenter.Body);
        Op("<->", F2<PgBox, PgBox>("box_distance", Bx, Bx, F8, (a, b) => GeoOps.Distance(GeoOps.Center(a), GeoOps.Center(b))));
        Op("#", F2<PgBox, PgBox>("box_intersect", Bx, Bx, Bx, GeoOps.BoxIntersect));
        F2<PgBox, PgBox>("bound_box", Bx, Bx, Bx, GeoOps.BoundBoxOf);
        var diagonal = F1<PgBox>("box_diagonal", Bx, Ls, b => new PgLseg(b.High, b.Low));
        F("diagonal", [Bx], Ls, diagonal.Body);
        Op("+", F2<PgBox, PgPoint>("box_add", Bx, Pt, Bx, (b, p) => new PgBox(GeoOps.Add(b.High, p), GeoOps.Add(b.Low, p))));
        Op("-", F2<PgBox, PgPoint>("box_sub", Bx, Pt, Bx, (b, p) => new PgBox(GeoOps.Sub(b.High, p), GeoOps.Sub(b.Low, p))));
        Op("*", F2<PgBox, PgPoint>("box_mul", Bx, Pt, Bx, (b, p) => GeoOps.BoxOf(GeoOps.Mul(b.High, p), GeoOps.Mul(b.Low, p))));
        Op("/", F2<PgBox, PgPoint>("box_div", Bx, Pt, Bx, (b, p) => GeoOps.BoxOf(GeoOps.Div(b.High, p), GeoOps.Div(b.Low, p))));

        // ---- path
        F1<PgPolygon>("path", Po, Pa, p => new PgPath(true, p.Points));
        var npointsPath = F1<PgPath>("path_npoints", Pa, I4, p => p.Points.Length);
        Op("#", npointsPath, prefix: true); F("npoints", [Pa], I4, npointsPath.Body);
        F1<PgPath>("isclosed", Pa, B, p => p.Closed);
        F1<PgPath>("isopen", Pa, B, p => !p.Closed);
        F1<PgPath>("pclose", Pa, Pa, p => new PgPath(true, p.Points));
        F1<PgPath>("popen", Pa, Pa, p => new PgPath(false, p.Points));
        var pathLength = F1<PgPath>("path_length", Pa, F8, p => GeoOps.PathLength(p));
        Op("@-@", pathLength, prefix: true); F("length", [Pa], F8, pathLength.Body);
        F1<PgPath>("area", Pa, F8, p => GeoOps.PathArea(p));
        Op("<", F2<PgPath, PgPath>("path_n_lt", Pa, Pa, B, (a, b) => a.Points.Length < b.Points.Length));
        Op("<=", F2<PgPath, PgPath>("path_n_le", Pa, Pa, B, (a, b) => a.Points.Length <= b.Points.Length));
        Op("=", F2<PgPath, PgPath>("path_n_eq", Pa, Pa, B, (a, b) => a.Points.Length == b.Points.Length));
        Op(">", F2<PgPath, PgPath>("path_n_gt", Pa, Pa, B, (a, b) => a.Points.Length > b.Points.Length));
        Op(">=", F2<PgPath, PgPath>("path_n_ge", Pa, Pa, B, (a, b) => a.Points.Length >= b.Points.Length));
        Op("@>", F2<PgPath, PgPoint>("path_contain_pt", Pa, Pt, B, (path, p) => GeoOps.PointOnPath(p, path)));
        Op("+", F2<PgPath, PgPath>("path_add", Pa, Pa, Pa, (a, b) => a.Closed || b.Closed ? null : new PgPath(false, [.. a.Points, .. b.Points])));
        Op("+", F2<PgPath, PgPoint>("path_add_pt", Pa, Pt, Pa, (path, p) => new PgPath(path.Closed, path.Points.Select(q => GeoOps.Add(q, p)).ToArray())));
        Op("-", F2<PgPath, PgPoint>("path_sub_pt", Pa, Pt, Pa, (path, p) => new PgPath(path.Closed, path.Points.Select(q => GeoOps.Sub(q, p)).ToArray())));
        Op("*", F2<PgPath, PgPoint>("path_mul_pt", Pa, Pt, Pa, (path, p) => new PgPath(path.Closed, path.Points.Select(q => GeoOps.Mul(q, p)).ToArray())));
        Op("/", F2<PgPath, PgPoint>("path_div_pt", Pa, Pt, Pa, (path, p) => new PgPath(path.Closed, path.Points.Select(q => GeoOps.Div(q, p)).ToArray())));

        // ---- polygon
        F1<PgBox>("polygon", Bx, Po, GeoOps.BoxPolygon);
        F1<PgPath>("polygon", Pa, Po, GeometryCasts.PathToPolygon);
        F1<PgCircle>("polygon", Ci, Po, c => GeoOps.CirclePolygon(12, c));
        F2<int, PgCircle>("polygon", I4, Ci, Po, GeoOps.CirclePolygon);
        var npointsPoly = F1<PgPolygon>("poly_npoints", Po, I4, p => p.Points.Length);
        Op("#", npointsPoly, prefix: true); F("npoints", [Po], I4, npointsPoly.Body);
        Op("@@", F1<PgPolygon>("poly_center", Po, Pt, GeometryCasts.PolygonCenter), prefix: true);
        Op("~=", F2<PgPolygon, PgPolygon>("poly_same", Po, Po, B, (a, b) => GeoOps.PolygonSame(a, b)));
        Op("&&", F2<PgPolygon, PgPolygon>("poly_overlap", Po, Po, B, (a, b) => GeoOps.PolygonOverlap(a, b)));
        Op("@>", F2<PgPolygon, PgPoint>("poly_contain_pt", Po, Pt, B, (a, b) => GeoOps.PolygonContainsPoint(a, b)));
        Op("<<", F2<PgPolygon, PgPolygon>("poly_left", Po, Po, B, (a, b) => a.BoundBox.High.X < b.BoundBox.Low.X));
        Op("&<", F2<PgPolygon, PgPolygon>("poly_overleft", Po, Po, B, (a, b) => a.BoundBox.High.X <= b.BoundBox.High.X));
        Op(">>", F2<PgPolygon, PgPolygon>("poly_right", Po, Po, B, (a, b) => a.BoundBox.Low.X > b.BoundBox.High.X));
        Op("&>", F2<PgPolygon, PgPolygon>("poly_overright", Po, Po, B, (a, b) => a.BoundBox.Low.X >= b.BoundBox.Low.X));
        Op("<<|", F2<PgPolygon, PgPolygon>("poly_below", Po, Po, B, (a, b) => a.BoundBox.High.Y < b.BoundBox.Low.Y));
        Op("&<|", F2<PgPolygon, PgPolygon>("poly_overbelow", Po, Po, B, (a, b) => a.BoundBox.High.Y <= b.BoundBox.High.Y));
        Op("|>>", F2<PgPolygon, PgPolygon>("poly_above", Po, Po, B, (a, b) => a.BoundBox.Low.Y > b.BoundBox.High.Y));
        Op("|&>", F2<PgPolygon, PgPolygon>("poly_overabove", Po, Po, B, (a, b) => a.BoundBox.Low.Y >= b.BoundBox.Low.Y));

        // ---- circle
        F2<PgPoint, double>("circle", Pt, F8, Ci, (p, r) => new PgCircle(p, r));
        F1<PgBox>("circle", Bx, Ci, GeoOps.BoxCircle);
        F1<PgPolygon>("circle", Po, Ci, p => (object?)GeoOps.PolygonCircle(p) ?? GeometryCasts.PolygonCenter(p));
        var circleCenter = F1<PgCircle>("circle_center", Ci, Pt, c => c.Center);
        Op("@@", circleCenter, prefix: true); F("center", [Ci], Pt, circleCenter.Body);
        F1<PgCircle>("radius", Ci, F8, c => c.Radius);
        F1<PgCircle>("diameter", Ci, F8, c => GeoFloat.Mul(c.Radius, 2.0));
        F1<PgCircle>("area", Ci, F8, c => GeoOps.Area(c));
        Op("~=", F2<PgCircle, PgCircle>("circle_same", Ci, Ci, B, (a, b) => GeoOps.CircleSame(a, b)));
        Op("&&", F2<PgCircle, PgCircle>("circle_overlap", Ci, Ci, B, (a, b) => FPle(GeoOps.Distance(a.Center, b.Center), Pl(a.Radius, b.Radius))));
        Op("&<", F2<PgCircle, PgCircle>("circle_overleft", Ci, Ci, B, (a, b) => FPle(Pl(a.Center.X, a.Radius), Pl(b.Center.X, b.Radius))));
        Op("<<", F2<PgCircle, PgCircle>("circle_left", Ci, Ci, B, (a, b) => FPlt(Pl(a.Center.X, a.Radius), Mi(b.Center.X, b.Radius))));
        Op(">>", F2<PgCircle, PgCircle>("circle_right", Ci, Ci, B, (a, b) => FPgt(Mi(a.Center.X, a.Radius), Pl(b.Center.X, b.Radius))));
        Op("&>", F2<PgCircle, PgCircle>("circle_overright", Ci, Ci, B, (a, b) => FPge(Mi(a.Center.X, a.Radius), Mi(b.Center.X, b.Radius))));
        Op("<<|", F2<PgCircle, PgCircle>("circle_below", Ci, Ci, B, (a, b) => FPlt(Pl(a.Center.Y, a.Radius), Mi(b.Center.Y, b.Radius))));
        Op("|>>", F2<PgCircle, PgCircle>("circle_above", Ci, Ci, B, (a, b) => FPgt(Mi(a.Center.Y, a.Radius), Pl(b.Center.Y, b.Radius))));
        Op("&<|", F2<PgCircle, PgCircle>("circle_overbelow", Ci, Ci, B, (a, b) => FPle(Pl(a.Center.Y, a.Radius), Pl(b.Center.Y, b.Radius))));
        Op("|&>", F2<PgCircle, PgCircle>("circle_overabove", Ci, Ci, B, (a, b) => FPge(Mi(a.Center.Y, a.Radius), Mi(b.Center.Y, b.Radius))));
        Op("<@", F2<PgCircle, PgCircle>("circle_contained", Ci, Ci, B, (a, b) => FPle(Pl(GeoOps.Distance(a.Center, b.Center), a.Radius), b.Radius)));
        Op("@>", F2<PgCircle, PgCircle>("circle_contain", Ci, Ci, B, (a, b) => FPle(Pl(GeoOps.Distance(a.Center, b.Center), b.Radius), a.Radius)));
        Op("@>", F2<PgCircle, PgPoint>("circle_contain_pt", Ci, Pt, B, (a, b) => GeoOps.CircleContainsPoint(a, b)));
        Op("=", F2<PgCircle, PgCircle>("circle_eq", Ci, Ci, B, (a, b) => FPeq(GeoOps.Area(a), GeoOps.Area(b))));
        Op("<>", F2<PgCircle, PgCircle>("circle_ne", Ci, Ci, B, (a, b) => !FPeq(GeoOps.Area(a), GeoOps.Area(b))));
        Op("<", F2<PgCircle, PgCircle>("circle_lt", Ci, Ci, B, (a, b) => FPlt(GeoOps.Area(a), GeoOps.Area(b))));
        Op("<=", F2<PgCircle, PgCircle>("circle_le", Ci, Ci, B, (a, b) => FPle(GeoOps.Area(a), GeoOps.Area(b))));
        Op(">", F2<PgCircle, PgCircle>("circle_gt", Ci, Ci, B, (a, b) => FPgt(GeoOps.Area(a), GeoOps.Area(b))));
        Op(">=", F2<PgCircle, PgCircle>("circle_ge", Ci, Ci, B, (a, b) => FPge(GeoOps.Area(a), GeoOps.Area(b))));
        Op("<->", F2<PgCircle, PgCircle>("circle_distance", Ci, Ci, F8, (a, b) => GeoOps.CircleDistance(a, b)));
        Op("+", F2<PgCircle, PgPoint>("circle_add_pt", Ci, Pt, Ci, (c, p) => new PgCircle(GeoOps.Add(c.Center, p), c.Radius)));
        Op("-", F2<PgCircle, PgPoint>("circle_sub_pt", Ci, Pt, Ci, (c, p) => new PgCircle(GeoOps.Sub(c.Center, p), c.Radius)));
        Op("*", F2<PgCircle, PgPoint>("circle_mul_pt", Ci, Pt, Ci, (c, p) => new PgCircle(GeoOps.Mul(c.Center, p), GeoFloat.Mul(c.Radius, Hypot(p.X, p.Y)))));
        Op("/", F2<PgCircle, PgPoint>("circle_div_pt", Ci, Pt, Ci, (c, p) => new PgCircle(GeoOps.Div(c.Center, p), GeoFloat.Div(c.Radius, Hypot(p.X, p.Y)))));
        Op("<->", F2<PgPolygon, PgCircle>("dist_polyc", Po, Ci, F8, (poly, c) => PolygonCircleDistance(poly, c)));
        Op("<->", F2<PgCircle, PgPolygon>("dist_cpoly", Ci, Po, F8, (c, poly) => PolygonCircleDistance(poly, c)));
    }

    private static double PolygonCircleDistance(PgPolygon poly, PgCircle c)
    {
        var d = Mi(GeoOps.PolygonDistance(poly, c.Center), c.Radius);
        return d < 0 ? 0 : d;
    }

    private static bool Fits(SqlType arg, SqlType param) => arg.Id == TypeId.Unknown || arg.Id == param.Id;

    /// <summary>The geometric operator for these operand types (left null for a prefix operator), or null.</summary>
    public static Entry? ResolveOperator(string op, SqlType? left, SqlType right)
    {
        if (!OperatorTable.TryGetValue(op, out var list)) return null;
        var prefix = left is null;
        var candidates = list.Where(c => c.Prefix == prefix && (prefix ? Fits(right, c.Entry.Args[0]) : Fits(left!, c.Entry.Args[0]) && Fits(right, c.Entry.Args[1])))
            .Select(c => c.Entry).ToList();
        if (candidates.Count <= 1) return candidates.FirstOrDefault();
        // An unknown operand beside a known one is first taken to be of the same type.
        if (!prefix && (left!.Id == TypeId.Unknown) != (right.Id == TypeId.Unknown))
        {
            var known = left.Id == TypeId.Unknown ? right : left;
            var same = candidates.Where(c => c.Args[0].Id == known.Id && c.Args[1].Id == known.Id).ToList();
            if (same.Count == 1) return same[0];
        }
        return null;
    }

    /// <summary>The geometric function of this name for these argument types, or null.</summary>
    public static Entry? ResolveFunction(string name, IReadOnlyList<SqlType> args)
    {
        if (!Functions.TryGetValue(name, out var list)) return null;
        // A type's name applied to one unknown literal is that type's input (func_get_detail's coercion case).
        if (args.Count == 1 && args[0].Id == TypeId.Unknown && ValueCast.SqlTypeOf(TypeByName(name)) is { IsGeometric: true } t)
            return new Entry(name, [t], t, v => v[0]);
        var candidates = list.Where(e => e.Args.Length == args.Count && e.Args.Select((p, i) => Fits(args[i], p) || Convertible(args[i], p)).All(x => x)).ToList();
        if (candidates.Count <= 1) return candidates.FirstOrDefault();
        var exact = candidates.Where(e => e.Args.Select((p, i) => args[i].Id == p.Id).All(x => x)).ToList();
        return exact.Count == 1 ? exact[0] : null;
    }

    // Numeric arguments of point(x, y), circle(p, r) and polygon(n, c) convert implicitly.
    private static bool Convertible(SqlType arg, SqlType param) =>
        (param.Id == TypeId.Float8 && arg.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Numeric or TypeId.Float4)
        || (param.Id == TypeId.Int4 && arg.Id is TypeId.Int2);

    private static TypeId TypeByName(string name) => name switch
    {
        "point" => TypeId.Point,
        "lseg" => TypeId.Lseg,
        "path" => TypeId.Path,
        "box" => TypeId.Box,
        "polygon" => TypeId.Polygon,
        "line" => TypeId.Line,
        "circle" => TypeId.Circle,
        _ => TypeId.Void,
    };

    /// <summary>True when <paramref name="name"/> is a geometric function Tenon knows under any argument types.</summary>
    public static bool HasFunction(string name) => Functions.ContainsKey(name);
}
