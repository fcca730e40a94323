namespace Tenon.Tests.Differential;

/// <summary>
/// The differential scripts once more, this time through psql 15 over the wire protocol against
/// Tenon's server: every script that matches PostgreSQL in process (not in known-gaps.txt) must
/// also match when psql talks to <c>tenon serve</c>. This checks the server end to end: message
/// flow, command tags, error fields and positions (psql draws LINE/caret from them), notices,
/// transaction status.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WireDifferentialTests(PostgresServer postgres)
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var script in SqlScripts.All().Where(s => !KnownGaps.Scripts.Contains(s))) data.Add(script);
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_output_over_the_wire_matches_PostgreSQL(string script)
    {
        if (postgres.UnavailableReason is not null) Assert.Fail(postgres.UnavailableReason);
        if (WirePsql.PsqlPath is null) Assert.Fail(WirePsql.UnavailableReason);
        var path = SqlScripts.FullPath(script);
        var psql = postgres.RunScript(path);
        var expected = OutputNormalizer.Normalize(psql.Output);
        var (output, exitCode) = WirePsql.Run(path);
        var actual = OutputNormalizer.Normalize(output);
        var diff = OutputDiff.Format(expected, actual);
        if (diff is not null)
            Assert.Fail($"tests/sql/{script} through psql over the wire: output differs from PostgreSQL 15's " +
                        $"({expected.Count} vs {actual.Count} lines; '-' = PostgreSQL, '+' = tenon serve)\n{diff}");
        Assert.Equal(psql.ExitCode, exitCode);
    }
}
