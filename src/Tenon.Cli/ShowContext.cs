namespace Tenon.Cli;

/// <summary>The SHOW_CONTEXT variable: when CONTEXT lines are printed.</summary>
internal enum ShowContext
{
    Never,
    Errors,
    Always,
}
