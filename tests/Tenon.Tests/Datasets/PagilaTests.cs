using System.Text.RegularExpressions;
using Tenon.Tests.Differential;

namespace Tenon.Tests.Datasets;

/// <summary>
/// Pagila's schema (tests/datasets/pagila, a PostgreSQL 18 dump) loads as far as Tenon has its
/// features, and behaves as PostgreSQL 15 on the keys of what loaded.
/// <list type="bullet">
/// <item>The load: every statement Tenon refuses is listed in <c>expected-load-errors.txt</c>, and
/// each is either a feature Tenon lacks (0A000, naming it) or follows from an earlier refused
/// statement (the object it needs was not created), or fails on PostgreSQL 15 as well.</item>
/// <item>The queries (<c>queries.sql</c>) run after the load on both sides and their output must
/// match PostgreSQL 15's line by line. PostgreSQL 15 cannot load the dump as it is, so its copy gets
/// two PostgreSQL 18 stand-ins on lines that keep every line number: a <c>uuidv7()</c> in
/// pg_catalog (in place of the first comment line) and STORED for VIRTUAL.</item>
/// </list>
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class PagilaTests(PostgresServer postgres)
{
    private const string QueriesMarker = "-- Queries, violations and cascades over Pagila's keys";
    private static readonly TimeSpan TenonTimeout = TimeSpan.FromSeconds(120);

    private static string Dir => Path.Combine(DatasetScripts.Directory, "pagila");

    private static readonly Lazy<string> OutputDirectory = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), $"tenon-pagila-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        return dir;
    });

    private static string Schema => File.ReadAllText(Path.Combine(Dir, "pagila-schema.sql")).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Queries => File.ReadAllText(Path.Combine(Dir, "queries.sql")).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Write(string name, string text)
    {
        var path = Path.Combine(OutputDirectory.Value, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Replaces the dump's first line (a comment) with <paramref name="first"/>, so that line numbers stay the same.</summary>
    private static string WithFirstLine(string text, string first)
    {
        Assert.StartsWith("--\n", text, StringComparison.Ordinal);
        return first + text[2..];
    }

    [GeneratedRegex(@"^tenon:[^:]*:(?<line>\d+): ERROR:  (?<code>[0-9A-Z]{5}): (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex VerboseError();

    [GeneratedRegex(@"^(?<line>\d+) (?<code>[0-9A-Z]{5}) (?<message>.*?)(?:  <- (?<cause>line \d+|PostgreSQL 15 too))?$")]
    private static partial Regex ExpectedLine();

    [Fact]
    public void Schema_loads_but_for_features_Tenon_lacks()
    {
        var script = Write("pagila-load.sql", WithFirstLine(Schema, "\\set VERBOSITY verbose"));
        var (output, _) = RunTenonInProcess(script);
        var actual = VerboseError().Matches(output).Select(m => $"{m.Groups["line"].Value} {m.Groups["code"].Value} {m.Groups["message"].Value}").ToList();

        var expected = new List<string>();
        var failedLines = new HashSet<string>();
        foreach (var raw in File.ReadAllLines(Path.Combine(Dir, "expected-load-errors.txt")))
        {
            if (raw.Length == 0 || raw.StartsWith('#')) continue;
            var m = ExpectedLine().Match(raw);
            Assert.True(m.Success, $"malformed line in expected-load-errors.txt: {raw}");
            var (line, code, cause) = (m.Groups["line"].Value, m.Groups["code"].Value, m.Groups["cause"].Value);
            // A refusal names a missing feature; anything else must follow from an earlier refusal.
            if (code != "0A000")
            {
                Assert.True(cause.Length > 0, $"error on line {line} is {code}, not feature_not_supported, and names no cause: {raw}");
                if (cause.StartsWith("line ", StringComparison.Ordinal))
                    Assert.Contains(cause[5..], failedLines);
            }
            failedLines.Add(line);
            expected.Add($"{line} {code} {m.Groups["message"].Value}");
        }
        var diff = OutputDiff.Format(expected, actual);
        if (diff is not null)
            Assert.Fail($"the statements of Pagila's schema that Tenon refuses changed ('-' = expected-load-errors.txt, '+' = Tenon)\n{diff}");
    }

    [Fact]
    public void Queries_in_process_match_PostgreSQL()
    {
        var expected = RunPostgres();
        var (output, _) = RunTenonInProcess(Write("pagila-tenon.sql", Schema + Queries));
        AssertSame("tenon in process", expected, AfterLoad(OutputNormalizer.Normalize(output)));
    }

    [Fact]
    public void Queries_over_the_wire_match_PostgreSQL()
    {
        if (WirePsql.PsqlPath is null) Assert.Fail(WirePsql.UnavailableReason);
        var expected = RunPostgres();
        var (output, _) = WirePsql.Run(Write("pagila-wire.sql", Schema + Queries));
        AssertSame("psql against tenon serve", expected, AfterLoad(OutputNormalizer.Normalize(output)));
    }

    private List<string> RunPostgres()
    {
        if (postgres.UnavailableReason is not null) Assert.Fail(postgres.UnavailableReason);
        var shim = "CREATE OR REPLACE FUNCTION pg_catalog.uuidv7() RETURNS uuid LANGUAGE sql VOLATILE AS 'SELECT pg_catalog.gen_random_uuid()';";
        var schema = WithFirstLine(Schema, shim).Replace(") VIRTUAL\n", ") STORED\n", StringComparison.Ordinal);
        var run = postgres.RunScript(Write("pagila-postgres.sql", schema + Queries));
        return AfterLoad(OutputNormalizer.Normalize(run.Output));
    }

    private static List<string> AfterLoad(List<string> lines)
    {
        var start = lines.FindIndex(l => l.StartsWith(QueriesMarker, StringComparison.Ordinal));
        Assert.True(start >= 0, "the queries did not run");
        return lines.Skip(start).ToList();
    }

    private static void AssertSame(string side, List<string> expected, List<string> actual)
    {
        var diff = OutputDiff.Format(expected, actual);
        if (diff is not null)
            Assert.Fail($"Pagila: {side} differs from PostgreSQL 15 ({expected.Count} vs {actual.Count} lines; '-' = PostgreSQL, '+' = Tenon)\n{diff}");
    }

    /// <summary>Runs <c>tenon -X -a -q -f FILE</c> in process (<see cref="TenonCli.RunScript"/>).</summary>
    private static (string Output, int ExitCode) RunTenonInProcess(string path)
    {
        if (TenonCli.UnavailableReason is { } missing) Assert.Fail(missing);
        var run = TenonCli.RunScript(path, TenonTimeout);
        if (run.Failure is not null) Assert.Fail($"{path}: {run.Failure}");
        return (run.Output, run.ExitCode);
    }
}
