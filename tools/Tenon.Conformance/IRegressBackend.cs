namespace Tenon.Conformance;

/// <summary>Something that runs a regression test the way pg_regress runs it and returns psql's output.</summary>
public interface IRegressBackend
{
    string Description { get; }

    /// <summary>
    /// In a fresh database, runs <paramref name="setup"/> scripts (output discarded) and then
    /// <paramref name="script"/> as <c>psql -X -a -q &lt; script 2&gt;&amp;1</c>; returns that output.
    /// </summary>
    string Run(RegressCorpus corpus, string name, IReadOnlyList<string> setup, string script);
}
