using System.Globalization;

namespace Tenon.Types;

/// <summary>
/// Interval input (a reduced DecodeInterval / DecodeISO8601Interval):
///
///   [@] { number unit | [+-]hh:mm[:ss[.f]] | y-m } ... [ago]     e.g. '1 year 2 mons 3 days 04:05:06'
///   P[nY][nM][nW][nD][T[nH][nM][nS]]                               ISO 8601 "format with designators"
///
/// A number without a unit at the end counts as seconds. Fractional units cascade downward
/// as in PostgreSQL: 1.5 years = 1 year 6 mons, 1.5 mons = 1 mon 15 days, 1.5 days = 1 day 12:00:00.
/// Not supported: SQL-standard 'day hh:mm' pairs without units other than plain times,
/// interval field qualifiers (YEAR TO MONTH) and the ISO 8601 alternative format (P0001-02-03T04:05:06).
/// </summary>
internal static partial class DateTimeText
{
    private sealed class IntervalAccumulator
    {
        public double Months;
        public double Days;
        public double Micro;
    }

    public static PgInterval ParseInterval(string text)
    {
        const string typeName = "interval";
        var s = text.Trim().ToLowerInvariant();
        if (s.Length == 0) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
        var acc = new IntervalAccumulator();
        if (s[0] == 'p')
        {
            if (!ParseIso8601(s, acc)) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
            return Finish(acc);
        }
        if (s[0] == '@') s = s[1..];
        var tokens = SplitIntervalTokens(s) ?? throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
        var ago = false;
        var any = false;
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (t == "ago")
            {
                if (k != tokens.Count - 1 || !any) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
                ago = true;
                continue;
            }
            if (t.Contains(':'))
            {
                if (!AddClock(t, acc)) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
                any = true;
                continue;
            }
            if (IsYearMonth(t, out var years, out var months))
            {
                acc.Months += years * 12 + months;
                any = true;
                continue;
            }
            if (!double.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
            string? unit = null;
            if (k + 1 < tokens.Count && tokens[k + 1] != "ago" && char.IsAsciiLetter(tokens[k + 1][0]))
            {
                unit = tokens[++k];
            }
            else if (k + 1 < tokens.Count && tokens[k + 1] != "ago")
            {
                throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
            }
            if (!AddUnit(number, unit ?? "second", acc)) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
            any = true;
        }
        if (!any) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
        if (ago)
        {
            acc.Months = -acc.Months;
            acc.Days = -acc.Days;
            acc.Micro = -acc.Micro;
        }
        return Finish(acc);
    }

    private static PgInterval Finish(IntervalAccumulator acc)
    {
        // Cascade fractions: months → days (30), days → microseconds.
        var wholeMonths = Math.Truncate(acc.Months);
        var days = acc.Days + (acc.Months - wholeMonths) * 30;
        var wholeDays = Math.Truncate(days);
        var micro = Math.Round(acc.Micro + (days - wholeDays) * PgCalendar.MicrosecondsPerDay);
        if (Math.Abs(wholeMonths) > int.MaxValue || Math.Abs(wholeDays) > int.MaxValue || Math.Abs(micro) > 9.2e18)
            throw TypeErrors.IntervalOutOfRange();
        return new PgInterval((int)wholeMonths, (int)wholeDays, (long)micro);
    }

    private static List<string>? SplitIntervalTokens(string s)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || c == ',')
            {
                i++;
                continue;
            }
            var start = i;
            if (char.IsAsciiLetter(c))
            {
                while (i < s.Length && char.IsAsciiLetter(s[i])) i++;
            }
            else if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                i++;
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] is ':' or '.' or '-')) i++;
            }
            else
            {
                return null;
            }
            tokens.Add(s[start..i]);
        }
        return tokens;
    }

    private static bool IsYearMonth(string token, out long years, out long months)
    {
        years = months = 0;
        var body = token.TrimStart('+', '-');
        var dash = body.IndexOf('-');
        if (dash <= 0 || dash == body.Length - 1) return false;
        if (!long.TryParse(body.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out years)) return false;
        if (!long.TryParse(body.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out months)) return false;
        if (token[0] == '-')
        {
            years = -years;
            months = -months;
        }
        return true;
    }

    private static bool AddClock(string token, IntervalAccumulator acc)
    {
        var negative = token[0] == '-';
        var body = token.TrimStart('+', '-');
        var parts = body.Split(':');
        if (parts.Length is < 2 or > 3) return false;
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)) return false;
        double minutes;
        double seconds = 0;
        if (parts.Length == 3)
        {
            if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
            minutes = m;
            if (!double.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds)) return false;
        }
        else if (!double.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out minutes))
        {
            return false;
        }
        if (minutes >= 60 || seconds >= 60) return false;
        var micro = hours * (double)PgCalendar.MicrosecondsPerHour + minutes * PgCalendar.MicrosecondsPerMinute
            + Math.Round(seconds * PgCalendar.MicrosecondsPerSecond);
        acc.Micro += negative ? -micro : micro;
        return true;
    }

    private static bool AddUnit(double n, string unit, IntervalAccumulator acc)
    {
        switch (unit)
        {
            case "microsecond" or "microseconds" or "usec" or "usecs" or "us" or "microsecon":
                acc.Micro += n;
                return true;
            case "millisecond" or "milliseconds" or "msec" or "msecs" or "ms" or "millisecon":
                acc.Micro += n * 1000;
                return true;
            case "second" or "seconds" or "sec" or "secs" or "s":
                acc.Micro += n * PgCalendar.MicrosecondsPerSecond;
                return true;
            case "minute" or "minutes" or "min" or "mins" or "m":
                acc.Micro += n * PgCalendar.MicrosecondsPerMinute;
                return true;
            case "hour" or "hours" or "hr" or "hrs" or "h":
                acc.Micro += n * PgCalendar.MicrosecondsPerHour;
                return true;
            case "day" or "days" or "d":
                acc.Days += n;
                return true;
            case "week" or "weeks" or "w":
                acc.Days += n * 7;
                return true;
            case "month" or "months" or "mon" or "mons":
                acc.Months += n;
                return true;
            case "year" or "years" or "yr" or "yrs" or "y":
                acc.Months += n * 12;
                return true;
            case "decade" or "decades" or "dec" or "decs":
                acc.Months += n * 120;
                return true;
            case "century" or "centuries" or "cent" or "c":
                acc.Months += n * 1200;
                return true;
            case "millennium" or "millennia" or "mil" or "mils":
                acc.Months += n * 12000;
                return true;
            default:
                return false;
        }
    }

    private static bool ParseIso8601(string s, IntervalAccumulator acc)
    {
        var i = 1;
        var inTime = false;
        var any = false;
        while (i < s.Length)
        {
            if (s[i] == 't')
            {
                if (inTime) return false;
                inTime = true;
                i++;
                continue;
            }
            var start = i;
            if (s[i] is '+' or '-') i++;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (i == start || i >= s.Length) return false;
            if (!double.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
                return false;
            var designator = s[i++];
            var unit = (inTime, designator) switch
            {
                (false, 'y') => "year",
                (false, 'm') => "month",
                (false, 'w') => "week",
                (false, 'd') => "day",
                (true, 'h') => "hour",
                (true, 'm') => "minute",
                (true, 's') => "second",
                _ => null,
            };
            if (unit is null) return false;
            AddUnit(n, unit, acc);
            any = true;
        }
        return any;
    }
}
