using System.Net;
using Tenon.Server;

namespace Tenon.Bench.Engines;

/// <summary>
/// "Tenon server via Npgsql": Tenon's PostgreSQL wire-protocol server measured through the same
/// client path as PostgreSQL. Without <c>--tenon-server HOST:PORT</c> the benchmark starts the
/// server itself, in this process, on a free loopback port (what <c>tenon serve</c> runs), over a
/// file database with synchronous = full in /tmp, so that it is durable as the PostgreSQL it is
/// compared with (and runs W9); with the option it measures a server you started yourself.
/// </summary>
public static class TenonServerHook
{
    public const string Name = "Tenon server";

    private static PgServer? _server;
    private static Database? _database;
    private static string? _file;

    public static (string Name, Func<IBenchDb>? Open, string? Skipped) Engine(string? endpoint, string? repoRoot)
    {
        string host;
        int port;
        var durable = false;
        if (endpoint is null)
        {
            _server ??= StartInProcess();
            host = "127.0.0.1";
            port = _server.LocalEndPoint.Port;
            durable = true;
        }
        else
        {
            var colon = endpoint.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(endpoint.AsSpan(colon + 1), out port))
                throw new ArgumentException($"--tenon-server wants HOST:PORT, not {endpoint}");
            host = endpoint[..colon];
        }
        // NoTypeLoading: Tenon does not serve all of pg_type, which Npgsql reads at connect by default.
        var cs = $"Host={host};Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=60;" +
                 "Command Timeout=0;Server Compatibility Mode=NoTypeLoading";
        return (Name, () => new NpgsqlDb(Name, cs, durable), null);
    }

    /// <summary>Where the in-process server keeps its database, for the report.</summary>
    public static string Describe => "in process on a loopback port, file database in /tmp with synchronous = full";

    private static PgServer StartInProcess()
    {
        var directory = Path.Combine("/tmp", "tenon-bench-server");
        Directory.CreateDirectory(directory);
        _file = Path.Combine(directory, $"bench-{Guid.NewGuid():N}.tenon");
        _database = Database.Open(_file, new DatabaseOptions { Synchronous = SynchronousMode.Full });
        var server = new PgServer(_database, new IPEndPoint(IPAddress.Loopback, 0));
        server.Start();
        return server;
    }

    /// <summary>Stops the in-process server (if one was started) and removes its database files.</summary>
    public static void Stop()
    {
        _server?.Stop();
        _server = null;
        _database?.Close(checkpoint: false);
        _database = null;
        if (_file is null) return;
        foreach (var f in new[] { _file, _file + "-wal", _file + "-lock" })
            if (File.Exists(f)) File.Delete(f);
        _file = null;
    }
}
