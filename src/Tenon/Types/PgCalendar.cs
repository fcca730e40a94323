namespace Tenon.Types;

/// <summary>
/// Proleptic Gregorian calendar arithmetic shared by the date/time types. Years are
/// astronomical (year 0 is 1 BC). Day numbers count from 2000-01-01 (PostgreSQL's epoch).
/// </summary>
internal static class PgCalendar
{
    public const long MicrosecondsPerSecond = 1_000_000;
    public const long MicrosecondsPerMinute = 60 * MicrosecondsPerSecond;
    public const long MicrosecondsPerHour = 60 * MicrosecondsPerMinute;
    public const long MicrosecondsPerDay = 24 * MicrosecondsPerHour;

    /// <summary>Days from 2000-01-01 to 4714-11-24 BC (Julian day 0), PostgreSQL's first date.</summary>
    public const int MinDays = -2451545;

    /// <summary>First day past the last valid date, 5874898-01-01.</summary>
    public const int EndDays = 2147483494 - 2451545;

    /// <summary>4714-11-24 00:00:00 BC, PostgreSQL's MIN_TIMESTAMP.</summary>
    public const long MinTimestamp = -211813488000000000L;

    /// <summary>294277-01-01 00:00:00, PostgreSQL's END_TIMESTAMP (exclusive).</summary>
    public const long EndTimestamp = 9223371331200000000L;

    // Days from 1970-01-01 to 2000-01-01.
    private const long UnixToPg = 10957;

    private static readonly int[] DaysInMonthTable = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    public static bool IsLeap(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInMonth(long year, int month) =>
        month == 2 && IsLeap(year) ? 29 : DaysInMonthTable[month - 1];

    /// <summary>Days since 2000-01-01 of an astronomical year/month/day (H. Hinnant's days_from_civil).</summary>
    public static long DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yoe = year - era * 400;
        var doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        var doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468 - UnixToPg;
    }

    public static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        var z = days + UnixToPg + 719468;
        var era = (z >= 0 ? z : z - 146096) / 146097;
        var doe = z - era * 146097;
        var yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        var y = yoe + era * 400;
        var doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        var mp = (5 * doy + 2) / 153;
        var d = (int)(doy - (153 * mp + 2) / 5 + 1);
        var m = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (m <= 2 ? y + 1 : y, m, d);
    }

    /// <summary>0 = Sunday … 6 = Saturday.</summary>
    public static int DayOfWeek(long days) => (int)(((days + 6) % 7 + 7) % 7);

    public static long FloorDiv(long a, long b) => a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    public static long FloorMod(long a, long b) => a - FloorDiv(a, b) * b;
}
