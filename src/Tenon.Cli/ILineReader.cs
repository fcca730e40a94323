namespace Tenon.Cli;

/// <summary>Where an interactive session's lines come from (a line editor or plain console input).</summary>
internal interface ILineReader
{
    /// <summary>Shows <paramref name="prompt"/> and reads one line; null at end of input (Ctrl-D).</summary>
    string? ReadLine(string prompt);

    void AddHistory(string entry);
}
