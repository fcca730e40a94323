namespace Tenon.Types;

/// <summary>
/// Time zone lookups and the two conversions between UTC instants and local wall-clock
/// readings. IANA names resolve case-insensitively through the system tz database; a small
/// table stands in for PostgreSQL's 'Default' abbreviation set (PST, EST, CET, …).
///
/// Local → UTC follows PostgreSQL's DetermineTimeZoneOffset: a wall-clock time in a DST gap
/// takes the offset in force before the transition, an ambiguous one the offset after it.
/// .NET rounds LMT offsets to whole minutes, so pre-1900 local times can differ from
/// PostgreSQL by seconds (approximation).
/// </summary>
internal static class TimeZones
{
    private static readonly Dictionary<string, int> AbbreviationOffsets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["utc"] = 0, ["gmt"] = 0, ["ut"] = 0, ["z"] = 0, ["zulu"] = 0, ["wet"] = 0,
        ["est"] = -5 * 3600, ["edt"] = -4 * 3600, ["cst"] = -6 * 3600, ["cdt"] = -5 * 3600,
        ["mst"] = -7 * 3600, ["mdt"] = -6 * 3600, ["pst"] = -8 * 3600, ["pdt"] = -7 * 3600,
        ["akst"] = -9 * 3600, ["akdt"] = -8 * 3600, ["hst"] = -10 * 3600, ["ast"] = -4 * 3600, ["adt"] = -3 * 3600,
        ["nst"] = -(3 * 3600 + 1800), ["ndt"] = -(2 * 3600 + 1800),
        ["cet"] = 3600, ["cest"] = 2 * 3600, ["met"] = 3600, ["mest"] = 2 * 3600, ["west"] = 3600, ["bst"] = 3600,
        ["eet"] = 2 * 3600, ["eest"] = 3 * 3600, ["msk"] = 3 * 3600, ["ist"] = 2 * 3600,
        ["jst"] = 9 * 3600, ["kst"] = 9 * 3600, ["hkt"] = 8 * 3600, ["sgt"] = 8 * 3600, ["awst"] = 8 * 3600,
        ["acst"] = 9 * 3600 + 1800, ["acdt"] = 10 * 3600 + 1800, ["aest"] = 10 * 3600, ["aedt"] = 11 * 3600,
        ["nzst"] = 12 * 3600, ["nzdt"] = 13 * 3600,
    };

    private static Dictionary<string, string>? _idsByLowerName;
    private static readonly Lock IdsLock = new();

    /// <summary>Offset in seconds east of UTC for a fixed abbreviation, or null.</summary>
    public static int? AbbreviationOffset(string name) =>
        AbbreviationOffsets.TryGetValue(name, out var seconds) ? seconds : null;

    /// <summary>Finds an IANA zone by name, ignoring case; null when unknown.</summary>
    public static TimeZoneInfo? FindZone(string name)
    {
        if (name.Equals("UTC", StringComparison.OrdinalIgnoreCase) || name.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase))
            return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
        }
        lock (IdsLock)
        {
            if (_idsByLowerName is null)
            {
                _idsByLowerName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var zone in TimeZoneInfo.GetSystemTimeZones()) _idsByLowerName.TryAdd(zone.Id, zone.Id);
            }
        }
        if (_idsByLowerName.TryGetValue(name, out var id))
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
            }
        }
        return null;
    }

    private static readonly DateTime MinProbe = new(1, 1, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime MaxProbe = new(9999, 12, 30, 0, 0, 0, DateTimeKind.Utc);

    private static DateTime ProbeInstant(long microseconds)
    {
        var ticks = (Int128)microseconds * 10 + PgTimestamp.EpochTicks;
        if (ticks < MinProbe.Ticks) return MinProbe;
        if (ticks > MaxProbe.Ticks) return MaxProbe;
        return new DateTime((long)ticks, DateTimeKind.Utc);
    }

    /// <summary>Offset in seconds east of UTC in force at a UTC instant.</summary>
    public static int OffsetAtUtc(TimeZoneInfo zone, long utcMicroseconds)
    {
        if (zone == TimeZoneInfo.Utc) return 0;
        return (int)zone.GetUtcOffset(ProbeInstant(utcMicroseconds)).TotalSeconds;
    }

    /// <summary>The abbreviation PostgreSQL prints in the Postgres/SQL/German DateStyles.</summary>
    public static string Abbreviation(TimeZoneInfo zone, long utcMicroseconds, int offsetSeconds)
    {
        if (zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC" or "Etc/UCT" or "UCT" or "Universal" or "Zulu" or "Etc/Universal" or "Etc/Zulu")
            return "UTC";
        if (zone.Id is "GMT" or "Etc/GMT" or "Greenwich" or "Etc/Greenwich") return "GMT";
        var instant = ProbeInstant(utcMicroseconds);
        var name = zone.SupportsDaylightSavingTime && zone.IsDaylightSavingTime(instant) ? zone.DaylightName : zone.StandardName;
        if (!string.IsNullOrEmpty(name) && !name.Contains(' ') && name.Length <= 6) return name;
        return NumericAbbreviation(offsetSeconds);
    }

    /// <summary>A tz-database style numeric abbreviation: -03, +0530.</summary>
    public static string NumericAbbreviation(int offsetSeconds)
    {
        var sign = offsetSeconds < 0 ? '-' : '+';
        var abs = Math.Abs(offsetSeconds);
        var hours = abs / 3600;
        var minutes = abs / 60 % 60;
        return minutes == 0 ? $"{sign}{hours:D2}" : $"{sign}{hours:D2}{minutes:D2}";
    }

    /// <summary>UTC instant of a local wall-clock reading (PostgreSQL's gap/overlap rules).</summary>
    public static long LocalToUtc(TimeZoneInfo zone, long localMicroseconds)
    {
        if (zone == TimeZoneInfo.Utc) return localMicroseconds;
        var day = PgCalendar.MicrosecondsPerDay;
        var before = OffsetAtUtc(zone, SaturatingAdd(localMicroseconds, -day)) * PgCalendar.MicrosecondsPerSecond;
        var after = OffsetAtUtc(zone, SaturatingAdd(localMicroseconds, day)) * PgCalendar.MicrosecondsPerSecond;
        var utcBefore = localMicroseconds - before;
        var utcAfter = localMicroseconds - after;
        var beforeValid = OffsetAtUtc(zone, utcBefore) * PgCalendar.MicrosecondsPerSecond == before;
        var afterValid = OffsetAtUtc(zone, utcAfter) * PgCalendar.MicrosecondsPerSecond == after;
        if (afterValid) return utcAfter;
        if (beforeValid) return utcBefore;
        // In a spring-forward gap: neither reading exists; take the offset before the transition.
        return utcBefore;
    }

    private static long SaturatingAdd(long a, long b)
    {
        var sum = (Int128)a + b;
        return sum > long.MaxValue ? long.MaxValue : sum < long.MinValue ? long.MinValue : (long)sum;
    }
}
