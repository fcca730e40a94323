using System.Diagnostics;

namespace Tenon.Conformance;

/// <summary>One regression file's result: how many of its statements produced PostgreSQL's exact output.</summary>
public sealed record FileResult(string Name, IReadOnlyList<StatementOutcome> Outcomes, string Output, TimeSpan Elapsed, string? Failure)
{
    public int Total => Outcomes.Count;
    public int Matched => Outcomes.Count(o => o.Matched);
    public double Percent => Total == 0 ? 0 : 100.0 * Matched / Total;
}

/// <summary>Runs regression files through a backend and scores them statement by statement.</summary>
public sealed class ConformanceRun(RegressCorpus corpus, IRegressBackend backend, TimeSpan perFileTimeout)
{
    public RegressCorpus Corpus { get; } = corpus;
    public IRegressBackend Backend { get; } = backend;

    public FileResult RunFile(string name)
    {
        var scriptText = File.ReadAllText(Corpus.ScriptPath(name));
        var script = RegressScript.Parse(scriptText);
        var expected = File.ReadAllText(Corpus.ExpectedPath(name));
        var watch = Stopwatch.StartNew();
        string? output = null;
        string? failure = null;
        // A dedicated thread with a big stack: deep expressions recurse, and a runaway statement
        // must not stop the report (the thread is abandoned after the timeout).
        var thread = new Thread(() =>
        {
            try
            {
                output = Backend.Run(Corpus, name, Corpus.SetupFor(name), scriptText);
            }
            catch (Exception ex)
            {
                failure = $"{ex.GetType().Name}: {ex.Message}";
            }
        }, 256 * 1024 * 1024) { IsBackground = true, Name = "regress " + name };
        thread.Start();
        if (!thread.Join(perFileTimeout)) failure = $"did not finish within {perFileTimeout.TotalSeconds:0} s";
        watch.Stop();
        var actual = thread.IsAlive ? "" : output ?? "";
        return new FileResult(name, StatementComparison.Compare(script, expected, actual), actual, watch.Elapsed, failure);
    }
}
