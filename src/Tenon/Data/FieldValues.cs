using System.Globalization;
using Tenon.Types;

namespace Tenon.Data;

/// <summary>
/// Result-side type mapping: the CLR type <see cref="TenonDataReader.GetValue"/> returns for each
/// SQL type (Npgsql's defaults: date and timestamps as DateTime, timestamptz with Kind Utc,
/// numeric as decimal, interval as TimeSpan), and the conversions <c>GetFieldValue&lt;T&gt;</c> allows.
/// </summary>
internal static class FieldValues
{
    public static Type FieldType(SqlType type) => type.Id switch
    {
        TypeId.Bool => typeof(bool),
        TypeId.Int2 => typeof(short),
        TypeId.Int4 => typeof(int),
        TypeId.Int8 => typeof(long),
        TypeId.Numeric => typeof(decimal),
        TypeId.Float4 => typeof(float),
        TypeId.Float8 => typeof(double),
        TypeId.Uuid => typeof(Guid),
        TypeId.Date or TypeId.Timestamp or TypeId.Timestamptz => typeof(DateTime),
        TypeId.Interval or TypeId.Time => typeof(TimeSpan),
        TypeId.Bytea => typeof(byte[]),
        TypeId.Oid or TypeId.RegClass => typeof(uint),
        TypeId.Void => typeof(DBNull),
        TypeId.Array => FieldType(type.Element!).MakeArrayType(),
        _ => typeof(string),
    };

    /// <summary>PostgreSQL's name for the type (format_type), with its modifier; an unresolved literal reads as text.</summary>
    public static string DataTypeName(SqlType type) => type.Id == TypeId.Unknown ? "text" : type.DisplayName;

    /// <summary>The default CLR value of a non-null engine value.</summary>
    public static object ToClr(object raw, SqlType type, string column) => type.Id switch
    {
        TypeId.Numeric => Guard(() => ((Numeric)raw).ToDecimal(), raw, typeof(decimal), column),
        TypeId.Date => Guard(() => ((PgDate)raw).ToDateTime(), raw, typeof(DateTime), column),
        TypeId.Timestamp => Guard(() => ((PgTimestamp)raw).ToDateTime(), raw, typeof(DateTime), column),
        TypeId.Timestamptz => Guard(() => ((PgTimestampTz)raw).ToDateTime(), raw, typeof(DateTime), column),
        TypeId.Interval => IntervalToTimeSpan((PgInterval)raw, column),
        TypeId.Time => ((PgTime)raw).ToTimeSpan(),
        TypeId.Void => DBNull.Value,
        // json is its text; jsonb its normalized text (what Npgsql gives by default).
        TypeId.Jsonb => ((JsonValue)raw).ToString(),
        TypeId.Array => ToClrArray((PgArray)raw, FieldType(type.Element!), type.Element!, column),
        _ => raw,
    };

    /// <summary>
    /// An array value as a CLR array of <paramref name="elementClr"/> with the value's dimensions
    /// (T[] for one, T[,] for two …; lower bounds are dropped, as Npgsql does). A NULL element
    /// needs an element type that can hold null (int?[], string[]).
    /// </summary>
    private static Array ToClrArray(PgArray a, Type elementClr, SqlType element, string column)
    {
        var result = a.Rank <= 1 ? Array.CreateInstance(elementClr, a.Items.Length) : Array.CreateInstance(elementClr, a.Lengths);
        var nullable = !elementClr.IsValueType || Nullable.GetUnderlyingType(elementClr) is not null;
        var index = new int[Math.Max(a.Rank, 1)];
        for (var i = 0; i < a.Items.Length; i++)
        {
            var v = a.Items[i];
            if (v is null && !nullable)
                throw new InvalidCastException($"Column \"{column}\": the array holds a NULL, which {elementClr} cannot hold; read it as {elementClr}?[].");
            var converted = v is null ? null : elementClr == typeof(object) ? ToClr(v, element, column) : Convert(v, element, Nullable.GetUnderlyingType(elementClr) ?? elementClr, column);
            // Row-major position → per-dimension index.
            var rest = i;
            for (var d = index.Length - 1; d >= 0; d--)
            {
                var len = a.Rank <= 1 ? a.Items.Length : a.Lengths[d];
                index[d] = rest % len;
                rest /= len;
            }
            result.SetValue(converted, index);
        }
        return result;
    }

    /// <summary>Converts a non-null engine value to <paramref name="target"/>, or throws InvalidCastException.</summary>
    public static object Convert(object raw, SqlType type, Type target, string column)
    {
        if (target.IsInstanceOfType(raw) && target != typeof(object)) return raw;
        if (target == typeof(object)) return ToClr(raw, type, column);
        if (Nullable.GetUnderlyingType(target) is { } underlying) return Convert(raw, type, underlying, column);
        if (raw is PgArray array && target.IsArray && target != typeof(byte[]))
            return ToClrArray(array, target.GetElementType()!, type.Element ?? array.ElementType, column);
        if (target.IsEnum) return Enum.ToObject(target, Convert(raw, type, Enum.GetUnderlyingType(target), column));
        var inv = CultureInfo.InvariantCulture;
        object? result = raw switch
        {
            Numeric n when target == typeof(decimal) => Guard(() => n.ToDecimal(), raw, target, column),
            Numeric n when target == typeof(double) => n.ToDouble(),
            Numeric n when target == typeof(float) => n.ToSingle(),
            Numeric n when target == typeof(long) => Guard(() => n.ToInt64(), raw, target, column),
            Numeric n when target == typeof(int) => Guard(() => n.ToInt32(), raw, target, column),
            Numeric n when target == typeof(short) => Guard(() => n.ToInt16(), raw, target, column),
            short or int or long or float or double when IsNumericTarget(target) =>
                Guard(() => System.Convert.ChangeType(raw, target, inv), raw, target, column),
            string s when target == typeof(char) && s.Length > 0 => s[0],
            string s when target == typeof(char[]) => s.ToCharArray(),
            JsonValue j when target == typeof(string) => j.ToString(),
            PgDate d when target == typeof(DateTime) => Guard(() => d.ToDateTime(), raw, target, column),
            PgDate d when target == typeof(DateOnly) => Guard(() => d.ToDateOnly(), raw, target, column),
            PgTimestamp t when target == typeof(DateTime) => Guard(() => t.ToDateTime(), raw, target, column),
            PgTimestampTz t when target == typeof(DateTime) => Guard(() => t.ToDateTime(), raw, target, column),
            PgTimestampTz t when target == typeof(DateTimeOffset) => Guard(() => t.ToDateTimeOffset(), raw, target, column),
            PgInterval i when target == typeof(TimeSpan) => IntervalToTimeSpan(i, column),
            PgTime t when target == typeof(TimeSpan) => t.ToTimeSpan(),
            PgTime t when target == typeof(TimeOnly) => Guard(() => new TimeOnly(t.Microseconds * 10), raw, target, column),
            uint u when target == typeof(long) => (long)u,
            _ => null,
        };
        return result ?? throw new InvalidCastException(
            $"Column \"{column}\" of type {DataTypeName(type)} cannot be read as {target}.");
    }

    private static bool IsNumericTarget(Type t) =>
        t == typeof(short) || t == typeof(int) || t == typeof(long) || t == typeof(byte) || t == typeof(sbyte)
        || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong)
        || t == typeof(decimal) || t == typeof(double) || t == typeof(float);

    // TimeSpan has no months; PostgreSQL's interval does, so only month-free intervals convert (as in Npgsql).
    private static TimeSpan IntervalToTimeSpan(PgInterval i, string column) => i.Months == 0
        ? TimeSpan.FromTicks(checked(i.Days * TimeSpan.TicksPerDay + i.Microseconds * 10))
        : throw new InvalidCastException($"Column \"{column}\": interval with months cannot be read as TimeSpan; read it as PgInterval.");

    private static object Guard(Func<object> convert, object raw, Type target, string column)
    {
        try
        {
            return convert();
        }
        catch (Exception ex) when (ex is Errors.TenonException or OverflowException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            throw new InvalidCastException($"Column \"{column}\": value {raw} cannot be read as {target}: {ex.Message}", ex);
        }
    }
}
