using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// The float8 rules of PostgreSQL's geometric code (geo_decls.h, float.h): comparisons within
/// EPSILON (1e-6, so <c>'(0,0)'::point ~= '(0,0.0000001)'</c>), arithmetic that raises
/// "value out of range: overflow/underflow" and "division by zero" as float8_pl/mi/mul/div do,
/// and pg_hypot's scaled hypotenuse, so results print with the same digits.
/// </summary>
internal static class GeoFloat
{
    public const double Epsilon = 1.0E-06;

    public static bool FPzero(double x) => Math.Abs(x) <= Epsilon;
    public static bool FPeq(double a, double b) => a == b || Math.Abs(a - b) <= Epsilon;
    public static bool FPne(double a, double b) => a != b && Math.Abs(a - b) > Epsilon;
    public static bool FPlt(double a, double b) => a + Epsilon < b;
    public static bool FPle(double a, double b) => a <= b + Epsilon;
    public static bool FPgt(double a, double b) => a > b + Epsilon;
    public static bool FPge(double a, double b) => a + Epsilon >= b;

    /// <summary>float8_eq: IEEE equality except that NaN equals NaN.</summary>
    public static bool Eq(double a, double b) => double.IsNaN(a) ? double.IsNaN(b) : !double.IsNaN(b) && a == b;

    /// <summary>float8_lt / float8_gt with NaN above every number.</summary>
    public static bool Lt(double a, double b) => !double.IsNaN(a) && (double.IsNaN(b) || a < b);
    public static bool Gt(double a, double b) => !double.IsNaN(b) && (double.IsNaN(a) || a > b);

    /// <summary>float8_min / float8_max with NaN above every number.</summary>
    public static double Min(double a, double b) => Lt(a, b) ? a : b;
    public static double Max(double a, double b) => Gt(a, b) ? a : b;

    private static TenonException Overflow() => new(SqlState.NumericValueOutOfRange, "value out of range: overflow");
    private static TenonException Underflow() => new(SqlState.NumericValueOutOfRange, "value out of range: underflow");

    public static double Pl(double a, double b)
    {
        var r = a + b;
        if (double.IsInfinity(r) && !double.IsInfinity(a) && !double.IsInfinity(b)) throw Overflow();
        return r;
    }

    public static double Mi(double a, double b)
    {
        var r = a - b;
        if (double.IsInfinity(r) && !double.IsInfinity(a) && !double.IsInfinity(b)) throw Overflow();
        return r;
    }

    public static double Mul(double a, double b)
    {
        var r = a * b;
        if (double.IsInfinity(r) && !double.IsInfinity(a) && !double.IsInfinity(b)) throw Overflow();
        if (r == 0.0 && a != 0.0 && b != 0.0) throw Underflow();
        return r;
    }

    public static double Div(double a, double b)
    {
        if (b == 0.0 && !double.IsNaN(a)) throw TypeErrors.DivisionByZero();
        var r = a / b;
        if (double.IsInfinity(r) && !double.IsInfinity(a)) throw Overflow();
        if (r == 0.0 && a != 0.0 && !double.IsInfinity(b)) throw Underflow();
        return r;
    }

    /// <summary>pg_hypot: sqrt(x² + y²) without needless overflow, infinities and NaN as PostgreSQL has them.</summary>
    public static double Hypot(double x, double y)
    {
        if (double.IsInfinity(x) || double.IsInfinity(y)) return double.PositiveInfinity;
        if (double.IsNaN(x) || double.IsNaN(y)) return double.NaN;
        x = Math.Abs(x);
        y = Math.Abs(y);
        if (x < y) (x, y) = (y, x);
        if (y == 0.0) return x;
        var yx = y / x;
        return x * Math.Sqrt(1.0 + yx * yx);
    }
}
