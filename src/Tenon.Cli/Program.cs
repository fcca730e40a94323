using System.Text;

namespace Tenon.Cli;

/// <summary>
/// Process entry: dispatches subcommands (the first argument), otherwise runs the psql-like shell.
/// New subcommands go into <see cref="Subcommands"/>.
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, Func<string[], int>> Subcommands = new(StringComparer.Ordinal)
    {
        ["serve"] = args => ServeCommand.Run(args, Console.Out, Console.Error),
        ["backup"] = args => BackupCommand.Run(args, Console.Out, Console.Error),
    };

    public static int Main(string[] args)
    {
        if (args.Length > 0 && Subcommands.TryGetValue(args[0], out var subcommand)) return subcommand(args[1..]);

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        try
        {
            Console.InputEncoding = utf8;
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException)
        {
            // No console to configure (input redirected): the reader below decodes UTF-8 itself.
        }
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, 1 << 16) { AutoFlush = false };
        using var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        var stdin = new StreamReader(Console.OpenStandardInput(), utf8, detectEncodingFromByteOrderMarks: false);

        ILineReader? lineReader = null;
        if (!Console.IsInputRedirected && !Console.IsOutputRedirected)
        {
            lineReader = new LineEditor(stdout);
        }
        try
        {
            return CliMain.Run(args, stdin, stdout, stderr, lineReader);
        }
        finally
        {
            stdout.Flush();
        }
    }
}
