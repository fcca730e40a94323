using System.Globalization;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Catalog;

/// <summary>
/// Storage parameters (pg_class.reloptions of tables and their toast tables, pg_attribute.attoptions)
/// as PostgreSQL 15 documents them: which names exist, which apply to a toast table, each one's type
/// and bounds, and how a SET or RESET list merges with the options a relation already has. Tenon
/// keeps them for the catalog and acts on none of them.
/// </summary>
public static class StorageParameters
{
    private enum Kind { Int, Real, Bool, Enum }

    private sealed record Parameter(string Name, Kind Kind, double Min = 0, double Max = 0, bool Toast = false);

    private static readonly Parameter[] HeapParameters =
    [
        new("autovacuum_enabled", Kind.Bool, Toast: true),
        new("user_catalog_table", Kind.Bool),
        new("vacuum_truncate", Kind.Bool, Toast: true),
        new("fillfactor", Kind.Int, 10, 100),
        new("autovacuum_vacuum_threshold", Kind.Int, 0, int.MaxValue, Toast: true),
        new("autovacuum_vacuum_insert_threshold", Kind.Int, -1, int.MaxValue, Toast: true),
        new("autovacuum_analyze_threshold", Kind.Int, 0, int.MaxValue),
        new("autovacuum_vacuum_cost_limit", Kind.Int, 1, 10000, Toast: true),
        new("autovacuum_freeze_min_age", Kind.Int, 0, 1000000000, Toast: true),
        new("autovacuum_multixact_freeze_min_age", Kind.Int, 0, 1000000000, Toast: true),
        new("autovacuum_freeze_max_age", Kind.Int, 100000, 2000000000, Toast: true),
        new("autovacuum_multixact_freeze_max_age", Kind.Int, 10000, 2000000000, Toast: true),
        new("autovacuum_freeze_table_age", Kind.Int, 0, 2000000000, Toast: true),
        new("autovacuum_multixact_freeze_table_age", Kind.Int, 0, 2000000000, Toast: true),
        new("log_autovacuum_min_duration", Kind.Int, -1, int.MaxValue, Toast: true),
        new("toast_tuple_target", Kind.Int, 128, 8160),
        new("parallel_workers", Kind.Int, 0, 1024),
        new("autovacuum_vacuum_cost_delay", Kind.Real, 0, 100, Toast: true),
        new("autovacuum_vacuum_scale_factor", Kind.Real, 0, 100, Toast: true),
        new("autovacuum_vacuum_insert_scale_factor", Kind.Real, 0, 100, Toast: true),
        new("autovacuum_analyze_scale_factor", Kind.Real, 0, 100),
        new("vacuum_index_cleanup", Kind.Enum, Toast: true),
    ];

    private static readonly Parameter[] AttributeParameters =
    [
        new("n_distinct", Kind.Real, -1, double.MaxValue),
        new("n_distinct_inherited", Kind.Real, -1, double.MaxValue),
    ];

    private static readonly string[] IndexCleanupValues = ["auto", "on", "off", "true", "false", "yes", "no", "1", "0"];

    /// <summary>
    /// The options after SET or RESET of <paramref name="given"/> on <paramref name="old"/>, for the
    /// options of namespace <paramref name="ns"/> (null: the relation's own). Options named again are
    /// dropped from the old list and the new ones appended in the order given. A namespace other
    /// than the valid ones, or RESET with a value, is PostgreSQL's error. WITH (oids = false) of
    /// CREATE TABLE is dropped (<paramref name="ignoreOids"/>), WITH (oids = true) refused.
    /// </summary>
    public static List<string> Merge(IReadOnlyList<string> old, IReadOnlyList<RelOption> given, string? ns,
        IReadOnlyList<string> validNamespaces, bool reset, bool ignoreOids = false)
    {
        var result = old.Where(o => !given.Any(g => g.Namespace == ns && g.Name == NameOf(o))).ToList();
        foreach (var g in given)
        {
            if (reset)
            {
                if (g.Value is not null) throw new TenonException(SqlState.SyntaxError, "RESET must not include values for parameters");
                continue;
            }
            if (g.Namespace is not null && !validNamespaces.Contains(g.Namespace))
                throw new TenonException(SqlState.InvalidParameterValue, $"unrecognized parameter namespace \"{g.Namespace}\"");
            if (g.Namespace != ns) continue;
            if (ignoreOids && g.Name == "oids")
            {
                if (Settings.SettingDefinition.ParseBoolean(g.Value ?? "true") == true)
                    throw new TenonException(SqlState.FeatureNotSupported, "tables declared WITH OIDS are not supported");
                continue;
            }
            result.Add($"{g.Name}={g.Value ?? "true"}");
        }
        return result;
    }

    /// <summary>Checks a table's (or materialized view's) own options, in order; a partitioned table has none.</summary>
    public static void ValidateHeap(IReadOnlyList<string> options, bool partitioned) =>
        Validate(options, partitioned ? [] : HeapParameters);

    /// <summary>Checks the options of a table's toast table.</summary>
    public static void ValidateToast(IReadOnlyList<string> options) => Validate(options, HeapParameters.Where(p => p.Toast).ToArray());

    /// <summary>Checks a column's options (n_distinct, n_distinct_inherited).</summary>
    public static void ValidateAttribute(IReadOnlyList<string> options) => Validate(options, AttributeParameters);

    private static string NameOf(string option)
    {
        var eq = option.IndexOf('=');
        return eq < 0 ? option : option[..eq];
    }

    private static void Validate(IReadOnlyList<string> options, Parameter[] known)
    {
        var seen = new HashSet<string>();
        foreach (var option in options)
        {
            var name = NameOf(option);
            var value = option.Length > name.Length ? option[(name.Length + 1)..] : "";
            var p = known.FirstOrDefault(k => k.Name == name)
                ?? throw new TenonException(SqlState.InvalidParameterValue, $"unrecognized parameter \"{name}\"");
            if (!seen.Add(name)) throw new TenonException(SqlState.InvalidParameterValue, $"parameter \"{name}\" specified more than once");
            CheckValue(p, value);
        }
    }

    private static void CheckValue(Parameter p, string value)
    {
        switch (p.Kind)
        {
            case Kind.Bool:
                if (Settings.SettingDefinition.ParseBoolean(value) is null || value.Trim().Length != value.Length)
                    throw new TenonException(SqlState.InvalidParameterValue, $"invalid value for boolean option \"{p.Name}\": {value}");
                break;
            case Kind.Enum:
                if (!IndexCleanupValues.Contains(value, StringComparer.OrdinalIgnoreCase))
                    throw new TenonException(SqlState.InvalidParameterValue, $"invalid value for enum option \"{p.Name}\": {value}",
                        "Valid values are \"on\", \"off\", and \"auto\".");
                break;
            case Kind.Int:
            {
                var n = ParseInt(value) ?? throw new TenonException(SqlState.InvalidParameterValue, $"invalid value for integer option \"{p.Name}\": {value}");
                if (n < p.Min || n > p.Max)
                    throw new TenonException(SqlState.InvalidParameterValue, $"value {value} out of bounds for option \"{p.Name}\"",
                        $"Valid values are between \"{(long)p.Min}\" and \"{(long)p.Max}\".");
                break;
            }
            case Kind.Real:
            {
                var d = ParseReal(value) ?? throw new TenonException(SqlState.InvalidParameterValue, $"invalid value for floating point option \"{p.Name}\": {value}");
                if (d < p.Min || d > p.Max)
                    throw new TenonException(SqlState.InvalidParameterValue, $"value {value} out of bounds for option \"{p.Name}\"",
                        $"Valid values are between \"{FormatReal(p.Min)}\" and \"{FormatReal(p.Max)}\".");
                break;
            }
        }
    }

    /// <summary>
    /// An integer option's value as PostgreSQL reads it: decimal, 0x hex or 0 octal, or a number with
    /// a fraction or exponent rounded to the nearest integer; spaces around it are allowed.
    /// </summary>
    private static double? ParseInt(string value)
    {
        var v = value.Trim();
        if (v.Length == 0) return null;
        var neg = v[0] == '-';
        var body = v[0] is '-' or '+' ? v[1..] : v;
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            return neg ? -hex : hex;
        if (body.Length > 1 && body[0] == '0' && body.All(c => c is >= '0' and <= '7'))
        {
            long oct = 0;
            foreach (var c in body) oct = oct * 8 + (c - '0');
            return neg ? -oct : oct;
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
