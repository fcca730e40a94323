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
        DateTime { Kind: DateTimeKind.Utc or DateTimeKind.Local } => SqlType.Timestamptz,
        DateTime or PgTimestamp => SqlType.Timestamp,
        DateTimeOffset or PgTimestampTz => SqlType.Timestamptz,
        TimeSpan or PgInterval => SqlType.Interval,
        byte[] => SqlType.Bytea,
        _ => SqlType.Unknown,
    };

    /// <summary>
    /// Converts a caller-supplied value to the canonical representation of <paramref name="type"/>'s
    /// base type. A string (untyped, like a literal) that context typed as something else goes
    /// through that type's input function, so bad text fails as the literal would (22P02, …).
    /// </summary>
    public static object? Normalize(object? value, SqlType type, FormatSettings settings) => value switch
    {
        null or DBNull => null,
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
        DateTime { Kind: DateTimeKind.Utc or DateTimeKind.Local } dt => PgTimestampTz.FromDateTime(dt),
        DateTime dt => PgTimestamp.FromDateTime(dt),
        DateTimeOffset dto => PgTimestampTz.FromDateTimeOffset(dto),
        TimeSpan ts => new PgInterval(0, 0, ts.Ticks / 10),
        _ => value,
    };
}
