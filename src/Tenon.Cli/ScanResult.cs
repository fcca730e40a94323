namespace Tenon.Cli;

/// <summary>Why <see cref="PsqlLexer.Scan"/> stopped (psql's PsqlScanResult).</summary>
internal enum ScanResult
{
    /// <summary>A top-level semicolon ended a statement; the buffer holds it, semicolon included.</summary>
    Semicolon,
    /// <summary>A backslash starts a meta-command; the lexer is positioned just after it.</summary>
    Backslash,
    /// <summary>End of line with a statement in progress at top level.</summary>
    Eol,
    /// <summary>End of line inside a quote, comment or parentheses, or with an empty buffer.</summary>
    Incomplete,
}
