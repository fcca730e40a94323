using System.Globalization;
using Tenon.Errors;

namespace Tenon.Catalog;

/// <summary>
/// How PostgreSQL reads and checks one storage parameter's value (a table's or an index's
/// reloption), with its error texts: booleans as settings read them, integers in decimal, 0x hex
/// or 0 octal (a fraction or exponent rounded to the nearest integer), reals, and the on/off/auto
/// enums; spaces around a number are allowed.
/// </summary>
internal static class RelOptionValues
{
    /// <summary>The name of a stored option ("name=value", or a bare name).</summary>
    public static string NameOf(string option)
    {
        var eq = option.IndexOf('=');
        return eq < 0 ? option : option[..eq];
    }

    /// <summary>
    /// Checks stored options in order: a name <paramref name="find"/> does not know is PostgreSQL's
    /// "unrecognized parameter", a name given twice "specified more than once", and each value
    /// goes to <paramref name="check"/> with its parameter.
    /// </summary>
    public static void Validate<T>(IReadOnlyList<string> options, Func<string, T?> find, Action<T, string> check) where T : class
    {
        var seen = new HashSet<string>();
        foreach (var option in options)
        {
            var name = NameOf(option);
            var value = option.Length > name.Length ? option[(name.Length + 1)..] : "";
            var p = find(name) ?? throw new TenonException(SqlState.InvalidParameterValue, $"unrecognized parameter \"{name}\"");
            if (!seen.Add(name)) throw new TenonException(SqlState.InvalidParameterValue, $"parameter \"{name}\" specified more than once");
            check(p, value);
        }
    }

    public static void CheckBool(string name, string value)
    {
        if (Settings.SettingDefinition.ParseBoolean(value) is null || value.Trim().Length != value.Length)
            throw new TenonException(SqlState.InvalidParameterValue, $"invalid value for boolean option \"{name}\": {value}");
    }

    /// <summary>An enum option (vacuum_index_cleanup, buffering): one of <paramref name="accepted"/>, in any case; the hint names on, off and auto, as PostgreSQL's does.</summary>
    public static void CheckEnum(string name, string value, IReadOnlyCollection<string> accepted)
    {
        if (!accepted.Contains(value, StringComparer.OrdinalIgnoreCase))
            throw new TenonException(SqlState.InvalidParameterValue, $"invalid value for enum option \"{name}\": {value}",
                "Valid values are \"on\", \"off\", and \"auto\".");
    }

    public static void CheckInt(string name, string value, double min, double max)
    {
        var n = ParseInt(value) ?? throw new TenonException(SqlState.InvalidParameterValue, $"invalid value for integer option \"{name}\": {value}");
        if (n < min || n > max)
            throw new TenonException(SqlState.InvalidParameterValue, $"value {value} out of bounds for option \"{name}\"",
                $"Valid values are between \"{(long)min}\" and \"{(long)max}\".");
    }

    public static void CheckReal(string name, string value, double min, double max)
    {
        var d = ParseReal(value) ?? throw new TenonException(SqlState.InvalidParameterValue, $"invalid value for floating point option \"{name}\": {value}");
        if (d < min || d > max)
            throw new TenonException(SqlState.InvalidParameterValue, $"value {value} out of bounds for option \"{name}\"",
                $"Valid values are between \"{FormatReal(min)}\" and \"{FormatReal(max)}\".");
    }

    private static double? ParseInt(string value)
    {
        var v = value.Trim();
        if (v.Length == 0) return null;
        var negative = v[0] == '-';
        var body = v[0] is '-' or '+' ? v[1..] : v;
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            return negative ? -hex : hex;
        if (body.Length > 1 && body[0] == '0' && body.All(c => c is >= '0' and <= '7'))
        {
            long octal = 0;
            foreach (var c in body) octal = octal * 8 + (c - '0');
            return negative ? -octal : octal;
        }
        if (ParseReal(v) is not { } d || double.IsNaN(d)) return null;
        var r = Math.Round(d, MidpointRounding.ToEven);
        return r < int.MinValue || r > int.MaxValue ? null : r;
    }

    private static double? ParseReal(string value)
    {
        var v = value.Trim();
        if (v.Length == 0 || v.Any(char.IsWhiteSpace)) return null;
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    /// <summary>A bound as C's %f prints it: every integer digit, six after the point.</summary>
    private static string FormatReal(double d) =>
        d == double.MaxValue ? new System.Numerics.BigInteger(d).ToString(CultureInfo.InvariantCulture) + ".000000"
            : d.ToString("F6", CultureInfo.InvariantCulture);
}
