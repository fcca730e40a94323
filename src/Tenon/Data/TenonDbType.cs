namespace Tenon.Data;

/// <summary>
/// A parameter's PostgreSQL type, as <c>NpgsqlDbType</c> names it. Setting it on a
/// <see cref="TenonParameter"/> converts the value to that type's representation before the
/// statement runs, so the parameter is typed as that SQL type (instead of by its CLR type).
/// </summary>
public enum TenonDbType
{
    /// <summary>No explicit type: inferred from the value's CLR type (strings stay untyped, like literals).</summary>
    Unknown = 0,
    Boolean,
    Smallint,
    Integer,
    Bigint,
    Numeric,
    Real,
    Double,
    Text,
    Varchar,
    Char,
    Uuid,
    Date,
    Timestamp,
    TimestampTz,
    Interval,
    /// <summary>time without time zone (TimeOnly or TimeSpan).</summary>
    Time,
    Bytea,
    Oid,
    /// <summary>json: the string must be valid JSON; it is kept as written.</summary>
    Json,
    /// <summary>jsonb: the string is parsed and normalized.</summary>
    Jsonb,
}
