using System.Net;
using System.Net.Sockets;
using Npgsql;
using Tenon.Server;

namespace Tenon.Tests.Server;

/// <summary>The optional Unix-domain socket: found by clients the way PostgreSQL's is, served like TCP, trusted as local.</summary>
public sealed class UnixSocketTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tenon-sock-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Npgsql_given_the_directory_as_host_runs_prepared_statements_and_the_file_goes_with_the_server()
    {
        string path;
        using (var server = new TestServer(new PgServerOptions { UnixSocketDirectory = _dir }))
        {
            path = server.Server.UnixSocketPath!;
            Assert.Equal(Path.Combine(_dir, $".s.PGSQL.{server.Port}"), path);
            Assert.True(File.Exists(path));
            using var c = new NpgsqlConnection(
                $"Host={_dir};Port={server.Port};Username=tester;Database=postgres;Server Compatibility Mode=NoTypeLoading;Pooling=false;Timeout=10");
            c.Open();
            using (var create = new NpgsqlCommand("CREATE TABLE u (id int PRIMARY KEY, v text); INSERT INTO u SELECT g, 'v' || g FROM generate_series(1, 50) g", c))
                create.ExecuteNonQuery();
            using var cmd = new NpgsqlCommand("SELECT v FROM u WHERE id = $1", c);
            cmd.Parameters.Add(new NpgsqlParameter { Value = 0 });
            cmd.Prepare();
            for (var i = 1; i <= 50; i++)
            {
                cmd.Parameters[0].Value = i;
                Assert.Equal($"v{i}", cmd.ExecuteScalar());
            }
            // The same server, also over TCP.
            using var tcp = new NpgsqlConnection(server.ConnectionString);
            tcp.Open();
            using var count = new NpgsqlCommand("SELECT count(*) FROM u", tcp);
            Assert.Equal(50L, count.ExecuteScalar());
        }
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_socket_file_left_behind_is_replaced_and_one_still_served_is_refused()
    {
        using var first = new TestServer(new PgServerOptions { UnixSocketDirectory = _dir });
        // Another loopback address may use the same port number, and so the same socket name.
        using (var twin = new PgServer(Database.OpenInMemory(), new IPEndPoint(IPAddress.Parse("127.0.0.2"), first.Port),
                   new PgServerOptions { UnixSocketDirectory = _dir }))
            Assert.Throws<IOException>(twin.Start);
        Assert.True(File.Exists(first.Server.UnixSocketPath));

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var free = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var stale = Path.Combine(_dir, $".s.PGSQL.{free}");
        File.WriteAllText(stale, "");
        using var second = new PgServer(Database.OpenInMemory(), new IPEndPoint(IPAddress.Loopback, free),
            new PgServerOptions { UnixSocketDirectory = _dir });
        second.Start();
        using var c = new NpgsqlConnection(
            $"Host={_dir};Port={free};Username=tester;Database=postgres;Server Compatibility Mode=NoTypeLoading;Pooling=false;Timeout=10");
        c.Open();
        using var cmd = new NpgsqlCommand("SELECT 1", c);
        Assert.Equal(1, cmd.ExecuteScalar());
    }
}
