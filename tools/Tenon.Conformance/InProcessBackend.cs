using Tenon.Cli;

namespace Tenon.Conformance;

/// <summary>
/// Runs the tests through the in-process <c>tenon</c> shell, each test on a fresh in-memory
/// database, with pg_regress's environment passed as connection parameters.
/// </summary>
public sealed class InProcessBackend : IRegressBackend
{
    private static readonly string[] PsqlArguments = ["-X", "-a", "-q", "-v", "HIDE_TABLEAM=on", "-v", "HIDE_TOAST_COMPRESSION=on"];

    public string Description => "the in-process tenon shell (tenon -X -a -q < FILE)";

    public string Run(RegressCorpus corpus, string name, IReadOnlyList<string> setup, string script)
    {
        var env = corpus.Environment(name);
        // \getenv reads the process environment, as psql does.
        System.Environment.SetEnvironmentVariable("PG_ABS_SRCDIR", env["PG_ABS_SRCDIR"]);
        var database = Database.OpenInMemory();
        IStatementExecutor Open() => SessionExecutor.Open(database, v => env.GetValueOrDefault(v));
        foreach (var pre in setup)
        {
            var discard = new StringWriter();
            CliMain.Run(PsqlArguments, new StringReader(File.ReadAllText(corpus.ScriptPath(pre))), discard, discard, lineReader: null, Open);
        }
        var output = new StringWriter();
        CliMain.Run(PsqlArguments, new StringReader(script), output, output, lineReader: null, Open);
        return output.ToString();
    }
}
