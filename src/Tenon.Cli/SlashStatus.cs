namespace Tenon.Cli;

/// <summary>Outcome of a meta-command (psql's backslashResult).</summary>
internal enum SlashStatus
{
    Unknown,
    /// <summary>Send the query buffer (\g, \gset).</summary>
    Send,
    /// <summary>Done, keep reading.</summary>
    SkipLine,
    Error,
    /// <summary>Quit (\q).</summary>
    Terminate,
}
