using System.Net;
using Tenon.Server;

namespace Tenon.Bench.Engines;

/// <summary>
/// "Tenon server via Npgsql": Tenon's PostgreSQL wire-protocol server measured through the same
/// client path as PostgreSQL. Without <c>--tenon-server HOST:PORT</c> the benchmark starts the
/// server in this process on a free loopback port (an in-memory database), which is what
/// <c>tenon serve</c> runs; with it, it measures a server you started yourself.
/// </summary>
public static class TenonServerHook
{
    public const string Name = "Tenon server";

    private static PgServer? _server;

    public static (string Name, Func<IBenchDb>? Open, string? Skipped) Engine(string? endpoint, string? repoRoot)
    {
        string host;
        int port;
        if (endpoint is null)
        {
            _server ??= StartInProcess();
            host = "127.0.0.1";
            port = _server.LocalEndPoint.Port;
        }
        else
        {
            var colon = endpoint.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(endpoint.AsSpan(colon + 1), out port))
                throw new ArgumentException($"--tenon-server wants HOST:PORT, not {endpoint}");
            host = endpoint[..colon];
        }
        // NoTypeLoading: Tenon does not serve pg_type yet, which Npgsql reads at connect by default.
        var cs = $"Host={host};Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=60;" +
                 "Command Timeout=0;Server Compatibility Mode=NoTypeLoading";
        return (Name, () => new NpgsqlDb(Name, cs, durable: false), null);
    }

    private static PgServer StartInProcess()
    {
        var server = new PgServer(Database.OpenInMemory(), new IPEndPoint(IPAddress.Loopback, 0));
        server.Start();
        return server;
    }
}
