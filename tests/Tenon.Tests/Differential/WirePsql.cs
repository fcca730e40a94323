using System.Globalization;
using System.Net;
using Tenon.Server;

namespace Tenon.Tests.Differential;

/// <summary>
/// Runs a script through the real <c>psql</c> 15 against Tenon's wire-protocol server: a fresh
/// in-process <see cref="PgServer"/> (new in-memory database) on a free loopback port, with the
/// same psql flags and environment as the PostgreSQL side of the differential tests.
/// </summary>
internal static class WirePsql
{
    /// <summary>psql 15, or null when it is not installed.</summary>
    public static string? PsqlPath { get; } = FindPsql();

    public static string UnavailableReason =>
        "psql 15 was not found (looked in $PGBIN, /usr/lib/postgresql/15/bin and PATH): install postgresql-client-15.";

    private static string? FindPsql()
    {
        foreach (var dir in new[] { Environment.GetEnvironmentVariable("PGBIN"), "/usr/lib/postgresql/15/bin" })
            if (!string.IsNullOrEmpty(dir) && File.Exists(Path.Combine(dir, "psql"))) return Path.Combine(dir, "psql");
        return ProcessRunner.Which("psql");
    }

    /// <summary>psql's merged stdout and stderr for <paramref name="scriptPath"/>, and its exit code.</summary>
    public static (string Output, int ExitCode) Run(string scriptPath)
    {
        if (PsqlPath is null) throw new InvalidOperationException(UnavailableReason);
        using var server = new PgServer(Database.OpenInMemory(), new IPEndPoint(IPAddress.Loopback, 0));
        server.Start();
        var env = new Dictionary<string, string>
        {
            ["PGHOST"] = "127.0.0.1",
            ["PGPORT"] = server.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = "postgres",
            ["PGTZ"] = "UTC",
            ["PGDATESTYLE"] = "ISO, MDY",
            ["LC_MESSAGES"] = "C",
            ["PGCLIENTENCODING"] = "UTF8",
            ["PSQLRC"] = "/dev/null",
            ["PGAPPNAME"] = "tenon-differential",
            ["PGSSLMODE"] = "prefer",
        };
        string[] unset = ["LANGUAGE", "LC_ALL", "PGOPTIONS", "PGDATABASE", "PGSERVICE", "PGSERVICEFILE", "PGPASSWORD",
            "PGPASSFILE", "PGHOSTADDR", "PGCONNECT_TIMEOUT", "PGTARGETSESSIONATTRS", "PGREQUIRESSL", "PSQL_PAGER", "PAGER",
            "PSQL_HISTORY", "COLUMNS"];
        var result = ProcessRunner.Run(
            "/bin/sh",
            ["-c", "exec \"$0\" \"$@\" 2>&1", PsqlPath, "-X", "-a", "-q", "-v", "ON_ERROR_STOP=0", "-d", "postgres", "-f", scriptPath],
            set: env, unset: unset, timeout: TimeSpan.FromMinutes(2), workingDirectory: Path.GetDirectoryName(scriptPath));
        if (result.TimedOut) throw new TimeoutException(result.Describe($"psql -f {scriptPath} against tenon's server"));
        return (result.StdOut, result.ExitCode);
    }
}
