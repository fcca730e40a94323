using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// Maps parameter values supplied by callers (ADO.NET, the wire protocol) to Tenon's value
/// representations: the SQL type a CLR value implies, and the conversion of convenience types
/// (decimal, DateTime, DateTimeOffset, DateOnly, …) to the canonical ones listed on <see cref="TypeId"/>.
/// A DateTime with Kind Utc or Local is an instant (timestamptz, as Npgsql maps it); Unspecified
/// is a wall-clock timestamp.
/// </summary>
public static class ParameterValues
{
    /// <summary>The SQL type implied by a parameter value; strings and nulls are Unknown (typed by context).</summary>
    public static SqlType TypeOf(object? value) => value switch
    {
        null or DBNull => SqlType.Unknown,
        bool => SqlType.Bool,
        short or byte or sbyte => SqlType.Int2,
        int or ushort => SqlType.Int4,
        long or uint => SqlType.Int8,
        ulong or decimal or Numeric => SqlType.Numeric,
        float => SqlType.Float4,
        double => SqlType.Float8,
        string or char => SqlType.Unknown,
        Guid => SqlType.Uuid,
        DateOnly or PgDate => SqlType.Date,
        TimeOnly or PgTime => SqlType.Time,
        DateTime { Kind: DateTimeKind.Utc or DateTimeKind.Local } => SqlType.Timestamptz,
        DateTime or PgTimestamp => SqlType.Timestamp,
        DateTimeOffset or PgTimestampTz => SqlType.Timestamptz,
        TimeSpan or PgInterval => SqlType.Interval,
        byte[] => SqlType.Bytea,
        PgArray a => SqlType.ArrayOf(a.ElementType),
        JsonValue => SqlType.Jsonb,
        // A CLR array (int[], string[] …) is an array of its elements' type; string[] is text[].
        Array a when a.GetType().GetElementType() is { } e && e != typeof(object) && ElementTypeOf(e) is { } t => SqlType.ArrayOf(t),
        _ => SqlType.Unknown,
    };

    /// <summary>
    /// Converts a caller-supplied value to the canonical representation of <paramref name="type"/>'s
    /// base type. A string (untyped, like a literal) that context typed as something else goes
    /// through that type's input function, so bad text fails as the literal would (22P02, …).
    /// </summary>
    public static object? Normalize(object? value, SqlType type, FormatSettings settings) => value switch
    {
        // The commonest values are already what the engine keeps: answered before the other tests.
        int or long or short or bool => value,
        null or DBNull => null,
        Array a when a is not byte[] && type.IsArray => NormalizeArray(a, type.Element!, settings),
        string s when !type.IsString => ValueText.Parse(s, type, settings),
        char c when !type.IsString => ValueText.Parse(c.ToString(), type, settings),
        byte b => (short)b,
        sbyte sb => (short)sb,
        ushort us => (int)us,
        uint ui => (long)ui,
        ulong ul => Numeric.Parse(ul.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        decimal d => Numeric.FromDecimal(d),
        char c => c.ToString(),
        DateOnly d => PgDate.FromDateOnly(d),
        TimeOnly t => new PgTime(t.Ticks / 10),
        DateTime { Kind: DateTimeKind.Utc or DateTimeKind.Local } dt => PgTimestampTz.FromDateTime(dt),
        DateTime dt => PgTimestamp.FromDateTime(dt),
        DateTimeOffset dto => PgTimestampTz.FromDateTimeOffset(dto),
        TimeSpan ts => new PgInterval(0, 0, ts.Ticks / 10),
        _ => value,
    };

    private static SqlType? ElementTypeOf(Type clr)
    {
        if (clr == typeof(string) || clr == typeof(char)) return SqlType.Text;
        clr = Nullable.GetUnderlyingType(clr) ?? clr;
        var sample = clr == typeof(byte[]) ? SqlType.Bytea : TypeOf(clr.IsValueType ? Activator.CreateInstance(clr) : null);
        return sample.Id == TypeId.Unknown ? null : sample;
    }

    /// <summary>A CLR array (one or more dimensions, lower bounds 1) as an array value of <paramref name="element"/>.</summary>
    private static PgArray NormalizeArray(Array a, SqlType element, FormatSettings settings)
    {
        if (a.Length == 0) return PgArray.Empty(element);
        var items = new object?[a.Length];
        var i = 0;
        foreach (var v in a) items[i++] = Normalize(v, element, settings);
        var lengths = Enumerable.Range(0, a.Rank).Select(a.GetLength).ToArray();
        return new PgArray(element, items, lengths, Enumerable.Repeat(1, a.Rank).ToArray());
    }
}
