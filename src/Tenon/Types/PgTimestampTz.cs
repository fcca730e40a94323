namespace Tenon.Types;

/// <summary>
/// PostgreSQL's <c>timestamp with time zone</c>: an instant, stored as microseconds since
/// 2000-01-01 00:00:00 UTC, or ±infinity. The session TimeZone only affects text and casts.
/// </summary>
public readonly struct PgTimestampTz : IComparable<PgTimestampTz>, IEquatable<PgTimestampTz>, IComparable
{
    public PgTimestampTz(long microseconds) => Microseconds = microseconds;

    public long Microseconds { get; }

    public static readonly PgTimestampTz Infinity = new(long.MaxValue);
    public static readonly PgTimestampTz NegativeInfinity = new(long.MinValue);

    public bool IsFinite => Microseconds != long.MaxValue && Microseconds != long.MinValue;
    public bool IsInfinity => Microseconds == long.MaxValue;
    public bool IsNegativeInfinity => Microseconds == long.MinValue;

    /// <summary>From a DateTime: Utc as is, Local converted to UTC, Unspecified taken as UTC.</summary>
    public static PgTimestampTz FromDateTime(DateTime value)
    {
        if (value.Kind == DateTimeKind.Local) value = value.ToUniversalTime();
        return new PgTimestampTz((value.Ticks - PgTimestamp.EpochTicks) / 10);
    }

    public static PgTimestampTz FromDateTimeOffset(DateTimeOffset value) =>
        new((value.UtcTicks - PgTimestamp.EpochTicks) / 10);

    /// <summary>The instant as a UTC DateTime.</summary>
    public DateTime ToDateTime()
    {
        if (!IsFinite) throw new InvalidOperationException("infinite timestamp has no DateTime value");
        return new DateTime(checked(Microseconds * 10 + PgTimestamp.EpochTicks), DateTimeKind.Utc);
    }

    public DateTimeOffset ToDateTimeOffset() => new(ToDateTime());

    /// <summary>The UTC wall-clock reading as a timestamp without time zone.</summary>
    public PgTimestamp ToUtcTimestamp() => new(Microseconds);

    public int CompareTo(PgTimestampTz other) => Microseconds.CompareTo(other.Microseconds);
    public int CompareTo(object? obj) => obj is PgTimestampTz t ? CompareTo(t) : 1;
    public bool Equals(PgTimestampTz other) => Microseconds == other.Microseconds;
    public override bool Equals(object? obj) => obj is PgTimestampTz t && Equals(t);
    public override int GetHashCode() => Microseconds.GetHashCode();
    public static bool operator ==(PgTimestampTz a, PgTimestampTz b) => a.Microseconds == b.Microseconds;
    public static bool operator !=(PgTimestampTz a, PgTimestampTz b) => a.Microseconds != b.Microseconds;
    public static bool operator <(PgTimestampTz a, PgTimestampTz b) => a.Microseconds < b.Microseconds;
    public static bool operator >(PgTimestampTz a, PgTimestampTz b) => a.Microseconds > b.Microseconds;
    public static bool operator <=(PgTimestampTz a, PgTimestampTz b) => a.Microseconds <= b.Microseconds;
    public static bool operator >=(PgTimestampTz a, PgTimestampTz b) => a.Microseconds >= b.Microseconds;

    public override string ToString() => DateTimeText.FormatTimestampTz(this, FormatSettings.Default);
}
