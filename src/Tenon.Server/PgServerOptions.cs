namespace Tenon.Server;

/// <summary>Limits and identity of a <see cref="PgServer"/>.</summary>
public sealed record PgServerOptions
{
    /// <summary>Connections beyond this many are refused with 53300, like PostgreSQL's max_connections.</summary>
    public int MaxConnections { get; init; } = 100;

    /// <summary>Largest Query/Parse/Bind message accepted (PostgreSQL allows 1 GB); longer ones drop the connection.</summary>
    public int MaxMessageBytes { get; init; } = 64 << 20;

    /// <summary>How long a client may take to send its startup packet (PostgreSQL's authentication_timeout).</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The server_version reported in ParameterStatus (clients parse the leading number).</summary>
    public string ServerVersion { get; init; } = "15.18";
}
