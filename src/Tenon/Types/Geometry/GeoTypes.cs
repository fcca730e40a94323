namespace Tenon.Types;

// The CLR values of PostgreSQL's geometric types (geo_decls.h). Immutable; equality is exact
// (NaN equal to NaN), which is what storage, hashing and Tenon's internal index order use. The SQL
// operators (~=, =, && …) are PostgreSQL's fuzzy ones in GeoOps.

/// <summary>point (oid 600): x, y.</summary>
public sealed record PgPoint(double X, double Y)
{
    internal int CompareTo(PgPoint o) { var c = X.CompareTo(o.X); return c != 0 ? c : Y.CompareTo(o.Y); }
}

/// <summary>lseg (oid 601): a segment from <see cref="A"/> to <see cref="B"/>.</summary>
public sealed record PgLseg(PgPoint A, PgPoint B)
{
    internal int CompareTo(PgLseg o) { var c = A.CompareTo(o.A); return c != 0 ? c : B.CompareTo(o.B); }
}

/// <summary>line (oid 628): Ax + By + C = 0, A and B not both zero.</summary>
public sealed record PgLine(double A, double B, double C)
{
    internal int CompareTo(PgLine o)
    {
        var c = A.CompareTo(o.A);
        if (c == 0) c = B.CompareTo(o.B);
        return c != 0 ? c : C.CompareTo(o.C);
    }
}

/// <summary>box (oid 603): the upper right corner <see cref="High"/> and the lower left <see cref="Low"/>.</summary>
public sealed record PgBox(PgPoint High, PgPoint Low)
{
    /// <summary>box_fill: the box with these corners in any order.</summary>
    public static PgBox Of(double x1, double x2, double y1, double y2) =>
        new(new PgPoint(x1 > x2 ? x1 : x2, y1 > y2 ? y1 : y2), new PgPoint(x1 > x2 ? x2 : x1, y1 > y2 ? y2 : y1));

    internal int CompareTo(PgBox o) { var c = High.CompareTo(o.High); return c != 0 ? c : Low.CompareTo(o.Low); }
}

/// <summary>path (oid 602): points, open or closed.</summary>
public sealed class PgPath(bool closed, PgPoint[] points) : IEquatable<PgPath>
{
    public bool Closed { get; } = closed;
    public PgPoint[] Points { get; } = points;

    public bool Equals(PgPath? o) => o is not null && Closed == o.Closed && Points.AsSpan().SequenceEqual(o.Points);
    public override bool Equals(object? obj) => Equals(obj as PgPath);
    public override int GetHashCode() => GeoHash.Of(Points) ^ (Closed ? 1 : 0);

    internal int CompareTo(PgPath o)
    {
        var c = GeoHash.Compare(Points, o.Points);
        return c != 0 ? c : Closed.CompareTo(o.Closed);
    }
}

/// <summary>polygon (oid 604): its vertices and their bounding box.</summary>
public sealed class PgPolygon : IEquatable<PgPolygon>
{
    public PgPolygon(PgPoint[] points)
    {
        Points = points;
        BoundBox = GeoOps.BoundBox(points);
    }

    public PgPoint[] Points { get; }
    public PgBox BoundBox { get; }

    public bool Equals(PgPolygon? o) => o is not null && Points.AsSpan().SequenceEqual(o.Points);
    public override bool Equals(object? obj) => Equals(obj as PgPolygon);
    public override int GetHashCode() => GeoHash.Of(Points);
    internal int CompareTo(PgPolygon o) => GeoHash.Compare(Points, o.Points);
}

/// <summary>circle (oid 718): center and radius.</summary>
public sealed record PgCircle(PgPoint Center, double Radius)
{
    internal int CompareTo(PgCircle o) { var c = Center.CompareTo(o.Center); return c != 0 ? c : Radius.CompareTo(o.Radius); }
}

internal static class GeoHash
{
    public static int Of(PgPoint[] points)
    {
        var h = new HashCode();
        foreach (var p in points) h.Add(p);
        return h.ToHashCode();
    }

    public static int Compare(PgPoint[] a, PgPoint[] b)
    {
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            var c = a[i].CompareTo(b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }
}
