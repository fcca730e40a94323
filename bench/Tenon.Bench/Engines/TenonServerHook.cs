namespace Tenon.Bench.Engines;

/// <summary>
/// The hook for "Tenon server via Npgsql": Tenon's PostgreSQL wire-protocol server
/// (src/Tenon.Server, <c>tenon serve</c>) measured through the same client path as PostgreSQL.
/// The benchmark does not start the server itself (its command line is not settled yet): start it,
/// then pass <c>--tenon-server 127.0.0.1:PORT</c>. Without that option the engine is skipped with a note.
/// </summary>
public static class TenonServerHook
{
    public const string Name = "Tenon server";
    public const string ProjectPath = "src/Tenon.Server/Tenon.Server.csproj";

    public static (string Name, Func<IBenchDb>? Open, string? Skipped) Engine(string? endpoint, string? repoRoot)
    {
        if (endpoint is null)
        {
            var present = repoRoot is not null && File.Exists(Path.Combine(repoRoot, ProjectPath));
            return (Name, null, present
                ? $"{ProjectPath} exists: start `tenon serve` and pass --tenon-server 127.0.0.1:PORT to measure it"
                : $"{ProjectPath} is not in this tree yet (the wire server is being built)");
        }
        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(endpoint.AsSpan(colon + 1), out var port))
            throw new ArgumentException($"--tenon-server wants HOST:PORT, not {endpoint}");
        // NoTypeLoading: Npgsql does not query pg_type at connect, which a young server may not serve.
        var cs = $"Host={endpoint[..colon]};Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=60;" +
                 "Command Timeout=0;Server Compatibility Mode=NoTypeLoading";
        return (Name, () => new NpgsqlDb(Name, cs, durable: false), null);
    }
}
