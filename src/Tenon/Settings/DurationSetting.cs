using System.Globalization;
using Tenon.Errors;

namespace Tenon.Settings;

/// <summary>
/// Integer settings kept in milliseconds (statement_timeout, lock_timeout, …): PostgreSQL accepts
/// a number with an optional unit ("1.5s", " 2min ", "100" meaning ms), rounds to whole
/// milliseconds, and SHOW prints the largest unit that divides the value evenly ("60s" → "1min").
/// </summary>
internal static class DurationSetting
{
    private static readonly (string Unit, double Ms)[] Units =
        [("us", 0.001), ("ms", 1), ("s", 1000), ("min", 60_000), ("h", 3_600_000), ("d", 86_400_000)];

    public static long Parse(string name, string value)
    {
        var text = value.Trim();
        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or '-' or '+' or 'e' or 'E')) end++;
        // "e" may start no exponent but nothing else either: back off to the longest number that parses.
        double number = 0;
        while (end > 0 && !double.TryParse(text.AsSpan(0, end), NumberStyles.Float, CultureInfo.InvariantCulture, out number)) end--;
        if (end == 0) throw Invalid(name, value, null);
        var unit = text[end..].TrimStart();
        var factor = 1.0;
        if (unit.Length > 0)
        {
            var match = Array.FindIndex(Units, u => u.Unit == unit);
            if (match < 0) throw Invalid(name, value, "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".");
            factor = Units[match].Ms;
        }
        var ms = Math.Round(number * factor, MidpointRounding.ToEven);
        if (ms is > int.MaxValue or < int.MinValue || double.IsNaN(ms)) throw Invalid(name, value, "Value exceeds integer range.");
        return (long)ms;
    }

    public static string Format(long ms)
    {
        if (ms == 0) return "0";
        for (var i = Units.Length - 1; i >= 1; i--)
        {
            var f = (long)Units[i].Ms;
            if (ms % f == 0) return (ms / f).ToString(CultureInfo.InvariantCulture) + Units[i].Unit;
        }
        return ms.ToString(CultureInfo.InvariantCulture) + "ms";
    }

    /// <summary>Milliseconds of a value as <see cref="Format"/> wrote it (null or unset: 0).</summary>
    public static long ToMilliseconds(string? canonical)
    {
        if (string.IsNullOrEmpty(canonical) || canonical == "0") return 0;
        var end = 0;
        while (end < canonical.Length && (char.IsAsciiDigit(canonical[end]) || canonical[end] == '-')) end++;
        var n = long.Parse(canonical.AsSpan(0, end), CultureInfo.InvariantCulture);
        return end == canonical.Length ? n : n * UnitMs(canonical[end..]);
    }

    // Apart from ToMilliseconds, which runs for every statement, so that "0" allocates no closure.
    private static long UnitMs(string unit) => (long)Units.First(u => u.Unit == unit).Ms;

    private static TenonException Invalid(string name, string value, string? hint) =>
        new(SqlState.InvalidParameterValue, $"invalid value for parameter \"{name}\": \"{value}\"", hint: hint);
}
