namespace Tenon.Types;

/// <summary>
/// PostgreSQL's <c>time without time zone</c>: microseconds since midnight, from 00:00:00 to
/// 24:00:00 inclusive (PostgreSQL accepts and keeps 24:00:00 as the end of a day).
/// </summary>
public readonly struct PgTime : IComparable<PgTime>, IEquatable<PgTime>, IComparable
{
    public PgTime(long microseconds) => Microseconds = microseconds;

    public long Microseconds { get; }

    /// <summary>Microseconds in a day: 24:00:00, the largest time value.</summary>
    public const long DayMicroseconds = PgCalendar.MicrosecondsPerDay;

    public static bool IsValid(long microseconds) => microseconds >= 0 && microseconds <= DayMicroseconds;

    /// <summary>A time of day from an interval's or timestamp's microseconds, wrapped into one day (as time + interval wraps).</summary>
    public static PgTime Wrap(long microseconds) => new(PgCalendar.FloorMod(microseconds, DayMicroseconds));

    /// <summary>The reading as a TimeSpan (00:00:00 to 1.00:00:00).</summary>
    public TimeSpan ToTimeSpan() => TimeSpan.FromTicks(Microseconds * 10);

    public int CompareTo(PgTime other) => Microseconds.CompareTo(other.Microseconds);
    public int CompareTo(object? obj) => obj is PgTime t ? CompareTo(t) : 1;
    public bool Equals(PgTime other) => Microseconds == other.Microseconds;
    public override bool Equals(object? obj) => obj is PgTime t && Equals(t);
    public override int GetHashCode() => Microseconds.GetHashCode();
    public static bool operator ==(PgTime a, PgTime b) => a.Microseconds == b.Microseconds;
    public static bool operator !=(PgTime a, PgTime b) => a.Microseconds != b.Microseconds;
    public static bool operator <(PgTime a, PgTime b) => a.Microseconds < b.Microseconds;
    public static bool operator >(PgTime a, PgTime b) => a.Microseconds > b.Microseconds;
    public static bool operator <=(PgTime a, PgTime b) => a.Microseconds <= b.Microseconds;
    public static bool operator >=(PgTime a, PgTime b) => a.Microseconds >= b.Microseconds;

    public override string ToString() => DateTimeText.FormatTime(this);
}
