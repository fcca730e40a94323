using System.Globalization;
using Tenon.Tests.Differential;

namespace Tenon.Tests.Server;

/// <summary>Runs psql 15 against a test server with a script on stdin, as a user typing at it would (psql -X -a, not quiet).</summary>
internal static class ServerPsql
{
    public static (string Output, int ExitCode) Run(int port, string script, string user = "postgres", string database = "postgres",
        string? password = null)
    {
        if (WirePsql.PsqlPath is null) Assert.Fail(WirePsql.UnavailableReason);
        var file = Path.Combine(Path.GetTempPath(), $"tenon-psql-{Guid.NewGuid():N}.sql");
        File.WriteAllText(file, script);
        try
        {
            var env = new Dictionary<string, string>
            {
                ["PGHOST"] = "127.0.0.1",
                ["PGPORT"] = port.ToString(CultureInfo.InvariantCulture),
                ["LC_MESSAGES"] = "C",
                ["PSQLRC"] = "/dev/null",
                ["PGCONNECT_TIMEOUT"] = "10",
            };
            if (password is not null) env["PGPASSWORD"] = password;
            var result = ProcessRunner.Run("/bin/sh",
                ["-c", "exec \"$0\" \"$@\" 2>&1", WirePsql.PsqlPath!, "-X", "-a", "-w", "-U", user, "-d", database, "-f", file],
                set: env, unset: ["PGPASSWORD", "PGPASSFILE", "PGOPTIONS", "PGDATABASE", "PGUSER", "PGSERVICE", "LANGUAGE", "LC_ALL"],
                timeout: TimeSpan.FromMinutes(1));
            if (result.TimedOut) throw new TimeoutException(result.Describe("psql against tenon's server"));
            return (result.StdOut, result.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
