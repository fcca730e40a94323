namespace Tenon.Types;

/// <summary>
/// PostgreSQL's <c>date</c>: a day number relative to 2000-01-01, or ±infinity.
/// Valid finite range is 4714-11-24 BC to 5874897-12-31 AD.
/// </summary>
public readonly struct PgDate : IComparable<PgDate>, IEquatable<PgDate>, IComparable
{
    public PgDate(int days) => Days = days;

    /// <summary>Days since 2000-01-01; int.MaxValue is infinity, int.MinValue -infinity.</summary>
    public int Days { get; }

    public static readonly PgDate Infinity = new(int.MaxValue);
    public static readonly PgDate NegativeInfinity = new(int.MinValue);
    public static readonly PgDate Epoch = new(0);

    public bool IsFinite => Days != int.MaxValue && Days != int.MinValue;
    public bool IsInfinity => Days == int.MaxValue;
    public bool IsNegativeInfinity => Days == int.MinValue;

    /// <summary>Builds a date from an astronomical year (0 = 1 BC); throws 22008 when out of range.</summary>
    public static PgDate FromYmd(int year, int month, int day)
    {
        if (month is < 1 or > 12 || day < 1 || day > PgCalendar.DaysInMonth(year, month))
            throw TypeErrors.FieldOutOfRange($"{year:D4}-{month:D2}-{day:D2}");
        var days = PgCalendar.DaysFromCivil(year, month, day);
        if (days < PgCalendar.MinDays || days >= PgCalendar.EndDays) throw TypeErrors.DateOutOfRange();
        return new PgDate((int)days);
    }

    /// <summary>Astronomical year (0 = 1 BC), month, day.</summary>
    public (int Year, int Month, int Day) ToYmd()
    {
        var (y, m, d) = PgCalendar.CivilFromDays(Days);
        return ((int)y, m, d);
    }

    public static PgDate FromDateOnly(DateOnly date) => new((int)PgCalendar.DaysFromCivil(date.Year, date.Month, date.Day));

    public static PgDate FromDateTime(DateTime value) => FromDateOnly(DateOnly.FromDateTime(value));

    /// <summary>The calendar date; throws for infinity or dates outside DateOnly's 1-9999 range.</summary>
    public DateOnly ToDateOnly()
    {
        if (!IsFinite) throw new InvalidOperationException("infinite date has no DateOnly value");
        var (y, m, d) = ToYmd();
        return new DateOnly(y, m, d);
    }

    public DateTime ToDateTime() => ToDateOnly().ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    /// <summary>Midnight of this date as a timestamp (infinities carry over).</summary>
    public PgTimestamp ToTimestamp() =>
        IsInfinity ? PgTimestamp.Infinity : IsNegativeInfinity ? PgTimestamp.NegativeInfinity
        : new PgTimestamp(Days * PgCalendar.MicrosecondsPerDay);

    public int CompareTo(PgDate other) => Days.CompareTo(other.Days);
    public int CompareTo(object? obj) => obj is PgDate d ? CompareTo(d) : 1;
    public bool Equals(PgDate other) => Days == other.Days;
    public override bool Equals(object? obj) => obj is PgDate d && Equals(d);
    public override int GetHashCode() => Days;
    public static bool operator ==(PgDate a, PgDate b) => a.Days == b.Days;
    public static bool operator !=(PgDate a, PgDate b) => a.Days != b.Days;
    public static bool operator <(PgDate a, PgDate b) => a.Days < b.Days;
    public static bool operator >(PgDate a, PgDate b) => a.Days > b.Days;
    public static bool operator <=(PgDate a, PgDate b) => a.Days <= b.Days;
    public static bool operator >=(PgDate a, PgDate b) => a.Days >= b.Days;

    /// <summary>ISO text (as DateStyle ISO prints it).</summary>
    public override string ToString() => DateTimeText.FormatDate(this, FormatSettings.Default);
}
