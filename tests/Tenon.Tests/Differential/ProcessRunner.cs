using System.Diagnostics;
using System.Text;

namespace Tenon.Tests.Differential;

/// <summary>The outcome of one child process: its exit code and what it printed.</summary>
internal sealed record ProcessResult(int ExitCode, string StdOut, string StdErr, bool TimedOut)
{
    public string Describe(string what) =>
        $"{what} {(TimedOut ? "timed out" : $"exited with code {ExitCode}")}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>Starts child processes with a controlled environment and collects their output.</summary>
internal static class ProcessRunner
{
    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="args"/> (no shell quoting involved),
    /// with the inherited environment minus <paramref name="unset"/> plus <paramref name="set"/>.
    /// </summary>
    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? set = null,
        IEnumerable<string>? unset = null,
        TimeSpan? timeout = null,
        string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (workingDirectory is not null) psi.WorkingDirectory = workingDirectory;
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var name in unset ?? []) psi.Environment.Remove(name);
        foreach (var (name, value) in set ?? new Dictionary<string, string>()) psi.Environment[name] = value;

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var timedOut = !process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2));
        if (timedOut)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit();
        }
        process.WaitForExit(); // drains the redirected streams
        return new ProcessResult(timedOut ? -1 : process.ExitCode, stdout.Result, stderr.Result, timedOut);
    }

    /// <summary>Finds <paramref name="name"/> on PATH, or returns null.</summary>
    public static string? Which(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
