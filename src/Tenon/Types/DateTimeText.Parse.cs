using System.Globalization;
using System.Text.RegularExpressions;
using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// Date and timestamp input, a reduced form of PostgreSQL's ParseDateTime + DecodeDateTime:
///
///   1. special words: infinity, -infinity, epoch, now, today, tomorrow, yesterday;
///   2. split into tokens — dates (2024-01-02, 1/2/2024, 02.01.2024, 1999-Jan-08, 20240102),
///      times (03:04:05.123456, with an attached zone like +02, -08:00, Z), numbers, words
///      (month and weekday names, AM/PM, BC/AD, zone abbreviations, IANA zone names),
///      and signed offsets (+05:30);
///   3. assemble year/month/day (ambiguous numeric dates follow DateOrder; 2-digit years
///      map to 1970–2069), validate fields, then apply the zone.
///
/// Not supported (rejected as invalid syntax): Julian dates (J2451187), ISO week dates,
/// day-of-year forms (1999.008), 'allballs' and time-only input for timestamps.
/// </summary>
internal static partial class DateTimeText
{
    private enum TokenKind { Date, Time, Number, Word, Offset }

    private readonly record struct Token(TokenKind Kind, string Text);

    private sealed class Fields
    {
        public long? Year;
        public int? Month;
        public int? Day;
        public bool YearTwoDigits;
        public bool Bc;
        public bool HasTime;
        public int Hour;
        public int Minute;
        public int Second;
        public long Micro;
        public int AmPm; // 0 none, 1 am, 2 pm
        public int? OffsetSeconds;
        public TimeZoneInfo? Zone;
    }

    private static readonly string[] FullMonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] FullDayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    [GeneratedRegex(@"^(\d+-\d+-\d+)[Tt](\d)")]
    private static partial Regex IsoTSeparator();

    public static PgDate ParseDate(string text, FormatSettings settings)
    {
        const string typeName = "date";
        var special = Special(text);
        switch (special)
        {
            case "infinity": return PgDate.Infinity;
            case "-infinity": return PgDate.NegativeInfinity;
            case "epoch": return new PgDate((int)PgCalendar.DaysFromCivil(1970, 1, 1));
            case "now" or "today" or "tomorrow" or "yesterday":
                return new PgTimestamp(NowLocal(settings)).Date is var d && special == "tomorrow" ? new PgDate(d.Days + 1)
                    : special == "yesterday" ? new PgDate(d.Days - 1) : d;
        }
        var f = Decode(text, typeName, settings.DateOrder);
        if (f.Year is null) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
        var days = CheckedDays(f, text);
        if (days < PgCalendar.MinDays || days >= PgCalendar.EndDays) throw TypeErrors.DateOutOfRange(text);
        return new PgDate((int)days);
    }

    public static PgTimestamp ParseTimestamp(string text, FormatSettings settings)
    {
        const string typeName = "timestamp";
        switch (Special(text))
        {
            case "infinity": return PgTimestamp.Infinity;
            case "-infinity": return PgTimestamp.NegativeInfinity;
            case "epoch": return new PgTimestamp(PgCalendar.DaysFromCivil(1970, 1, 1) * PgCalendar.MicrosecondsPerDay);
            case "now": return new PgTimestamp(NowLocal(settings));
            case "today": return TodayPlus(settings, 0);
            case "tomorrow": return TodayPlus(settings, 1);
            case "yesterday": return TodayPlus(settings, -1);
        }
        var f = Decode(text, typeName, settings.DateOrder);
        if (f.Year is null) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
        var value = LocalMicroseconds(f, text);
        if (!PgTimestamp.IsValid(value)) throw TypeErrors.TimestampOutOfRange(text);
        return new PgTimestamp(value);
    }

    public static PgTimestampTz ParseTimestampTz(string text, FormatSettings settings)
    {
        const string typeName = "timestamp with time zone";
        switch (Special(text))
        {
            case "infinity": return PgTimestampTz.Infinity;
            case "-infinity": return PgTimestampTz.NegativeInfinity;
            case "epoch": return new PgTimestampTz(PgCalendar.DaysFromCivil(1970, 1, 1) * PgCalendar.MicrosecondsPerDay);
            case "now": return new PgTimestampTz(NowUtc());
            case "today": return new PgTimestampTz(TimeZones.LocalToUtc(settings.TimeZone, TodayPlus(settings, 0).Microseconds));
            case "tomorrow": return new PgTimestampTz(TimeZones.LocalToUtc(settings.TimeZone, TodayPlus(settings, 1).Microseconds));
            case "yesterday": return new PgTimestampTz(TimeZones.LocalToUtc(settings.TimeZone, TodayPlus(settings, -1).Microseconds));
        }
        var f = Decode(text, typeName, settings.DateOrder);
        if (f.Year is null) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
        var local = LocalMicroseconds(f, text);
        if (!PgTimestamp.IsValid(local)) throw TypeErrors.TimestampOutOfRange(text);
        long utc;
        if (f.OffsetSeconds is { } offset) utc = local - offset * PgCalendar.MicrosecondsPerSecond;
        else utc = TimeZones.LocalToUtc(f.Zone ?? settings.TimeZone, local);
        if (!PgTimestamp.IsValid(utc)) throw TypeErrors.TimestampOutOfRange(text);
        return new PgTimestampTz(utc);
    }

    private static long NowUtc() => (DateTime.UtcNow.Ticks - PgTimestamp.EpochTicks) / 10;

    private static long NowLocal(FormatSettings settings)
    {
        var utc = NowUtc();
        return utc + TimeZones.OffsetAtUtc(settings.TimeZone, utc) * PgCalendar.MicrosecondsPerSecond;
    }

    private static PgTimestamp TodayPlus(FormatSettings settings, int days)
    {
        var today = PgCalendar.FloorDiv(NowLocal(settings), PgCalendar.MicrosecondsPerDay);
        return new PgTimestamp((today + days) * PgCalendar.MicrosecondsPerDay);
    }

    private static string? Special(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        return t switch
        {
            "infinity" or "+infinity" => "infinity",
            "-infinity" => "-infinity",
            "epoch" or "now" or "today" or "tomorrow" or "yesterday" => t,
            _ => null,
        };
    }

    private static long CheckedDays(Fields f, string text)
    {
        var year = f.Year!.Value;
        if (f.YearTwoDigits && !f.Bc) year += year < 70 ? 2000 : 1900;
        if (f.Bc)
        {
            if (year <= 0) throw TypeErrors.FieldOutOfRange(text);
            year = 1 - year;
        }
        var month = f.Month ?? 1;
        var day = f.Day ?? 1;
        if (month is < 1 or > 12)
            throw new TenonException(SqlState.DatetimeFieldOverflow, $"date/time field value out of range: \"{text}\"",
                hint: "Perhaps you need a different \"datestyle\" setting.");
        if (year > 6_000_000 || year < -6_000_000) throw TypeErrors.DateOutOfRange(text);
        if (day < 1 || day > PgCalendar.DaysInMonth(year, month)) throw TypeErrors.FieldOutOfRange(text);
        return PgCalendar.DaysFromCivil(year, month, day);
    }

    private static long LocalMicroseconds(Fields f, string text)
    {
        var days = CheckedDays(f, text);
        if (days < PgCalendar.MinDays - 1 || days >= PgCalendar.EndDays) throw TypeErrors.TimestampOutOfRange(text);
        var hour = f.Hour;
        if (f.AmPm != 0)
        {
            if (hour is < 0 or > 12) throw TypeErrors.FieldOutOfRange(text);
            if (f.AmPm == 1 && hour == 12) hour = 0;
            else if (f.AmPm == 2 && hour != 12) hour += 12;
        }
        var time = hour * PgCalendar.MicrosecondsPerHour + f.Minute * PgCalendar.MicrosecondsPerMinute
            + f.Second * PgCalendar.MicrosecondsPerSecond + f.Micro;
        var total = (Int128)days * PgCalendar.MicrosecondsPerDay + time;
        if (total > long.MaxValue - 1 || total < long.MinValue + 1) throw TypeErrors.TimestampOutOfRange(text);
        return (long)total;
    }

    // ---- tokenizing and decoding --------------------------------------------------------

    private static Fields Decode(string text, string typeName, DateOrder order)
    {
        var s = text.Trim();
        s = IsoTSeparator().Replace(s, "$1 $2");
        var tokens = Tokenize(s) ?? throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
        var f = new Fields();
        var numbers = new List<string>();
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.Date:
                    if (f.Year is not null) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
                    DecodeDate(token.Text, f, text, typeName, order);
                    break;
                case TokenKind.Time:
                    if (f.HasTime) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
                    DecodeTime(token.Text, f, text, typeName);
                    break;
                case TokenKind.Offset:
                    if (f.OffsetSeconds is not null || f.Zone is not null) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
                    f.OffsetSeconds = DecodeOffset(token.Text) ?? throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
                    break;
                case TokenKind.Number:
                    numbers.Add(token.Text);
                    break;
                case TokenKind.Word:
                    DecodeWord(token.Text, f, text, typeName);
                    break;
            }
        }
        if (numbers.Count > 0)
        {
            if (f.Year is not null && f.Month is not null && f.Day is not null) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
            if (numbers.Count == 1 && f.Year is null && f.Month is null && numbers[0].Length is 8 or 6)
            {
                var n = numbers[0];
                var yearLength = n.Length - 4;
                f.Year = long.Parse(n.AsSpan(0, yearLength), CultureInfo.InvariantCulture);
                f.YearTwoDigits = yearLength == 2;
                f.Month = int.Parse(n.AsSpan(yearLength, 2), CultureInfo.InvariantCulture);
                f.Day = int.Parse(n.AsSpan(yearLength + 2, 2), CultureInfo.InvariantCulture);
            }
            else if (f.Month is not null && f.Year is null && numbers.Count == 2)
            {
                // Month given by name: the longer or larger number is the year.
                var (a, b) = (numbers[0], numbers[1]);
                var aIsYear = a.Length > 2 || int.Parse(a, CultureInfo.InvariantCulture) > 31;
                var yearText = aIsYear ? a : b;
                var dayText = aIsYear ? b : a;
                f.Year = long.Parse(yearText, CultureInfo.InvariantCulture);
                f.YearTwoDigits = yearText.Length <= 2;
                f.Day = ParseSmall(dayText, text, typeName);
            }
            else
            {
                throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
            }
        }
        if (f.Year is not null && (f.Month is null || f.Day is null)) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
        return f;
    }

    private static int ParseSmall(string digits, string text, string typeName)
    {
        if (digits.Length > 9) throw TypeErrors.FieldOutOfRange(text);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v : throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
    }

    private static List<Token>? Tokenize(string s)
    {
        var tokens = new List<Token>();
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
            if (char.IsAsciiDigit(c))
            {
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                if (i < s.Length && s[i] == ':')
                {
                    while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] is ':' or '.')) i++;
                    tokens.Add(new Token(TokenKind.Time, s[start..i]));
                }
                else if (i < s.Length && s[i] is '-' or '/' or '.' && i + 1 < s.Length && char.IsAsciiLetterOrDigit(s[i + 1]))
                {
                    while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '-' or '/' or '.')) i++;
                    tokens.Add(new Token(TokenKind.Date, s[start..i]));
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Number, s[start..i]));
                }
            }
            else if (c is '+' or '-')
            {
                i++;
                if (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == ':')) i++;
                    tokens.Add(new Token(TokenKind.Offset, s[start..i]));
                }
                else
                {
                    return null;
                }
            }
            else if (char.IsAsciiLetter(c))
            {
                while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '/' or '_' || (s[i] is '-' or '+' && i + 1 < s.Length && char.IsAsciiLetter(s[i + 1]) && s[start..i].Contains('/'))))
                    i++;
                // A trailing "." after a month abbreviation ("Jan.") is allowed.
                if (i < s.Length && s[i] == '.') i++;
                tokens.Add(new Token(TokenKind.Word, s[start..i].TrimEnd('.')));
            }
            else
            {
                return null;
            }
        }
        // Split zone suffixes attached to a time: 03:04:05Z, 03:04:05+02 were tokenized apart
        // already (the sign starts a new token); a trailing 'Z' word is handled as a zone word.
        return tokens;
    }

    private static void DecodeDate(string token, Fields f, string text, string typeName, DateOrder order)
    {
        var parts = token.Split('-', '/', '.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0)) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
        var monthIndex = Array.FindIndex(parts, p => char.IsAsciiLetter(p[0]));
        if (monthIndex >= 0)
        {
            f.Month = MonthNumber(parts[monthIndex]) ?? throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
            var others = parts.Where((_, k) => k != monthIndex).ToArray();
            if (others.Any(o => !o.All(char.IsAsciiDigit))) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
            var firstIsYear = others[0].Length > 2;
            var yearText = firstIsYear ? others[0] : others[1];
            var dayText = firstIsYear ? others[1] : others[0];
            f.Year = long.Parse(yearText, CultureInfo.InvariantCulture);
            f.YearTwoDigits = yearText.Length <= 2;
            f.Day = ParseSmall(dayText, text, typeName);
            return;
        }
        if (parts.Any(p => !p.All(char.IsAsciiDigit))) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
        string y, m, d;
        if (parts[0].Length > 2)
        {
            (y, m, d) = (parts[0], parts[1], parts[2]);
        }
        else
        {
            (y, m, d) = order switch
            {
                DateOrder.Dmy => (parts[2], parts[1], parts[0]),
                DateOrder.Ymd => (parts[0], parts[1], parts[2]),
                _ => (parts[2], parts[0], parts[1]),
            };
        }
        if (y.Length > 9) throw TypeErrors.FieldOutOfRange(text);
        f.Year = long.Parse(y, CultureInfo.InvariantCulture);
        f.YearTwoDigits = y.Length <= 2;
        f.Month = ParseSmall(m, text, typeName);
        f.Day = ParseSmall(d, text, typeName);
    }

    private static int? MonthNumber(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length < 3) return null;
        for (var k = 0; k < 12; k++)
        {
            if (FullMonthNames[k].StartsWith(w, StringComparison.Ordinal)) return k + 1;
        }
        return w == "sept" ? 9 : null;
    }

    private static void DecodeTime(string token, Fields f, string text, string typeName)
    {
        var parts = token.Split(':');
        if (parts.Length is < 2 or > 3) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
        if (parts[0].Length == 0 || parts[1].Length == 0 || !parts[0].All(char.IsAsciiDigit) || !parts[1].All(char.IsAsciiDigit))
            throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
        var hour = ParseSmall(parts[0], text, typeName);
        var minute = ParseSmall(parts[1], text, typeName);
        var second = 0;
        long micro = 0;
        if (parts.Length == 3)
        {
            var secText = parts[2];
            var dot = secText.IndexOf('.');
            var whole = dot >= 0 ? secText[..dot] : secText;
            if (whole.Length == 0 || !whole.All(char.IsAsciiDigit)) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
            second = ParseSmall(whole, text, typeName);
            if (dot >= 0)
            {
                var frac = secText[(dot + 1)..];
                if (!frac.All(char.IsAsciiDigit)) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
                if (frac.Length > 0) micro = FractionMicroseconds(frac);
            }
        }
        else if (parts[1].Contains('.'))
        {
            throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
        }
        if (hour > 24 || minute > 59 || second > 60 || (hour == 24 && (minute != 0 || second != 0 || micro != 0)))
            throw TypeErrors.FieldOutOfRange(text);
        f.HasTime = true;
        f.Hour = hour;
        f.Minute = minute;
        f.Second = second;
        f.Micro = micro;
    }

    /// <summary>A fraction of a second written as its digits (the part after the point), rounded half to even to microseconds.</summary>
    internal static long FractionMicroseconds(string digits)
    {
        var value = decimal.Parse("0." + (digits.Length > 20 ? digits[..20] : digits), CultureInfo.InvariantCulture);
        return (long)Math.Round(value * 1_000_000m, MidpointRounding.ToEven);
    }

    /// <summary>+HH, +HHMM, +HH:MM, +HH:MM:SS → seconds east of UTC.</summary>
    internal static int? DecodeOffset(string token)
    {
        var sign = token[0] == '-' ? -1 : 1;
        var body = token[1..];
        int hours, minutes = 0, seconds = 0;
        if (body.Contains(':'))
        {
            var parts = body.Split(':');
            if (parts.Length > 3 || parts.Any(p => p.Length == 0 || p.Length > 2)) return null;
            hours = int.Parse(parts[0], CultureInfo.InvariantCulture);
            minutes = int.Parse(parts[1], CultureInfo.InvariantCulture);
            if (parts.Length == 3) seconds = int.Parse(parts[2], CultureInfo.InvariantCulture);
        }
        else if (body.Length <= 2)
        {
            hours = int.Parse(body, CultureInfo.InvariantCulture);
        }
        else if (body.Length == 4)
        {
            hours = int.Parse(body.AsSpan(0, 2), CultureInfo.InvariantCulture);
            minutes = int.Parse(body.AsSpan(2, 2), CultureInfo.InvariantCulture);
        }
        else if (body.Length == 6)
        {
            hours = int.Parse(body.AsSpan(0, 2), CultureInfo.InvariantCulture);
            minutes = int.Parse(body.AsSpan(2, 2), CultureInfo.InvariantCulture);
            seconds = int.Parse(body.AsSpan(4, 2), CultureInfo.InvariantCulture);
        }
        else
        {
            return null;
        }
        if (hours > 15 || minutes > 59 || seconds > 59)
            throw new TenonException(SqlState.InvalidTimeZoneDisplacementValue, "time zone displacement out of range");
        return sign * (hours * 3600 + minutes * 60 + seconds);
    }

    private static void DecodeWord(string word, Fields f, string text, string typeName)
    {
        var w = word.ToLowerInvariant();
        switch (w)
        {
            case "bc": f.Bc = true; return;
            case "ad": return;
            case "am": f.AmPm = 1; return;
            case "pm": f.AmPm = 2; return;
            case "at" or "on": return;
        }
        if (!w.Contains('/'))
        {
            var month = MonthNumber(w);
            if (month is not null && (w.Length == 3 || FullMonthNames[month.Value - 1] == w || w == "sept"))
            {
                if (f.Month is not null) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
                f.Month = month;
                return;
            }
            if (w.Length >= 3 && FullDayNames.Any(d => d.StartsWith(w, StringComparison.Ordinal) && (w.Length == 3 || d == w))) return;
            if (TimeZones.AbbreviationOffset(w) is { } offset)
            {
                if (f.OffsetSeconds is not null || f.Zone is not null) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
                f.OffsetSeconds = offset;
                return;
            }
        }
        if (f.OffsetSeconds is not null || f.Zone is not null) throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
        var zone = TimeZones.FindZone(word);
        if (zone is not null)
        {
            f.Zone = zone;
            return;
        }
        if (w.Contains('/')) throw TypeErrors.TimeZoneNotRecognized(w);
        throw TypeErrors.InvalidDatetimeSyntax(typeName, text);
    }
}
