using Tenon.Tests.Differential;

namespace Tenon.Tests.Describe;

/// <summary>
/// psql's describe commands (\d, \dt, \di, \ds, \d INDEX, \d SEQUENCE) and the catalog queries
/// behind \d TABLE, run through psql 15 against a real PostgreSQL 15 and against <c>tenon serve</c>
/// on the same schema (tests/describe/*.sql), and through the tenon shell: the outputs must be identical. The second script
/// checks pg_get_constraintdef, pg_get_expr and pg_get_indexdef on many expressions, pretty and plain.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DescribeTests(PostgresServer postgres)
{
    public static TheoryData<string> Scripts() => new() { "describe.sql", "definitions.sql" };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Psql_output_matches_PostgreSQL(string script)
    {
        if (postgres.UnavailableReason is not null) Assert.Fail(postgres.UnavailableReason);
        if (WirePsql.PsqlPath is null) Assert.Fail(WirePsql.UnavailableReason);
        var path = Path.Combine(SqlScripts.RepositoryRoot, "tests", "describe", script);
        var expected = OutputNormalizer.Normalize(postgres.RunScript(path).Output);
        var actual = OutputNormalizer.Normalize(WirePsql.Run(path).Output);
        Assert.DoesNotContain(expected, line => line.Contains("ERROR:", StringComparison.Ordinal));
        var diff = OutputDiff.Format(expected, actual);
        if (diff is not null)
            Assert.Fail($"tests/describe/{script}: psql's output against tenon serve differs from PostgreSQL 15's " +
                        $"('-' = PostgreSQL, '+' = tenon serve)\n{diff}");
    }

    /// <summary>The tenon shell's own describe commands print what psql prints against PostgreSQL.</summary>
    [Theory]
    [MemberData(nameof(Scripts))]
    public void Tenon_shell_output_matches_PostgreSQL(string script)
    {
        if (postgres.UnavailableReason is not null) Assert.Fail(postgres.UnavailableReason);
        if (TenonCli.UnavailableReason is { } missing) Assert.Fail(missing);
        var path = Path.Combine(SqlScripts.RepositoryRoot, "tests", "describe", script);
        var expected = OutputNormalizer.Normalize(postgres.RunScript(path).Output);
        var run = TenonCli.RunScript(path, TimeSpan.FromSeconds(60));
        if (run.Failure is not null) Assert.Fail($"tests/describe/{script}: {run.Failure}");
        var diff = OutputDiff.Format(expected, OutputNormalizer.Normalize(run.Output));
        if (diff is not null)
            Assert.Fail($"tests/describe/{script}: the tenon shell's output differs from PostgreSQL 15's ('-' = PostgreSQL, '+' = tenon)\n{diff}");
    }
}
