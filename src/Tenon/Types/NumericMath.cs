using System.Numerics;
using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// sqrt and power on <see cref="Numeric"/> with PostgreSQL's result scales:
///   sqrt   rounds to max(16 − w, scale of x) fraction digits, where w estimates the decimal
///          weight of the root from x's weight in base-10000 digits, as PostgreSQL stores it;
///   power  with an integral exponent rounds the exact power to max(16, scale of x) digits.
/// Powers with a fractional exponent need arbitrary-precision logarithms, which Tenon does not
/// have yet; they raise 0A000 rather than give a rounded double.
/// </summary>
public static class NumericMath
{
    private const int MinSignificantDigits = 16;
    private const int MaxDisplayScale = 1000;

    public static Numeric Sqrt(Numeric x)
    {
        if (x.IsNaN) return x;
        if (x.Sign < 0)
            throw new TenonException(SqlState.InvalidArgumentForPowerFunction, "cannot take square root of a negative number");
        if (x.IsInfinity) return x;
        var rootWeight = (BaseWeight(x) + 1) * 4 / 2 - 1;
        var scale = Math.Clamp(Math.Max(MinSignificantDigits - rootWeight, x.Scale), 0, MaxDisplayScale);
        // floor(sqrt(x)·10^(scale+1)) decides the rounding of the last kept digit exactly.
        var digits = scale + 1;
        var radicand = x.Mantissa * BigInteger.Pow(10, 2 * digits - x.Scale);
        var root = IntegerSqrt(radicand);
        var rounded = BigInteger.DivRem(root, 10, out var last);
        if (last >= 5) rounded += 1;
        return Numeric.Create(rounded, scale);
    }

    public static Numeric Power(Numeric x, Numeric y)
    {
        if (x.IsNaN || y.IsNaN)
        {
            if ((y.IsFinite && y.Sign == 0) || (x.IsFinite && x.CompareTo(Numeric.One) == 0)) return Numeric.One;
            return Numeric.NaN;
        }
        if (x.IsFinite && x.Sign == 0 && y.Sign < 0)
            throw new TenonException(SqlState.InvalidArgumentForPowerFunction, "zero raised to a negative power is undefined");
        var integral = y.IsFinite && y.CompareTo(y.Truncate(0)) == 0;
        if (x.IsFinite && x.Sign < 0 && y.IsFinite && !integral)
            throw new TenonException(SqlState.InvalidArgumentForPowerFunction, "a negative number raised to a non-integer power yields a complex result");
        if (!x.IsFinite || !y.IsFinite) return InfinitePower(x, y, integral);
        if (!integral || y.Abs().CompareTo(Numeric.FromLong(int.MaxValue)) > 0)
            throw new TenonException(SqlState.FeatureNotSupported, "power() of numeric with a non-integer exponent is not supported yet");
        var n = y.ToInt32();
        var scale = Math.Clamp(Math.Max(MinSignificantDigits, x.Scale), 0, MaxDisplayScale);
        if (n == 0) return Numeric.One.Round(scale);
        var magnitude = BigInteger.Abs(x.Mantissa);
        if (!magnitude.IsOne || x.Scale != 0)
        {
            // Decimal digits of |x|^n, to refuse results no numeric can hold before computing them.
            var log10 = BigInteger.Log10(magnitude) - x.Scale;
            if (log10 * n > 131072) throw new TenonException(SqlState.NumericValueOutOfRange, "value overflows numeric format");
            if (log10 * n < -(scale + 2)) return Numeric.Zero.Round(scale);
        }
        var power = Numeric.Create(BigInteger.Pow(x.Mantissa, Math.Abs(n)), x.Scale * Math.Abs(n));
        return n > 0 ? power.Round(scale) : Numeric.One.Divide(power, scale);
    }

    private static Numeric InfinitePower(Numeric x, Numeric y, bool integral)
    {
        if (y.IsFinite)
        {
            // x is ±Infinity.
            if (y.Sign == 0) return Numeric.One;
            if (y.Sign < 0) return Numeric.Zero;
            var odd = integral && !y.Mantissa.IsEven;
            return x.IsNegativeInfinity && odd ? Numeric.NegativeInfinity : Numeric.PositiveInfinity;
        }
        // y is ±Infinity.
        var cmp = x.IsFinite ? x.Abs().CompareTo(Numeric.One) : 1;
        if (cmp == 0) return Numeric.One;
        if (x.IsFinite && x.Sign == 0) return y.Sign > 0 ? Numeric.Zero
            : throw new TenonException(SqlState.InvalidArgumentForPowerFunction, "zero raised to a negative power is undefined");
        return (cmp > 0) == (y.Sign > 0) ? Numeric.PositiveInfinity : Numeric.Zero;
    }

    /// <summary>The weight of x's leading digit in base 10000 (0 for 1…9999, -1 for 0.0001…0.9999).</summary>
    private static int BaseWeight(Numeric x)
    {
        if (x.Mantissa.IsZero) return 0;
        var exponent = DecimalDigits(BigInteger.Abs(x.Mantissa)) - 1 - x.Scale;
        return (int)Math.Floor(exponent / 4.0);
    }

    private static int DecimalDigits(BigInteger magnitude) => magnitude.IsZero ? 1 : magnitude.ToString().Length;

    // floor(sqrt(n)): Newton's iteration from a power of two above the root decreases monotonically.
    private static BigInteger IntegerSqrt(BigInteger n)
    {
        if (n.IsZero) return n;
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var next = (x + n / x) >> 1;
            if (next >= x) return x;
            x = next;
        }
    }
}
