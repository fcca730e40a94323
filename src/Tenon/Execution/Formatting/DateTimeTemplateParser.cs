using System.Globalization;
using Tenon.Errors;
using Tenon.Types;
using static Tenon.Execution.Formatting.DateTimeTemplate;

namespace Tenon.Execution.Formatting;

/// <summary>
/// to_date and to_timestamp(text, text): reads the input along a date/time template. Blanks
/// before a field are skipped; a template separator matches one separator of the input or
/// nothing; a number field takes its width in digits when a field follows directly (YYYYMMDD),
/// otherwise every digit up to the next non-digit; names (Mon, Month, Day, AM) match ignoring
/// case. Input left over after the template is ignored and fields the template lacks take
/// year 1 BC, January, day 1, midnight — as PostgreSQL. Not read: FX's strict spacing, ISO
/// week dates (IYYY, IW, ID), TZ abbreviations, and the conflicting-field checks.
/// </summary>
internal static class DateTimeTemplateParser
{
    internal sealed class Fields
    {
        public long? Year;
        public int Month = 1, Day = 1, DayOfYear, Hour, Minute, Second;
        public long Micro;
        public bool Pm, HasAmPm, Hour12, Bc;
        public long? Julian;
        public int? OffsetSeconds;
        public int TzSign = 1, TzHours, TzMinutes;
        public bool HasTz;
    }

    private static readonly string[] MonthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    private static bool IsDigitField(Kw k) => k is not (Kw.None or Kw.AD or Kw.ADDots or Kw.AM or Kw.AMDots or Kw.BC or Kw.BCDots or Kw.PM or Kw.PMDots
        or Kw.MONTH or Kw.MON or Kw.DAY or Kw.DY or Kw.RM or Kw.TZ or Kw.FX or Kw.OF);

    private static int Width(Kw k) => k switch
    {
        Kw.YYYY or Kw.IYYY => 4,
        Kw.YYY or Kw.IYY or Kw.DDD or Kw.IDDD or Kw.MS => 3,
        Kw.Y or Kw.I or Kw.D or Kw.ID or Kw.Q or Kw.W => 1,
        Kw.US => 6,
        Kw.FF1 => 1, Kw.FF2 => 2, Kw.FF3 => 3, Kw.FF4 => 4, Kw.FF5 => 5, Kw.FF6 => 6,
        Kw.SSSS or Kw.SSSSS => 5,
        Kw.J => 9,
        _ => 2,
    };

    public static Fields Read(string input, string template)
    {
        var nodes = Parse(template);
        var f = new Fields();
        var pos = 0;
        for (var n = 0; n < nodes.Count; n++)
        {
            var node = nodes[n];
            if (node.Keyword == Kw.None)
            {
                foreach (var c in node.Literal)
                {
                    if (pos >= input.Length) break;
                    if (c == ' ')
                    {
                        while (pos < input.Length && input[pos] == ' ') pos++;
                    }
                    else if (!char.IsLetterOrDigit(c))
                    {
                        if (!char.IsLetterOrDigit(input[pos])) pos++;
                    }
                    else pos++;
                }
                continue;
            }
            while (pos < input.Length && input[pos] == ' ') pos++;
            if (pos >= input.Length) break;
            if (node.Keyword == Kw.FX) continue;
            if (!IsDigitField(node.Keyword))
            {
                ReadWord(input, ref pos, node, f);
                continue;
            }
            var next = n + 1 < nodes.Count ? nodes[n + 1] : default;
            var fixedWidth = next.Keyword != Kw.None && IsDigitField(next.Keyword) && !node.FillMode;
            ReadNumber(input, ref pos, node, fixedWidth, f);
        }
        return f;
    }

    private static TenonException InvalidValue(string value, Node node, string detail) =>
        new(SqlState.InvalidDatetimeFormat, $"invalid value \"{value}\" for \"{node.Literal}\"", detail);

    private static void ReadWord(string input, ref int pos, Node node, Fields f)
    {
        var rest = input[pos..];
        var taken = 0;
        bool Take(string word)
        {
            if (!rest.StartsWith(word, StringComparison.OrdinalIgnoreCase)) return false;
            taken = word.Length;
            return true;
        }
        ReadWordAt(rest, node, f, Take);
        pos += taken;
    }

    private static void ReadWordAt(string rest, Node node, Fields f, Func<string, bool> Take)
    {
        switch (node.Keyword)
        {
            case Kw.AM or Kw.PM or Kw.AMDots or Kw.PMDots:
            {
                var dots = node.Keyword is Kw.AMDots or Kw.PMDots;
                if (Take(dots ? "a.m." : "am")) f.Pm = false;
                else if (Take(dots ? "p.m." : "pm")) f.Pm = true;
                else throw InvalidValue(rest[..Math.Min(rest.Length, dots ? 4 : 2)], node, "The given value did not match any of the allowed values for this field.");
                f.HasAmPm = true;
                return;
            }
            case Kw.AD or Kw.BC or Kw.ADDots or Kw.BCDots:
            {
                var dots = node.Keyword is Kw.ADDots or Kw.BCDots;
                if (Take(dots ? "b.c." : "bc")) f.Bc = true;
                else if (!Take(dots ? "a.d." : "ad"))
                    throw InvalidValue(rest[..Math.Min(rest.Length, dots ? 4 : 2)], node, "The given value did not match any of the allowed values for this field.");
                return;
            }
            case Kw.MONTH or Kw.MON:
            {
                for (var m = 0; m < 12; m++)
                {
                    if (Take(node.Keyword == Kw.MONTH ? MonthNames[m] : MonthNames[m][..3]))
                    {
                        f.Month = m + 1;
                        return;
                    }
                }
                throw InvalidValue(Word(rest), node, "The given value did not match any of the allowed values for this field.");
            }
            case Kw.DAY or Kw.DY:
            {
                foreach (var d in DayNames)
                    if (Take(node.Keyword == Kw.DAY ? d : d[..3])) return;
                throw InvalidValue(Word(rest), node, "The given value did not match any of the allowed values for this field.");
            }
            case Kw.RM:
            {
                string[] roman = ["xii", "xi", "x", "ix", "viii", "vii", "vi", "v", "iv", "iii", "ii", "i"];
                for (var i = 0; i < roman.Length; i++)
                {
                    if (Take(roman[i]))
                    {
                        f.Month = 12 - i;
                        return;
                    }
                }
                throw InvalidValue(Word(rest), node, "The given value did not match any of the allowed values for this field.");
            }
            default:
                throw new TenonException(SqlState.FeatureNotSupported, $"formatting field \"{node.Literal}\" is only supported in to_char");
        }
    }

    private static string Word(string rest)
    {
        var end = 0;
        while (end < rest.Length && char.IsLetter(rest[end])) end++;
        return end == 0 ? rest[..Math.Min(rest.Length, 1)] : rest[..end];
    }

    private static void ReadNumber(string input, ref int pos, Node node, bool fixedWidth, Fields f)
    {
        var start = pos;
        var negative = false;
        if (node.Keyword is Kw.TZH or Kw.YYYY or Kw.Y or Kw.J && pos < input.Length && input[pos] is '-' or '+')
        {
            negative = input[pos] == '-';
            pos++;
        }
        var digitsStart = pos;
        var max = fixedWidth ? Width(node.Keyword) : int.MaxValue;
        while (pos < input.Length && char.IsAsciiDigit(input[pos]) && pos - digitsStart < max) pos++;
        if (pos == digitsStart)
        {
            var end = start;
            while (end < input.Length && input[end] != ' ' && !(end > start && !char.IsLetterOrDigit(input[end]))) end++;
            throw InvalidValue(input[start..Math.Max(end, Math.Min(start + 1, input.Length))], node, "Value must be an integer.");
        }
        var digits = input[digitsStart..pos];
        if (digits.Length > 18) throw InvalidValue(digits, node, "Value must be in the range -2147483648 to 2147483647.");
        var value = long.Parse(digits, CultureInfo.InvariantCulture);
        if (negative) value = -value;
        // Fractions read fewer digits than their width as tenths, hundredths, …
        long Fraction(int width) => value * (long)Math.Pow(10, Math.Max(0, width - digits.Length));
        switch (node.Keyword)
        {
            case Kw.YYYY or Kw.IYYY: f.Year = value; break;
            case Kw.YCommaYYY: f.Year = value; break;
            case Kw.YYY or Kw.IYY: f.Year = digits.Length >= 3 ? value : value < 100 ? value + 2000 : value + 1000; break;
            case Kw.YY or Kw.IY: f.Year = digits.Length >= 3 ? value : value < 70 ? value + 2000 : value + 1900; break;
            case Kw.Y or Kw.I: f.Year = digits.Length >= 2 ? value : value + 2000; break;
            case Kw.MM: f.Month = (int)value; break;
            case Kw.DD: f.Day = (int)value; break;
            case Kw.DDD or Kw.IDDD: f.DayOfYear = (int)value; break;
            case Kw.HH or Kw.HH12:
                f.Hour = (int)value;
                f.Hour12 = true;
                break;
            case Kw.HH24: f.Hour = (int)value; break;
            case Kw.MI: f.Minute = (int)value; break;
            case Kw.SS: f.Second = (int)value; break;
            case Kw.MS: f.Micro = Fraction(3) * 1000; break;
            case Kw.US: f.Micro = Fraction(6); break;
            case Kw.FF1 or Kw.FF2 or Kw.FF3 or Kw.FF4 or Kw.FF5 or Kw.FF6: f.Micro = Fraction(node.Keyword - Kw.FF1 + 1) * (long)Math.Pow(10, 6 - (node.Keyword - Kw.FF1 + 1)); break;
            case Kw.SSSS or Kw.SSSSS:
                f.Hour = (int)(value / 3600);
                f.Minute = (int)(value / 60 % 60);
                f.Second = (int)(value % 60);
                break;
            case Kw.J: f.Julian = value; break;
            case Kw.TZH:
                f.HasTz = true;
                f.TzSign = negative ? -1 : 1;
                f.TzHours = (int)value;
                break;
            case Kw.TZM:
                f.HasTz = true;
                f.TzMinutes = (int)value;
                break;
            case Kw.CC:
                f.Year ??= value > 0 ? (value - 1) * 100 + 1 : value * 100;
                break;
        }
    }

    /// <summary>The local timestamp the fields name; 22008 when a field is out of range.</summary>
    public static PgTimestamp ToTimestamp(Fields f, string input)
    {
        var outOfRange = new TenonException(SqlState.DatetimeFieldOverflow, $"date/time field value out of range: \"{input}\"");
        if (f.Hour12 || f.HasAmPm)
        {
            if (f.Hour12 && (f.Hour < 1 || f.Hour > 12))
                throw new TenonException(SqlState.InvalidDatetimeFormat, $"hour \"{f.Hour}\" is invalid for the 12-hour clock",
                    hint: "Use the 24-hour clock, or give an hour between 1 and 12.");
            if (f.HasAmPm)
            {
                if (f.Pm && f.Hour < 12) f.Hour += 12;
                else if (!f.Pm && f.Hour == 12) f.Hour = 0;
            }
        }
        long days;
        if (f.Julian is { } julian)
        {
            if (julian is < 0 or > 109203489) throw new TenonException(SqlState.DatetimeFieldOverflow, $"timestamp out of range: \"{input}\"");
            days = julian - 2451545;
        }
        else
        {
            // Years are read as written: 0 and negatives count BC only through the BC field.
            var year = f.Year ?? 0;
            if (f.Year is not null && f.Bc) year = 1 - year;
            else if (f.Year is not null && year <= 0) year += 1;
            if (year is < -4713 or > 294277) throw new TenonException(SqlState.DatetimeFieldOverflow, $"timestamp out of range: \"{input}\"");
            if (f.DayOfYear > 0 && f.Month == 1 && f.Day == 1)
            {
                if (f.DayOfYear > (PgCalendar.IsLeap(year) ? 366 : 365)) throw outOfRange;
                days = PgCalendar.DaysFromCivil(year, 1, 1) + f.DayOfYear - 1;
            }
            else
            {
                if (f.Month is < 1 or > 12 || f.Day < 1 || f.Day > PgCalendar.DaysInMonth(year, f.Month)) throw outOfRange;
                days = PgCalendar.DaysFromCivil(year, f.Month, f.Day);
            }
        }
        if (f.Hour is < 0 or > 24 || f.Minute is < 0 or > 59 || f.Second is < 0 or > 60 || (f.Hour == 24 && (f.Minute != 0 || f.Second != 0 || f.Micro != 0)))
            throw outOfRange;
        var micro = (Int128)days * PgCalendar.MicrosecondsPerDay + ((f.Hour * 60L + f.Minute) * 60 + f.Second) * PgCalendar.MicrosecondsPerSecond + f.Micro;
        if (micro < PgCalendar.MinTimestamp || micro >= PgCalendar.EndTimestamp)
            throw new TenonException(SqlState.DatetimeFieldOverflow, $"timestamp out of range: \"{input}\"");
        return new PgTimestamp((long)micro);
    }
}
