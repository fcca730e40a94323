using System.Runtime.InteropServices;
using Tenon.Bench.Engines;

namespace Tenon.Bench;

/// <summary>What the report says about the machine and the software versions.</summary>
public static class MachineInfo
{
    public static IEnumerable<(string, string)> Describe(string? repoRoot)
    {
        yield return ("CPU", CpuModel());
        yield return ("cores", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("memory", MemTotal());
        yield return ("OS", $"{OsName()}, kernel {Kernel()}");
        yield return (".NET", RuntimeInformation.FrameworkDescription);
        yield return ("Npgsql", typeof(Npgsql.NpgsqlConnection).Assembly.GetName().Version?.ToString() ?? "?");
        yield return ("Microsoft.Data.Sqlite", typeof(Microsoft.Data.Sqlite.SqliteConnection).Assembly.GetName().Version?.ToString() ?? "?");
        if (repoRoot is not null)
        {
            var git = TryRun("git", ["-C", repoRoot, "rev-parse", "--short", "HEAD"]);
            if (git is not null) yield return ("Tenon commit", git);
        }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { return RuntimeInformation.ProcessArchitecture.ToString(); }
    }

    private static string MemTotal()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (line is null) return "?";
            var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            return $"{kb / 1024.0 / 1024.0:F1} GiB";
        }
        catch (IOException) { return "?"; }
    }

    private static string OsName()
    {
        try
        {
            var line = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            return line?["PRETTY_NAME=".Length..].Trim('"') ?? RuntimeInformation.OSDescription;
        }
        catch (IOException) { return RuntimeInformation.OSDescription; }
    }

    private static string Kernel()
    {
        try { return File.ReadAllText("/proc/sys/kernel/osrelease").Trim(); }
        catch (IOException) { return RuntimeInformation.OSDescription; }
    }

    private static string? TryRun(string program, string[] args)
    {
        try
        {
            var r = ProcessRun.Run(program, args);
            return r.ExitCode == 0 ? r.Output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}
