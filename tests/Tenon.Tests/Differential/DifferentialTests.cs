
namespace Tenon.Tests.Differential;

/// <summary>
/// Each <c>tests/sql/**/*.sql</c> script is one test: it runs through <c>psql</c> against a private
/// PostgreSQL 15 and through <c>tenon</c> in process, and the two outputs must be identical after
/// <see cref="OutputNormalizer"/>. See docs/TESTING.md.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DifferentialTests(PostgresServer postgres)
{
    private static readonly TimeSpan TenonTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Scripts whose output does not match PostgreSQL yet (tests/sql/known-gaps.txt, one per line).
    /// They are checked to still differ, so fixing one forces its removal; every other script must match.
    /// </summary>
    private static readonly HashSet<string> KnownGaps = Differential.KnownGaps.Scripts;

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var script in SqlScripts.All()) data.Add(script);
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_output_matches_PostgreSQL(string script)
    {
        if (postgres.UnavailableReason is not null) Assert.Fail(postgres.UnavailableReason);
        var path = SqlScripts.FullPath(script);

        var psql = postgres.RunScript(path);
        var expected = OutputNormalizer.Normalize(psql.Output);
        DumpOutput(script, "postgres", expected);
        var (tenonOutput, tenonExitCode) = RunTenon(script, path);
        var actual = OutputNormalizer.Normalize(tenonOutput);
        DumpOutput(script, "tenon", actual);
        var diff = OutputDiff.Format(expected, actual);
        if (KnownGaps.Contains(script))
        {
            // A listed gap must still differ: when tenon starts matching, the list must shrink.
            if (diff is null)
                Assert.Fail($"tests/sql/{script} now matches PostgreSQL 15: remove it from tests/sql/known-gaps.txt");
            return;
        }
        if (diff is not null)
            Assert.Fail($"tests/sql/{script}: tenon's output differs from PostgreSQL 15's " +
                        $"({expected.Count} vs {actual.Count} lines; '-' = PostgreSQL, '+' = tenon; columns: line numbers)\n{diff}");
        if (tenonExitCode != psql.ExitCode)
            Assert.Fail($"tests/sql/{script}: the outputs match, but tenon exited with {tenonExitCode} where psql exited with {psql.ExitCode}");
    }

    /// <summary>
    /// With TENON_DIFF_OUT=DIR set, writes each normalized output to DIR/NAME.postgres.out and
    /// DIR/NAME.tenon.out, for reading or diffing with your own tools.
    /// </summary>
    private static void DumpOutput(string script, string side, List<string> lines)
    {
        var dir = Environment.GetEnvironmentVariable("TENON_DIFF_OUT");
        if (string.IsNullOrEmpty(dir)) return;
        var path = Path.Combine(Path.GetFullPath(dir), script[..^".sql".Length] + $".{side}.out");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join("", lines.Select(l => l + "\n")));
    }

    /// <summary>Runs <c>tenon -X -a -q -f FILE</c> in process (<see cref="TenonCli.RunScript"/>).</summary>
    private static (string Output, int ExitCode) RunTenon(string script, string path)
    {
        if (TenonCli.UnavailableReason is { } missing) Assert.Fail($"tests/sql/{script}: {missing}");
        var run = TenonCli.RunScript(path, TenonTimeout);
        if (run.Failure is not null) Assert.Fail($"tests/sql/{script}: {run.Failure}. Output so far:\n{run.Output}");
        return (run.Output, run.ExitCode);
    }
}
