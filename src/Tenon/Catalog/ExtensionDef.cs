namespace Tenon.Catalog;

/// <summary>An installed extension (pg_extension row): its oid, schema, version and whether it may be relocated.</summary>
public sealed record ExtensionDef(string Name, uint Oid, string Schema, string Version, bool Relocatable);

/// <summary>
/// Extensions Tenon can install, with the version and relocatability PostgreSQL 15's contrib
/// control files give them. Which of their functions Tenon provides is in Execution.Functions.
/// </summary>
public static class AvailableExtensions
{
    public const uint PlpgsqlOid = 13559;

    private static readonly Dictionary<string, (string Version, bool Relocatable, string Comment)> Known = new()
    {
        ["plpgsql"] = ("1.0", false, "PL/pgSQL procedural language"),
        ["pgcrypto"] = ("1.3", true, "cryptographic functions"),
        ["uuid-ossp"] = ("1.1", true, "generate universally unique identifiers (UUIDs)"),
        ["citext"] = ("1.6", true, "data type for case-insensitive character strings"),
        ["pg_trgm"] = ("1.6", true, "text similarity measurement and index searching based on trigrams"),
    };

    /// <summary>Every extension Tenon can install: name, default version and its control file's comment.</summary>
    public static IEnumerable<(string Name, string Version, string Comment)> All =>
        Known.Select(kv => (kv.Key, kv.Value.Version, kv.Value.Comment));

    /// <summary>The comment CREATE EXTENSION gives an extension (its control file's), or null for an unknown one.</summary>
    public static string? Comment(string name) => Known.TryGetValue(name, out var info) ? info.Comment : null;

    public static bool TryGet(string name, out string version, out bool relocatable)
    {
        var found = Known.TryGetValue(name, out var info);
        (version, relocatable) = (info.Version, info.Relocatable);
        return found;
    }

    /// <summary>plpgsql, which every PostgreSQL database has from the start.</summary>
    public static ExtensionDef Plpgsql { get; } = new("plpgsql", PlpgsqlOid, "pg_catalog", "1.0", false);
}
