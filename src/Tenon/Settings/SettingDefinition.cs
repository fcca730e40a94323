using Tenon.Errors;

namespace Tenon.Settings;

/// <summary>
/// One configuration parameter (a GUC in PostgreSQL's terms): its canonical name, which is also
/// SHOW's column header, its default, how a value is checked and canonicalized, and whether
/// clients hear about changes (PostgreSQL's GUC_REPORT parameters, sent as ParameterStatus).
/// </summary>
internal sealed class SettingDefinition
{
    public required string Name { get; init; }
    public required SettingKind Kind { get; init; }
    public required string Default { get; init; }

    /// <summary>Fixed at server start: SET fails with 55P02.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Reported to clients at startup and whenever it changes.</summary>
    public bool Reported { get; init; }

    public long MinInteger { get; init; } = int.MinValue;
    public long MaxInteger { get; init; } = int.MaxValue;

    /// <summary>An integer in milliseconds that also takes (and SHOW prints) time units (see <see cref="DurationSetting"/>).</summary>
    public bool Milliseconds { get; init; }

    /// <summary>Enum values in PostgreSQL's listing order (for the HINT of a bad value).</summary>
    public IReadOnlyList<string> EnumValues { get; init; } = [];

    /// <summary>A custom check-and-canonicalize step for String settings (DateStyle, TimeZone).</summary>
    public Func<string, string, string>? Canonicalize { get; init; }

    /// <summary>
    /// Checks <paramref name="value"/> and returns it as SHOW prints it; <paramref name="current"/>
    /// is the value in force (DateStyle keeps the half of the pair a new value leaves out).
    /// </summary>
    /// <remarks>
    /// Errors name the parameter as the user spelled it (<paramref name="givenName"/>), except a
    /// custom check's, which uses the canonical name; PostgreSQL reports them the same way.
    /// </remarks>
    public string Normalize(string givenName, string value, string current)
    {
        switch (Kind)
        {
            case SettingKind.Boolean:
                var text = ParseBoolean(value) is { } b ? (b ? "on" : "off")
                    : throw new TenonException(SqlState.InvalidParameterValue, $"parameter \"{givenName}\" requires a Boolean value");
                return Canonicalize is null ? text : Canonicalize(text, current);
            case SettingKind.Integer when Milliseconds:
                var ms = DurationSetting.Parse(givenName, value);
                if (ms < MinInteger || ms > MaxInteger)
                    throw new TenonException(SqlState.InvalidParameterValue, $"{ms} ms is outside the valid range for parameter \"{givenName}\" ({MinInteger} .. {MaxInteger})");
                return DurationSetting.Format(ms);
            case SettingKind.Integer:
                if (!long.TryParse(value.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n))
                    throw InvalidValue(givenName, value);
                if (n < MinInteger || n > MaxInteger)
                    throw new TenonException(SqlState.InvalidParameterValue, $"{n} is outside the valid range for parameter \"{givenName}\" ({MinInteger} .. {MaxInteger})");
                return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case SettingKind.Real:
                if (!double.TryParse(value.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d))
                    throw InvalidValue(givenName, value);
                return d.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            case SettingKind.Enum:
                var match = EnumValues.FirstOrDefault(v => string.Equals(v, value.Trim(), StringComparison.OrdinalIgnoreCase));
                return match ?? throw new TenonException(SqlState.InvalidParameterValue, $"invalid value for parameter \"{givenName}\": \"{value}\"",
                    hint: $"Available values: {string.Join(", ", EnumValues)}.");
            default:
                return Canonicalize is null ? value : Canonicalize(value, current);
        }
    }

    private static TenonException InvalidValue(string name, string value) =>
        new(SqlState.InvalidParameterValue, $"invalid value for parameter \"{name}\": \"{value}\"");

    /// <summary>PostgreSQL's boolean spellings for settings: on/off, true/false, yes/no, 1/0 and unique prefixes.</summary>
    public static bool? ParseBoolean(string value)
    {
        var v = value.Trim().ToLowerInvariant();
        if (v.Length == 0) return null;
        if (v is "1") return true;
        if (v is "0") return false;
        if ("true".StartsWith(v, StringComparison.Ordinal) || "yes".StartsWith(v, StringComparison.Ordinal)) return true;
        if ("false".StartsWith(v, StringComparison.Ordinal) || "no".StartsWith(v, StringComparison.Ordinal)) return false;
        if (v.Length >= 2 && "on".StartsWith(v, StringComparison.Ordinal)) return true;
        if (v.Length >= 2 && "off".StartsWith(v, StringComparison.Ordinal)) return false;
        return null;
    }
}
