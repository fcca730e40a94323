using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Tenon.Errors;

namespace Tenon.Types;

// Tenon's type system: how values look, convert, compare and combine.
//
// TERMS
//   TypeId      the base type; each has exactly one CLR representation (see TypeId.cs).
//   SqlType     a TypeId plus an optional modifier: varchar(n), char(n), numeric(p,s), timestamp(p).
//   Unknown     the type of an untyped string literal until context gives it one.
//
// THE PARTS
//   T.1  ValueText   PostgreSQL's input/output functions (typinput/typoutput): text ⇄ value,
//                    under FormatSettings (DateStyle, TimeZone, IntervalStyle, extra_float_digits,
//                    bytea_output). Input applies the type modifier like an assignment would.
//   T.2  ValueCast   pg_cast: whether a cast exists in a context (implicit, assignment, explicit)
//                    and how it converts, including modifier coercion (length, precision).
//   T.3  ValueComparer  btree ordering, equality and hashing per type; allocation-free for the
//                    common types, because the executor calls it in its innermost loops.
//   T.4  Operators   operator resolution for arithmetic, comparison and concatenation, with
//                    PostgreSQL's rules for unknown literals and numeric promotion, and
//                    select_common_type for UNION / CASE / COALESCE.
//
// INVARIANTS
//   - SQL NULL is CLR null everywhere; these functions take non-null values unless stated.
//   - Every error carries PostgreSQL 15's SQLSTATE and message text (see TypeErrors).
//   - A bpchar value is stored padded to its declared length; comparisons ignore trailing blanks.
//
// TRADE-OFFS
//   Date/time input is a reduced form of PostgreSQL's parser (ISO and common textual forms);
//   time zone abbreviations for output come from the system tz database through .NET, so
//   historical local mean time prints as a numeric offset rather than "LMT".

/// <summary>PostgreSQL's text input and output functions for every <see cref="TypeId"/>.</summary>
public static class ValueText
{
    /// <summary>The type's output function: the text psql would show for <paramref name="value"/>.</summary>
    public static string Format(object value, SqlType type, FormatSettings settings)
    {
        switch (type.Id)
        {
            case TypeId.Bool: return (bool)value ? "t" : "f";
            case TypeId.Int2: return ((short)value).ToString(CultureInfo.InvariantCulture);
            case TypeId.Int4: return ((int)value).ToString(CultureInfo.InvariantCulture);
            case TypeId.Int8: return ((long)value).ToString(CultureInfo.InvariantCulture);
            case TypeId.Numeric: return ((Numeric)value).ToString();
            case TypeId.Float4: return FloatText.FormatSingle((float)value, settings.ExtraFloatDigits);
            case TypeId.Float8: return FloatText.FormatDouble((double)value, settings.ExtraFloatDigits);
            case TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name or TypeId.Unknown: return (string)value;
            case TypeId.Uuid: return ((Guid)value).ToString("D");
            case TypeId.Record: return ((PgRecord)value).Format(settings);
            case TypeId.Array when type.IsVector: return string.Join(' ', ((PgArray)value).Items.Select(i => Format(i!, type.Element!, settings)));
            case TypeId.Array: return ArrayText.Format((PgArray)value, settings);
            case TypeId.Date: return DateTimeText.FormatDate((PgDate)value, settings);
            case TypeId.Timestamp: return DateTimeText.FormatTimestamp((PgTimestamp)value, settings);
            case TypeId.Timestamptz: return DateTimeText.FormatTimestampTz((PgTimestampTz)value, settings);
            case TypeId.Interval: return DateTimeText.FormatInterval((PgInterval)value, settings);
            case TypeId.Time: return DateTimeText.FormatTime((PgTime)value);
            case TypeId.Bytea: return FormatBytea((byte[])value, settings.ByteaHex);
            case TypeId.Oid or TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.RegProc or TypeId.RegProcedure or TypeId.Xid: return ((uint)value).ToString(CultureInfo.InvariantCulture);
            case TypeId.Inet: return InetText.Format((PgInet)value, isCidr: false);
            case TypeId.Cidr: return InetText.Format((PgInet)value, isCidr: true);
            case TypeId.Void: return "";
            case TypeId.TsVector: return ((TsVector)value).ToString();
            case TypeId.TsQuery: return ((TsQuery)value).ToString();
            case TypeId.Json: return (string)value;
            case TypeId.Jsonb: return ((JsonValue)value).ToString();
            case TypeId.RegConfig: return TextSearch.TextSearchConfig.ByOid((uint)value)?.Name ?? ((uint)value).ToString(CultureInfo.InvariantCulture);
            case TypeId.Enum: return ((PgEnumValue)value).Label;
            case TypeId.Point or TypeId.Lseg or TypeId.Path or TypeId.Box or TypeId.Polygon or TypeId.Line or TypeId.Circle:
                return GeometryText.Format(value, settings);
            default: throw new ArgumentOutOfRangeException(nameof(type), type.Id, "no output function");
        }
    }

    /// <summary>
    /// The type's input function. Throws <see cref="TenonException"/> with PostgreSQL's
    /// SQLSTATE and text for malformed or out-of-range input; applies the type modifier.
    /// </summary>
    public static object Parse(string text, SqlType type, FormatSettings settings)
    {
        switch (type.Id)
        {
            case TypeId.Bool: return ParseBool(text);
            case TypeId.Int2: return (short)ParseInteger(text, short.MinValue, short.MaxValue, "smallint");
            case TypeId.Int4: return (int)ParseInteger(text, int.MinValue, int.MaxValue, "integer");
            case TypeId.Int8: return ParseInteger(text, long.MinValue, long.MaxValue, "bigint");
            case TypeId.Numeric: return TypeModifiers.ApplyNumeric(Numeric.Parse(text), type);
            case TypeId.Float4: return FloatText.ParseSingle(text);
            case TypeId.Float8: return FloatText.ParseDouble(text);
            case TypeId.Text or TypeId.Unknown: return text;
            case TypeId.Varchar or TypeId.Bpchar or TypeId.Name: return TypeModifiers.ApplyString(text, type, isExplicit: false);
            case TypeId.Uuid: return ParseUuid(text);
            case TypeId.Date: return DateTimeText.ParseDate(text, settings);
            case TypeId.Timestamp: return TypeModifiers.ApplyTimestamp(DateTimeText.ParseTimestamp(text, settings), type);
            case TypeId.Timestamptz: return TypeModifiers.ApplyTimestampTz(DateTimeText.ParseTimestampTz(text, settings), type);
            case TypeId.Interval: return DateTimeText.ParseInterval(text);
            case TypeId.Time: return TypeModifiers.ApplyTime(DateTimeText.ParseTime(text, settings), type);
            case TypeId.Bytea: return ParseBytea(text);
            case TypeId.Oid: return ParseOid(text);
            case TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.RegProc or TypeId.RegProcedure: return ParseOid(text);
            case TypeId.Xid: return ParseXid(text);
            case TypeId.TsVector: return TsVectorText.Parse(text);
            case TypeId.TsQuery: return TsQueryText.ParseLiteral(text);
            case TypeId.Json: return JsonParser.ValidateJson(text);
            case TypeId.Jsonb: return JsonParser.ParseJsonb(text);
            case TypeId.RegConfig: return TextSearch.TextSearchConfig.ParseName(text);
            case TypeId.Inet: return InetText.Parse(text, isCidr: false);
            case TypeId.Cidr: return InetText.Parse(text, isCidr: true);
            case TypeId.Array when type.IsVector: return PgArray.Vector(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => Parse(t, type.Element!, settings)).ToArray());
            case TypeId.Array: return ArrayText.Parse(text, type.Element!, settings);
            case TypeId.Enum: return type.Enum!.Parse(text);
            case TypeId.Point or TypeId.Lseg or TypeId.Path or TypeId.Box or TypeId.Polygon or TypeId.Line or TypeId.Circle:
                return GeometryText.Parse(text, type.Id);
            case TypeId.Record when type.Composite is { } composite: return RecordText.Parse(text, composite, settings);
            case TypeId.Record:
                throw new TenonException(SqlState.FeatureNotSupported, "input of anonymous composite types is not implemented");
            default: throw new ArgumentOutOfRangeException(nameof(type), type.Id, "no input function");
        }
    }

    // ---- bool ---------------------------------------------------------------------------

    /// <summary>parse_bool: any unambiguous prefix of true/false/yes/no, on/off, 1/0, any case.</summary>
    public static bool ParseBool(string text)
    {
        var s = text.AsSpan().Trim(" \t\n\r\v\f");
        if (TryBool(s, out var result)) return result;
        throw TypeErrors.InvalidSyntax("boolean", text);
    }

    private static bool TryBool(ReadOnlySpan<char> s, out bool result)
    {
        result = false;
        if (s.Length == 0) return false;
        switch (char.ToLowerInvariant(s[0]))
        {
            case 't': result = true; return IsPrefixOf(s, "true");
            case 'f': result = false; return IsPrefixOf(s, "false");
            case 'y': result = true; return IsPrefixOf(s, "yes");
            case 'n': result = false; return IsPrefixOf(s, "no");
            case 'o':
                if (s.Length < 2) return false;
                if (IsPrefixOf(s, "on")) { result = true; return true; }
                result = false;
                return IsPrefixOf(s, "off");
            case '1': result = true; return s.Length == 1;
            case '0': result = false; return s.Length == 1;
            default: return false;
        }
    }

    private static bool IsPrefixOf(ReadOnlySpan<char> s, string word) =>
        s.Length <= word.Length && word.AsSpan(0, s.Length).Equals(s, StringComparison.OrdinalIgnoreCase);

    // ---- integers -----------------------------------------------------------------------

    /// <summary>pg_strtoint16/32/64: optional whitespace, sign, at least one digit, whitespace.</summary>
    internal static long ParseInteger(string text, long min, long max, string typeName)
    {
        var s = text.AsSpan();
        var i = 0;
        while (i < s.Length && IsSpace(s[i])) i++;
        var negative = false;
        if (i < s.Length && s[i] is '+' or '-')
        {
            negative = s[i] == '-';
            i++;
        }
        var start = i;
        ulong magnitude = 0;
        var overflow = false;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            var digit = (ulong)(s[i] - '0');
            if (magnitude > (ulong.MaxValue - digit) / 10) overflow = true;
            else magnitude = magnitude * 10 + digit;
            i++;
        }
        if (i == start) throw TypeErrors.InvalidSyntax(typeName, text);
        while (i < s.Length && IsSpace(s[i])) i++;
        if (i != s.Length) throw TypeErrors.InvalidSyntax(typeName, text);
        if (overflow) throw TypeErrors.ValueOutOfRange(text, typeName);
        if (negative)
        {
            if (magnitude > (ulong)-(min + 1) + 1) throw TypeErrors.ValueOutOfRange(text, typeName);
            return magnitude == (ulong)-(min + 1) + 1 ? min : -(long)magnitude;
        }
        if (magnitude > (ulong)max) throw TypeErrors.ValueOutOfRange(text, typeName);
        return (long)magnitude;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';

    /// <summary>
    /// xidin (PostgreSQL 15): C's strtoul with base 0 (0x… hex, 0… octal) cut to 32 bits, with no
    /// error at all: it stops at the first character that does not fit, so 'abc' is 0 and '-1' is
    /// 4294967295; an overflowing number saturates to ULONG_MAX before the cut.
    /// </summary>
    private static uint ParseXid(string text)
    {
        var s = text.AsSpan().TrimStart(" \t\n\r\v\f");
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-') { negative = s[0] == '-'; s = s[1..]; }
        var radix = 10;
        if (s.Length > 1 && s[0] == '0' && s[1] is 'x' or 'X' && s.Length > 2 && char.IsAsciiHexDigit(s[2])) { radix = 16; s = s[2..]; }
        else if (s.Length > 0 && s[0] == '0') radix = 8;
        ulong value = 0;
        var overflow = false;
        foreach (var c in s)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= radix) break;
            if (value > (ulong.MaxValue - (ulong)digit) / (ulong)radix) overflow = true;
            else value = value * (ulong)radix + (ulong)digit;
        }
        if (overflow) return uint.MaxValue;
        return unchecked((uint)(negative ? 0UL - value : value));
    }

    /// <summary>oidin: like strtoul, so -1 wraps to 4294967295; 32-bit range either signed or unsigned.</summary>
    private static uint ParseOid(string text)
    {
        var s = text.AsSpan().Trim(" \t\n\r\v\f");
        if (s.Length == 0) throw TypeErrors.InvalidSyntax("oid", text);
        var negative = s[0] == '-';
        var body = s[0] is '+' or '-' ? s[1..] : s;
        if (body.Length == 0) throw TypeErrors.InvalidSyntax("oid", text);
        foreach (var c in body)
        {
            if (!char.IsAsciiDigit(c)) throw TypeErrors.InvalidSyntax("oid", text);
        }
        if (!ulong.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var magnitude))
            throw TypeErrors.ValueOutOfRange(text, "oid");
        if (negative)
        {
            if (magnitude > 2147483648UL) throw TypeErrors.ValueOutOfRange(text, "oid");
            return unchecked((uint)-(long)magnitude);
        }
        if (magnitude > uint.MaxValue) throw TypeErrors.ValueOutOfRange(text, "oid");
        return (uint)magnitude;
    }

    // ---- uuid ---------------------------------------------------------------------------

    /// <summary>uuid_in: 32 hex digits, optional braces, a hyphen allowed after any group of four.</summary>
    public static Guid ParseUuid(string text)
    {
        Span<byte> bytes = stackalloc byte[16];
        var s = text.AsSpan();
        var i = 0;
        var braces = s.Length > 0 && s[0] == '{';
        if (braces) i++;
        for (var b = 0; b < 16; b++)
        {
            if (i + 1 >= s.Length || !char.IsAsciiHexDigit(s[i]) || !char.IsAsciiHexDigit(s[i + 1]))
                throw TypeErrors.InvalidSyntax("uuid", text);
            bytes[b] = (byte)(HexValue(s[i]) << 4 | HexValue(s[i + 1]));
            i += 2;
            if (i < s.Length && s[i] == '-' && b % 2 == 1 && b < 15) i++;
        }
        if (braces)
        {
            if (i >= s.Length || s[i] != '}') throw TypeErrors.InvalidSyntax("uuid", text);
            i++;
        }
        if (i != s.Length) throw TypeErrors.InvalidSyntax("uuid", text);
        return new Guid(bytes, bigEndian: true);
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>The 16 bytes in PostgreSQL's (RFC text) order as two big-endian halves.</summary>
    internal static (ulong High, ulong Low) UuidHalves(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return (BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }

    // ---- bytea --------------------------------------------------------------------------

    public static string FormatBytea(byte[] value, bool hex)
    {
        if (hex) return "\\x" + Convert.ToHexStringLower(value);
        var sb = new StringBuilder(value.Length);
        foreach (var b in value)
        {
            if (b == (byte)'\\') sb.Append("\\\\");
            else if (b < 0x20 || b > 0x7e)
                sb.Append('\\').Append((char)('0' + (b >> 6))).Append((char)('0' + ((b >> 3) & 7))).Append((char)('0' + (b & 7)));
            else sb.Append((char)b);
        }
        return sb.ToString();
    }

    /// <summary>byteain: \x hex format (whitespace between pairs allowed) or the escape format.</summary>
    public static byte[] ParseBytea(string text)
    {
        if (text.Length >= 2 && text[0] == '\\' && text[1] == 'x')
        {
            var result = new List<byte>(text.Length / 2);
            var i = 2;
            while (i < text.Length)
            {
                var c = text[i];
                if (IsSpace(c))
                {
                    i++;
                    continue;
                }
                if (!char.IsAsciiHexDigit(c))
                    throw new TenonException(SqlState.InvalidParameterValue, $"invalid hexadecimal digit: \"{c}\"");
                if (i + 1 >= text.Length)
                    throw new TenonException(SqlState.InvalidParameterValue, "invalid hexadecimal data: odd number of digits");
                var d = text[i + 1];
                if (!char.IsAsciiHexDigit(d))
                    throw new TenonException(SqlState.InvalidParameterValue, $"invalid hexadecimal digit: \"{d}\"");
                result.Add((byte)(HexValue(c) << 4 | HexValue(d)));
                i += 2;
            }
            return result.ToArray();
        }
        var bytes = new List<byte>(text.Length);
        var utf8 = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (b != (byte)'\\')
            {
                bytes.Add(b);
                continue;
            }
            if (i + 1 < utf8.Length && utf8[i + 1] == (byte)'\\')
            {
                bytes.Add((byte)'\\');
                i++;
                continue;
            }
            if (i + 3 < utf8.Length && IsOctal(utf8[i + 1], '3') && IsOctal(utf8[i + 2], '7') && IsOctal(utf8[i + 3], '7'))
            {
                bytes.Add((byte)(((utf8[i + 1] - '0') << 6) | ((utf8[i + 2] - '0') << 3) | (utf8[i + 3] - '0')));
                i += 3;
                continue;
            }
            throw new TenonException(SqlState.InvalidTextRepresentation, "invalid input syntax for type bytea");
        }
        return bytes.ToArray();
    }

    private static bool IsOctal(byte b, char max) => b >= (byte)'0' && b <= (byte)max;
}
