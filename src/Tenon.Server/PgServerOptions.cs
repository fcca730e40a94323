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

    /// <summary>
    /// User names and their passwords: plain text, or as PostgreSQL stores them (<c>md5…</c> or
    /// <c>SCRAM-SHA-256$…</c>). When there are any, every client must log in as one of them.
    /// </summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// How clients authenticate. Null (the default) means SCRAM-SHA-256 when <see cref="Users"/> has
    /// entries, and otherwise trust for loopback clients only (others are refused as by a
    /// pg_hba.conf without an entry for them). <see cref="PgAuthMethod.Trust"/> admits every client.
    /// </summary>
    public PgAuthMethod? Authentication { get; init; }

    /// <summary>
    /// A directory in which to listen also on a Unix-domain socket, <c>.s.PGSQL.PORT</c> as PostgreSQL
    /// names it (PORT: the TCP port), for clients on this machine (Npgsql: <c>Host=DIR</c>). Clients
    /// connecting through it count as local, like loopback ones. Null: TCP only.
    /// </summary>
    public string? UnixSocketDirectory { get; init; }

    /// <summary>How long DROP DATABASE waits for the database's other connections to close (PostgreSQL: 5 seconds).</summary>
    public TimeSpan DropDatabaseWait { get; init; } = TimeSpan.FromSeconds(5);
}
