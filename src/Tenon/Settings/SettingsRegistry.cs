using Tenon.Types;

namespace Tenon.Settings;

/// <summary>
/// The configuration parameters Tenon knows, with PostgreSQL 15's names, defaults and value
/// rules. Parameters that only tune PostgreSQL's own machinery (planner switches, memory sizes)
/// are accepted and shown so that scripts written for PostgreSQL run unchanged; the ones that
/// change results (DateStyle, IntervalStyle, TimeZone, extra_float_digits, bytea_output) drive
/// <see cref="FormatSettings"/>.
/// </summary>
internal static class SettingsRegistry
{
    private static readonly Dictionary<string, SettingDefinition> ByName = Build();

    public static IEnumerable<SettingDefinition> All => ByName.Values.DistinctBy(d => d.Name);

    public static SettingDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    private static Dictionary<string, SettingDefinition> Build()
    {
        var list = new List<SettingDefinition>
        {
            // Reported to clients (GUC_REPORT), as PostgreSQL 15 reports them at startup.
            Str("application_name", "", reported: true),
            Str("client_encoding", "UTF8", reported: true, canonicalize: CanonicalEncoding),
            Str("DateStyle", "ISO, MDY", reported: true, canonicalize: DateStyleSetting.Canonicalize),
            Bool("default_transaction_read_only", false, reported: true),
            Bool("in_hot_standby", false, reported: true, readOnly: true),
            Bool("integer_datetimes", true, reported: true, readOnly: true),
            Enum("IntervalStyle", "postgres", ["postgres", "postgres_verbose", "sql_standard", "iso_8601"], reported: true),
            Bool("is_superuser", true, reported: true, readOnly: true),
            Str("server_encoding", "UTF8", reported: true, readOnly: true),
            Str("server_version", "15.18", reported: true, readOnly: true),
            Str("session_authorization", "postgres", reported: true, readOnly: true),
            Bool("standard_conforming_strings", true, reported: true),
            Str("TimeZone", "UTC", reported: true, canonicalize: CanonicalTimeZone),

            // Result-affecting parameters that are not reported.
            Int("extra_float_digits", 1, -15, 3),
            Enum("bytea_output", "hex", ["escape", "hex"]),
            Str("timezone_abbreviations", "Default"),
            Str("search_path", "\"$user\", public"),
            // SET ROLE's value (none, or a role name); SET/RESET ROLE go through Session.Roles.cs.
            Str("role", "none", readOnly: true),
            Str("default_text_search_config", "pg_catalog.english", canonicalize: TextSearchConfigName),

            // Read-only facts about the server.
            Str("server_version_num", "150018", readOnly: true),
            Int("max_identifier_length", 63, 63, 63, readOnly: true),
            Int("block_size", 8192, 8192, 8192, readOnly: true),
            Int("max_index_keys", 32, 32, 32, readOnly: true),
            Str("lc_collate", "C", readOnly: true),
            Str("lc_ctype", "C", readOnly: true),

            // Accepted for compatibility; Tenon's behaviour does not depend on them (yet).
            Str("lc_messages", "C"),
            Str("lc_monetary", "C"),
            Str("lc_numeric", "C"),
            Str("lc_time", "C"),
            Enum("client_min_messages", "notice", ["debug5", "debug4", "debug3", "debug2", "debug1", "log", "notice", "warning", "error"]),
            Enum("default_transaction_isolation", "read committed", ["serializable", "repeatable read", "read committed", "read uncommitted"]),
            Enum("transaction_isolation", "read committed", ["serializable", "repeatable read", "read committed", "read uncommitted"]),
            Bool("transaction_read_only", false),
            Bool("transaction_deferrable", false),
            Bool("default_transaction_deferrable", false),
            Milliseconds("statement_timeout"),
            Milliseconds("lock_timeout"),
            Milliseconds("idle_in_transaction_session_timeout"),
            Enum("synchronous_commit", "on", ["local", "remote_write", "remote_apply", "on", "off"]),
            Bool("check_function_bodies", true),
            // Kept by PostgreSQL 12+ so that old dumps' `SET default_with_oids = false` still runs.
            Bool("default_with_oids", false, canonicalize: NoOids),
            Bool("escape_string_warning", true),
            Bool("row_security", true),
            Bool("jit", false),
            Enum("constraint_exclusion", "partition", ["partition", "on", "off"]),
            Str("work_mem", "4MB"),
            Str("maintenance_work_mem", "64MB"),
            Str("default_tablespace", ""),
            Str("default_table_access_method", "heap", canonicalize: HeapOnly),
            Str("temp_tablespaces", ""),
            Enum("xmloption", "content", ["content", "document"]),
            Bool("geqo", true),
            Int("geqo_threshold", 12, 2, int.MaxValue),
            Int("from_collapse_limit", 8, 1, int.MaxValue),
            Int("join_collapse_limit", 8, 1, int.MaxValue),
            Real("cpu_tuple_cost", "0.01"),
            Real("random_page_cost", "4"),
            Real("seq_page_cost", "1"),
            Real("parallel_setup_cost", "1000"),
            Real("parallel_tuple_cost", "0.1"),
            Int("max_parallel_workers_per_gather", 2, 0, 1024),
            Int("min_parallel_table_scan_size", 1024, 0, int.MaxValue),
            Bool("parallel_leader_participation", true),
            Bool("force_parallel_mode", false),
            Bool("enable_async_append", true),
            Bool("enable_bitmapscan", true),
            Bool("enable_gathermerge", true),
            Bool("enable_hashagg", true),
            Bool("enable_hashjoin", true),
            Bool("enable_incremental_sort", true),
            Bool("enable_indexscan", true),
            Bool("enable_indexonlyscan", true),
            Bool("enable_material", true),
            Bool("enable_memoize", true),
            Bool("enable_mergejoin", true),
            Bool("enable_nestloop", true),
            Bool("enable_parallel_append", true),
            Bool("enable_parallel_hash", true),
            Bool("enable_partition_pruning", true),
            Bool("enable_partitionwise_join", false),
            Bool("enable_partitionwise_aggregate", false),
            Bool("enable_seqscan", true),
            Bool("enable_sort", true),
            Bool("enable_tidscan", true),
        };
        var byName = new Dictionary<string, SettingDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in list) byName[d.Name] = d;
        return byName;
    }

    private static SettingDefinition Str(string name, string dflt, bool reported = false, bool readOnly = false, Func<string, string, string>? canonicalize = null) =>
        new() { Name = name, Kind = SettingKind.String, Default = dflt, Reported = reported, ReadOnly = readOnly, Canonicalize = canonicalize };

    private static SettingDefinition Bool(string name, bool dflt, bool reported = false, bool readOnly = false, Func<string, string, string>? canonicalize = null) =>
        new() { Name = name, Kind = SettingKind.Boolean, Default = dflt ? "on" : "off", Reported = reported, ReadOnly = readOnly, Canonicalize = canonicalize };

    private static SettingDefinition Int(string name, long dflt, long min, long max, bool readOnly = false) =>
        new() { Name = name, Kind = SettingKind.Integer, Default = dflt.ToString(System.Globalization.CultureInfo.InvariantCulture), MinInteger = min, MaxInteger = max, ReadOnly = readOnly };

    /// <summary>A timeout in milliseconds, 0 (off) by default, as PostgreSQL's GUC_UNIT_MS integers.</summary>
    private static SettingDefinition Milliseconds(string name) =>
        new() { Name = name, Kind = SettingKind.Integer, Default = "0", MinInteger = 0, MaxInteger = int.MaxValue, Milliseconds = true };

    private static SettingDefinition Real(string name, string dflt) =>
        new() { Name = name, Kind = SettingKind.Real, Default = dflt };

    private static SettingDefinition Enum(string name, string dflt, string[] values, bool reported = false) =>
        new() { Name = name, Kind = SettingKind.Enum, Default = dflt, EnumValues = values, Reported = reported };

    /// <summary>The configuration's qualified name, as PostgreSQL's check hook stores it.</summary>
    private static string TextSearchConfigName(string value, string current)
    {
        TextSearch.TextSearchConfig? config;
        try
        {
            config = TextSearch.TextSearchConfig.ByOid(TextSearch.TextSearchConfig.ParseName(value));
        }
        catch (Errors.TenonException)
        {
            config = null;
        }
        return config is not null ? "pg_catalog." + config.Name
            : throw new Errors.TenonException(Errors.SqlState.InvalidParameterValue, $"invalid value for parameter \"default_text_search_config\": \"{value}\"");
    }

    private static string HeapOnly(string value, string current) => value == "heap" ? value
        : throw new Errors.TenonException(Errors.SqlState.InvalidParameterValue, $"invalid value for parameter \"default_table_access_method\": \"{value}\"",
            value.Length == 0 ? "default_table_access_method cannot be empty." : $"Table access method \"{value}\" does not exist.");

    private static string NoOids(string value, string current) => value == "off" ? value
        : throw new Errors.TenonException(Errors.SqlState.FeatureNotSupported, "tables declared WITH OIDS are not supported");

    private static string CanonicalEncoding(string value, string current)
    {
        var v = value.Trim().Replace("-", "").Replace("_", "").ToUpperInvariant();
        return v switch
        {
            "UTF8" or "UNICODE" => "UTF8",
            "SQLASCII" => "SQL_ASCII",
            // Tenon does not convert between encodings, so it accepts only what needs no conversion.
            _ => throw new Errors.TenonException(Errors.SqlState.InvalidParameterValue, $"invalid value for parameter \"client_encoding\": \"{value}\"",
                "Tenon speaks only UTF8."),
        };
    }

    private static string CanonicalTimeZone(string value, string current)
    {
        var name = value.Trim();
        if (name.Equals("localtime", StringComparison.OrdinalIgnoreCase)) name = "UTC";
        var zone = TimeZones.FindZone(name)
            ?? throw new Errors.TenonException(Errors.SqlState.InvalidParameterValue, $"invalid value for parameter \"TimeZone\": \"{value}\"");
        return zone == TimeZoneInfo.Utc ? (name.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase) ? "Etc/UTC" : "UTC") : zone.Id;
    }
}
