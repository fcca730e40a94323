namespace Tenon.Cli;

/// <summary>
/// The <c>tenon</c> command: a psql-compatible shell over an embedded Tenon database.
/// <c>tenon -X -a -q -f FILE</c> prints what <c>psql -X -a -q -f FILE</c> prints against
/// PostgreSQL 15 (with "tenon" instead of "psql" in message prefixes).
/// </summary>
public static class CliMain
{
    /// <summary>
    /// Runs the shell in-process, never interactively; returns psql's exit status
    /// (0 ok, 1 fatal or failed -c, 3 script stopped by ON_ERROR_STOP). Pass the same writer as
    /// <paramref name="stdout"/> and <paramref name="stderr"/> to get psql's 2&gt;&amp;1 output.
    /// </summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdin, stdout, stderr, lineReader: null);

    /// <summary>As <see cref="Run(string[], TextReader, TextWriter, TextWriter)"/>; with a line reader and no -c/-f, runs interactively.</summary>
    internal static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, ILineReader? lineReader) =>
        Run(args, stdin, stdout, stderr, lineReader, openExecutor: null);

    /// <param name="openExecutor">Opens the engine; null opens the DATABASE argument (:memory: or a file database).</param>
    internal static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, ILineReader? lineReader, Func<IStatementExecutor>? openExecutor)
    {
        Database? fileDatabase = null;
        try
        {
            return RunCore(args, stdin, stdout, stderr, lineReader, openExecutor, db => fileDatabase = db);
        }
        finally
        {
            // Closing flushes the log and releases the lock (an open transaction is rolled back, as when psql quits).
            fileDatabase?.Dispose();
        }
    }

    private static int RunCore(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, ILineReader? lineReader,
        Func<IStatementExecutor>? openExecutor, Action<Database> opened)
    {
        var output = new CliOutput(stdout, stderr);
        var options = CommandLine.Parse(args);
        if (options.Error is not null)
        {
            output.WriteError($"tenon: error: {options.Error}\ntenon: hint: Try \"tenon --help\" for more information.\n");
            return ExitCodes.Failure;
        }
        if (options.ShowHelp)
        {
            output.Write(HelpText.Usage);
            output.Flush();
            return ExitCodes.Success;
        }
        if (options.ShowVersion)
        {
            output.Write(HelpText.Version + "\n");
            output.Flush();
            return ExitCodes.Success;
        }
        openExecutor ??= () =>
        {
            if (options.Database == ":memory:") return SessionExecutor.Open(Database.OpenInMemory(), Environment.GetEnvironmentVariable);
            var database = Database.Open(options.Database, new DatabaseOptions { Synchronous = SynchronousFromEnvironment() });
            opened(database);
            return SessionExecutor.Open(database, Environment.GetEnvironmentVariable);
        };

        IStatementExecutor executor;
        try
        {
            executor = openExecutor();
        }
        catch (Errors.TenonException ex)
        {
            // What psql prints when the server refuses the connection's parameters.
            output.WriteError($"tenon: error: FATAL:  {ex.MessageText}\n");
            if (ex.Hint is not null) output.WriteError($"HINT:  {ex.Hint}\n");
            return ExitCodes.BadConnection;
        }
        var runner = new ScriptRunner(executor, output) { Stdin = stdin };
        runner.Variables.Set("DBNAME", options.Database);
        foreach (var (name, value) in options.Variables)
        {
            if (runner.Variables.Set(name, value) is { } error)
            {
                output.WriteError($"tenon: error: {error}\n");
                return ExitCodes.Failure;
            }
        }
        foreach (var (name, value) in options.PrintOptions)
        {
            if (!runner.ApplyPrintOption(name, value)) return ExitCodes.Failure;
        }

        int result;
        if (options.Actions.Count > 0)
        {
            result = ExitCodes.Success;
            foreach (var action in options.Actions)
            {
                result = action.IsFile ? runner.RunFile(action.Value, stdin) : runner.RunCommand(action.Value);
                if (result != ExitCodes.Success && runner.Variables.IsOn("ON_ERROR_STOP")) break;
            }
        }
        else if (lineReader is not null)
        {
            if (!runner.Variables.IsOn("QUIET"))
            {
                output.Write($"{HelpText.Version}\nType \"help\" for help.\n\n");
            }
            result = runner.RunInteractive(lineReader);
        }
        else
        {
            result = runner.RunReader(stdin);
        }
        output.Flush();
        return result;
    }

    /// <summary>TENON_SYNCHRONOUS=full|normal|off (see docs/DURABILITY.md); full when unset.</summary>
    internal static SynchronousMode SynchronousFromEnvironment() =>
        Environment.GetEnvironmentVariable("TENON_SYNCHRONOUS")?.ToLowerInvariant() switch
        {
            "normal" => SynchronousMode.Normal,
            "off" => SynchronousMode.Off,
            _ => SynchronousMode.Full,
        };
}
