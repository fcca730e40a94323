using System.Globalization;
using System.Text;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution.Formatting;

/// <summary>The wall-clock fields to_char prints, read from a timestamp or an interval.</summary>
internal readonly record struct DateTimeParts(
    long Year, int Month, long Day, long Hour, long Minute, long Second, long Micro,
    long EpochDays, bool IsInterval, string? ZoneAbbreviation, int OffsetSeconds)
{
    public static DateTimeParts FromTimestamp(PgTimestamp t, string? zone, int offsetSeconds)
    {
        var days = PgCalendar.FloorDiv(t.Microseconds, PgCalendar.MicrosecondsPerDay);
        var time = t.Microseconds - days * PgCalendar.MicrosecondsPerDay;
        var (y, m, d) = PgCalendar.CivilFromDays(days);
        return new(y, m, d, time / PgCalendar.MicrosecondsPerHour, time / PgCalendar.MicrosecondsPerMinute % 60,
            time / PgCalendar.MicrosecondsPerSecond % 60, time % PgCalendar.MicrosecondsPerSecond, days, false, zone, offsetSeconds);
    }

    /// <summary>An interval's fields keep their signs; years are months / 12, hours are not folded into days.</summary>
    public static DateTimeParts FromInterval(PgInterval v)
    {
        var time = v.Microseconds;
        long year = v.Months / 12;
        var month = v.Months % 12;
        // The date fields of an interval name no real day; J, IW and the ISO fields read them as one anyway.
        var days = PgCalendar.DaysFromCivil(Math.Clamp(year, -4000, 200000), Math.Clamp(month, 1, 12), 1) + v.Days - 1;
        return new(year, month, v.Days, time / PgCalendar.MicrosecondsPerHour, time / PgCalendar.MicrosecondsPerMinute % 60,
            time / PgCalendar.MicrosecondsPerSecond % 60, time % PgCalendar.MicrosecondsPerSecond, days, true, null, 0);
    }
}

/// <summary>
/// to_char's date/time template patterns (PostgreSQL's "Template Patterns for Date/Time
/// Formatting"): keywords are matched longest first and case-sensitively in the spellings
/// PostgreSQL knows (upper case, lower case, and Month/Mon/Day/Dy capitalized); FM (fill mode)
/// and TM prefixes, TH/th and SP suffixes; double-quoted text is copied (a backslash inside takes
/// the next character literally) and outside quotes \" is a quote; other characters are copied.
/// TM (translation mode) prints the C locale's names, unpadded. The SP suffix is accepted and
/// does nothing, as in PostgreSQL.
/// </summary>
internal static class DateTimeTemplate
{
    internal enum Kw
    {
        None, AD, ADDots, AM, AMDots, BC, BCDots, PM, PMDots, CC, DAY, DDD, DD, DY, D, FF1, FF2, FF3, FF4, FF5, FF6, FX,
        HH24, HH12, HH, IDDD, ID, IW, IYYY, IYY, IY, I, J, MI, MM, MONTH, MON, MS, OF, Q, RM, SSSSS, SSSS, SS,
        TZH, TZM, TZ, US, WW, W, YCommaYYY, YYYY, YYY, YY, Y,
    }

    /// <summary>How a text keyword was spelled: upper, capitalized or lower case.</summary>
    internal enum Case { Upper, Capital, Lower }

    internal readonly record struct Node(Kw Keyword, string Literal, Case Case, bool FillMode, bool TranslationMode, int Ordinal, bool FixedFormat);

    private static readonly (string Text, Kw Kw, Case Case)[] Keywords = BuildKeywords();

    private static (string, Kw, Case)[] BuildKeywords()
    {
        var list = new List<(string, Kw, Case)>();
        void Both(string upper, Kw kw)
        {
            list.Add((upper, kw, Case.Upper));
            list.Add((upper.ToLowerInvariant(), kw, Case.Lower));
        }
        Both("A.D.", Kw.ADDots); Both("A.M.", Kw.AMDots); Both("AD", Kw.AD); Both("AM", Kw.AM);
        Both("B.C.", Kw.BCDots); Both("BC", Kw.BC); Both("CC", Kw.CC);
        Both("DAY", Kw.DAY); list.Add(("Day", Kw.DAY, Case.Capital));
        Both("DDD", Kw.DDD); Both("DD", Kw.DD);
        Both("DY", Kw.DY); list.Add(("Dy", Kw.DY, Case.Capital));
        Both("D", Kw.D);
        Both("FF1", Kw.FF1); Both("FF2", Kw.FF2); Both("FF3", Kw.FF3); Both("FF4", Kw.FF4); Both("FF5", Kw.FF5); Both("FF6", Kw.FF6);
        Both("FX", Kw.FX);
        Both("HH24", Kw.HH24); Both("HH12", Kw.HH12); Both("HH", Kw.HH);
        Both("IDDD", Kw.IDDD); Both("ID", Kw.ID); Both("IW", Kw.IW); Both("IYYY", Kw.IYYY); Both("IYY", Kw.IYY); Both("IY", Kw.IY); Both("I", Kw.I);
        Both("J", Kw.J); Both("MI", Kw.MI); Both("MM", Kw.MM);
        Both("MONTH", Kw.MONTH); list.Add(("Month", Kw.MONTH, Case.Capital));
        Both("MON", Kw.MON); list.Add(("Mon", Kw.MON, Case.Capital));
        Both("MS", Kw.MS); list.Add(("OF", Kw.OF, Case.Upper));
        Both("P.M.", Kw.PMDots); Both("PM", Kw.PM); Both("Q", Kw.Q); Both("RM", Kw.RM);
        Both("SSSSS", Kw.SSSSS); Both("SSSS", Kw.SSSS); Both("SS", Kw.SS);
        list.Add(("TZH", Kw.TZH, Case.Upper)); list.Add(("TZM", Kw.TZM, Case.Upper)); Both("TZ", Kw.TZ);
        Both("US", Kw.US); Both("WW", Kw.WW); Both("W", Kw.W);
        Both("Y,YYY", Kw.YCommaYYY); Both("YYYY", Kw.YYYY); Both("YYY", Kw.YYY); Both("YY", Kw.YY); Both("Y", Kw.Y);
        return [.. list.OrderByDescending(k => k.Item1.Length)];
    }

    /// <summary>Splits a template into keywords and literal text.</summary>
    public static List<Node> Parse(string template)
    {
        var nodes = new List<Node>();
        var literal = new StringBuilder();
        void Flush()
        {
            if (literal.Length == 0) return;
            nodes.Add(new Node(Kw.None, literal.ToString(), Case.Upper, false, false, 0, false));
            literal.Clear();
        }
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '"')
            {
                i++;
                while (i < template.Length && template[i] != '"')
                {
                    if (template[i] == '\\' && i + 1 < template.Length) i++;
                    literal.Append(template[i++]);
                }
                i++;
                continue;
            }
            if (c == '\\' && i + 1 < template.Length && template[i + 1] == '"')
            {
                literal.Append('"');
                i += 2;
                continue;
            }
            bool fm = false, tm = false;
            var start = i;
            while (i + 1 < template.Length)
            {
                var prefix = template.Substring(i, 2);
                if (prefix is "FM" or "fm") fm = true;
                else if (prefix is "TM" or "tm") tm = true;
                else break;
                i += 2;
            }
            var match = Keywords.FirstOrDefault(k => string.CompareOrdinal(template, i, k.Text, 0, k.Text.Length) == 0 && i + k.Text.Length <= template.Length);
            if (match.Text is null)
            {
                if (i == start)
                {
                    literal.Append(c);
                    i++;
                }
                continue;
            }
            i += match.Text.Length;
            var ordinal = 0;
            while (i + 1 < template.Length)
            {
                var suffix = template.Substring(i, 2);
                if (suffix == "TH") ordinal = 1;
                else if (suffix == "th") ordinal = 2;
                else if (suffix is not ("SP" or "sp")) break;
                i += 2;
            }
            Flush();
            nodes.Add(new Node(match.Kw, match.Text, match.Case, fm, tm, ordinal, false));
        }
        Flush();
        return nodes;
    }

    private static readonly string[] MonthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] RomanMonths = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    /// <summary>to_char(timestamp|timestamptz|interval, text).</summary>
    public static string Format(string template, DateTimeParts p)
    {
        var sb = new StringBuilder();
        foreach (var n in Parse(template))
        {
            if (n.Keyword == Kw.None)
            {
                sb.Append(n.Literal);
                continue;
            }
            if (p.IsInterval && n.Keyword is Kw.AD or Kw.ADDots or Kw.BC or Kw.BCDots or Kw.MONTH or Kw.MON or Kw.DAY or Kw.DY or Kw.D or Kw.ID
                or Kw.TZ or Kw.TZH or Kw.TZM or Kw.OF)
                throw new TenonException(SqlState.InvalidDatetimeFormat, "invalid format specification for an interval value",
                    hint: "Intervals are not tied to specific calendar dates.");
            sb.Append(Field(n, p));
        }
        return sb.ToString();
    }

    private static string Text(string name, Case c) => c switch
    {
        Case.Upper => name.ToUpperInvariant(),
        Case.Lower => name.ToLowerInvariant(),
        _ => name,
    };

    /// <summary>C's "%0*d": zero-padded to a width that counts the sign; signed fields widen by one when negative.</summary>
    private static string Pad(long value, int width, bool fm, bool signWidens = false)
    {
        if (fm) return value.ToString(CultureInfo.InvariantCulture);
        if (value < 0)
        {
            var w = (signWidens ? width + 1 : width) - 1;
            return "-" + (-value).ToString(CultureInfo.InvariantCulture).PadLeft(w, '0');
        }
        return value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
    }

    /// <summary>English ordinal suffix of a printed number: st, nd, rd, th (11–13 take th).</summary>
    internal static string OrdinalSuffix(string digits, bool upper)
    {
        var s = "th";
        if (digits.Length > 0 && char.IsAsciiDigit(digits[^1]))
        {
            var teen = digits.Length > 1 && digits[^2] == '1';
            if (!teen) s = digits[^1] switch { '1' => "st", '2' => "nd", '3' => "rd", _ => "th" };
        }
        return upper ? s.ToUpperInvariant() : s;
    }

    private static string Field(Node n, DateTimeParts p)
    {
        var fm = n.FillMode;
        var adjustedYear = p.IsInterval ? p.Year : p.Year <= 0 ? 1 - p.Year : p.Year;
        var hour12 = p.Hour % 12 == 0 ? 12 : p.Hour % 12;
        var pm = p.IsInterval ? p.Hour % 24 >= 12 : p.Hour >= 12;
        string? number = null;
        switch (n.Keyword)
        {
            case Kw.AD or Kw.BC: return Text(p.Year <= 0 ? "BC" : "AD", n.Case);
            case Kw.ADDots or Kw.BCDots: return Text(p.Year <= 0 ? "B.C." : "A.D.", n.Case);
            case Kw.AM or Kw.PM: return Text(pm ? "PM" : "AM", n.Case);
            case Kw.AMDots or Kw.PMDots: return Text(pm ? "P.M." : "A.M.", n.Case);
            case Kw.MONTH:
            {
                var name = Text(MonthNames[p.Month - 1], n.Case);
                return fm || n.TranslationMode ? name : name.PadRight(9);
            }
            case Kw.MON: return Text(MonthNames[p.Month - 1][..3], n.Case);
            case Kw.DAY:
            {
                var name = Text(DayNames[PgCalendar.DayOfWeek(p.EpochDays)], n.Case);
                return fm || n.TranslationMode ? name : name.PadRight(9);
            }
            case Kw.DY: return Text(DayNames[PgCalendar.DayOfWeek(p.EpochDays)][..3], n.Case);
            case Kw.RM:
            {
                if (p.Month == 0) return "";
                var roman = RomanMonths[Math.Abs(p.Month) - 1];
                roman = n.Case == Case.Lower ? roman.ToLowerInvariant() : roman;
                return fm ? roman : roman.PadRight(4);
            }
            case Kw.TZ: return p.ZoneAbbreviation is null ? "" : n.Case == Case.Lower ? p.ZoneAbbreviation.ToLowerInvariant() : p.ZoneAbbreviation;
            case Kw.OF:
            {
                var abs = Math.Abs(p.OffsetSeconds);
                var text = (p.OffsetSeconds < 0 ? "-" : "+") + (abs / 3600).ToString("D2", CultureInfo.InvariantCulture);
                return abs / 60 % 60 != 0 ? text + ":" + (abs / 60 % 60).ToString("D2", CultureInfo.InvariantCulture) : text;
            }
            case Kw.TZH: return (p.OffsetSeconds < 0 ? "-" : "+") + (Math.Abs(p.OffsetSeconds) / 3600).ToString("D2", CultureInfo.InvariantCulture);
            case Kw.TZM: return (Math.Abs(p.OffsetSeconds) / 60 % 60).ToString("D2", CultureInfo.InvariantCulture);
            case Kw.FX: return "";
            case Kw.HH or Kw.HH12: number = Pad(hour12, 2, fm, true); break;
            case Kw.HH24: number = Pad(p.Hour, 2, fm, true); break;
            case Kw.MI: number = Pad(p.Minute, 2, fm, true); break;
            case Kw.SS: number = Pad(p.Second, 2, fm, true); break;
            // Fractions keep their digits under FM.
            case Kw.MS: number = Pad(p.Micro / 1000, 3, false); break;
            case Kw.US: number = Pad(p.Micro, 6, false); break;
            case Kw.FF1 or Kw.FF2 or Kw.FF3 or Kw.FF4 or Kw.FF5 or Kw.FF6:
            {
                var digits = n.Keyword - Kw.FF1 + 1;
                number = Pad(p.Micro / (long)Math.Pow(10, 6 - digits), digits, false);
                break;
            }
            case Kw.SSSS or Kw.SSSSS: number = ((p.Hour * 60 + p.Minute) * 60 + p.Second).ToString(CultureInfo.InvariantCulture); break;
            case Kw.YCommaYYY:
                number = (adjustedYear / 1000).ToString(CultureInfo.InvariantCulture) + "," + Pad(adjustedYear % 1000, 3, false);
                break;
            case Kw.YYYY: number = adjustedYear is <= 9999 and >= -9998 ? Pad(adjustedYear, 4, fm, true) : adjustedYear.ToString(CultureInfo.InvariantCulture); break;
            case Kw.YYY: number = Pad(adjustedYear % 1000, 3, fm, true); break;
            case Kw.YY: number = Pad(adjustedYear % 100, 2, fm, true); break;
            case Kw.Y: number = Pad(adjustedYear % 10, 1, fm, true); break;
            case Kw.IYYY or Kw.IYY or Kw.IY or Kw.I:
            {
                var iso = DateTimeFields.IsoWeek(p.EpochDays).Year;
                var y = p.IsInterval ? iso : iso <= 0 ? 1 - iso : iso;
                number = n.Keyword switch
                {
                    Kw.IYYY => y is <= 9999 and >= -9998 ? Pad(y, 4, fm, true) : y.ToString(CultureInfo.InvariantCulture),
                    Kw.IYY => Pad(y % 1000, 3, fm, true),
                    Kw.IY => Pad(y % 100, 2, fm, true),
                    _ => Pad(y % 10, 1, fm, true),
                };
                break;
            }
            case Kw.MM: number = Pad(p.Month, 2, fm, true); break;
            case Kw.DD: number = Pad(p.Day, 2, fm); break;
            case Kw.DDD: number = Pad(DayOfYear(p), 3, fm); break;
            case Kw.IDDD:
            {
                var week = DateTimeFields.IsoWeek(p.EpochDays).Week;
                number = Pad((week - 1) * 7 + DateTimeFields.IsoDayOfWeek(p.EpochDays), 3, fm);
                break;
            }
            case Kw.D: number = (PgCalendar.DayOfWeek(p.EpochDays) + 1).ToString(CultureInfo.InvariantCulture); break;
            case Kw.ID: number = DateTimeFields.IsoDayOfWeek(p.EpochDays).ToString(CultureInfo.InvariantCulture); break;
            case Kw.W: number = ((p.Day - 1) / 7 + 1).ToString(CultureInfo.InvariantCulture); break;
            case Kw.WW: number = Pad((DayOfYear(p) - 1) / 7 + 1, 2, fm); break;
            case Kw.IW: number = Pad(DateTimeFields.IsoWeek(p.EpochDays).Week, 2, fm); break;
            case Kw.CC:
            {
                var century = p.IsInterval ? p.Year / 100 : p.Year > 0 ? (p.Year + 99) / 100 : -((99 - (p.Year - 1)) / 100);
                number = Pad(century, 2, fm, true);
                break;
            }
            case Kw.J: number = (p.EpochDays + 2451545).ToString(CultureInfo.InvariantCulture); break;
            case Kw.Q: number = p.IsInterval && p.Month == 0 ? "" : ((p.Month - 1) / 3 + 1).ToString(CultureInfo.InvariantCulture); break;
        }
        if (number is null) return "";
        return n.Ordinal == 0 || number.Length == 0 ? number : number + OrdinalSuffix(number, n.Ordinal == 1);
    }

    /// <summary>Day of the year; an interval counts 360-day years and 30-day months.</summary>
    private static long DayOfYear(DateTimeParts p) =>
        p.IsInterval ? (p.Year * 12 + p.Month) * 30 + p.Day : p.EpochDays - PgCalendar.DaysFromCivil(p.Year, 1, 1) + 1;
}
