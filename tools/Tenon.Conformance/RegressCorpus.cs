namespace Tenon.Conformance;

/// <summary>
/// PostgreSQL 15's regression files for keys and constraints (tests/pg-regress): the scripts,
/// their expected outputs, the data files, and which other scripts must run first.
/// </summary>
public sealed class RegressCorpus
{
    public RegressCorpus(string directory)
    {
        Directory = Path.GetFullPath(directory);
        if (!File.Exists(Path.Combine(Directory, "sql", "test_setup.sql")))
            throw new DirectoryNotFoundException($"{Directory} does not hold PostgreSQL's regression files (sql/test_setup.sql is missing)");
        Prerequisites = ReadPrerequisites(Path.Combine(Directory, "prereqs.txt"));
    }

    public string Directory { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Prerequisites { get; }

    /// <summary>Every test except test_setup, which all the others build on, in name order.</summary>
    public IReadOnlyList<string> TestNames =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, "sql"), "*.sql")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(n => n != "test_setup")
            .Order(StringComparer.Ordinal)
            .ToList();

    public string ScriptPath(string name) => Path.Combine(Directory, "sql", name + ".sql");

    public string ExpectedPath(string name) => Path.Combine(Directory, "expected", name + ".out");

    /// <summary>The scripts to run (output discarded) before <paramref name="name"/>, in order.</summary>
    public IReadOnlyList<string> SetupFor(string name) =>
        ["test_setup", .. Prerequisites.GetValueOrDefault(name, [])];

    /// <summary>
    /// The environment pg_regress gives psql: PostgreSQL's regression settings for dates, time
    /// zone and intervals, the application name, and where the data files are. Tenon's sessions
    /// also get a statement_timeout, so that a statement Tenon runs far slower than PostgreSQL
    /// (a lateral join PostgreSQL decorrelates into a hash join, say) counts as one mismatch
    /// instead of making the whole file miss its time limit.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment(string name) => new Dictionary<string, string>
    {
        ["PGTZ"] = "America/Los_Angeles",
        ["PGDATESTYLE"] = "Postgres, MDY",
        ["PGOPTIONS"] = "-c intervalstyle=postgres_verbose -c statement_timeout=10s",
        ["PGAPPNAME"] = "pg_regress/" + name,
        ["LC_MESSAGES"] = "C",
        ["PG_ABS_SRCDIR"] = Directory,
        ["PG_LIBDIR"] = Path.Combine(Directory, "lib"),
        ["PG_DLSUFFIX"] = ".so",
    };

    private static Dictionary<string, IReadOnlyList<string>> ReadPrerequisites(string path)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>();
        if (!File.Exists(path)) return result;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            result[line[..colon].Trim()] = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        return result;
    }
}
