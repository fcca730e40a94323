using System.Numerics;
using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// EXTRACT / date_part and date_trunc on dates, timestamps and intervals.
///
///   F.1  units: the text is lower-cased and may be any of PostgreSQL's spellings (month, months,
///        mon, mons …); an unknown word is 22023 "unit "x" not recognized for type T", a known
///        unit the type has no field for is 0A000 "unit "x" not supported for type T".
///   F.2  extract returns numeric: second has 6 fraction digits, milliseconds 3, epoch of a
///        timestamp or interval 6, julian of a timestamp a fraction of the day; others integers.
///        Years are astronomical inside (0 = 1 BC) and shown BC-style (1 BC = -1).
///   F.3  an infinite date or timestamp gives ±Infinity for the ever-growing fields (year,
///        decade, century, millennium, isoyear, julian, epoch) and NULL for the others.
///   F.4  date_trunc keeps the type; weeks start on ISO Monday; decade/century/millennium
///        follow PostgreSQL's boundaries (centuries start at year 1, 101, … 2001).
/// </summary>
public static class DateTimeFields
{
    public const string DateType = "date";
    public const string TimestampType = "timestamp without time zone";
    public const string TimestampTzType = "timestamp with time zone";
    public const string IntervalType = "interval";
    public const string TimeType = "time without time zone";

    private static readonly Dictionary<string, string> Units = BuildUnits();

    private static Dictionary<string, string> BuildUnits()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string canonical, params string[] spellings)
        {
            map[canonical] = canonical;
            foreach (var s in spellings) map[s] = canonical;
        }
        Add("microseconds", "microsecond", "microsecon", "us", "usec", "usecs", "useconds", "usecond");
        Add("milliseconds", "millisecond", "millisecon", "ms", "msec", "msecs", "mseconds", "msecond");
        Add("second", "s", "sec", "secs", "seconds");
        Add("minute", "m", "min", "mins", "minutes");
        Add("hour", "h", "hr", "hrs", "hours");
        Add("day", "d", "days");
        Add("week", "w", "weeks");
        Add("month", "mon", "mons", "months");
        Add("quarter", "qtr");
        Add("year", "y", "yr", "yrs", "years");
        Add("decade", "dec", "decs", "decades");
        Add("century", "c", "cent", "centuries");
        Add("millennium", "mil", "mils", "millennia", "millenniums");
        Add("epoch");
        Add("julian", "j");
        Add("dow");
        Add("isodow");
        Add("doy");
        Add("isoyear");
        Add("timezone");
        Add("timezone_h", "timezone_hour");
        Add("timezone_m", "timezone_minute");
        return map;
    }

    private static string Unit(string text, string typeName)
    {
        var lower = text.ToLowerInvariant();
        return Units.TryGetValue(lower, out var unit) ? unit
            : throw new TenonException(SqlState.InvalidParameterValue, $"unit \"{lower}\" not recognized for type {typeName}");
    }

    private static TenonException NotSupported(string text, string typeName, string? detail = null) =>
        new(SqlState.FeatureNotSupported, $"unit \"{text.ToLowerInvariant()}\" not supported for type {typeName}", detail);

    private static bool IsMonotonic(string unit) =>
        unit is "year" or "decade" or "century" or "millennium" or "isoyear" or "julian" or "epoch";

    // ---- extract --------------------------------------------------------------------------

    public static Numeric? Extract(string text, PgDate date)
    {
        var unit = Unit(text, DateType);
        if (unit is "microseconds" or "milliseconds" or "second" or "minute" or "hour" or "timezone" or "timezone_h" or "timezone_m")
            throw NotSupported(text, DateType);
        if (!date.IsFinite) return NonFinite(unit, date.IsInfinity);
        if (unit == "julian") return Numeric.FromLong((long)date.Days + JulianOfEpoch);
        if (unit == "epoch") return Numeric.FromLong(((long)date.Days + UnixEpochDays) * 86400);
        return Numeric.FromLong(DateField(unit, date.Days));
    }

    /// <summary>Fields of a time of day: hour, minute, second and its parts, and epoch (seconds since midnight).</summary>
    public static Numeric Extract(string text, PgTime time)
    {
        var unit = Unit(text, TimeType);
        var t = time.Microseconds;
        var secondMicros = t % PgCalendar.MicrosecondsPerMinute;
        return unit switch
        {
            "microseconds" => Numeric.FromLong(secondMicros),
            "milliseconds" => Numeric.Create(secondMicros, 3),
            "second" => Numeric.Create(secondMicros, 6),
            "minute" => Numeric.FromLong(t / PgCalendar.MicrosecondsPerMinute % 60),
            "hour" => Numeric.FromLong(t / PgCalendar.MicrosecondsPerHour),
            "epoch" => Numeric.Create(t, 6),
            _ => throw NotSupported(text, TimeType),
        };
    }

    /// <summary>
    /// Fields of a timestamp's wall-clock reading <paramref name="local"/>. For timestamptz,
    /// <paramref name="utcMicroseconds"/> is the instant (for epoch) and <paramref name="offsetSeconds"/>
    /// the zone offset; for timestamp both are null.
    /// </summary>
    public static Numeric? Extract(string text, PgTimestamp local, long? utcMicroseconds, int? offsetSeconds)
    {
        var typeName = offsetSeconds is null ? TimestampType : TimestampTzType;
        var unit = Unit(text, typeName);
        if (offsetSeconds is null && unit is "timezone" or "timezone_h" or "timezone_m")
            throw NotSupported(text, typeName);
        if (!local.IsFinite) return NonFinite(unit, local.IsInfinity);
        var time = local.TimeOfDay;
        var days = local.Date.Days;
        var secondMicros = time % PgCalendar.MicrosecondsPerMinute;
        switch (unit)
        {
            case "microseconds": return Numeric.FromLong(secondMicros);
            case "milliseconds": return Numeric.Create(secondMicros, 3);
            case "second": return Numeric.Create(secondMicros, 6);
            case "minute": return Numeric.FromLong(time / PgCalendar.MicrosecondsPerMinute % 60);
            case "hour": return Numeric.FromLong(time / PgCalendar.MicrosecondsPerHour);
            case "epoch":
            {
                var micros = (BigInteger)(utcMicroseconds ?? local.Microseconds) + (BigInteger)UnixEpochDays * PgCalendar.MicrosecondsPerDay;
                return Numeric.Create(micros, 6);
            }
            case "julian":
                return Numeric.FromLong((long)days + JulianOfEpoch)
                    .Add(Numeric.FromLong(time).Divide(Numeric.FromLong(PgCalendar.MicrosecondsPerDay)));
            case "timezone": return Numeric.FromLong(offsetSeconds!.Value);
            case "timezone_h": return Numeric.FromLong(offsetSeconds!.Value / 3600);
            case "timezone_m": return Numeric.FromLong(offsetSeconds!.Value / 60 % 60);
            default: return Numeric.FromLong(DateField(unit, days));
        }
    }

    public static Numeric Extract(string text, PgInterval value)
    {
        var unit = Unit(text, IntervalType);
        var years = value.Months / 12;
        var time = value.Microseconds;
        var secondMicros = time % PgCalendar.MicrosecondsPerMinute;
        switch (unit)
        {
            case "microseconds": return Numeric.FromLong(secondMicros);
            case "milliseconds": return Numeric.Create(secondMicros, 3);
            case "second": return Numeric.Create(secondMicros, 6);
            case "minute": return Numeric.FromLong(time / PgCalendar.MicrosecondsPerMinute % 60);
            case "hour": return Numeric.FromLong(time / PgCalendar.MicrosecondsPerHour);
            case "day": return Numeric.FromLong(value.Days);
            case "month": return Numeric.FromLong(value.Months % 12);
            case "quarter": return Numeric.FromLong(value.Months % 12 / 3 + 1);
            case "year": return Numeric.FromLong(years);
            case "decade": return Numeric.FromLong(years / 10);
            case "century": return Numeric.FromLong(years / 100);
            case "millennium": return Numeric.FromLong(years / 1000);
            case "epoch":
            {
                // A year counts 365.25 days, a month 30 (whole days only), as PostgreSQL does.
                var dayCount = (long)(365.25 * years) + 30L * (value.Months % 12) + value.Days;
                return Numeric.Create((BigInteger)dayCount * PgCalendar.MicrosecondsPerDay + time, 6);
            }
        }
        throw NotSupported(text, IntervalType);
    }

    private static Numeric? NonFinite(string unit, bool positive) =>
        IsMonotonic(unit) ? (positive ? Numeric.PositiveInfinity : Numeric.NegativeInfinity) : null;

    // Julian day number of 2000-01-01, and days from 1970-01-01 to 2000-01-01.
    private const long JulianOfEpoch = 2451545;
    private const long UnixEpochDays = 10957;

    private static long DateField(string unit, long days)
    {
        var (year, month, day) = PgCalendar.CivilFromDays(days);
        switch (unit)
        {
            case "day": return day;
            case "month": return month;
            case "quarter": return (month - 1) / 3 + 1;
            case "year": return year > 0 ? year : year - 1;
            case "decade": return year >= 0 ? year / 10 : -((8 - (year - 1)) / 10);
            case "century": return year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100);
            case "millennium": return year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000);
            case "dow": return PgCalendar.DayOfWeek(days);
            case "isodow": return IsoDayOfWeek(days);
            case "doy": return days - PgCalendar.DaysFromCivil(year, 1, 1) + 1;
            case "week": return IsoWeek(days).Week;
            case "isoyear":
            {
                var iso = IsoWeek(days).Year;
                return iso > 0 ? iso : iso - 1;
            }
        }
        throw new InvalidOperationException($"unit {unit} is not a date field");
    }

    internal static int IsoDayOfWeek(long days) => PgCalendar.DayOfWeek(days) is 0 ? 7 : PgCalendar.DayOfWeek(days);

    // The ISO week belongs to the year of its Thursday.
    internal static (long Year, long Week) IsoWeek(long days)
    {
        var thursday = days + 4 - IsoDayOfWeek(days);
        var year = PgCalendar.CivilFromDays(thursday).Year;
        return (year, (thursday - PgCalendar.DaysFromCivil(year, 1, 1)) / 7 + 1);
    }

    // ---- date_trunc -----------------------------------------------------------------------

    /// <summary>date_trunc on a wall-clock reading; <paramref name="typeName"/> names the type in errors.</summary>
    public static PgTimestamp Truncate(string text, PgTimestamp value, string typeName)
    {
        var unit = TruncUnit(text, typeName);
        if (unit is "julian" or "dow" or "isodow" or "doy" or "isoyear" or "timezone" or "timezone_h" or "timezone_m")
            throw NotSupported(text, typeName);
        if (!value.IsFinite) return value;
        var days = value.Date.Days;
        var time = value.TimeOfDay;
        long Whole(long unitMicros) => (long)days * PgCalendar.MicrosecondsPerDay + time / unitMicros * unitMicros;
        switch (unit)
        {
            case "microseconds": return value;
            case "milliseconds": return new PgTimestamp(Whole(1000));
            case "second": return new PgTimestamp(Whole(PgCalendar.MicrosecondsPerSecond));
            case "minute": return new PgTimestamp(Whole(PgCalendar.MicrosecondsPerMinute));
            case "hour": return new PgTimestamp(Whole(PgCalendar.MicrosecondsPerHour));
            case "day": return new PgTimestamp(Whole(PgCalendar.MicrosecondsPerDay));
            case "week": return StartOfDay(days - (IsoDayOfWeek(days) - 1));
        }
        var (year, month, _) = PgCalendar.CivilFromDays(days);
        (year, month) = unit switch
        {
            "month" => (year, month),
            "quarter" => (year, (month - 1) / 3 * 3 + 1),
            "year" => (year, 1),
            "decade" => (year > 0 ? year / 10 * 10 : -((8 - (year - 1)) / 10) * 10, 1),
            "century" => (year > 0 ? (year + 99) / 100 * 100 - 99 : -((99 - (year - 1)) / 100) * 100 + 1, 1),
            _ => (year > 0 ? (year + 999) / 1000 * 1000 - 999 : -((999 - (year - 1)) / 1000) * 1000 + 1, 1),
        };
        return StartOfDay(PgCalendar.DaysFromCivil(year, month, 1));
    }

    // "epoch" names a point rather than a unit, so date_trunc does not recognize it.
    private static string TruncUnit(string text, string typeName)
    {
        var unit = Unit(text, typeName);
        return unit != "epoch" ? unit
            : throw new TenonException(SqlState.InvalidParameterValue, $"unit \"{text.ToLowerInvariant()}\" not recognized for type {typeName}");
    }

    /// <summary>Whether truncating to this unit keeps the zone offset of the original instant (units below a day).</summary>
    public static bool KeepsOffset(string text) =>
        Units.TryGetValue(text.ToLowerInvariant(), out var unit) && unit is "microseconds" or "milliseconds" or "second" or "minute" or "hour";

    private static PgTimestamp StartOfDay(long days)
    {
        var micros = days * PgCalendar.MicrosecondsPerDay;
        if (micros < PgCalendar.MinTimestamp) throw TypeErrors.TimestampOutOfRange();
        return new PgTimestamp(micros);
    }

    public static PgInterval Truncate(string text, PgInterval value)
    {
        var unit = TruncUnit(text, IntervalType);
        var years = value.Months / 12;
        var months = value.Months % 12;
        var days = value.Days;
        var time = value.Microseconds;
        long Cut(long unitMicros) => time / unitMicros * unitMicros;
        switch (unit)
        {
            case "microseconds": return value;
            case "milliseconds": return new PgInterval(value.Months, days, Cut(1000));
            case "second": return new PgInterval(value.Months, days, Cut(PgCalendar.MicrosecondsPerSecond));
            case "minute": return new PgInterval(value.Months, days, Cut(PgCalendar.MicrosecondsPerMinute));
            case "hour": return new PgInterval(value.Months, days, Cut(PgCalendar.MicrosecondsPerHour));
            case "day": return new PgInterval(value.Months, days, 0);
            case "month": return new PgInterval(value.Months, 0, 0);
            case "quarter": return new PgInterval(years * 12 + months / 3 * 3, 0, 0);
            case "year": return new PgInterval(years * 12, 0, 0);
            case "decade": return new PgInterval(years / 10 * 120, 0, 0);
            case "century": return new PgInterval(years / 100 * 1200, 0, 0);
            case "millennium": return new PgInterval(years / 1000 * 12000, 0, 0);
            case "week": throw NotSupported(text, IntervalType, "Months usually have fractional weeks.");
        }
        throw NotSupported(text, IntervalType);
    }
}
