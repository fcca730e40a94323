using System.Diagnostics;
using System.Net;
using Tenon.Server;

namespace Tenon.Conformance;

/// <summary>
/// Runs the tests exactly as pg_regress does, with PostgreSQL 15's psql, against Tenon's wire
/// server: each test gets a fresh server (so a fresh database) on a free loopback port.
/// </summary>
public sealed class WireBackend : IRegressBackend
{
    private readonly string _psql;

    public WireBackend(string? psqlPath = null)
    {
        _psql = psqlPath ?? FindPsql() ?? throw new FileNotFoundException("psql (PostgreSQL 15's client) was not found; install postgresql-client-15");
    }

    public string Description => "PostgreSQL 15's psql against `tenon serve` (psql -X -a -q -d regression < FILE)";

    public static string? FindPsql()
    {
        const string pg15 = "/usr/lib/postgresql/15/bin/psql";
        if (File.Exists(pg15)) return pg15;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "psql");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public string Run(RegressCorpus corpus, string name, IReadOnlyList<string> setup, string script)
    {
        using var server = new PgServer(Database.OpenInMemory(), new IPEndPoint(IPAddress.Loopback, 0));
        server.Start();
        // pg_regress runs every test in a database of its own called regression.
        server.Databases.Create("regression");
        var port = server.LocalEndPoint.Port;
        foreach (var pre in setup) RunPsql(corpus, name, port, File.ReadAllText(corpus.ScriptPath(pre)));
        return RunPsql(corpus, name, port, script);
    }

    private string RunPsql(RegressCorpus corpus, string name, int port, string input)
    {
        // psql's 2>&1 through the shell: one pipe keeps errors in order with results.
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-c", "exec \"$0\" \"$@\" 2>&1", _psql, "-X", "-a", "-q", "-d", "regression", "-v", "HIDE_TABLEAM=on", "-v", "HIDE_TOAST_COMPRESSION=on" })
            start.ArgumentList.Add(arg);
        // pg_regress's environment, and nothing of the caller's that would change psql's behaviour.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal) || k is "LANGUAGE" or "LC_ALL").ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in corpus.Environment(name)) start.Environment[key] = value;
        start.Environment["PGHOST"] = "127.0.0.1";
        start.Environment["PGPORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = "postgres";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start psql");
        var reader = Task.Run(() => process.StandardOutput.ReadToEnd());
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = reader.Result;
        process.WaitForExit();
        return output;
    }
}
