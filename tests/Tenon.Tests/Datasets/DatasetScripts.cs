using System.Text.RegularExpressions;
using Tenon.Tests.Differential;

namespace Tenon.Tests.Datasets;

/// <summary>
/// The dataset differential scripts: a real database's load script from <c>tests/datasets/</c>
/// (Chinook, Northwind) followed by the query files over its keys, written once per test run into
/// one file so that psql (against PostgreSQL 15 or <c>tenon serve</c>) and <c>tenon</c> in process
/// each load the data once and run the queries in the same session.
/// </summary>
internal static partial class DatasetScripts
{
    /// <summary>Name of the script → (dataset file, query files), paths relative to tests/datasets.</summary>
    private static readonly Dictionary<string, (string Dataset, string[] Queries)> Definitions = new()
    {
        ["chinook"] = ("chinook/Chinook_PostgreSql.sql", ["chinook/queries.sql"]),
        ["chinook_serial"] = ("chinook/Chinook_PostgreSql_SerialPKs.sql", ["chinook/queries.sql", "chinook/queries_serial.sql"]),
        ["northwind"] = ("northwind/northwind.sql", ["northwind/queries.sql"]),
    };

    public static IEnumerable<string> Names => Definitions.Keys.Order(StringComparer.Ordinal);

    public static string Directory => Path.Combine(SqlScripts.RepositoryRoot, "tests", "datasets");

    private static readonly Lazy<string> OutputDirectory = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), $"tenon-datasets-{Environment.ProcessId}");
        System.IO.Directory.CreateDirectory(dir);
        return dir;
    });

    private static readonly Dictionary<string, Lazy<string>> Built =
        Definitions.ToDictionary(d => d.Key, d => new Lazy<string>(() => Build(d.Key, d.Value.Dataset, d.Value.Queries)));

    /// <summary>The combined script's path (written on first use).</summary>
    public static string PathOf(string name) => Built[name].Value;

    /// <summary>
    /// Chinook's script begins by dropping and creating its own database and connecting to it
    /// (<c>\c chinook;</c>). The in-process shell serves a single database, so those lines become
    /// comments (keeping every line number) on both sides, and both load into the database the
    /// test gives them.
    /// </summary>
    [GeneratedRegex(@"^(DROP DATABASE IF EXISTS \w+;|CREATE DATABASE \w+;|\\c \w+;?)$", RegexOptions.Multiline)]
    private static partial Regex DatabaseSwitch();

    private static string Build(string name, string dataset, string[] queries)
    {
        var text = File.ReadAllText(Path.Combine(Directory, dataset)).Replace("\r\n", "\n", StringComparison.Ordinal);
        text = DatabaseSwitch().Replace(text, m => "-- " + m.Value);
        if (!text.EndsWith('\n')) text += "\n";
        foreach (var q in queries) text += File.ReadAllText(Path.Combine(Directory, q));
        var path = Path.Combine(OutputDirectory.Value, name + ".sql");
        File.WriteAllText(path, text);
        return path;
    }
}
