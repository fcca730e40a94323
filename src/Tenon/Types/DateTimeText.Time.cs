using System.Globalization;
using System.Text;

namespace Tenon.Types;

/// <summary>
/// Input and output of <c>time without time zone</c>. Output is always HH:MM:SS with the
/// fraction's trailing zeros trimmed, whatever DateStyle says. Input takes what PostgreSQL's
/// time_in takes: a time of day (04:05, 04:05:06.789, 4:05 PM, 24:00:00), the digit forms
/// HHMM and HHMMSS[.fff], 'allballs' and 'now', and a whole timestamp, whose date and zone
/// are read (and must be valid) but dropped.
/// </summary>
internal static partial class DateTimeText
{
    public static string FormatTime(PgTime value)
    {
        var t = value.Microseconds;
        var sb = new StringBuilder(15);
        Pad(sb, t / PgCalendar.MicrosecondsPerHour, 2).Append(':');
        Pad(sb, t / PgCalendar.MicrosecondsPerMinute % 60, 2).Append(':');
        AppendSeconds(sb, t / PgCalendar.MicrosecondsPerSecond % 60, t % PgCalendar.MicrosecondsPerSecond, fillZeros: true);
        return sb.ToString();
    }

    public static PgTime ParseTime(string text, FormatSettings settings)
    {
        const string typeName = "time";
        var s = text.Trim();
        switch (s.ToLowerInvariant())
        {
            case "allballs": return new PgTime(0);
            case "now": return new PgTime(PgCalendar.FloorMod(NowLocal(settings), PgCalendar.MicrosecondsPerDay));
        }
        if (DigitsOnlyTime(s, text) is { } digits) return digits;
        if (s.Length > 1 && s[0] is 'T' or 't' && char.IsAsciiDigit(s[1])) s = s[1..];
        var f = Decode(s, typeName, settings.DateOrder);
        if (!f.HasTime) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
        if (f.Year is not null) CheckedDays(f, text);
        var hour = f.Hour;
        if (f.AmPm != 0)
        {
            if (hour > 12) throw TypeErrors.FieldOutOfRange(text);
            if (f.AmPm == 1 && hour == 12) hour = 0;
            else if (f.AmPm == 2 && hour != 12) hour += 12;
        }
        var value = hour * PgCalendar.MicrosecondsPerHour + f.Minute * PgCalendar.MicrosecondsPerMinute
            + f.Second * PgCalendar.MicrosecondsPerSecond + f.Micro;
        if (!PgTime.IsValid(value)) throw TypeErrors.FieldOutOfRange(text);
        return new PgTime(value);
    }

    /// <summary>HHMM and HHMMSS[.fraction], which PostgreSQL reads as a time when no date is given.</summary>
    private static PgTime? DigitsOnlyTime(string s, string text)
    {
        var dot = s.IndexOf('.');
        var whole = dot >= 0 ? s[..dot] : s;
        if (whole.Length is not (4 or 6) || !whole.All(char.IsAsciiDigit)) return null;
        if (dot >= 0 && (whole.Length != 6 || !s[(dot + 1)..].All(char.IsAsciiDigit))) return null;
        var hour = int.Parse(whole.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var minute = int.Parse(whole.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var second = whole.Length == 6 ? int.Parse(whole.AsSpan(4, 2), CultureInfo.InvariantCulture) : 0;
        var micro = dot >= 0 && s.Length > dot + 1 ? FractionMicroseconds(s[(dot + 1)..]) : 0;
        if (hour > 24 || minute > 59 || second > 60) throw TypeErrors.FieldOutOfRange(text);
        var value = hour * PgCalendar.MicrosecondsPerHour + minute * PgCalendar.MicrosecondsPerMinute
            + second * PgCalendar.MicrosecondsPerSecond + micro;
        if (!PgTime.IsValid(value)) throw TypeErrors.FieldOutOfRange(text);
        return new PgTime(value);
    }
}
