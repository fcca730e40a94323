using System.Globalization;
using System.Numerics;
using System.Text;

namespace Tenon.Types;

/// <summary>
/// PostgreSQL's <c>numeric</c>: an exact decimal of arbitrary precision, plus NaN, +Infinity
/// and -Infinity (PG 15). A finite value is <c>Mantissa × 10^-Scale</c>, where Scale is the
/// display scale (digits printed after the point; never negative). Equality and ordering are
/// by value (1.0 = 1.00), NaN equals NaN and sorts above everything, as PostgreSQL sorts it.
/// Result scales of arithmetic follow PostgreSQL: + and - keep the larger scale, * adds the
/// scales, / picks a scale with at least 16 significant digits (select_div_scale).
/// </summary>
public readonly struct Numeric : IComparable<Numeric>, IEquatable<Numeric>, IComparable
{
    private enum Kind : byte { Finite, NaN, PositiveInfinity, NegativeInfinity }

    // PostgreSQL's NUMERIC_MIN_SIG_DIGITS, NUMERIC_MAX_DISPLAY_SCALE and DEC_DIGITS.
    private const int MinSigDigits = 16;
    private const int MaxDisplayScale = 1000;
    private const int MaxResultScale = 2000;

    private readonly BigInteger _mantissa;
    private readonly int _scale;
    private readonly Kind _kind;

    private Numeric(BigInteger mantissa, int scale, Kind kind = Kind.Finite)
    {
        if (scale < 0)
        {
            mantissa *= BigInteger.Pow(10, -scale);
            scale = 0;
        }
        _mantissa = mantissa;
        _scale = scale;
        _kind = kind;
    }

    public static readonly Numeric Zero = default;
    public static readonly Numeric One = new(BigInteger.One, 0);
    public static readonly Numeric NaN = new(BigInteger.Zero, 0, Kind.NaN);
    public static readonly Numeric PositiveInfinity = new(BigInteger.Zero, 0, Kind.PositiveInfinity);
    public static readonly Numeric NegativeInfinity = new(BigInteger.Zero, 0, Kind.NegativeInfinity);

    /// <summary>Creates <c>mantissa × 10^-scale</c>; a negative scale multiplies instead.</summary>
    public static Numeric Create(BigInteger mantissa, int scale) => new(mantissa, scale);

    public bool IsNaN => _kind == Kind.NaN;
    public bool IsPositiveInfinity => _kind == Kind.PositiveInfinity;
    public bool IsNegativeInfinity => _kind == Kind.NegativeInfinity;
    public bool IsInfinity => _kind is Kind.PositiveInfinity or Kind.NegativeInfinity;
    public bool IsFinite => _kind == Kind.Finite;

    /// <summary>Unscaled digits of a finite value (0 for the special values).</summary>
    public BigInteger Mantissa => _mantissa;

    /// <summary>Display scale: digits after the decimal point in the text form.</summary>
    public int Scale => _scale;

    /// <summary>-1, 0 or 1 (NaN gives 0, the infinities ±1).</summary>
    public int Sign => _kind switch
    {
        Kind.Finite => _mantissa.Sign,
        Kind.PositiveInfinity => 1,
        Kind.NegativeInfinity => -1,
        _ => 0,
    };

    // ---- construction -------------------------------------------------------------------

    public static Numeric FromLong(long value) => new(value, 0);

    public static Numeric FromDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xff;
        var negative = bits[3] < 0;
        var magnitude = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return new Numeric(negative ? -magnitude : magnitude, scale);
    }

    /// <summary>float8 → numeric as PostgreSQL does it: through 15 significant digits.</summary>
    public static Numeric FromDouble(double value) => FromBinaryFloat(value, 15);

    /// <summary>float4 → numeric as PostgreSQL does it: through 6 significant digits.</summary>
    public static Numeric FromSingle(float value) => FromBinaryFloat(value, 6);

    private static Numeric FromBinaryFloat(double value, int digits)
    {
        if (double.IsNaN(value)) return NaN;
        if (double.IsPositiveInfinity(value)) return PositiveInfinity;
        if (double.IsNegativeInfinity(value)) return NegativeInfinity;
        // "E" formatting gives d.ddddE+xxx with exactly `digits` significant digits (like %.*g).
        var text = value.ToString("E" + (digits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var negative = text[0] == '-';
        var digitText = text.Substring(negative ? 1 : 0, e - (negative ? 1 : 0)).Replace(".", "").TrimEnd('0');
        if (digitText.Length == 0) return Zero;
        var mantissa = BigInteger.Parse(digitText, CultureInfo.InvariantCulture);
        var scale = digitText.Length - 1 - exponent;
        return new Numeric(negative ? -mantissa : mantissa, scale);
    }

    /// <summary>numeric_in: throws 22P02 <c>invalid input syntax for type numeric: "x"</c>.</summary>
    public static Numeric Parse(string text)
    {
        if (TryParse(text, out var result)) return result;
        throw TypeErrors.InvalidSyntax("numeric", text);
    }

    public static bool TryParse(string text, out Numeric result)
    {
        result = default;
        var s = text.AsSpan().Trim(" \t\n\r\v\f");
        if (s.Length == 0) return false;
        if (s.Equals("NaN", StringComparison.OrdinalIgnoreCase)) { result = NaN; return true; }
        var negative = false;
        var body = s;
        if (body[0] is '+' or '-')
        {
            negative = body[0] == '-';
            body = body[1..];
        }
        if (body.Equals("Infinity", StringComparison.OrdinalIgnoreCase) || body.Equals("inf", StringComparison.OrdinalIgnoreCase))
        {
            result = negative ? NegativeInfinity : PositiveInfinity;
            return true;
        }
        var i = 0;
        var digits = new StringBuilder(body.Length);
        var fractionDigits = 0;
        var sawPoint = false;
        var sawDigit = false;
        for (; i < body.Length; i++)
        {
            var c = body[i];
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
                sawDigit = true;
                if (sawPoint) fractionDigits++;
            }
            else if (c == '.' && !sawPoint) sawPoint = true;
            else break;
        }
        if (!sawDigit) return false;
        long exponent = 0;
        if (i < body.Length && body[i] is 'e' or 'E')
        {
            i++;
            var expNegative = false;
            if (i < body.Length && body[i] is '+' or '-')
            {
                expNegative = body[i] == '-';
                i++;
            }
            var start = i;
            while (i < body.Length && body[i] is >= '0' and <= '9')
            {
                exponent = exponent * 10 + (body[i] - '0');
                if (exponent > 1_000_000_000) return false;
                i++;
            }
            if (i == start) return false;
            if (expNegative) exponent = -exponent;
        }
        if (i != body.Length) return false;
        var mantissa = BigInteger.Parse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        var scale = fractionDigits - exponent;
        if (scale > MaxResultScale * 10 || scale < -MaxResultScale * 100) return false;
        result = new Numeric(negative ? -mantissa : mantissa, (int)scale);
        return true;
    }

    // ---- text ---------------------------------------------------------------------------

    /// <summary>numeric_out: plain digits with exactly <see cref="Scale"/> fraction digits.</summary>
    public override string ToString()
    {
        switch (_kind)
        {
            case Kind.NaN: return "NaN";
            case Kind.PositiveInfinity: return "Infinity";
            case Kind.NegativeInfinity: return "-Infinity";
        }
        var digits = BigInteger.Abs(_mantissa).ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(digits.Length + 3);
        if (_mantissa.Sign < 0) sb.Append('-');
        if (_scale == 0)
        {
            sb.Append(digits);
        }
        else if (digits.Length > _scale)
        {
            sb.Append(digits, 0, digits.Length - _scale).Append('.').Append(digits, digits.Length - _scale, _scale);
        }
        else
        {
            sb.Append("0.").Append('0', _scale - digits.Length).Append(digits);
        }
        return sb.ToString();
    }

    // ---- arithmetic ---------------------------------------------------------------------

    private static BigInteger Pow10(int n) => BigInteger.Pow(10, n);

    private static BigInteger Rescale(BigInteger mantissa, int from, int to) =>
        to >= from ? mantissa * Pow10(to - from) : RoundDivide(mantissa, Pow10(from - to));

    /// <summary>Integer division rounding half away from zero.</summary>
    private static BigInteger RoundDivide(BigInteger numerator, BigInteger denominator)
    {
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        if (remainder.IsZero) return quotient;
        if (BigInteger.Abs(remainder) * 2 >= BigInteger.Abs(denominator))
            quotient += (numerator.Sign * denominator.Sign) < 0 ? BigInteger.MinusOne : BigInteger.One;
        return quotient;
    }

    public Numeric Add(Numeric other)
    {
        if (!IsFinite || !other.IsFinite)
        {
            if (IsNaN || other.IsNaN) return NaN;
            if (IsInfinity && other.IsInfinity) return _kind == other._kind ? this : NaN;
            return IsInfinity ? this : other;
        }
        var scale = Math.Max(_scale, other._scale);
        return new Numeric(Rescale(_mantissa, _scale, scale) + Rescale(other._mantissa, other._scale, scale), scale);
    }

    public Numeric Negate() => _kind switch
    {
        Kind.Finite => new Numeric(-_mantissa, _scale),
        Kind.PositiveInfinity => NegativeInfinity,
        Kind.NegativeInfinity => PositiveInfinity,
        _ => NaN,
    };

    public Numeric Subtract(Numeric other) => Add(other.Negate());

    public Numeric Abs() => Sign < 0 ? Negate() : this;

    public Numeric Multiply(Numeric other)
    {
        if (!IsFinite || !other.IsFinite)
        {
            if (IsNaN || other.IsNaN) return NaN;
            var sign = Sign * other.Sign;
            return sign > 0 ? PositiveInfinity : sign < 0 ? NegativeInfinity : NaN;
        }
        return new Numeric(_mantissa * other._mantissa, _scale + other._scale);
    }

    public Numeric Divide(Numeric other)
    {
        if (!IsFinite || !other.IsFinite)
        {
            if (IsNaN || other.IsNaN) return NaN;
            if (IsInfinity)
            {
                if (other.IsInfinity) return NaN;
                var sign = other.Sign;
                if (sign == 0) throw TypeErrors.DivisionByZero();
                return (Sign * sign) > 0 ? PositiveInfinity : NegativeInfinity;
            }
            return Zero;
        }
        if (other._mantissa.IsZero) throw TypeErrors.DivisionByZero();
        var scale = SelectDivScale(this, other);
        return new Numeric(DivideToScale(_mantissa, _scale, other._mantissa, other._scale, scale, round: true), scale);
    }

    /// <summary>Divides with a caller-chosen result scale (rounded), as div_var with rscale.</summary>
    public Numeric Divide(Numeric other, int resultScale)
    {
        if (!IsFinite || !other.IsFinite) return Divide(other);
        if (other._mantissa.IsZero) throw TypeErrors.DivisionByZero();
        return new Numeric(DivideToScale(_mantissa, _scale, other._mantissa, other._scale, resultScale, round: true), resultScale);
    }

    // (m1·10^-s1) / (m2·10^-s2) · 10^r = m1·10^(s2-s1+r) / m2
    private static BigInteger DivideToScale(BigInteger m1, int s1, BigInteger m2, int s2, int resultScale, bool round)
    {
        var shift = s2 - s1 + resultScale;
        var numerator = m1;
        var denominator = m2;
        if (shift >= 0) numerator *= Pow10(shift);
        else denominator *= Pow10(-shift);
        return round ? RoundDivide(numerator, denominator) : BigInteger.Divide(numerator, denominator);
    }

    /// <summary>
    /// PostgreSQL's select_div_scale: aim for 16 significant digits in the quotient, judged on
    /// the base-10000 digit groups PostgreSQL stores, and never fewer fraction digits than
    /// either input shows.
    /// </summary>
    private static int SelectDivScale(Numeric a, Numeric b)
    {
        var (weight1, first1) = a.BaseTenThousandLead();
        var (weight2, first2) = b.BaseTenThousandLead();
        var qweight = weight1 - weight2;
        if (first1 <= first2) qweight--;
        var scale = MinSigDigits - qweight * 4;
        scale = Math.Max(scale, a._scale);
        scale = Math.Max(scale, b._scale);
        scale = Math.Max(scale, 0);
        return Math.Min(scale, MaxDisplayScale);
    }

    /// <summary>Weight and value of the leading base-10000 digit (0, 0 for zero).</summary>
    private (int Weight, int First) BaseTenThousandLead()
    {
        if (_mantissa.IsZero) return (0, 0);
        var magnitude = BigInteger.Abs(_mantissa);
        var digitCount = DigitCount(magnitude);
        var leadExponent = digitCount - 1 - _scale;
        var weight = leadExponent >= 0 ? leadExponent / 4 : -((-leadExponent + 3) / 4);
        var shift = _scale + 4 * weight;
        var first = shift >= 0 ? magnitude / Pow10(shift) : magnitude * Pow10(-shift);
        return (weight, (int)first);
    }

    private static int DigitCount(BigInteger magnitude)
    {
        if (magnitude.IsZero) return 1;
        var estimate = (int)Math.Floor(BigInteger.Log10(magnitude)) + 1;
        // Log10 can be off by one at exact powers of ten; correct it.
        if (magnitude >= Pow10(estimate)) estimate++;
        else if (estimate > 1 && magnitude < Pow10(estimate - 1)) estimate--;
        return estimate;
    }

    /// <summary>numeric_mod: x - trunc(x / y) · y, sign of the dividend.</summary>
    public Numeric Modulo(Numeric other)
    {
        if (!IsFinite || !other.IsFinite)
        {
            if (IsNaN || other.IsNaN) return NaN;
            if (IsInfinity)
            {
                if (other.Sign == 0) throw TypeErrors.DivisionByZero();
                return NaN;
            }
            return this;
        }
        if (other._mantissa.IsZero) throw TypeErrors.DivisionByZero();
        var quotient = DivideToScale(_mantissa, _scale, other._mantissa, other._scale, 0, round: false);
        return Subtract(new Numeric(quotient, 0).Multiply(other));
    }

    /// <summary>round(x, s): half away from zero; a negative s rounds left of the point.</summary>
    public Numeric Round(int scale)
    {
        if (!IsFinite) return this;
        if (scale >= _scale) return new Numeric(_mantissa * Pow10(scale - _scale), scale);
        var rounded = RoundDivide(_mantissa, Pow10(_scale - scale));
        return scale >= 0 ? new Numeric(rounded, scale) : new Numeric(rounded * Pow10(-scale), 0);
    }

    /// <summary>trunc(x, s): toward zero.</summary>
    public Numeric Truncate(int scale)
    {
        if (!IsFinite) return this;
        if (scale >= _scale) return new Numeric(_mantissa * Pow10(scale - _scale), scale);
        var truncated = BigInteger.Divide(_mantissa, Pow10(_scale - scale));
        return scale >= 0 ? new Numeric(truncated, scale) : new Numeric(truncated * Pow10(-scale), 0);
    }

    public Numeric Floor()
    {
        if (!IsFinite) return this;
        var quotient = BigInteger.DivRem(_mantissa, Pow10(_scale), out var remainder);
        if (remainder.Sign < 0) quotient -= 1;
        return new Numeric(quotient, 0);
    }

    public Numeric Ceiling()
    {
        if (!IsFinite) return this;
        var quotient = BigInteger.DivRem(_mantissa, Pow10(_scale), out var remainder);
        if (remainder.Sign > 0) quotient += 1;
        return new Numeric(quotient, 0);
    }

    /// <summary>
    /// Applies a numeric(precision, scale) type modifier: rounds to the scale, then fails with
    /// 22003 <c>numeric field overflow</c> when the integer part needs more than precision-scale digits.
    /// </summary>
    public Numeric ApplyTypeModifier(int precision, int scale)
    {
        if (IsNaN) return this;
        if (IsInfinity)
            throw TypeErrors.NumericFieldOverflow(
                $"A field with precision {precision}, scale {scale} cannot hold an infinite value.");
        var rounded = Round(scale);
        if (scale < 0) rounded = new Numeric(rounded._mantissa, 0);
        var maxDigits = precision - scale;
        if (!rounded._mantissa.IsZero)
        {
            var magnitude = BigInteger.Abs(rounded._mantissa);
            var integerDigits = DigitCount(magnitude) - rounded._scale;
            if (integerDigits > maxDigits)
            {
                var limit = maxDigits != 0 ? "10^" + maxDigits.ToString(CultureInfo.InvariantCulture) : "1";
                throw TypeErrors.NumericFieldOverflow(
                    $"A field with precision {precision}, scale {scale} must round to an absolute value less than {limit}.");
            }
        }
        return rounded;
    }

    // ---- conversions --------------------------------------------------------------------

    private BigInteger RoundToInteger(string typeName)
    {
        if (IsNaN) throw TypeErrors.CannotConvertSpecial("NaN", typeName);
        if (IsInfinity) throw TypeErrors.CannotConvertSpecial("infinity", typeName);
        return _scale == 0 ? _mantissa : RoundDivide(_mantissa, Pow10(_scale));
    }

    /// <summary>Rounds half away from zero; 22003 <c>bigint out of range</c>.</summary>
    public long ToInt64()
    {
        var value = RoundToInteger("bigint");
        if (value < long.MinValue || value > long.MaxValue) throw TypeErrors.OutOfRange("bigint");
        return (long)value;
    }

    /// <summary>Rounds half away from zero; 22003 <c>integer out of range</c>.</summary>
    public int ToInt32()
    {
        var value = RoundToInteger("integer");
        if (value < int.MinValue || value > int.MaxValue) throw TypeErrors.OutOfRange("integer");
        return (int)value;
    }

    /// <summary>Rounds half away from zero; 22003 <c>smallint out of range</c>.</summary>
    public short ToInt16()
    {
        var value = RoundToInteger("smallint");
        if (value < short.MinValue || value > short.MaxValue) throw TypeErrors.OutOfRange("smallint");
        return (short)value;
    }

    public double ToDouble() => _kind switch
    {
        Kind.NaN => double.NaN,
        Kind.PositiveInfinity => double.PositiveInfinity,
        Kind.NegativeInfinity => double.NegativeInfinity,
        _ => _scale == 0 && BigInteger.Abs(_mantissa) < (BigInteger.One << 53)
            ? (double)_mantissa
            : double.Parse(ToString(), NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    public float ToSingle() => _kind switch
    {
        Kind.NaN => float.NaN,
        Kind.PositiveInfinity => float.PositiveInfinity,
        Kind.NegativeInfinity => float.NegativeInfinity,
        _ => float.Parse(ToString(), NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>Converts to decimal (rounding beyond 28 fraction digits); NaN, infinity and overflow throw.</summary>
    public decimal ToDecimal()
    {
        if (!IsFinite) throw TypeErrors.CannotConvertSpecial(IsNaN ? "NaN" : "infinity", "decimal");
        var value = this;
        if (value._scale > 28) value = value.Round(28);
        var magnitude = BigInteger.Abs(value._mantissa);
        var scale = value._scale;
        while (magnitude >= DecimalLimit && scale > 0)
        {
            magnitude = RoundDivide(magnitude, 10);
            scale--;
        }
        if (magnitude >= DecimalLimit) throw TypeErrors.OutOfRange("decimal");
        var bytes = magnitude.ToByteArray(isUnsigned: true, isBigEndian: false);
        Span<byte> padded = stackalloc byte[12];
        bytes.AsSpan(0, Math.Min(bytes.Length, 12)).CopyTo(padded);
        var lo = BitConverter.ToInt32(padded[..4]);
        var mid = BitConverter.ToInt32(padded[4..8]);
        var hi = BitConverter.ToInt32(padded[8..12]);
        return new decimal(lo, mid, hi, value._mantissa.Sign < 0, (byte)scale);
    }

    private static readonly BigInteger DecimalLimit = BigInteger.One << 96;

    // ---- comparison ---------------------------------------------------------------------

    /// <summary>PostgreSQL order: -Infinity &lt; finite &lt; +Infinity &lt; NaN; NaN = NaN.</summary>
    public int CompareTo(Numeric other)
    {
        if (_kind == Kind.Finite && other._kind == Kind.Finite)
        {
            if (_scale == other._scale) return _mantissa.CompareTo(other._mantissa);
            var sa = _mantissa.Sign;
            var sb = other._mantissa.Sign;
            if (sa != sb) return sa.CompareTo(sb);
            var scale = Math.Max(_scale, other._scale);
            return Rescale(_mantissa, _scale, scale).CompareTo(Rescale(other._mantissa, other._scale, scale));
        }
        return Rank().CompareTo(other.Rank());
    }

    private int Rank() => _kind switch
    {
        Kind.NegativeInfinity => 0,
        Kind.Finite => 1,
        Kind.PositiveInfinity => 2,
        _ => 3,
    };

    public int CompareTo(object? obj) => obj is Numeric n ? CompareTo(n) : 1;

    public bool Equals(Numeric other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is Numeric n && Equals(n);

    /// <summary>Hash of the value with trailing fraction zeros removed, so 1.0 and 1.00 agree.</summary>
    public override int GetHashCode()
    {
        if (_kind != Kind.Finite) return (int)_kind * 0x3c6ef372;
        if (_mantissa.IsZero) return 0;
        var mantissa = _mantissa;
        var scale = _scale;
        while (scale > 0)
        {
            var quotient = BigInteger.DivRem(mantissa, 10, out var remainder);
            if (!remainder.IsZero) break;
            mantissa = quotient;
            scale--;
        }
        return HashCode.Combine(mantissa, scale);
    }

    public static Numeric operator +(Numeric a, Numeric b) => a.Add(b);
    public static Numeric operator -(Numeric a, Numeric b) => a.Subtract(b);
    public static Numeric operator *(Numeric a, Numeric b) => a.Multiply(b);
    public static Numeric operator /(Numeric a, Numeric b) => a.Divide(b);
    public static Numeric operator %(Numeric a, Numeric b) => a.Modulo(b);
    public static Numeric operator -(Numeric a) => a.Negate();
    public static bool operator ==(Numeric a, Numeric b) => a.Equals(b);
    public static bool operator !=(Numeric a, Numeric b) => !a.Equals(b);
    public static bool operator <(Numeric a, Numeric b) => a.CompareTo(b) < 0;
    public static bool operator <=(Numeric a, Numeric b) => a.CompareTo(b) <= 0;
    public static bool operator >(Numeric a, Numeric b) => a.CompareTo(b) > 0;
    public static bool operator >=(Numeric a, Numeric b) => a.CompareTo(b) >= 0;

    public static implicit operator Numeric(long value) => FromLong(value);
    public static implicit operator Numeric(decimal value) => FromDecimal(value);
}
