using System.Globalization;
using System.Text;

namespace Tenon.Types;

/// <summary>
/// float4/float8 text input and output as PostgreSQL 15 does it.
///
/// Output with extra_float_digits &gt; 0 (the default, 1) is the shortest text that reads back
/// to the same value (PostgreSQL uses Ryū; .NET's "R" gives the same digits). It is printed
/// fixed-point when the decimal exponent is in [-4, 15) for float8 or [-4, 6) for float4,
/// otherwise as d.ddde+XX. With extra_float_digits ≤ 0 it is printf's %.Ng with
/// N = 15 (float8) or 6 (float4) plus extra_float_digits.
/// </summary>
internal static class FloatText
{
    public static string FormatDouble(double value, int extraFloatDigits)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        if (extraFloatDigits > 0)
        {
            var (digits, exponent) = Decompose(value.ToString("R", CultureInfo.InvariantCulture));
            return Compose(double.IsNegative(value), digits, exponent, 15, forceMinimal: true);
        }
        var precision = Math.Max(1, 15 + extraFloatDigits);
        var (d2, e2) = Decompose(value.ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        return Compose(double.IsNegative(value), d2, e2, precision, forceMinimal: false);
    }

    public static string FormatSingle(float value, int extraFloatDigits)
    {
        if (float.IsNaN(value)) return "NaN";
        if (float.IsPositiveInfinity(value)) return "Infinity";
        if (float.IsNegativeInfinity(value)) return "-Infinity";
        if (extraFloatDigits > 0)
        {
            var (digits, exponent) = Decompose(value.ToString("R", CultureInfo.InvariantCulture));
            return Compose(float.IsNegative(value), digits, exponent, 6, forceMinimal: true);
        }
        var precision = Math.Max(1, 6 + extraFloatDigits);
        var (d2, e2) = Decompose(value.ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        return Compose(float.IsNegative(value), d2, e2, precision, forceMinimal: false);
    }

    /// <summary>Significant digits (no leading/trailing zeros) and the decimal exponent of the first.</summary>
    private static (string Digits, int Exponent) Decompose(string text)
    {
        if (text[0] == '-') text = text[1..];
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var point = text.IndexOf('.');
        var intLength = point >= 0 ? point : text.Length;
        var all = point >= 0 ? text.Remove(point, 1) : text;
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0') leading++;
        var digits = all[leading..].TrimEnd('0');
        if (digits.Length == 0) return ("0", 0);
        return (digits, exponent + intLength - 1 - leading);
    }

    private static string Compose(bool negative, string digits, int exponent, int threshold, bool forceMinimal)
    {
        _ = forceMinimal;
        var sb = new StringBuilder(digits.Length + 8);
        if (negative) sb.Append('-');
        if (digits == "0")
        {
            sb.Append('0');
            return sb.ToString();
        }
        if (exponent >= -4 && exponent < threshold)
        {
            if (exponent < 0)
            {
                sb.Append("0.").Append('0', -exponent - 1).Append(digits);
            }
            else if (digits.Length <= exponent + 1)
            {
                sb.Append(digits).Append('0', exponent + 1 - digits.Length);
            }
            else
            {
                sb.Append(digits, 0, exponent + 1).Append('.').Append(digits, exponent + 1, digits.Length - exponent - 1);
            }
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(exponent < 0 ? '-' : '+');
            var abs = Math.Abs(exponent);
            if (abs < 10) sb.Append('0');
            sb.Append(abs.ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    public static double ParseDouble(string text)
    {
        var value = ParseCore(text, out var special, out var nonzeroDigits, "double precision");
        if (special) return value;
        if (double.IsInfinity(value) || (value == 0 && nonzeroDigits))
            throw TypeErrors.FloatOutOfRange(text, "double precision");
        return value;
    }

    public static float ParseSingle(string text)
    {
        var s = Trim(text);
        if (TrySpecial(s, out var sv)) return (float)sv;
        if (!IsNumberSyntax(s, out var nonzero)) throw TypeErrors.InvalidSyntax("real", text);
        var value = float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (float.IsInfinity(value) || (value == 0 && nonzero)) throw TypeErrors.FloatOutOfRange(text, "real");
        return value;
    }

    private static double ParseCore(string text, out bool special, out bool nonzeroDigits, string typeName)
    {
        var s = Trim(text);
        if (TrySpecial(s, out var sv))
        {
            special = true;
            nonzeroDigits = false;
            return sv;
        }
        special = false;
        if (!IsNumberSyntax(s, out nonzeroDigits)) throw TypeErrors.InvalidSyntax(typeName, text);
        return double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static string Trim(string text) => text.Trim(' ', '\t', '\n', '\r', '\v', '\f');

    private static bool TrySpecial(string s, out double value)
    {
        var body = s.Length > 0 && s[0] is '+' or '-' ? s[1..] : s;
        var negative = s.Length > 0 && s[0] == '-';
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase) && s.Length == body.Length)
        {
            value = double.NaN;
            return true;
        }
        if (body.Equals("infinity", StringComparison.OrdinalIgnoreCase) || body.Equals("inf", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>[+-] digits [. digits] [e [+-] digits], with at least one mantissa digit.</summary>
    private static bool IsNumberSyntax(string s, out bool nonzeroDigits)
    {
        nonzeroDigits = false;
        var i = 0;
        if (i < s.Length && s[i] is '+' or '-') i++;
        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            if (s[i] != '0') nonzeroDigits = true;
            i++;
            digits++;
        }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                if (s[i] != '0') nonzeroDigits = true;
                i++;
                digits++;
            }
        }
        if (digits == 0) return false;
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-') i++;
            var expDigits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                expDigits++;
            }
            if (expDigits == 0) return false;
        }
        return i == s.Length;
    }
}
