using System.Globalization;
using Tenon.Tests.Differential;
using Tenon.Tests.Server;

namespace Tenon.Tests.Clients;

/// <summary>
/// Runs a client program written for PostgreSQL (node-postgres, psycopg2/SQLAlchemy, ActiveRecord)
/// against a fresh <c>tenon serve</c> on a free loopback port. The program reads libpq's PGHOST,
/// PGPORT, PGUSER and PGDATABASE, prints one line per check and ends with "all N checks passed";
/// any other ending fails the test with everything it printed.
/// </summary>
internal static class ClientRunner
{
    public static string ClientsDirectory => Path.Combine(SqlScripts.RepositoryRoot, "tests", "clients");

    /// <summary>
    /// Fails (never skips) when a client is not installed: <paramref name="install"/> says how
    /// .ci/run installs it.
    /// </summary>
    public static void Require(bool present, string what, string install)
    {
        if (!present)
            Assert.Fail($"{what} is not installed; .ci/run installs it with: {install}");
    }

    public static string Run(string fileName, IEnumerable<string> args, string workingDirectory, int minimumChecks)
    {
        using var server = new TestServer();
        var env = new Dictionary<string, string>
        {
            ["PGHOST"] = "127.0.0.1",
            ["PGPORT"] = server.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = "tenon",
            ["PGDATABASE"] = "postgres",
            ["PGTZ"] = "UTC",
            ["LC_ALL"] = "C.UTF-8",
        };
        string[] unset = ["PGPASSWORD", "PGPASSFILE", "PGSERVICE", "PGSERVICEFILE", "PGOPTIONS", "PGSSLMODE", "PGHOSTADDR",
            "DATABASE_URL", "RUBYOPT", "PYTHONPATH", "PYTHONHOME", "NODE_OPTIONS"];
        var result = ProcessRunner.Run(fileName, args, env, unset, TimeSpan.FromMinutes(3), workingDirectory);
        var what = $"{fileName} {string.Join(' ', args)} against tenon serve on port {server.Port}";
        if (result.TimedOut || result.ExitCode != 0) Assert.Fail(result.Describe(what));
        var last = result.StdOut.TrimEnd().Split('\n')[^1];
        var expected = $"all {minimumChecks}";
        if (!last.StartsWith("all ", StringComparison.Ordinal) || !last.EndsWith(" checks passed", StringComparison.Ordinal)
            || int.Parse(last.Split(' ')[1], CultureInfo.InvariantCulture) < minimumChecks)
            Assert.Fail($"{what} did not end with \"{expected} checks passed\" (or more)\n" + result.Describe(what));
        return result.StdOut;
    }
}
