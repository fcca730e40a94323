namespace Tenon.Cli;

/// <summary>
/// <c>tenon backup SOURCE.tenon DEST.tenon</c>: an online copy of a file database. The source
/// may be open in another process (tenon serve --data, a program) that keeps committing: the copy
/// holds every transaction committed to the source's files when it began, and nothing of later
/// ones. The source's files are only read.
/// </summary>
internal static class BackupCommand
{
    public const string Usage = """
        tenon backup copies a Tenon file database, also while another process uses it.

        Usage:
          tenon backup SOURCE.tenon DEST.tenon

        DEST must not exist. The copy is a database of its own (open it with tenon DEST.tenon, or
        put it into a tenon serve data directory as NAME.tenon). It holds every transaction
        committed to SOURCE's files when the backup began; with TENON_SYNCHRONOUS=off, commits
        still buffered in the writing process are not on disk yet and so not in the copy.

        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is ["-?" or "--help"])
        {
            stdout.Write(Usage);
            return ExitCodes.Success;
        }
        if (args.Length != 2 || args.Any(a => a.StartsWith('-')))
        {
            stderr.WriteLine("tenon backup: error: expected SOURCE.tenon DEST.tenon");
            stderr.WriteLine("Try \"tenon backup --help\" for more information.");
            return ExitCodes.Failure;
        }
        try
        {
            Database.Backup(args[0], args[1]);
        }
        catch (Errors.TenonException e)
        {
            stderr.WriteLine($"tenon backup: error: {e.MessageText}");
            return ExitCodes.Failure;
        }
        return ExitCodes.Success;
    }
}
