using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Settings;

/// <summary>
/// DateStyle's value: an output style (ISO, SQL, Postgres, German) and a field order for
/// ambiguous input (YMD, DMY, MDY). A new value may give either half; the other is kept,
/// except that German alone implies DMY, as in PostgreSQL.
/// </summary>
internal static class DateStyleSetting
{
    public static string Canonicalize(string value, string current)
    {
        var (style, order) = Parse(current);
        string? newStyle = null, newOrder = null;
        var conflict = false;
        foreach (var raw in value.Split(','))
        {
            var token = raw.Trim();
            var upper = token.ToUpperInvariant();
            switch (upper)
            {
                case "ISO": SetOnce(ref newStyle, "ISO", ref conflict); break;
                case "SQL": SetOnce(ref newStyle, "SQL", ref conflict); break;
                case "POSTGRES": SetOnce(ref newStyle, "Postgres", ref conflict); break;
                case "GERMAN":
                    SetOnce(ref newStyle, "German", ref conflict);
                    break;
                case "YMD": SetOnce(ref newOrder, "YMD", ref conflict); break;
                case "DMY" or "EURO" or "EUROPEAN": SetOnce(ref newOrder, "DMY", ref conflict); break;
                case "MDY" or "US" or "NONEURO" or "NONEUROPEAN": SetOnce(ref newOrder, "MDY", ref conflict); break;
                case "DEFAULT":
                    newStyle ??= "ISO";
                    newOrder ??= "MDY";
                    break;
                default:
                    throw new TenonException(SqlState.InvalidParameterValue, $"invalid value for parameter \"DateStyle\": \"{value}\"",
                        $"Unrecognized key word: \"{token}\".");
            }
        }
        if (conflict)
            throw new TenonException(SqlState.InvalidParameterValue, $"invalid value for parameter \"DateStyle\": \"{value}\"",
                "Conflicting \"datestyle\" specifications.");
        if (newStyle == "German" && newOrder is null) newOrder = "DMY";
        return $"{newStyle ?? style}, {newOrder ?? order}";
    }

    /// <summary>Applies a canonical DateStyle value to text I/O settings.</summary>
    public static FormatSettings Apply(FormatSettings settings, string canonical)
    {
        var (style, order) = Parse(canonical);
        return settings with
        {
            DateStyle = style switch { "SQL" => DateStyleFormat.Sql, "Postgres" => DateStyleFormat.Postgres, "German" => DateStyleFormat.German, _ => DateStyleFormat.Iso },
            DateOrder = order switch { "YMD" => DateOrder.Ymd, "DMY" => DateOrder.Dmy, _ => DateOrder.Mdy },
        };
    }

    private static (string Style, string Order) Parse(string canonical)
    {
        var parts = canonical.Split(',', StringSplitOptions.TrimEntries);
        return (parts[0], parts.Length > 1 ? parts[1] : "MDY");
    }

    private static void SetOnce(ref string? slot, string value, ref bool conflict)
    {
        if (slot is not null && slot != value) conflict = true;
        slot = value;
    }
}
