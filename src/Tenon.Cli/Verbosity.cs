namespace Tenon.Cli;

/// <summary>The VERBOSITY variable (libpq's PGVerbosity).</summary>
internal enum Verbosity
{
    Default,
    Terse,
    Verbose,
    SqlState,
}
