using System.Diagnostics;

namespace Tenon.Bench.Engines;

/// <summary>Runs a program to completion and captures its output (for initdb, pg_ctl, useradd...).</summary>
internal static class ProcessRun
{
    public sealed record Result(int ExitCode, string Output)
    {
        public string Describe(string what) => $"{what} exited with {ExitCode}:\n{Output}";
    }

    public static Result Run(string program, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("LC_ALL");
        psi.Environment.Remove("LANGUAGE");
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in time");
        }
        return new Result(p.ExitCode, stdout.Result + stderr.Result);
    }

}
