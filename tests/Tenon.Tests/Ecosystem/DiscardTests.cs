using Npgsql;
using Tenon.Tests.Server;
using static Tenon.Tests.Server.RawClient;

namespace Tenon.Tests.Ecosystem;

/// <summary>
/// DISCARD ALL over the wire: what Npgsql's pool sends before handing out a reused connection.
/// It must drop the connection's named statements and portals and reset its settings to the
/// values of the connection request, as PostgreSQL does.
/// </summary>
public sealed class DiscardTests : IDisposable
{
    private readonly TestServer _server = new();

    public void Dispose() => _server.Dispose();

    private static byte[] Query(string sql) => Message('Q', CStr(sql));

    [Fact]
    public void Discard_all_drops_named_statements_and_reports_reset_parameters()
    {
        using var c = new RawClient(_server.Port);
        c.Send(StartupPacket(3 << 16, ("user", "raw"), ("database", "postgres"), ("application_name", "pool"),
            ("options", "-c extra_float_digits=2")));
        Assert.Equal('Z', c.ReadUntilReady()[^1].Type);

        c.Send(Message('P', CStr("s1"), CStr("SELECT 1"), I16(0)), Message('S'));
        Assert.Equal(['1', 'Z'], c.ReadUntilReady().Select(m => m.Type));

        c.Send(Query("SET application_name = 'changed'"));
        Assert.Contains(c.ReadUntilReady(), m => m.Type == 'S' && m.Text == "application_name\0changed");

        c.Send(Query("DISCARD ALL"));
        var answer = c.ReadUntilReady();
        Assert.Contains(answer, m => m.Type == 'C' && m.Text == "DISCARD ALL");
        // Back to the startup value, not to the built-in default, and the client is told.
        Assert.Contains(answer, m => m.Type == 'S' && m.Text == "application_name\0pool");

        c.Send(Query("SHOW extra_float_digits"));
        Assert.Contains(c.ReadUntilReady(), m => m.Type == 'D' && m.Text.EndsWith("2", StringComparison.Ordinal));

        c.Send(Message('B', CStr(""), CStr("s1"), I16(0), I16(0), I16(0)), Message('S'));
        var bind = c.ReadUntilReady();
        Assert.Equal('E', bind[0].Type);
        Assert.Equal("26000", bind[0].Fields()['C']);
        Assert.Equal("prepared statement \"s1\" does not exist", bind[0].Fields()['M']);
    }

    [Fact]
    public void Discard_all_inside_a_block_is_25001_and_keeps_the_statements()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        c.Send(Message('P', CStr("s1"), CStr("SELECT 1"), I16(0)), Message('S'));
        c.ReadUntilReady();
        c.Send(Query("BEGIN; DISCARD ALL"));
        var answer = c.ReadUntilReady();
        Assert.Equal("25001", answer.Single(m => m.Type == 'E').Fields()['C']);
        Assert.Equal("E", answer[^1].Text);
        c.Send(Query("ROLLBACK"));
        c.ReadUntilReady();
        c.Send(Message('B', CStr(""), CStr("s1"), I16(0), I16(0), I16(0)), Message('E', CStr(""), I32(0)), Message('S'));
        Assert.Equal(['2', 'D', 'C', 'Z'], c.ReadUntilReady().Select(m => m.Type));
    }

    [Fact]
    public void Npgsql_pool_reuses_connections_with_its_default_reset()
    {
        using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={_server.Port};Username=tester;Database=postgres;Timeout=10");
        using (var c = dataSource.OpenConnection())
        {
            using var cmd = new NpgsqlCommand("CREATE TEMP TABLE scratch (x int); CREATE SEQUENCE seq; SELECT nextval('seq')", c);
            Assert.Equal(1L, cmd.ExecuteScalar());
        }
        for (var i = 0; i < 3; i++)
        {
            using var c = dataSource.OpenConnection();
            // The reset dropped the temporary table and forgot currval.
            using var probe = new NpgsqlCommand("SELECT count(*) FROM pg_class WHERE relname = 'scratch'", c);
            Assert.Equal(0L, probe.ExecuteScalar());
            using var currval = new NpgsqlCommand("SELECT currval('seq')", c);
            Assert.Equal("55000", Assert.Throws<PostgresException>(() => currval.ExecuteScalar()).SqlState);
        }
    }

    [Fact]
    public void Npgsql_reset_of_a_connection_with_prepared_statements_keeps_them()
    {
        // With a prepared statement, Npgsql resets with SET SESSION AUTHORIZATION DEFAULT; RESET ALL;
        // CLOSE ALL; UNLISTEN *; SELECT pg_advisory_unlock_all(); DISCARD SEQUENCES; DISCARD TEMP, and
        // binds its prepared statement again right after: it must still exist.
        using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={_server.Port};Username=tester;Database=postgres;Timeout=10");
        for (var i = 0; i < 3; i++)
        {
            using var c = dataSource.OpenConnection();
            using var cmd = new NpgsqlCommand("SELECT $1 + 1", c);
            cmd.Parameters.Add(new NpgsqlParameter { Value = i });
            cmd.Prepare();
            Assert.Equal(i + 1, cmd.ExecuteScalar());
        }
    }
}
