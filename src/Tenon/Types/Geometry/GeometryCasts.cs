using Tenon.Errors;

namespace Tenon.Types;

/// <summary>pg_cast's casts among the geometric types (the same functions as point(box), polygon(path) …).</summary>
internal static class GeometryCasts
{
    /// <summary>The converted value; null when there is no such cast (PostgreSQL's function result is never NULL here).</summary>
    public static object? Convert(object value, TypeId from, TypeId to) => (from, to) switch
    {
        (TypeId.Point, TypeId.Box) => new PgBox((PgPoint)value, (PgPoint)value),
        (TypeId.Lseg, TypeId.Point) => GeoOps.Center((PgLseg)value),
        (TypeId.Path, TypeId.Polygon) => PathToPolygon((PgPath)value),
        (TypeId.Box, TypeId.Point) => GeoOps.Center((PgBox)value),
        (TypeId.Box, TypeId.Lseg) => new PgLseg(((PgBox)value).High, ((PgBox)value).Low),
        (TypeId.Box, TypeId.Polygon) => GeoOps.BoxPolygon((PgBox)value),
        (TypeId.Box, TypeId.Circle) => GeoOps.BoxCircle((PgBox)value),
        (TypeId.Polygon, TypeId.Point) => PolygonCenter((PgPolygon)value),
        (TypeId.Polygon, TypeId.Path) => new PgPath(true, ((PgPolygon)value).Points),
        (TypeId.Polygon, TypeId.Box) => ((PgPolygon)value).BoundBox,
        (TypeId.Polygon, TypeId.Circle) => (object?)GeoOps.PolygonCircle((PgPolygon)value) ?? NoPoints(),
        (TypeId.Circle, TypeId.Point) => ((PgCircle)value).Center,
        (TypeId.Circle, TypeId.Box) => GeoOps.CircleBox((PgCircle)value),
        (TypeId.Circle, TypeId.Polygon) => GeoOps.CirclePolygon(12, (PgCircle)value),
        _ => null,
    };

    public static PgPolygon PathToPolygon(PgPath path)
    {
        if (!path.Closed) throw new TenonException(SqlState.InvalidParameterValue, "open path cannot be converted to polygon");
        return new PgPolygon(path.Points);
    }

    public static PgPoint PolygonCenter(PgPolygon poly) => GeoOps.PolygonCircle(poly)?.Center ?? NoPoints();

    private static PgPoint NoPoints() => throw new TenonException(SqlState.InvalidParameterValue, "cannot convert empty polygon to circle");
}
