using System.Globalization;
using System.Text;

namespace Tenon.Types;

/// <summary>
/// Text output of date, timestamp, timestamptz and interval under the session's DateStyle,
/// TimeZone and IntervalStyle (PostgreSQL's EncodeDateOnly / EncodeDateTime / EncodeInterval).
/// Input lives in DateTimeText.Parse.cs and DateTimeText.Interval.cs.
///
///   DateStyle   date          timestamptz
///   ISO         2024-01-02    2024-01-02 03:04:05.5+00
///   Postgres    01-02-2024    Tue Jan 02 03:04:05.5 2024 PST   (DMY: 02-01-2024, Tue 02 Jan …)
///   SQL         01/02/2024    01/02/2024 03:04:05.5 PST        (DMY: 02/01/2024)
///   German      02.01.2024    02.01.2024 03:04:05.5 PST
///
/// Years ≤ 0 print as BC with the year 1 - y; fractions print without trailing zeros.
/// </summary>
internal static partial class DateTimeText
{
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    public static string FormatDate(PgDate date, FormatSettings settings)
    {
        if (date.IsInfinity) return "infinity";
        if (date.IsNegativeInfinity) return "-infinity";
        var (year, month, day) = PgCalendar.CivilFromDays(date.Days);
        var sb = new StringBuilder(16);
        AppendDate(sb, year, month, day, settings);
        if (year <= 0) sb.Append(" BC");
        return sb.ToString();
    }

    private static void AppendDate(StringBuilder sb, long year, int month, int day, FormatSettings settings)
    {
        var displayYear = year > 0 ? year : 1 - year;
        switch (settings.DateStyle)
        {
            case DateStyleFormat.Iso:
                Pad(sb, displayYear, 4).Append('-');
                Pad(sb, month, 2).Append('-');
                Pad(sb, day, 2);
                break;
            case DateStyleFormat.Sql:
                if (settings.DateOrder == DateOrder.Dmy) Pad(Pad(sb, day, 2).Append('/'), month, 2);
                else Pad(Pad(sb, month, 2).Append('/'), day, 2);
                Pad(sb.Append('/'), displayYear, 4);
                break;
            case DateStyleFormat.German:
                Pad(Pad(sb, day, 2).Append('.'), month, 2);
                Pad(sb.Append('.'), displayYear, 4);
                break;
            default:
                if (settings.DateOrder == DateOrder.Dmy) Pad(Pad(sb, day, 2).Append('-'), month, 2);
                else Pad(Pad(sb, month, 2).Append('-'), day, 2);
                Pad(sb.Append('-'), displayYear, 4);
                break;
        }
    }

    private static StringBuilder Pad(StringBuilder sb, long value, int width)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (text.Length < width) sb.Append('0', width - text.Length);
        return sb.Append(text);
    }

    /// <summary>Seconds with a fraction trimmed of trailing zeros (AppendSeconds).</summary>
    private static void AppendSeconds(StringBuilder sb, long seconds, long fraction, bool fillZeros)
    {
        if (fillZeros) Pad(sb, Math.Abs(seconds), 2);
        else sb.Append(Math.Abs(seconds).ToString(CultureInfo.InvariantCulture));
        if (fraction != 0)
        {
            var digits = Math.Abs(fraction).ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
            sb.Append('.').Append(digits);
        }
    }

    public static string FormatTimestamp(PgTimestamp value, FormatSettings settings)
    {
        if (value.IsInfinity) return "infinity";
        if (value.IsNegativeInfinity) return "-infinity";
        return FormatDateTime(value.Microseconds, settings, null);
    }

    public static string FormatTimestampTz(PgTimestampTz value, FormatSettings settings)
    {
        if (value.IsInfinity) return "infinity";
        if (value.IsNegativeInfinity) return "-infinity";
        var offset = TimeZones.OffsetAtUtc(settings.TimeZone, value.Microseconds);
        var local = value.Microseconds + offset * PgCalendar.MicrosecondsPerSecond;
        return FormatDateTime(local, settings, (offset, value.Microseconds));
    }

    private static string FormatDateTime(long localMicroseconds, FormatSettings settings, (int Offset, long Utc)? zone)
    {
        var days = PgCalendar.FloorDiv(localMicroseconds, PgCalendar.MicrosecondsPerDay);
        var time = localMicroseconds - days * PgCalendar.MicrosecondsPerDay;
        var (year, month, day) = PgCalendar.CivilFromDays(days);
        var hour = time / PgCalendar.MicrosecondsPerHour;
        var minute = time / PgCalendar.MicrosecondsPerMinute % 60;
        var second = time / PgCalendar.MicrosecondsPerSecond % 60;
        var fraction = time % PgCalendar.MicrosecondsPerSecond;
        var displayYear = year > 0 ? year : 1 - year;
        var sb = new StringBuilder(40);
        switch (settings.DateStyle)
        {
            case DateStyleFormat.Iso:
                AppendDate(sb, year, month, day, settings);
                sb.Append(' ');
                AppendClock(sb, hour, minute, second, fraction);
                if (zone is { } z) AppendOffset(sb, z.Offset);
                break;
            case DateStyleFormat.Sql:
            case DateStyleFormat.German:
                AppendDate(sb, year, month, day, settings);
                sb.Append(' ');
                AppendClock(sb, hour, minute, second, fraction);
                if (zone is { } z2) sb.Append(' ').Append(TimeZones.Abbreviation(settings.TimeZone, z2.Utc, z2.Offset));
                break;
            default:
                sb.Append(DayNames[PgCalendar.DayOfWeek(days)]).Append(' ');
                if (settings.DateOrder == DateOrder.Dmy) Pad(sb, day, 2).Append(' ').Append(MonthNames[month - 1]);
                else Pad(sb.Append(MonthNames[month - 1]).Append(' '), day, 2);
                sb.Append(' ');
                AppendClock(sb, hour, minute, second, fraction);
                Pad(sb.Append(' '), displayYear, 4);
                if (zone is { } z3) sb.Append(' ').Append(TimeZones.Abbreviation(settings.TimeZone, z3.Utc, z3.Offset));
                break;
        }
        if (year <= 0) sb.Append(" BC");
        return sb.ToString();
    }

    private static void AppendClock(StringBuilder sb, long hour, long minute, long second, long fraction)
    {
        Pad(sb, hour, 2).Append(':');
        Pad(sb, minute, 2).Append(':');
        AppendSeconds(sb, second, fraction, true);
    }

    /// <summary>ISO offset: +HH, +HH:MM or +HH:MM:SS (EncodeTimezone).</summary>
    private static void AppendOffset(StringBuilder sb, int offsetSeconds)
    {
        sb.Append(offsetSeconds < 0 ? '-' : '+');
        var abs = Math.Abs(offsetSeconds);
        var hours = abs / 3600;
        var minutes = abs / 60 % 60;
        var seconds = abs % 60;
        Pad(sb, hours, 2);
        if (minutes != 0 || seconds != 0) Pad(sb.Append(':'), minutes, 2);
        if (seconds != 0) Pad(sb.Append(':'), seconds, 2);
    }

    // ---- interval output ----------------------------------------------------------------

    public static string FormatInterval(PgInterval value, FormatSettings settings)
    {
        long year = value.Months / 12;
        long month = value.Months % 12;
        long day = value.Days;
        var time = value.Microseconds;
        var hour = time / PgCalendar.MicrosecondsPerHour;
        time -= hour * PgCalendar.MicrosecondsPerHour;
        var minute = time / PgCalendar.MicrosecondsPerMinute;
        time -= minute * PgCalendar.MicrosecondsPerMinute;
        var second = time / PgCalendar.MicrosecondsPerSecond;
        var fraction = time - second * PgCalendar.MicrosecondsPerSecond;
        var sb = new StringBuilder(40);
        switch (settings.IntervalStyle)
        {
            case IntervalStyleFormat.SqlStandard:
                FormatSqlStandard(sb, year, month, day, hour, minute, second, fraction);
                break;
            case IntervalStyleFormat.Iso8601:
                FormatIso8601(sb, year, month, day, hour, minute, second, fraction);
                break;
            case IntervalStyleFormat.PostgresVerbose:
                FormatVerbose(sb, year, month, day, hour, minute, second, fraction);
                break;
            default:
                FormatPostgres(sb, year, month, day, hour, minute, second, fraction);
                break;
        }
        return sb.ToString();
    }

    private static void FormatPostgres(StringBuilder sb, long year, long month, long day, long hour, long minute, long second, long fraction)
    {
        var isZero = true;
        var isBefore = false;
        AddPostgresPart(sb, year, "year", ref isZero, ref isBefore);
        AddPostgresPart(sb, month, "mon", ref isZero, ref isBefore);
        AddPostgresPart(sb, day, "day", ref isZero, ref isBefore);
        if (isZero || hour != 0 || minute != 0 || second != 0 || fraction != 0)
        {
            var minus = hour < 0 || minute < 0 || second < 0 || fraction < 0;
            if (!isZero) sb.Append(' ');
            sb.Append(minus ? "-" : isBefore ? "+" : "");
            Pad(sb, Math.Abs(hour), 2).Append(':');
            Pad(sb, Math.Abs(minute), 2).Append(':');
            AppendSeconds(sb, second, fraction, true);
        }
    }

    private static void AddPostgresPart(StringBuilder sb, long value, string unit, ref bool isZero, ref bool isBefore)
    {
        if (value == 0) return;
        if (!isZero) sb.Append(' ');
        if (isBefore && value > 0) sb.Append('+');
        sb.Append(value.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(unit);
        if (value != 1) sb.Append('s');
        isBefore = value < 0;
        isZero = false;
    }

    private static void FormatVerbose(StringBuilder sb, long year, long month, long day, long hour, long minute, long second, long fraction)
    {
        var isZero = true;
        var isBefore = false;
        sb.Append('@');
        AddVerbosePart(sb, year, "year", ref isZero, ref isBefore);
        AddVerbosePart(sb, month, "mon", ref isZero, ref isBefore);
        AddVerbosePart(sb, day, "day", ref isZero, ref isBefore);
        AddVerbosePart(sb, hour, "hour", ref isZero, ref isBefore);
        AddVerbosePart(sb, minute, "min", ref isZero, ref isBefore);
        if (second != 0 || fraction != 0)
        {
            sb.Append(' ');
            if (second < 0 || (second == 0 && fraction < 0))
            {
                if (isZero) isBefore = true;
                else if (!isBefore) sb.Append('-');
            }
            else if (isBefore)
            {
                sb.Append('-');
            }
            AppendSeconds(sb, second, fraction, false);
            sb.Append(" sec");
            if (Math.Abs(second) != 1 || fraction != 0) sb.Append('s');
            isZero = false;
        }
        if (isZero) sb.Append(" 0");
        if (isBefore) sb.Append(" ago");
    }

    private static void AddVerbosePart(StringBuilder sb, long value, string unit, ref bool isZero, ref bool isBefore)
    {
        if (value == 0) return;
        if (isZero)
        {
            isBefore = value < 0;
            value = Math.Abs(value);
        }
        else if (isBefore)
        {
            value = -value;
        }
        sb.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(unit);
        if (value != 1) sb.Append('s');
        isZero = false;
    }

    private static void FormatSqlStandard(StringBuilder sb, long year, long month, long day, long hour, long minute, long second, long fraction)
    {
        var hasNegative = year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0;
        var hasPositive = year > 0 || month > 0 || day > 0 || hour > 0 || minute > 0 || second > 0 || fraction > 0;
        var hasYearMonth = year != 0 || month != 0;
        var hasDayTime = day != 0 || hour != 0 || minute != 0 || second != 0 || fraction != 0;
        var standard = !(hasNegative && hasPositive) && !(hasYearMonth && hasDayTime);
        if (hasNegative && standard)
        {
            sb.Append('-');
            year = -year; month = -month; day = -day; hour = -hour; minute = -minute; second = -second; fraction = -fraction;
        }
        if (!hasNegative && !hasPositive)
        {
            sb.Append('0');
        }
        else if (!standard)
        {
            var yearSign = year < 0 || month < 0 ? '-' : '+';
            var daySign = day < 0 ? '-' : '+';
            var secSign = hour < 0 || minute < 0 || second < 0 || fraction < 0 ? '-' : '+';
            sb.Append(yearSign).Append(Math.Abs(year)).Append('-').Append(Math.Abs(month))
                .Append(' ').Append(daySign).Append(Math.Abs(day))
                .Append(' ').Append(secSign).Append(Math.Abs(hour)).Append(':');
            Pad(sb, Math.Abs(minute), 2).Append(':');
            AppendSeconds(sb, second, fraction, true);
        }
        else if (hasYearMonth)
        {
            sb.Append(year).Append('-').Append(month);
        }
        else
        {
            if (day != 0) sb.Append(day).Append(' ');
            sb.Append(hour).Append(':');
            Pad(sb, minute, 2).Append(':');
            AppendSeconds(sb, second, fraction, true);
        }
    }

    private static void FormatIso8601(StringBuilder sb, long year, long month, long day, long hour, long minute, long second, long fraction)
    {
        if (year == 0 && month == 0 && day == 0 && hour == 0 && minute == 0 && second == 0 && fraction == 0)
        {
            sb.Append("PT0S");
            return;
        }
        sb.Append('P');
        AddIsoPart(sb, year, 'Y');
        AddIsoPart(sb, month, 'M');
        AddIsoPart(sb, day, 'D');
        if (hour != 0 || minute != 0 || second != 0 || fraction != 0) sb.Append('T');
        AddIsoPart(sb, hour, 'H');
        AddIsoPart(sb, minute, 'M');
        if (second != 0 || fraction != 0)
        {
            if (second < 0 || fraction < 0) sb.Append('-');
            AppendSeconds(sb, second, fraction, false);
            sb.Append('S');
        }
    }

    private static void AddIsoPart(StringBuilder sb, long value, char unit)
    {
        if (value != 0) sb.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
    }
}
