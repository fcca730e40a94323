using Tenon.Tests.Differential;

namespace Tenon.Tests.Datasets;

/// <summary>
/// Chinook and Northwind load unchanged (but for Chinook's database switch, see
/// <see cref="DatasetScripts"/>) and then answer queries, violations, deletes and key updates over
/// their keys exactly as PostgreSQL 15 does: psql's output against a private PostgreSQL and
/// tenon's, in process and through psql against <c>tenon serve</c>, are compared line by line
/// (after <see cref="OutputNormalizer"/>). Each dataset loads once into PostgreSQL for the run.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatasetTests(PostgresServer postgres)
{
    private static readonly TimeSpan TenonTimeout = TimeSpan.FromSeconds(120);

    public static TheoryData<string> Datasets()
    {
        var data = new TheoryData<string>();
        foreach (var name in DatasetScripts.Names) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Dataset_in_process_matches_PostgreSQL(string dataset)
    {
        var (expected, exitCode) = RunPostgres(dataset);
        var (output, tenonExit) = RunTenonInProcess(DatasetScripts.PathOf(dataset));
        AssertSame(dataset, "tenon in process", expected, OutputNormalizer.Normalize(output));
        Assert.Equal(exitCode, tenonExit);
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Dataset_over_the_wire_matches_PostgreSQL(string dataset)
    {
        if (WirePsql.PsqlPath is null) Assert.Fail(WirePsql.UnavailableReason);
        var (expected, exitCode) = RunPostgres(dataset);
        var (output, psqlExit) = WirePsql.Run(DatasetScripts.PathOf(dataset));
        AssertSame(dataset, "psql against tenon serve", expected, OutputNormalizer.Normalize(output));
        Assert.Equal(exitCode, psqlExit);
    }

    private (List<string> Lines, int ExitCode) RunPostgres(string dataset)
    {
        if (postgres.UnavailableReason is not null) Assert.Fail(postgres.UnavailableReason);
        var run = postgres.RunScript(DatasetScripts.PathOf(dataset));
        var lines = OutputNormalizer.Normalize(run.Output);
        // The load itself must be clean on PostgreSQL, or the comparison proves little.
        Assert.DoesNotContain(lines.TakeWhile(l => !l.StartsWith("-- Queries, violations", StringComparison.Ordinal)),
            l => l.Contains("ERROR:", StringComparison.Ordinal));
        return (lines, run.ExitCode);
    }

    private static void AssertSame(string dataset, string side, List<string> expected, List<string> actual)
    {
        var diff = OutputDiff.Format(expected, actual);
        if (diff is not null)
            Assert.Fail($"dataset {dataset}: {side} differs from PostgreSQL 15 " +
                        $"({expected.Count} vs {actual.Count} lines; '-' = PostgreSQL, '+' = Tenon)\n{diff}");
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
