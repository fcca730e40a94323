namespace Tenon.Cli;

/// <summary>What the next input line continues (psql's promptStatus_t, shown by <c>%R</c>).</summary>
internal enum PromptStatus
{
    Ready,
    Continue,
    SingleQuote,
    DoubleQuote,
    DollarQuote,
    Comment,
    Paren,
}
