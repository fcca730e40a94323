using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// The operator bodies: integer arithmetic with PostgreSQL's overflow errors, float
/// arithmetic with its overflow/underflow checks, and date/time arithmetic.
/// </summary>
internal static class Arithmetic
{
    // ---- integers -----------------------------------------------------------------------

    public static object Int2(long value) =>
        value is < short.MinValue or > short.MaxValue ? throw TypeErrors.OutOfRange("smallint") : (short)value;

    public static object Int4(long value) =>
        value is < int.MinValue or > int.MaxValue ? throw TypeErrors.OutOfRange("integer") : (int)value;

    public static long AddInt8(long a, long b)
    {
        var r = unchecked(a + b);
        if (((a ^ r) & (b ^ r)) < 0) throw TypeErrors.OutOfRange("bigint");
        return r;
    }

    public static long SubtractInt8(long a, long b)
    {
        var r = unchecked(a - b);
        if (((a ^ b) & (a ^ r)) < 0) throw TypeErrors.OutOfRange("bigint");
        return r;
    }

    public static long MultiplyInt8(long a, long b)
    {
        var r = Math.BigMul(a, b, out var low);
        if ((r != 0 || low < 0) && (r != -1 || low >= 0)) throw TypeErrors.OutOfRange("bigint");
        return low;
    }

    /// <summary>Integer division truncating toward zero; MIN / -1 overflows.</summary>
    public static long DivideInteger(long a, long b, long min, string typeName)
    {
        if (b == 0) throw TypeErrors.DivisionByZero();
        if (b == -1)
        {
            if (a == min) throw TypeErrors.OutOfRange(typeName);
            return -a;
        }
        return a / b;
    }

    public static long ModuloInteger(long a, long b)
    {
        if (b == 0) throw TypeErrors.DivisionByZero();
        return b == -1 ? 0 : a % b;
    }

    // ---- floats -------------------------------------------------------------------------

    public static double CheckFloat8(double result, bool infiniteInputs, bool zeroAllowed)
    {
        if (double.IsInfinity(result) && !infiniteInputs)
            throw new TenonException(SqlState.NumericValueOutOfRange, "value out of range: overflow");
        if (result == 0 && !zeroAllowed)
            throw new TenonException(SqlState.NumericValueOutOfRange, "value out of range: underflow");
        return result;
    }

    public static float CheckFloat4(float result, bool infiniteInputs, bool zeroAllowed)
    {
        if (float.IsInfinity(result) && !infiniteInputs)
            throw new TenonException(SqlState.NumericValueOutOfRange, "value out of range: overflow");
        if (result == 0 && !zeroAllowed)
            throw new TenonException(SqlState.NumericValueOutOfRange, "value out of range: underflow");
        return result;
    }

    public static object Float8(string op, double a, double b)
    {
        var inf = double.IsInfinity(a) || double.IsInfinity(b);
        switch (op)
        {
            case "+": return CheckFloat8(a + b, inf, true);
            case "-": return CheckFloat8(a - b, inf, true);
            case "*": return CheckFloat8(a * b, inf, a == 0 || b == 0);
            default:
                if (b == 0) throw TypeErrors.DivisionByZero();
                return CheckFloat8(a / b, double.IsInfinity(a), a == 0 || double.IsInfinity(b));
        }
    }

    public static object Float4(string op, float a, float b)
    {
        var inf = float.IsInfinity(a) || float.IsInfinity(b);
        switch (op)
        {
            case "+": return CheckFloat4(a + b, inf, true);
            case "-": return CheckFloat4(a - b, inf, true);
            case "*": return CheckFloat4(a * b, inf, a == 0 || b == 0);
            default:
                if (b == 0) throw TypeErrors.DivisionByZero();
                return CheckFloat4(a / b, float.IsInfinity(a), a == 0 || float.IsInfinity(b));
        }
    }

    // ---- date/time ----------------------------------------------------------------------

    public static PgDate DatePlusDays(PgDate date, long days)
    {
        if (!date.IsFinite) return date;
        var result = date.Days + days;
        if (result < PgCalendar.MinDays || result >= PgCalendar.EndDays) throw TypeErrors.DateOutOfRange();
        return new PgDate((int)result);
    }

    /// <summary>timestamp + interval: months (clamping the day to the month's end), then days, then time.</summary>
    /// <summary>date + time: the timestamp at that time of that day (an infinite date stays infinite).</summary>
    public static PgTimestamp DatePlusTime(PgDate date, PgTime time)
    {
        var start = date.ToTimestamp();
        if (!start.IsFinite) return start;
        var value = start.Microseconds + time.Microseconds;
        if (!PgTimestamp.IsValid(value)) throw TypeErrors.TimestampOutOfRange();
        return new PgTimestamp(value);
    }

    public static PgTimestamp TimestampPlusInterval(PgTimestamp ts, PgInterval span)
    {
        if (!ts.IsFinite) return ts;
        var micro = ts.Microseconds;
        if (span.Months != 0) micro = AddMonths(micro, span.Months);
        if (span.Days != 0) micro = CheckTimestamp((Int128)micro + (Int128)span.Days * PgCalendar.MicrosecondsPerDay);
        micro = CheckTimestamp((Int128)micro + span.Microseconds);
        return new PgTimestamp(micro);
    }

    /// <summary>timestamptz + interval: months and days move the local wall clock in the session zone.</summary>
    public static PgTimestampTz TimestampTzPlusInterval(PgTimestampTz ts, PgInterval span, FormatSettings settings)
    {
        if (!ts.IsFinite) return ts;
        var micro = ts.Microseconds;
        if (span.Months != 0 || span.Days != 0)
        {
            var local = ValueCast.ToTimestampValue(ts, settings).Microseconds;
            if (span.Months != 0) local = AddMonths(local, span.Months);
            if (span.Days != 0) local = CheckTimestamp((Int128)local + (Int128)span.Days * PgCalendar.MicrosecondsPerDay);
            micro = TimeZones.LocalToUtc(settings.TimeZone, local);
        }
        micro = CheckTimestamp((Int128)micro + span.Microseconds);
        return new PgTimestampTz(micro);
    }

    private static long AddMonths(long micro, int months)
    {
        var days = PgCalendar.FloorDiv(micro, PgCalendar.MicrosecondsPerDay);
        var time = micro - days * PgCalendar.MicrosecondsPerDay;
        var (y, m, d) = PgCalendar.CivilFromDays(days);
        var total = y * 12 + (m - 1) + months;
        var year = PgCalendar.FloorDiv(total, 12);
        var month = (int)(total - year * 12) + 1;
        if (year is < -4800 or > 300000) throw TypeErrors.TimestampOutOfRange();
        var day = Math.Min(d, PgCalendar.DaysInMonth(year, month));
        return CheckTimestamp((Int128)PgCalendar.DaysFromCivil(year, month, day) * PgCalendar.MicrosecondsPerDay + time);
    }

    private static long CheckTimestamp(Int128 value)
    {
        if (value < PgCalendar.MinTimestamp || value >= PgCalendar.EndTimestamp) throw TypeErrors.TimestampOutOfRange();
        return (long)value;
    }

    /// <summary>timestamp - timestamp: microseconds, then justify_hours into days.</summary>
    public static PgInterval TimestampDifference(long a, long b, bool aFinite, bool bFinite)
    {
        if (!aFinite || !bFinite) throw new TenonException(SqlState.DatetimeFieldOverflow, "cannot subtract infinite timestamps");
        var diff = (Int128)a - b;
        if (diff > long.MaxValue || diff < long.MinValue) throw TypeErrors.IntervalOutOfRange();
        var micro = (long)diff;
        var days = micro / PgCalendar.MicrosecondsPerDay;
        var time = micro - days * PgCalendar.MicrosecondsPerDay;
        if (days > 0 && time < 0)
        {
            time += PgCalendar.MicrosecondsPerDay;
            days--;
        }
        else if (days < 0 && time > 0)
        {
            time -= PgCalendar.MicrosecondsPerDay;
            days++;
        }
        return new PgInterval(0, (int)days, time);
    }
}
