using System.Text;
using Tenon.Tests.Differential;

namespace Tenon.Tests.Server;

/// <summary>
/// psql 15 over the wire against Tenon's server prints what Tenon's own shell prints in process:
/// the server adds nothing and loses nothing (results, tags, errors with LINE/caret, notices).
/// Needs no PostgreSQL server, only the psql client.
/// </summary>
public sealed class PsqlTests
{
    /// <summary>
    /// Scripts rich in errors, notices, transaction blocks and value formats. (Every script that
    /// matches PostgreSQL also runs over the wire in <see cref="WireDifferentialTests"/>.)
    /// </summary>
    public static TheoryData<string> Scripts() =>
    [
        "transactions.sql", "statement_atomicity.sql", "errors_syntax_and_names.sql", "types_numeric.sql",
        "types_text_bool_datetime.sql", "fk_delete_actions.sql", "queries_joins.sql",
    ];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Psql_over_the_wire_prints_what_the_in_process_shell_prints(string script)
    {
        if (WirePsql.PsqlPath is null) Assert.Fail(WirePsql.UnavailableReason);
        var path = SqlScripts.FullPath(script);
        var (wire, exitCode) = WirePsql.Run(path);
        var output = new StringWriter(new StringBuilder()) { NewLine = "\n" };
        var synced = TextWriter.Synchronized(output);
        TenonCli.Run(["-X", "-a", "-q", "-f", path], TextReader.Null, synced, synced);
        var diff = OutputDiff.Format(OutputNormalizer.Normalize(output.ToString()), OutputNormalizer.Normalize(wire));
        if (diff is not null)
            Assert.Fail($"tests/sql/{script}: psql over the wire ('+') differs from tenon in process ('-'); psql exited with {exitCode}\n{diff}\n--- psql output ---\n{wire}");
    }
}
