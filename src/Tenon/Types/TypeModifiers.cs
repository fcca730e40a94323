using System.Text;

namespace Tenon.Types;

/// <summary>
/// Applying a type modifier to a value: varchar(n)/char(n) length rules, numeric(p,s)
/// rounding and overflow, timestamp(p) rounding. Input functions apply them like an
/// assignment cast (errors on overflow); explicit casts truncate strings silently.
/// </summary>
internal static class TypeModifiers
{
    /// <summary>PostgreSQL's NAMEDATALEN - 1: longest identifier in bytes.</summary>
    public const int MaxNameBytes = 63;

    /// <summary>Length in characters (code points), as PostgreSQL counts them in UTF-8.</summary>
    public static int CharLength(string s)
    {
        var length = s.Length;
        foreach (var c in s)
        {
            if (char.IsLowSurrogate(c)) length--;
        }
        return length;
    }

    /// <summary>UTF-16 index just after the first <paramref name="chars"/> code points.</summary>
    private static int IndexAfterChars(string s, int chars)
    {
        var i = 0;
        while (chars > 0 && i < s.Length)
        {
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
            chars--;
        }
        return i;
    }

    public static string ApplyString(string value, SqlType type, bool isExplicit)
    {
        var max = type.Length;
        if (max < 0) return type.Id == TypeId.Name ? TruncateName(value) : value;
        if (type.Id == TypeId.Varchar)
        {
            if (value.Length <= max || CharLength(value) <= max) return value;
            var cut = IndexAfterChars(value, max);
            if (!isExplicit && !AllSpaces(value, cut)) throw TypeErrors.ValueTooLong(type.DisplayName);
            return value[..cut];
        }
        if (type.Id == TypeId.Bpchar)
        {
            var length = CharLength(value);
            if (length > max)
            {
                var cut = IndexAfterChars(value, max);
                if (!isExplicit && !AllSpaces(value, cut)) throw TypeErrors.ValueTooLong(type.DisplayName);
                return value[..cut];
            }
            return length == max ? value : value + new string(' ', max - length);
        }
        return value;
    }

    private static bool AllSpaces(string s, int from)
    {
        for (var i = from; i < s.Length; i++)
        {
            if (s[i] != ' ') return false;
        }
        return true;
    }

    /// <summary>name: cut to 63 bytes of UTF-8 without splitting a character.</summary>
    public static string TruncateName(string value)
    {
        if (value.Length * 3 <= MaxNameBytes || Encoding.UTF8.GetByteCount(value) <= MaxNameBytes) return value;
        var bytes = 0;
        var i = 0;
        while (i < value.Length)
        {
            var width = char.IsHighSurrogate(value[i]) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(value.AsSpan(i, Math.Min(width, value.Length - i)));
            if (bytes + size > MaxNameBytes) break;
            bytes += size;
            i += width;
        }
        return value[..i];
    }

    public static Numeric ApplyNumeric(Numeric value, SqlType type) =>
        type.Precision >= 0 ? value.ApplyTypeModifier(type.Precision, type.Scale) : value;

    /// <summary>timestamp(p): round microseconds to p fraction digits, half away from zero.</summary>
    public static long RoundMicroseconds(long microseconds, int precision)
    {
        if (precision < 0 || precision >= 6) return microseconds;
        long scale = 1;
        for (var k = precision; k < 6; k++) scale *= 10;
        var offset = scale / 2;
        return microseconds >= 0
            ? (microseconds + offset) / scale * scale
            : -((-microseconds + offset) / scale * scale);
    }

    public static PgTimestamp ApplyTimestamp(PgTimestamp value, SqlType type) =>
        type.Precision >= 0 && value.IsFinite ? new PgTimestamp(RoundMicroseconds(value.Microseconds, type.Precision)) : value;

    public static PgTime ApplyTime(PgTime value, SqlType type) =>
        type.Precision >= 0 ? new PgTime(RoundMicroseconds(value.Microseconds, type.Precision)) : value;

    public static PgTimestampTz ApplyTimestampTz(PgTimestampTz value, SqlType type) =>
        type.Precision >= 0 && value.IsFinite ? new PgTimestampTz(RoundMicroseconds(value.Microseconds, type.Precision)) : value;

    /// <summary>Applies whatever modifier <paramref name="type"/> carries (assignment semantics unless explicit).</summary>
    public static object Apply(object value, SqlType type, bool isExplicit)
    {
        if (!type.HasModifier && type.Id != TypeId.Name) return value;
        return type.Id switch
        {
            TypeId.Varchar or TypeId.Bpchar or TypeId.Name => ApplyString((string)value, type, isExplicit),
            TypeId.Numeric => ApplyNumeric((Numeric)value, type),
            TypeId.Timestamp => ApplyTimestamp((PgTimestamp)value, type),
            TypeId.Timestamptz => ApplyTimestampTz((PgTimestampTz)value, type),
            TypeId.Time => ApplyTime((PgTime)value, type),
            TypeId.Array => ApplyToElements((PgArray)value, type.Element!, isExplicit),
            _ => value,
        };
    }

    private static PgArray ApplyToElements(PgArray array, SqlType element, bool isExplicit) =>
        array.WithItems(element, array.Items.Select(v => v is null ? null : Apply(v, element, isExplicit)).ToArray());
}
