namespace Tenon.Types;

/// <summary>
/// PostgreSQL's <c>timestamp without time zone</c>: microseconds since 2000-01-01 00:00:00
/// on a clock with no zone, or ±infinity (long.MaxValue / long.MinValue).
/// </summary>
public readonly struct PgTimestamp : IComparable<PgTimestamp>, IEquatable<PgTimestamp>, IComparable
{
    public PgTimestamp(long microseconds) => Microseconds = microseconds;

    public long Microseconds { get; }

    public static readonly PgTimestamp Infinity = new(long.MaxValue);
    public static readonly PgTimestamp NegativeInfinity = new(long.MinValue);

    public bool IsFinite => Microseconds != long.MaxValue && Microseconds != long.MinValue;
    public bool IsInfinity => Microseconds == long.MaxValue;
    public bool IsNegativeInfinity => Microseconds == long.MinValue;

    // Ticks of 2000-01-01 00:00:00 in DateTime's calendar.
    internal const long EpochTicks = 630822816000000000L;

    /// <summary>From a DateTime's wall-clock reading (its Kind is ignored).</summary>
    public static PgTimestamp FromDateTime(DateTime value) => new((value.Ticks - EpochTicks) / 10);

    /// <summary>The wall-clock reading as an Unspecified DateTime; throws for infinity or out of DateTime range.</summary>
    public DateTime ToDateTime()
    {
        if (!IsFinite) throw new InvalidOperationException("infinite timestamp has no DateTime value");
        return new DateTime(checked(Microseconds * 10 + EpochTicks), DateTimeKind.Unspecified);
    }

    /// <summary>Builds from parts; year is astronomical (0 = 1 BC). Throws 22008 when out of range.</summary>
    public static PgTimestamp FromParts(int year, int month, int day, int hour, int minute, int second, int microsecond)
    {
        var date = PgDate.FromYmd(year, month, day);
        var value = date.Days * PgCalendar.MicrosecondsPerDay + hour * PgCalendar.MicrosecondsPerHour
            + minute * PgCalendar.MicrosecondsPerMinute + second * PgCalendar.MicrosecondsPerSecond + microsecond;
        if (value < PgCalendar.MinTimestamp || value >= PgCalendar.EndTimestamp) throw TypeErrors.TimestampOutOfRange();
        return new PgTimestamp(value);
    }

    /// <summary>The date part (floor to midnight).</summary>
    public PgDate Date => IsInfinity ? PgDate.Infinity : IsNegativeInfinity ? PgDate.NegativeInfinity
        : new PgDate((int)PgCalendar.FloorDiv(Microseconds, PgCalendar.MicrosecondsPerDay));

    /// <summary>Microseconds since midnight.</summary>
    public long TimeOfDay => PgCalendar.FloorMod(Microseconds, PgCalendar.MicrosecondsPerDay);

    internal static bool IsValid(long microseconds) =>
        microseconds >= PgCalendar.MinTimestamp && microseconds < PgCalendar.EndTimestamp;

    public int CompareTo(PgTimestamp other) => Microseconds.CompareTo(other.Microseconds);
    public int CompareTo(object? obj) => obj is PgTimestamp t ? CompareTo(t) : 1;
    public bool Equals(PgTimestamp other) => Microseconds == other.Microseconds;
    public override bool Equals(object? obj) => obj is PgTimestamp t && Equals(t);
    public override int GetHashCode() => Microseconds.GetHashCode();
    public static bool operator ==(PgTimestamp a, PgTimestamp b) => a.Microseconds == b.Microseconds;
    public static bool operator !=(PgTimestamp a, PgTimestamp b) => a.Microseconds != b.Microseconds;
    public static bool operator <(PgTimestamp a, PgTimestamp b) => a.Microseconds < b.Microseconds;
    public static bool operator >(PgTimestamp a, PgTimestamp b) => a.Microseconds > b.Microseconds;
    public static bool operator <=(PgTimestamp a, PgTimestamp b) => a.Microseconds <= b.Microseconds;
    public static bool operator >=(PgTimestamp a, PgTimestamp b) => a.Microseconds >= b.Microseconds;

    public override string ToString() => DateTimeText.FormatTimestamp(this, FormatSettings.Default);
}
