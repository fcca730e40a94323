namespace Tenon.Cli;

/// <summary>psql's exit statuses.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Fatal error of the shell itself (bad option, file not found) or a failed -c command.</summary>
    public const int Failure = 1;
    /// <summary>Reserved for a lost connection; Tenon uses it for "not implemented" subcommands.</summary>
    public const int BadConnection = 2;
    /// <summary>A script stopped because of ON_ERROR_STOP.</summary>
    public const int User = 3;
}
