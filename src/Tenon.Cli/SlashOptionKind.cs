namespace Tenon.Cli;

/// <summary>How a meta-command argument is read (psql's slash_option_type, the cases we need).</summary>
internal enum SlashOptionKind
{
    /// <summary>One whitespace-separated word with quoting and variable interpolation.</summary>
    Normal,
    /// <summary>Like <see cref="Normal"/> but without variable interpolation.</summary>
    NoEval,
    /// <summary>The rest of the line, verbatim.</summary>
    WholeLine,
}
