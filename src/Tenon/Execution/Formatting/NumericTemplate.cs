using System.Globalization;
using System.Numerics;
using System.Text;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution.Formatting;

/// <summary>
/// to_char's numeric template patterns (PostgreSQL's "Template Patterns for Numeric
/// Formatting"): 9 0 . , D G S PR MI PL SG L V EEEE RN TH FM and literal text. The C locale's
/// symbols are used: D is '.', G is ',', L a blank (the C locale has no currency symbol).
///
///   N.1  the value is rounded to the digits after the decimal point (numeric half away from
///        zero; float8 to at most 15 and float4 6 significant digits, half to even on the binary
///        value as C's printf); V multiplies by ten per digit after it.
///   N.2  integer positions left of the first digit print blanks, or zeros from the first '0' of
///        the template on; a zero integer part prints nothing when there are fraction digits.
///   N.3  without S, MI, SG or PR one position is kept for the sign, filled with '-' or a blank
///        right before the first printed character of the number; S before the digits floats the
///        same way with '+'/'-'.
///   N.4  more integer digits than positions: every digit position prints '#'.
///   N.5  FM drops the leading blanks and the trailing zeros of '9' fraction positions.
/// </summary>
internal static class NumericTemplate
{
    private enum T { Digit9, Digit0, Point, Group, S, PR, MI, PL, SG, L, V, EEEE, RN, RNLower, TH, THLower, Literal }

    private readonly record struct Tok(T Kind, string Text = "");

    private sealed class Format
    {
        public List<Tok> Tokens { get; } = [];
        public bool Fill { get; set; }
        public int Pre { get; set; }
        public int Post { get; set; }
        public int Multi { get; set; }
        public int ZeroStart { get; set; } = int.MaxValue;
        public bool HasPoint { get; set; }
        public bool Exponent { get; set; }
        public bool Roman { get; set; }
        public bool SignSlot { get; set; } = true;
        public bool LeadingSign { get; set; }
        public bool Angle { get; set; }
    }

    private static TenonException Syntax(string message, string? detail = null) => new(SqlState.SyntaxError, message, detail);

    private static Format Parse(string template)
    {
        var f = new Format();
        var i = 0;
        var afterV = false;
        var digitsSeen = false;
        while (i < template.Length)
        {
            bool At(string s) => string.CompareOrdinal(template, i, s, 0, s.Length) == 0 && i + s.Length <= template.Length;
            var c = template[i];
            if (c == '"')
            {
                var sb = new StringBuilder();
                i++;
                while (i < template.Length && template[i] != '"')
                {
                    if (template[i] == '\\' && i + 1 < template.Length) i++;
                    sb.Append(template[i++]);
                }
                i++;
                f.Tokens.Add(new Tok(T.Literal, sb.ToString()));
                continue;
            }
            if (At("FM") || At("fm")) { f.Fill = true; i += 2; continue; }
            if (c is '9' or '0')
            {
                if (c == '0' && !f.HasPoint && f.ZeroStart == int.MaxValue) f.ZeroStart = f.Pre;
                if (f.HasPoint) f.Post++;
                else f.Pre++;
                if (afterV) f.Multi++;
                digitsSeen = true;
                f.Tokens.Add(new Tok(c == '9' ? T.Digit9 : T.Digit0));
                i++;
                continue;
            }
            if (c is '.' or 'D' or 'd')
            {
                if (f.HasPoint) throw Syntax("multiple decimal points");
                if (afterV) throw Syntax("cannot use \"V\" and decimal point together");
                f.HasPoint = true;
                f.Tokens.Add(new Tok(T.Point));
                i++;
                continue;
            }
            if (c is ',' or 'G' or 'g') { f.Tokens.Add(new Tok(T.Group)); i++; continue; }
            if (At("PR") || At("pr")) { f.Angle = true; f.SignSlot = false; f.Tokens.Add(new Tok(T.PR)); i += 2; continue; }
            if (At("MI") || At("mi")) { f.SignSlot = false; f.Tokens.Add(new Tok(T.MI)); i += 2; continue; }
            if (At("PL") || At("pl")) { f.Tokens.Add(new Tok(T.PL)); i += 2; continue; }
            if (At("SG") || At("sg")) { f.SignSlot = false; f.Tokens.Add(new Tok(T.SG)); i += 2; continue; }
            if (At("RN")) { f.Roman = true; f.Tokens.Add(new Tok(T.RN)); i += 2; continue; }
            if (At("rn")) { f.Roman = true; f.Tokens.Add(new Tok(T.RNLower)); i += 2; continue; }
            if (At("TH")) { f.Tokens.Add(new Tok(T.TH)); i += 2; continue; }
            if (At("th")) { f.Tokens.Add(new Tok(T.THLower)); i += 2; continue; }
            if (At("EEEE") || At("eeee")) { f.Exponent = true; f.Tokens.Add(new Tok(T.EEEE)); i += 4; continue; }
            if (c is 'S' or 's')
            {
                f.SignSlot = false;
                if (!digitsSeen) f.LeadingSign = true;
                f.Tokens.Add(new Tok(T.S));
                i++;
                continue;
            }
            if (c is 'L' or 'l') { f.Tokens.Add(new Tok(T.L)); i++; continue; }
            if (c is 'V' or 'v')
            {
                if (f.HasPoint) throw Syntax("cannot use \"V\" and decimal point together");
                afterV = true;
                i++;
                continue;
            }
            f.Tokens.Add(new Tok(T.Literal, c.ToString()));
            i++;
        }
        if (f.LeadingSign) f.SignSlot = false;
        if (f.Exponent && (f.Fill || f.Tokens.Any(t => t.Kind is not (T.Digit9 or T.Digit0 or T.Point or T.EEEE))))
            throw Syntax("\"EEEE\" is incompatible with other formats", "\"EEEE\" may only be used together with digit and decimal point patterns.");
        return f;
    }

    // ---- values as scaled integers ----------------------------------------------------------

    private static BigInteger RoundHalfAway(BigInteger numerator, BigInteger denominator)
    {
        var q = BigInteger.DivRem(BigInteger.Abs(numerator), denominator, out var r);
        if (r * 2 >= denominator) q++;
        return numerator.Sign < 0 ? -q : q;
    }

    /// <summary>numerator / denominator rounded half to even (denominator positive).</summary>
    private static BigInteger RoundHalfEven(BigInteger numerator, BigInteger denominator)
    {
        var q = BigInteger.DivRem(BigInteger.Abs(numerator), denominator, out var r);
        var twice = r * 2;
        if (twice > denominator || (twice == denominator && !q.IsEven)) q++;
        return numerator.Sign < 0 ? -q : q;
    }

    private static BigInteger Scaled(Numeric value, int post, int multi)
    {
        var scale = value.Scale - multi;
        var target = post;
        return target >= scale ? value.Mantissa * BigInteger.Pow(10, target - scale) : RoundHalfAway(value.Mantissa, BigInteger.Pow(10, scale - target));
    }

    /// <summary>A finite double as mantissa × 2^exponent, exactly.</summary>
    private static (BigInteger Mantissa, int Exponent) Decompose(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++;
        else mantissa |= 1L << 52;
        exponent -= 1075;
        BigInteger m = mantissa;
        if (value < 0) m = -m;
        return (m, exponent);
    }

    /// <summary>round(value × 10^post), half to even on the exact binary value (as printf's %.*f).</summary>
    private static BigInteger ScaledDouble(double value, int post)
    {
        var (m, e) = Decompose(value);
        var numerator = m * BigInteger.Pow(10, post);
        return e >= 0 ? numerator << e : RoundHalfEven(numerator, BigInteger.One << -e);
    }

    // ---- entry points ---------------------------------------------------------------------

    public static string FormatNumeric(Numeric value, string template)
    {
        var f = Parse(template);
        if (value.IsNaN || value.IsInfinity) return Special(f, value.IsNaN ? "NaN" : value.Sign < 0 ? "-Infinity" : "Infinity");
        if (f.Roman) return Roman(f, Scaled(value, 0, 0));
        if (f.Exponent) return Exponent(f, value.Sign < 0, ExponentDigits(value, f.Post));
        var scaled = Scaled(value, f.Post, f.Multi);
        return Layout(f, BigInteger.Abs(scaled), scaled.Sign < 0);
    }

    public static string FormatInteger(long value, string template) => FormatNumeric(Numeric.FromLong(value), template);

    /// <summary>float8 (significantDigits 15) and float4 (6).</summary>
    public static string FormatFloat(double value, int significantDigits, string template)
    {
        var f = Parse(template);
        if (double.IsNaN(value) || double.IsInfinity(value)) return Special(f, double.IsNaN(value) ? "NaN" : value < 0 ? "-Infinity" : "Infinity");
        if (f.Roman) return Roman(f, ScaledDouble(value, 0));
        if (f.Exponent)
        {
            var text = value.ToString("E" + f.Post.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var parts = text.TrimStart('-').Split('E');
            var mantissa = parts[0].Replace(".", "", StringComparison.Ordinal);
            return Exponent(f, value < 0, (mantissa, int.Parse(parts[1], CultureInfo.InvariantCulture)));
        }
        var v = value * Math.Pow(10, f.Multi);
        var post = f.Post;
        var integerDigits = ScaledDouble(Math.Abs(v), 0).ToString(CultureInfo.InvariantCulture).Length;
        if (integerDigits >= significantDigits) post = 0;
        else if (integerDigits + post > significantDigits) post = significantDigits - integerDigits;
        // Past the significant digits the fraction positions print nothing (no point at all when none is left).
        return Layout(f, BigInteger.Abs(ScaledDouble(v, post)), v < 0 || (v == 0 && double.IsNegative(v)), fractionDigits: post);
    }

    /// <summary>NaN and infinities: the template's digit positions filled with '#' (PostgreSQL prints NaN where it fits).</summary>
    private static string Special(Format f, string text)
    {
        if (text == "NaN" && !f.Exponent && !f.Roman)
        {
            var width = f.Pre + f.Post + (f.HasPoint ? 1 : 0) + (f.SignSlot ? 1 : 0);
            return f.Fill ? text : (" " + text).PadRight(Math.Max(width, 4));
        }
        return Layout(f, BigInteger.Zero, text.StartsWith('-'), overflow: true);
    }

    /// <summary>Digits of the mantissa (1 + post of them) and the decimal exponent, numeric rounding.</summary>
    private static (string Digits, int Exponent) ExponentDigits(Numeric value, int post)
    {
        var magnitude = BigInteger.Abs(value.Mantissa);
        if (magnitude.IsZero) return (new string('0', post + 1), 0);
        var digits = magnitude.ToString(CultureInfo.InvariantCulture);
        var exponent = digits.Length - 1 - value.Scale;
        var keep = post + 1;
        BigInteger rounded = digits.Length > keep ? RoundHalfAway(magnitude, BigInteger.Pow(10, digits.Length - keep)) : magnitude * BigInteger.Pow(10, keep - digits.Length);
        var text = rounded.ToString(CultureInfo.InvariantCulture);
        // The exponent is taken before rounding, so 9.999 with two digits prints 10.00e+00 (as PostgreSQL).
        return (text, exponent);
    }

    private static string Exponent(Format f, bool negative, (string Digits, int Exponent) m)
    {
        var sb = new StringBuilder();
        var sign = negative ? "-" : f.Fill ? "" : " ";
        sb.Append(sign).Append(m.Digits[..^f.Post]);
        if (f.Post > 0) sb.Append('.').Append(m.Digits[^f.Post..]);
        sb.Append('e').Append(m.Exponent < 0 ? '-' : '+').Append(Math.Abs(m.Exponent).ToString("D2", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private static string Roman(Format f, BigInteger value)
    {
        var lower = f.Tokens.Any(t => t.Kind == T.RNLower);
        string text;
        if (value < 1 || value > 3999) text = new string('#', 15);
        else
        {
            var n = (int)value;
            var sb = new StringBuilder();
            (int, string)[] table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
            foreach (var (v, s) in table)
                while (n >= v) { sb.Append(s); n -= v; }
            text = sb.ToString();
            if (lower) text = text.ToLowerInvariant();
            if (!f.Fill) text = text.PadLeft(15);
        }
        return text;
    }

    private static string Layout(Format f, BigInteger magnitude, bool negative, bool overflow = false, int? fractionDigits = null)
    {
        var available = fractionDigits ?? f.Post;
        var digits = magnitude.ToString(CultureInfo.InvariantCulture).PadLeft(available + 1, '0');
        var intDigits = digits[..^available];
        var fracDigits = digits[^available..];
        if (intDigits == "0" && available > 0) intDigits = "";
        var fill = f.Fill;
        if (intDigits.Length > f.Pre) overflow = true;
        var sb = new StringBuilder();
        var signPlaced = false;
        var significant = false;
        int intPos = 0, fracPos = 0;
        var lastFracNine = -1;
        void Significant()
        {
            if (significant) return;
            significant = true;
            if (signPlaced) return;
            signPlaced = true;
            if (f.SignSlot && (negative || !fill)) sb.Append(negative ? '-' : ' ');
            else if (f.LeadingSign) sb.Append(negative ? '-' : '+');
            if (f.Angle && (negative || !fill)) sb.Append(negative ? '<' : ' ');
        }
        foreach (var t in f.Tokens)
        {
            switch (t.Kind)
            {
                case T.Digit9 or T.Digit0 when intPos < f.Pre:
                {
                    var index = intPos - (f.Pre - intDigits.Length);
                    if (overflow) { Significant(); sb.Append('#'); }
                    else if (index >= 0) { Significant(); sb.Append(intDigits[index]); }
                    else if (intPos >= f.ZeroStart) { Significant(); sb.Append('0'); }
                    else if (!fill) sb.Append(' ');
                    intPos++;
                    break;
                }
                case T.Digit9 or T.Digit0:
                    if (!overflow && fracPos >= available) break;
                    Significant();
                    sb.Append(overflow ? '#' : fracDigits[fracPos]);
                    if (t.Kind == T.Digit9 && !overflow) lastFracNine = sb.Length - 1;
                    else lastFracNine = -1;
                    fracPos++;
                    break;
                case T.Point:
                    // A point with no fraction position after it prints nothing ('999.' is '999').
                    if (!overflow && available == 0) break;
                    Significant();
                    sb.Append('.');
                    break;
                case T.Group:
                    if (significant) sb.Append(',');
                    else if (!fill) sb.Append(' ');
                    break;
                case T.S when !f.LeadingSign: sb.Append(negative ? '-' : '+'); break;
                case T.MI: sb.Append(negative ? '-' : ' '); break;
                case T.PL: sb.Append(negative ? ' ' : '+'); break;
                case T.SG: sb.Append(negative ? '-' : '+'); break;
                case T.PR: sb.Append(negative ? '>' : ' '); break;
                case T.L: sb.Append(' '); break;
                case T.Literal: sb.Append(t.Text); break;
                case T.TH or T.THLower:
                    if (!negative && !overflow)
                        sb.Append(DateTimeTemplate.OrdinalSuffix(intDigits.Length == 0 ? "0" : intDigits, t.Kind == T.TH));
                    break;
            }
        }
        // A template without digit positions still shows the sign.
        if (!signPlaced && f.Pre + f.Post == 0) Significant();
        var result = sb.ToString();
        return f.Fill && f.HasPoint && f.Post > 0 ? TrimFraction(result, f) : result;
    }

    /// <summary>FM: trailing zeros of '9' fraction positions are dropped (a '0' position stops it).</summary>
    private static string TrimFraction(string text, Format f)
    {
        // The fraction positions' template kinds, right to left.
        var kinds = f.Tokens.Where(t => t.Kind is T.Digit9 or T.Digit0).Skip(f.Pre).Select(t => t.Kind).ToList();
        var point = text.LastIndexOf('.');
        if (point < 0) return text;
        var end = point + 1 + kinds.Count;
        if (end > text.Length) return text;
        var cut = end;
        for (var k = kinds.Count - 1; k >= 0 && kinds[k] == T.Digit9 && text[point + 1 + k] == '0'; k--) cut--;
        return text[..cut] + text[end..];
    }

    /// <summary>
    /// to_number: the input's digits up to the template's integer positions, its first decimal
    /// point and the fraction digits up to the template's fraction positions; a '-' or '&lt;'
    /// anywhere makes it negative. Other characters (separators, currency signs, suffixes) are
    /// passed over; PostgreSQL's position-by-position matching differs on inputs whose
    /// characters do not line up with the template.
    /// </summary>
    public static Numeric ReadNumber(string input, string template)
    {
        var f = Parse(template);
        if (f.Exponent) throw new TenonException(SqlState.FeatureNotSupported, "\"EEEE\" not supported for input");
        var integer = new StringBuilder();
        var fraction = new StringBuilder();
        var negative = false;
        var afterPoint = false;
        foreach (var c in input)
        {
            if (char.IsAsciiDigit(c))
            {
                if (!afterPoint && integer.Length < f.Pre) integer.Append(c);
                else if (afterPoint && fraction.Length < f.Post) fraction.Append(c);
                else if (!afterPoint && !f.HasPoint) break;
            }
            else if (c == '.' && f.HasPoint && !afterPoint) afterPoint = true;
            else if (c == '-' || (c == '<' && f.Angle)) negative = true;
        }
        if (integer.Length == 0 && fraction.Length == 0 && !(afterPoint && input.Contains('0')))
            throw new TenonException(SqlState.InvalidTextRepresentation, "invalid input syntax for type numeric: \" \"");
        var text = (negative ? "-" : "") + (integer.Length == 0 ? "0" : integer.ToString()) + (afterPoint ? "." + fraction : "");
        var value = Numeric.Parse(text);
        return f.Multi > 0 ? value.Divide(Numeric.Create(BigInteger.Pow(10, f.Multi), 0)) : value;
    }
}
