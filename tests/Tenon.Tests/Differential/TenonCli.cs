using System.Reflection;

namespace Tenon.Tests.Differential;

/// <summary>
/// Calls the CLI's in-process entry point
/// <c>Tenon.Cli.CliMain.Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)</c>
/// through reflection, so the harness compiles before (and independently of) the CLI.
/// When the entry point is missing, <see cref="Run"/> throws an exception that says so.
/// </summary>
internal static class TenonCli
{
    private const string TypeName = "Tenon.Cli.CliMain, Tenon.Cli";

    private static readonly Lazy<MethodInfo?> RunMethod = new(FindRun);

    /// <summary>Why the entry point cannot be called, or null when it can.</summary>
    public static string? UnavailableReason => RunMethod.Value is null
        ? $"The CLI entry point Tenon.Cli.CliMain.Run(string[], TextReader, TextWriter, TextWriter) returning int " +
          $"was not found (Type.GetType(\"{TypeName}\") = {(Type.GetType(TypeName) is null ? "null" : "found, but no matching public static Run method")}). " +
          "The differential tests need it: see docs/TESTING.md."
        : null;

    /// <summary>Runs <c>tenon</c> with <paramref name="args"/>; returns its exit code.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var method = RunMethod.Value ?? throw new InvalidOperationException(UnavailableReason);
        try
        {
            var result = method.Invoke(null, [args, stdin, stdout, stderr]);
            return result is int code ? code : 0;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // Rethrow the CLI's own exception with its original stack trace.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>What <see cref="RunScript"/> saw: the output (so far), the exit code, and why it stopped early (null when it finished).</summary>
    public sealed record ScriptRun(string Output, int ExitCode, string? Failure);

    /// <summary>
    /// Runs <c>tenon -X -a -q -f FILE</c> in process, stdout and stderr into one writer in the order
    /// they were written, giving up after <paramref name="timeout"/>.
    /// </summary>
    public static ScriptRun RunScript(string path, TimeSpan timeout)
    {
        var output = new StringWriter(new System.Text.StringBuilder()) { NewLine = "\n" };
        var synced = TextWriter.Synchronized(output);
        var run = Task.Factory.StartNew(() => Run(["-X", "-a", "-q", "-f", path], TextReader.Null, synced, synced),
            TaskCreationOptions.LongRunning);
        try
        {
            if (!run.Wait(timeout))
                return new ScriptRun(output.ToString(), -1, $"tenon did not finish within {timeout.TotalSeconds} s");
        }
        catch (AggregateException e)
        {
            return new ScriptRun(output.ToString(), -1, $"tenon threw {e.InnerException}");
        }
        return new ScriptRun(output.ToString(), run.Result, null);
    }

    private static MethodInfo? FindRun()
    {
        var type = Type.GetType(TypeName, throwOnError: false);
        return type?.GetMethod(
            "Run",
            BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static,
            binder: null,
            types: [typeof(string[]), typeof(TextReader), typeof(TextWriter), typeof(TextWriter)],
            modifiers: null);
    }
}
