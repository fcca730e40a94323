using System.Numerics;

namespace Tenon.Types;

/// <summary>
/// PostgreSQL's <c>interval</c>: months, days and microseconds kept apart (a month is not a
/// fixed number of days, nor a day of hours across DST). Comparison and equality, as in
/// PostgreSQL, flatten it with 1 month = 30 days and 1 day = 24 hours, so '1 mon' = '30 days'.
/// </summary>
public readonly struct PgInterval : IComparable<PgInterval>, IEquatable<PgInterval>, IComparable
{
    public PgInterval(int months, int days, long microseconds)
    {
        Months = months;
        Days = days;
        Microseconds = microseconds;
    }

    public int Months { get; }
    public int Days { get; }
    public long Microseconds { get; }

    public static readonly PgInterval Zero = default;

    public static PgInterval FromTimeSpan(TimeSpan value) => new(0, 0, value.Ticks / 10);

    /// <summary>The span with months as 30 days and days as 24 hours.</summary>
    public TimeSpan ToTimeSpan() => TimeSpan.FromTicks((long)(SpanMicroseconds() * 10));

    /// <summary>PostgreSQL's interval_cmp_value: the total span in microseconds.</summary>
    internal BigInteger SpanMicroseconds() =>
        ((BigInteger)Months * 30 + Days) * PgCalendar.MicrosecondsPerDay + Microseconds;

    internal Int128 Span128() =>
        ((Int128)Months * 30 + Days) * PgCalendar.MicrosecondsPerDay + Microseconds;

    public PgInterval Negate()
    {
        if (Months == int.MinValue || Days == int.MinValue || Microseconds == long.MinValue)
            throw TypeErrors.IntervalOutOfRange();
        return new PgInterval(-Months, -Days, -Microseconds);
    }

    public PgInterval Add(PgInterval other)
    {
        try
        {
            return new PgInterval(checked(Months + other.Months), checked(Days + other.Days), checked(Microseconds + other.Microseconds));
        }
        catch (OverflowException)
        {
            throw TypeErrors.IntervalOutOfRange();
        }
    }

    public PgInterval Subtract(PgInterval other)
    {
        try
        {
            return new PgInterval(checked(Months - other.Months), checked(Days - other.Days), checked(Microseconds - other.Microseconds));
        }
        catch (OverflowException)
        {
            throw TypeErrors.IntervalOutOfRange();
        }
    }

    /// <summary>interval * float8 as PostgreSQL's interval_mul: fractions of months and days cascade down.</summary>
    public PgInterval Multiply(double factor)
    {
        if (double.IsNaN(factor)) throw TypeErrors.IntervalOutOfRange();
        var months = Months * factor;
        var days = Days * factor;
        if (double.IsNaN(months) || months < int.MinValue || months > int.MaxValue
            || days < int.MinValue || days > int.MaxValue) throw TypeErrors.IntervalOutOfRange();
        var wholeMonths = (int)Math.Truncate(months);
        var wholeDays = (int)Math.Truncate(days);
        var monthRemainderDays = (months - wholeMonths) * 30;
        var extraDays = Math.Truncate(monthRemainderDays);
        var sumDays = wholeDays + extraDays;
        if (sumDays < int.MinValue || sumDays > int.MaxValue) throw TypeErrors.IntervalOutOfRange();
        var secondRemainder = (days - wholeDays) + (monthRemainderDays - extraDays);
        var micros = Math.Round(Microseconds * factor + secondRemainder * PgCalendar.MicrosecondsPerDay);
        if (double.IsNaN(micros) || micros < long.MinValue || micros >= 9.2233720368547758E18) throw TypeErrors.IntervalOutOfRange();
        return new PgInterval(wholeMonths, (int)sumDays, (long)micros);
    }

    public PgInterval Divide(double divisor)
    {
        if (divisor == 0) throw TypeErrors.DivisionByZero();
        return Multiply(1.0 / divisor);
    }

    public int CompareTo(PgInterval other) => Span128().CompareTo(other.Span128());
    public int CompareTo(object? obj) => obj is PgInterval i ? CompareTo(i) : 1;
    public bool Equals(PgInterval other) => Span128() == other.Span128();
    public override bool Equals(object? obj) => obj is PgInterval i && Equals(i);
    public override int GetHashCode() => Span128().GetHashCode();
    public static bool operator ==(PgInterval a, PgInterval b) => a.Equals(b);
    public static bool operator !=(PgInterval a, PgInterval b) => !a.Equals(b);
    public static bool operator <(PgInterval a, PgInterval b) => a.CompareTo(b) < 0;
    public static bool operator >(PgInterval a, PgInterval b) => a.CompareTo(b) > 0;
    public static bool operator <=(PgInterval a, PgInterval b) => a.CompareTo(b) <= 0;
    public static bool operator >=(PgInterval a, PgInterval b) => a.CompareTo(b) >= 0;
    public static PgInterval operator +(PgInterval a, PgInterval b) => a.Add(b);
    public static PgInterval operator -(PgInterval a, PgInterval b) => a.Subtract(b);
    public static PgInterval operator -(PgInterval a) => a.Negate();

    public override string ToString() => DateTimeText.FormatInterval(this, FormatSettings.Default);
}
