using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// Maps parameter values supplied by callers (ADO.NET, the wire protocol) to Tenon's value
/// representations: the SQL type a CLR value implies, and the conversion of convenience types
/// (decimal, DateTime, DateTimeOffset, DateOnly, …) to the canonical ones listed on <see cref="TypeId"/>.
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
        DateTime { Kind: DateTimeKind.Utc } => SqlType.Timestamptz,
        DateTime or PgTimestamp => SqlType.Timestamp,
        DateTimeOffset or PgTimestampTz => SqlType.Timestamptz,
        TimeSpan or PgInterval => SqlType.Interval,
        byte[] => SqlType.Bytea,
        _ => SqlType.Unknown,
    };

    /// <summary>Converts a caller-supplied value to the canonical representation of <paramref name="type"/>'s base type.</summary>
    public static object? Normalize(object? value, SqlType type, FormatSettings settings) => value switch
    {
        null or DBNull => null,
        byte b => (short)b,
        sbyte sb => (short)sb,
        ushort us => (int)us,
        uint ui => (long)ui,
        ulong ul => Numeric.Parse(ul.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        decimal d => Numeric.FromDecimal(d),
        char c => c.ToString(),
        // An untyped string whose type context resolved runs through that type's input function.
        string s when !type.IsString => ValueText.Parse(s, type, settings),
        DateOnly d => PgDate.FromDateOnly(d),
        DateTime { Kind: DateTimeKind.Utc } dt => PgTimestampTz.FromDateTimeOffset(new DateTimeOffset(dt)),
        DateTime dt => PgTimestamp.FromDateTime(dt),
        DateTimeOffset dto => PgTimestampTz.FromDateTimeOffset(dto),
        TimeSpan ts => new PgInterval(0, 0, ts.Ticks / 10),
        _ => value,
    };
}
