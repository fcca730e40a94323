namespace Tenon.Cli;

/// <summary>
/// stdout and stderr of the shell. Writing to stderr first flushes stdout, so that when both go to
/// one file (2>&amp;1, as pg_regress runs psql) the text appears in the order psql produces it.
/// </summary>
internal sealed class CliOutput(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Err { get; } = stderr;

    public void Write(string text) => Out.Write(text);

    public void WriteError(string text)
    {
        if (!ReferenceEquals(Out, Err)) Out.Flush();
        Err.Write(text);
        Err.Flush();
    }

    public void Flush()
    {
        Out.Flush();
        if (!ReferenceEquals(Out, Err)) Err.Flush();
    }
}
