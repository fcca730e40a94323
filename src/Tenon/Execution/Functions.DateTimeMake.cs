using System.Globalization;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// Date/time constructors and interval helpers: age, make_date/time/timestamp/timestamptz/interval,
/// justify_days/hours/interval, isfinite, date_bin, to_timestamp(double precision), timeofday.
/// Calls in named notation (<c>make_interval(days => 10)</c>) arrive here rewritten to positional
/// notation by Binder.NamedArguments.cs.
/// </summary>
public static partial class Functions
{
    private static FunctionDef? ResolveDateTimeMake(string name, IReadOnlyList<SqlType> args)
    {
        var n = args.Count;
        bool Fits(params SqlType[] types) => types.Length == n && args.Select((a, i) => a.Id == TypeId.Unknown || ValueCast.CanCast(a, types[i], CastContext.Implicit)).All(x => x);
        var ts = SqlType.Timestamp;
        var tz = SqlType.Timestamptz;
        var i4 = SqlType.Int4;
        var f8 = SqlType.Float8;
        var iv = SqlType.Interval;
        // Where both a timestamp and a timestamptz variant exist, timestamptz (the preferred type)
        // takes dates and unknown literals; timestamp only arguments that all are timestamps.
        var allTimestamp = args.All(a => a.Id is TypeId.Timestamp or TypeId.Unknown) && args.Any(a => a.Id == TypeId.Timestamp);
        switch (name)
        {
            case "age" when n == 2 && allTimestamp && Fits(ts, ts):
                return new([ts, ts], iv, (a, _) => Age((PgTimestamp)a[0]!, (PgTimestamp)a[1]!));
            case "age" when n == 2 && Fits(tz, tz):
                return new([tz, tz], iv, (a, ctx) => Age(ValueCast.ToTimestampValue((PgTimestampTz)a[0]!, ctx.Settings), ValueCast.ToTimestampValue((PgTimestampTz)a[1]!, ctx.Settings)));
            case "age" when n == 1 && allTimestamp:
                return new([ts], iv, (a, ctx) => Age(CurrentDate(ctx).ToTimestamp(), (PgTimestamp)a[0]!));
            case "age" when n == 1 && Fits(tz):
                return new([tz], iv, (a, ctx) => Age(CurrentDate(ctx).ToTimestamp(), ValueCast.ToTimestampValue((PgTimestampTz)a[0]!, ctx.Settings)));
            case "make_date" when Fits(i4, i4, i4):
                return new([i4, i4, i4], SqlType.Date, (a, _) => MakeDate((int)a[0]!, (int)a[1]!, (int)a[2]!));
            case "make_time" when Fits(i4, i4, f8):
                return new([i4, i4, f8], SqlType.Time, (a, _) => new PgTime(MakeTimeOfDay((int)a[0]!, (int)a[1]!, (double)a[2]!, out var _)));
            case "make_timestamp" when Fits(i4, i4, i4, i4, i4, f8):
                return new([i4, i4, i4, i4, i4, f8], ts, (a, _) => MakeTimestamp(a));
            case "make_timestamptz" when Fits(i4, i4, i4, i4, i4, f8):
                return new([i4, i4, i4, i4, i4, f8], tz, (a, ctx) => ValueCast.ToTimestampTzValue(MakeTimestamp(a), ctx.Settings));
            case "make_timestamptz" when Fits(i4, i4, i4, i4, i4, f8, SqlType.Text):
                return new([i4, i4, i4, i4, i4, f8, SqlType.Text], tz, (a, _) => AtZone(MakeTimestamp(a), (string)a[6]!));
            case "make_interval" when n <= 7 && Fits([.. Enumerable.Repeat(i4, Math.Min(n, 6)), .. Enumerable.Repeat(f8, n - Math.Min(n, 6))]):
                return new([.. Enumerable.Repeat(i4, Math.Min(n, 6)), .. Enumerable.Repeat(f8, n - Math.Min(n, 6))], iv, (a, _) => MakeInterval(a));
            case "justify_days" when Fits(iv):
                return new([iv], iv, (a, _) => JustifyDays((PgInterval)a[0]!));
            case "justify_hours" when Fits(iv):
                return new([iv], iv, (a, _) => JustifyHours((PgInterval)a[0]!));
            case "justify_interval" when Fits(iv):
                return new([iv], iv, (a, _) => JustifyInterval((PgInterval)a[0]!));
            case "isfinite" when n == 1 && args[0].Id is TypeId.Date:
                return new([SqlType.Date], SqlType.Bool, (a, _) => ((PgDate)a[0]!).IsFinite);
            case "isfinite" when n == 1 && args[0].Id is TypeId.Timestamp:
                return new([ts], SqlType.Bool, (a, _) => ((PgTimestamp)a[0]!).IsFinite);
            case "isfinite" when n == 1 && args[0].Id is TypeId.Interval:
                return new([iv], SqlType.Bool, (_, _) => true);
            case "isfinite" when Fits(tz):
                return new([tz], SqlType.Bool, (a, _) => ((PgTimestampTz)a[0]!).IsFinite);
            case "date_bin" when n == 3 && args.Skip(1).All(a => a.Id is TypeId.Timestamp or TypeId.Unknown) && args.Skip(1).Any(a => a.Id == TypeId.Timestamp) && Fits(iv, ts, ts):
                return new([iv, ts, ts], ts, (a, _) => new PgTimestamp(DateBin((PgInterval)a[0]!, ((PgTimestamp)a[1]!).Microseconds, ((PgTimestamp)a[1]!).IsFinite, ((PgTimestamp)a[2]!).Microseconds, ((PgTimestamp)a[2]!).IsFinite) ?? ((PgTimestamp)a[1]!).Microseconds));
            case "date_bin" when Fits(iv, tz, tz):
                return new([iv, tz, tz], tz, (a, _) => new PgTimestampTz(DateBin((PgInterval)a[0]!, ((PgTimestampTz)a[1]!).Microseconds, ((PgTimestampTz)a[1]!).IsFinite, ((PgTimestampTz)a[2]!).Microseconds, ((PgTimestampTz)a[2]!).IsFinite) ?? ((PgTimestampTz)a[1]!).Microseconds));
            case "to_timestamp" when n == 1 && Fits(f8):
                return new([f8], tz, (a, _) => EpochToTimestamp((double)a[0]!));
            case "timeofday" when n == 0:
                return new([], SqlType.Text, (_, ctx) => TimeOfDay(ctx), Volatile: true);
        }
        return null;
    }

    private static PgDate CurrentDate(ExecContext ctx) =>
        (PgDate)ValueCast.Cast(Now(ctx), SqlType.Timestamptz, SqlType.Date, CastContext.Explicit, ctx.Settings)!;

    private static (long Year, int Month, int Day, long Time) Split(PgTimestamp t)
    {
        var days = PgCalendar.FloorDiv(t.Microseconds, PgCalendar.MicrosecondsPerDay);
        var (y, m, d) = PgCalendar.CivilFromDays(days);
        return (y, m, d, t.Microseconds - days * PgCalendar.MicrosecondsPerDay);
    }

    /// <summary>
    /// age: the field-by-field difference of two wall-clock readings, borrowing from the next
    /// larger field; a negative day count borrows the length of the month of the later reading's
    /// month (when the first is earlier) or of the second reading's month.
    /// </summary>
    private static PgInterval Age(PgTimestamp t1, PgTimestamp t2)
    {
        if (!t1.IsFinite || !t2.IsFinite) throw TypeErrors.TimestampOutOfRange();
        var a = Split(t1);
        var b = Split(t2);
        long micro = a.Time % PgCalendar.MicrosecondsPerSecond - b.Time % PgCalendar.MicrosecondsPerSecond;
        long sec = a.Time / PgCalendar.MicrosecondsPerSecond % 60 - b.Time / PgCalendar.MicrosecondsPerSecond % 60;
        long min = a.Time / PgCalendar.MicrosecondsPerMinute % 60 - b.Time / PgCalendar.MicrosecondsPerMinute % 60;
        long hour = a.Time / PgCalendar.MicrosecondsPerHour - b.Time / PgCalendar.MicrosecondsPerHour;
        long day = a.Day - b.Day;
        long month = a.Month - b.Month;
        long year = a.Year - b.Year;
        var flip = t1 < t2;
        if (flip)
        {
            micro = -micro; sec = -sec; min = -min; hour = -hour; day = -day; month = -month; year = -year;
        }
        while (micro < 0) { micro += PgCalendar.MicrosecondsPerSecond; sec--; }
        while (sec < 0) { sec += 60; min--; }
        while (min < 0) { min += 60; hour--; }
        while (hour < 0) { hour += 24; day--; }
        while (day < 0)
        {
            day += flip ? PgCalendar.DaysInMonth(a.Year, a.Month) : PgCalendar.DaysInMonth(b.Year, b.Month);
            month--;
        }
        while (month < 0) { month += 12; year--; }
        if (flip)
        {
            micro = -micro; sec = -sec; min = -min; hour = -hour; day = -day; month = -month; year = -year;
        }
        var months = year * 12 + month;
        if (months is > int.MaxValue or < int.MinValue) throw TypeErrors.IntervalOutOfRange();
        return new PgInterval((int)months, (int)day, ((hour * 60 + min) * 60 + sec) * PgCalendar.MicrosecondsPerSecond + micro);
    }

    private static TenonException DateFieldOutOfRange(int year, int month, int day) =>
        new(SqlState.DatetimeFieldOverflow, $"date field value out of range: {year}-{month:D2}-{day:D2}");

    private static PgDate MakeDate(int year, int month, int day)
    {
        // Negative years are BC: -1 is 1 BC, astronomical year 0.
        if (year == 0 || month is < 1 or > 12) throw DateFieldOutOfRange(year, month, day);
        long astronomical = year < 0 ? year + 1L : year;
        if (day < 1 || day > PgCalendar.DaysInMonth(astronomical, month)) throw DateFieldOutOfRange(year, month, day);
        var days = PgCalendar.DaysFromCivil(astronomical, month, day);
        if (days < PgCalendar.MinDays || days >= PgCalendar.EndDays)
            throw new TenonException(SqlState.DatetimeFieldOverflow, $"date out of range: {year}-{month:D2}-{day:D2}");
        return new PgDate((int)days);
    }

    private static PgTimestamp MakeTimestamp(object?[] a)
    {
        var date = MakeDate((int)a[0]!, (int)a[1]!, (int)a[2]!);
        int hour = (int)a[3]!, minute = (int)a[4]!;
        var time = MakeTimeOfDay(hour, minute, (double)a[5]!, out var secText);
        var micro = (Int128)date.Days * PgCalendar.MicrosecondsPerDay + time;
        if (micro < PgCalendar.MinTimestamp || micro >= PgCalendar.EndTimestamp)
            throw new TenonException(SqlState.DatetimeFieldOverflow, $"timestamp out of range: {a[0]}-{(int)a[1]!:D2}-{(int)a[2]!:D2} {hour}:{minute:D2}:{secText}");
        return new PgTimestamp((long)micro);
    }

    /// <summary>Microseconds since midnight of make_time's fields (at most 24:00:00); 22008 naming the fields when out of range.</summary>
    private static long MakeTimeOfDay(int hour, int minute, double sec, out string secText)
    {
        // %02g as C prints it: at most six significant digits, two characters at least.
        secText = sec.ToString("G6", CultureInfo.InvariantCulture);
        if (secText.Length < 2) secText = "0" + secText;
        var error = new TenonException(SqlState.DatetimeFieldOverflow, $"time field value out of range: {hour}:{minute:D2}:{secText}");
        if (hour < 0 || minute is < 0 or > 59 || double.IsNaN(sec) || sec < 0 || sec > 60) throw error;
        var time = ((long)hour * 60 + minute) * PgCalendar.MicrosecondsPerMinute + (long)Math.Round(sec * PgCalendar.MicrosecondsPerSecond, MidpointRounding.ToEven);
        if (time > PgCalendar.MicrosecondsPerDay) throw error;
        return time;
    }

    /// <summary>
    /// The zone argument of make_timestamptz: a numeric offset (ISO sign, east positive), an
    /// abbreviation, or a zone name.
    /// </summary>
    private static PgTimestampTz AtZone(PgTimestamp local, string zoneText)
    {
        var text = zoneText.Trim();
        int? offset = null;
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            offset = text.Length > 1 && text[1..].All(c => char.IsAsciiDigit(c) || c == ':') ? DateTimeText.DecodeOffset(text) : null;
            if (offset is null)
                throw new TenonException(SqlState.InvalidParameterValue, $"invalid input syntax for type numeric time zone: \"{zoneText}\"");
        }
        else if (text.Length > 0 && char.IsAsciiDigit(text[0]))
        {
            throw new TenonException(SqlState.InvalidParameterValue, $"invalid input syntax for type numeric time zone: \"{zoneText}\"",
                hint: "Numeric time zones must have \"-\" or \"+\" as first character.");
        }
        offset ??= TimeZones.AbbreviationOffset(text.ToLowerInvariant());
        long utc;
        if (offset is { } seconds)
        {
            utc = local.Microseconds - seconds * PgCalendar.MicrosecondsPerSecond;
        }
        else
        {
            var zone = TimeZones.FindZone(text) ?? throw TypeErrors.TimeZoneNotRecognized(zoneText);
            utc = TimeZones.LocalToUtc(zone, local.Microseconds);
        }
        if (!PgTimestamp.IsValid(utc)) throw TypeErrors.TimestampOutOfRange();
        return new PgTimestampTz(utc);
    }

    private static PgInterval MakeInterval(object?[] a)
    {
        int Arg(int i) => i < a.Length ? (int)a[i]! : 0;
        var secs = a.Length > 6 ? (double)a[6]! : 0;
        if (double.IsNaN(secs) || double.IsInfinity(secs)) throw TypeErrors.IntervalOutOfRange();
        var micro = Math.Round(secs * PgCalendar.MicrosecondsPerSecond, MidpointRounding.ToEven);
        if (micro < long.MinValue || micro >= 9223372036854775808.0) throw TypeErrors.IntervalOutOfRange();
        // PostgreSQL 15 does not check these products and sums for overflow; they wrap as here.
        unchecked
        {
            return new PgInterval(Arg(0) * 12 + Arg(1), Arg(2) * 7 + Arg(3),
                Arg(4) * PgCalendar.MicrosecondsPerHour + Arg(5) * PgCalendar.MicrosecondsPerMinute + (long)micro);
        }
    }

    private static PgInterval JustifyDays(PgInterval v)
    {
        var months = (long)v.Months + v.Days / 30;
        long days = v.Days % 30;
        if (months > 0 && days < 0) { days += 30; months--; }
        else if (months < 0 && days > 0) { days -= 30; months++; }
        if (months is > int.MaxValue or < int.MinValue) throw TypeErrors.IntervalOutOfRange();
        return new PgInterval((int)months, (int)days, v.Microseconds);
    }

    private static PgInterval JustifyHours(PgInterval v)
    {
        var days = (long)v.Days + v.Microseconds / PgCalendar.MicrosecondsPerDay;
        var time = v.Microseconds % PgCalendar.MicrosecondsPerDay;
        if (days > 0 && time < 0) { time += PgCalendar.MicrosecondsPerDay; days--; }
        else if (days < 0 && time > 0) { time -= PgCalendar.MicrosecondsPerDay; days++; }
        if (days is > int.MaxValue or < int.MinValue) throw TypeErrors.IntervalOutOfRange();
        return new PgInterval(v.Months, (int)days, time);
    }

    private static PgInterval JustifyInterval(PgInterval v)
    {
        var days = (long)v.Days + v.Microseconds / PgCalendar.MicrosecondsPerDay;
        var time = v.Microseconds % PgCalendar.MicrosecondsPerDay;
        var months = (long)v.Months + days / 30;
        days %= 30;
        if (months > 0 && (days < 0 || (days == 0 && time < 0))) { days += 30; months--; }
        else if (months < 0 && (days > 0 || (days == 0 && time > 0))) { days -= 30; months++; }
        if (days > 0 && time < 0) { time += PgCalendar.MicrosecondsPerDay; days--; }
        else if (days < 0 && time > 0) { time -= PgCalendar.MicrosecondsPerDay; days++; }
        if (months is > int.MaxValue or < int.MinValue) throw TypeErrors.IntervalOutOfRange();
        return new PgInterval((int)months, (int)days, time);
    }

    /// <summary>date_bin: the start of the stride-wide bin, counted from origin, that holds the value; null for an infinite value (returned as is).</summary>
    private static long? DateBin(PgInterval stride, long value, bool valueFinite, long origin, bool originFinite)
    {
        if (!valueFinite) return null;
        if (!originFinite) throw new TenonException(SqlState.FeatureNotSupported, "origin out of range");
        if (stride.Months != 0) throw new TenonException(SqlState.FeatureNotSupported, "timestamps cannot be binned into intervals containing months or years");
        var width = (Int128)stride.Days * PgCalendar.MicrosecondsPerDay + stride.Microseconds;
        if (width <= 0) throw new TenonException(SqlState.DatetimeFieldOverflow, "stride must be greater than zero");
        if (width > long.MaxValue) throw TypeErrors.IntervalOutOfRange();
        var diff = (Int128)value - origin;
        if (diff > long.MaxValue || diff < long.MinValue) throw TypeErrors.TimestampOutOfRange();
        var delta = diff - diff % width;
        // Values before the origin fall into the bin that starts below them.
        if (diff < 0 && diff % width != 0) delta -= width;
        var result = origin + delta;
        if (result < PgCalendar.MinTimestamp || result >= PgCalendar.EndTimestamp) throw TypeErrors.TimestampOutOfRange();
        return (long)result;
    }

    private static PgTimestampTz EpochToTimestamp(double seconds)
    {
        if (double.IsNaN(seconds)) throw new TenonException(SqlState.DatetimeFieldOverflow, "timestamp cannot be NaN");
        if (double.IsPositiveInfinity(seconds)) return PgTimestampTz.Infinity;
        if (double.IsNegativeInfinity(seconds)) return PgTimestampTz.NegativeInfinity;
        // The range is that of timestamps, in seconds from 1970-01-01 (946684800 s before 2000).
        const double epochShift = 946684800.0;
        if (seconds < PgCalendar.MinTimestamp / 1e6 + epochShift || seconds >= PgCalendar.EndTimestamp / 1e6 + epochShift)
            throw new TenonException(SqlState.DatetimeFieldOverflow, $"timestamp out of range: \"{FloatText.FormatDouble(seconds, 1)}\"");
        var micro = Math.Round(seconds * 1e6, MidpointRounding.ToEven) - epochShift * 1e6;
        return new PgTimestampTz((long)micro);
    }

    /// <summary>timeofday(): the current time as text, e.g. "Tue Jan 02 03:04:05.123456 2024 UTC".</summary>
    private static string TimeOfDay(ExecContext ctx)
    {
        var now = PgTimestampTz.FromDateTimeOffset(DateTimeOffset.UtcNow);
        var local = ValueCast.ToTimestampValue(now, ctx.Settings).ToDateTime();
        var offset = TimeZones.OffsetAtUtc(ctx.Settings.TimeZone, now.Microseconds);
        var zone = TimeZones.Abbreviation(ctx.Settings.TimeZone, now.Microseconds, offset);
        return local.ToString("ddd MMM dd HH:mm:ss.ffffff yyyy", CultureInfo.InvariantCulture) + " " + zone;
    }
}
