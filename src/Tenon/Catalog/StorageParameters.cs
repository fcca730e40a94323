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

    private static string NameOf(string option) => RelOptionValues.NameOf(option);

    private static void Validate(IReadOnlyList<string> options, Parameter[] known) =>
        RelOptionValues.Validate(options, name => known.FirstOrDefault(k => k.Name == name), CheckValue);

    private static void CheckValue(Parameter p, string value)
    {
        switch (p.Kind)
        {
            case Kind.Bool: RelOptionValues.CheckBool(p.Name, value); break;
            case Kind.Enum: RelOptionValues.CheckEnum(p.Name, value, IndexCleanupValues); break;
            case Kind.Int: RelOptionValues.CheckInt(p.Name, value, p.Min, p.Max); break;
            case Kind.Real: RelOptionValues.CheckReal(p.Name, value, p.Min, p.Max); break;
        }
    }
}
