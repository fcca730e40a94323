using System.Net;
using Tenon.Server;

namespace Tenon.Tests.Server;

/// <summary>A <see cref="PgServer"/> over a fresh in-memory database on a free loopback port, in process.</summary>
internal sealed class TestServer : IDisposable
{
    public TestServer(PgServerOptions? options = null)
    {
        Database = Database.OpenInMemory();
        Server = new PgServer(Database, new IPEndPoint(IPAddress.Loopback, 0), options);
        Server.Start();
    }

    /// <summary>A server over given databases (a data directory's, say); the caller disposes them after the server.</summary>
    public TestServer(DatabaseRegistry databases, PgServerOptions? options = null)
    {
        Database = databases.Find(DatabaseRegistry.DefaultName)!;
        Server = new PgServer(databases, new IPEndPoint(IPAddress.Loopback, 0), options);
        Server.Start();
    }

    public Database Database { get; }
    public PgServer Server { get; }
    public int Port => Server.LocalEndPoint.Port;

    /// <summary>
    /// Npgsql without type loading and without pooling: the protocol tests keep to the plainest
    /// path. Npgsql's default settings (type loading from pg_catalog, pooled resets with DISCARD ALL)
    /// are tested in tests/Tenon.Tests/Ecosystem.
    /// </summary>
    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=tester;Database=postgres;Server Compatibility Mode=NoTypeLoading;" +
        "Pooling=false;Include Error Detail=true;Timeout=10;Command Timeout=30";

    public void Dispose() => Server.Dispose();
}
