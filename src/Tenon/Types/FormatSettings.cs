namespace Tenon.Types;

public enum DateStyleFormat { Iso, Postgres, Sql, German }
public enum DateOrder { Mdy, Dmy, Ymd }
public enum IntervalStyleFormat { Postgres, PostgresVerbose, SqlStandard, Iso8601 }

/// <summary>
/// The session settings that change how values are read from and written as text:
/// PostgreSQL's DateStyle, TimeZone, IntervalStyle, extra_float_digits and bytea_output.
/// Defaults are PostgreSQL's (ISO, MDY; UTC; postgres; 1; hex).
/// </summary>
public sealed record FormatSettings
{
    public DateStyleFormat DateStyle { get; init; } = DateStyleFormat.Iso;
    public DateOrder DateOrder { get; init; } = DateOrder.Mdy;
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
    /// <summary>The name the user gave the time zone (SHOW TimeZone prints it).</summary>
    public string TimeZoneName { get; init; } = "UTC";
    public IntervalStyleFormat IntervalStyle { get; init; } = IntervalStyleFormat.Postgres;
    public int ExtraFloatDigits { get; init; } = 1;
    public bool ByteaHex { get; init; } = true;
    /// <summary>default_text_search_config as a regconfig oid (pg_catalog.english by default).</summary>
    public uint TextSearchConfig { get; init; } = Tenon.TextSearch.TextSearchConfig.EnglishOid;

    public static readonly FormatSettings Default = new();
}
