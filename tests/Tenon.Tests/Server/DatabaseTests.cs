using Npgsql;
using Tenon.Errors;
using Tenon.Server;
using static Tenon.Tests.Server.RawClient;

namespace Tenon.Tests.Server;

/// <summary>Databases by name over the wire: CREATE/DROP DATABASE, connecting to them, and PostgreSQL's errors.</summary>
public sealed class DatabaseTests : DatabaseServerTests
{
    [Fact]
    public void Created_database_is_separate_and_can_be_connected_to_then_dropped()
    {
        using var main = Open();
        Scalar(main, "CREATE TABLE t (x int)");
        Scalar(main, "CREATE DATABASE app");
        Assert.True(TestServer.Server.Databases.Exists("app"));
        using (var app = Open("app"))
        {
            Assert.Equal("app", Scalar(app, "SELECT current_database()"));
            Assert.Equal("app", Scalar(app, "SELECT current_catalog"));
            Assert.Equal("42P01", Fails(app, "SELECT * FROM t").SqlState);
            Scalar(app, "CREATE TABLE t (y text)");
            Scalar(app, "INSERT INTO t VALUES ('in app')");
        }
        Assert.Equal(0L, Scalar(main, "SELECT count(*) FROM t"));
        Assert.Equal("postgres", Scalar(main, "SELECT current_database()"));
        Scalar(main, "DROP DATABASE app");
        Assert.False(TestServer.Server.Databases.Exists("app"));
        var e = Assert.Throws<PostgresException>(() => Open("app"));
        Assert.Equal(("FATAL", "3D000", "database \"app\" does not exist"), (e.Severity, e.SqlState, e.MessageText));
    }

    [Fact]
    public void Errors_are_PostgreSQLs()
    {
        using var c = Open();
        Scalar(c, "CREATE DATABASE d1");
        var dup = Fails(c, "CREATE DATABASE d1");
        Assert.Equal(("42P04", "database \"d1\" already exists"), (dup.SqlState, dup.MessageText));
        var missing = Fails(c, "DROP DATABASE nosuch");
        Assert.Equal(("3D000", "database \"nosuch\" does not exist"), (missing.SqlState, missing.MessageText));
        var own = Fails(c, "DROP DATABASE postgres");
        Assert.Equal(("55006", "cannot drop the currently open database"), (own.SqlState, own.MessageText));
        var template = Fails(c, "CREATE DATABASE d2 TEMPLATE nosuch");
        Assert.Equal(("3D000", "template database \"nosuch\" does not exist"), (template.SqlState, template.MessageText));
        Assert.Equal("42601", Fails(c, "CREATE DATABASE d2 WITH bogus = 1").SqlState);
        Assert.Equal("0A000", Fails(c, "CREATE DATABASE d2 ENCODING 'LATIN1'").SqlState);
        Scalar(c, "CREATE DATABASE d2 WITH TEMPLATE = template0 ENCODING 'UTF8' OWNER tester");

        using (var tx = c.BeginTransaction())
        {
            var inBlock = Fails(c, "CREATE DATABASE d3");
            Assert.Equal(("25001", "CREATE DATABASE cannot run inside a transaction block"), (inBlock.SqlState, inBlock.MessageText));
        }
        using (var tx = c.BeginTransaction())
            Assert.Equal("DROP DATABASE cannot run inside a transaction block", Fails(c, "DROP DATABASE d1").MessageText);
        Assert.True(TestServer.Server.Databases.Exists("d1"));
    }

    [Fact]
    public void Drop_if_exists_of_a_missing_database_is_a_notice()
    {
        using var c = Open();
        var notices = new List<PostgresNotice>();
        c.Notice += (_, e) => notices.Add(e.Notice);
        Scalar(c, "DROP DATABASE IF EXISTS nosuch");
        var n = Assert.Single(notices);
        Assert.Equal(("NOTICE", "00000", "database \"nosuch\" does not exist, skipping"), (n.Severity, n.SqlState, n.MessageText));
    }

    [Fact]
    public void Database_in_use_cannot_be_dropped_until_its_sessions_leave()
    {
        using var c = Open();
        Scalar(c, "CREATE DATABASE busy");
        var user = Open("busy");
        var e = Fails(c, "DROP DATABASE busy");
        Assert.Equal(("55006", "database \"busy\" is being accessed by other users", "There is 1 other session using the database."),
            (e.SqlState, e.MessageText, e.Detail));
        using (Open("busy"))
            Assert.Equal("There are 2 other sessions using the database.", Fails(c, "DROP DATABASE busy").Detail);
        user.Dispose();
        Scalar(c, "DROP DATABASE busy");
    }

    [Fact]
    public void Multi_statement_query_is_a_transaction_block_for_CREATE_DATABASE()
    {
        using var c = new RawClient(TestServer.Port);
        c.Connect();
        c.Send(Message('Q', CStr("SELECT 1; CREATE DATABASE x")));
        var f = c.ReadUntilReady().Single(m => m.Type == 'E').Fields();
        Assert.Equal(("25001", "CREATE DATABASE cannot run inside a transaction block"), (f['C'], f['M']));
        Assert.False(TestServer.Server.Databases.Exists("x"));
    }

    [Fact]
    public void Unknown_database_at_startup_is_FATAL_3D000_after_authentication()
    {
        using var c = new RawClient(TestServer.Port);
        c.Send(StartupPacket(3 << 16, ("user", "someone"), ("database", "nosuch")));
        var msgs = c.ReadToEnd();
        Assert.Equal(['R', 'E'], msgs.Select(m => m.Type));
        var f = msgs[1].Fields();
        Assert.Equal(("FATAL", "3D000", "database \"nosuch\" does not exist"), (f['S'], f['C'], f['M']));
    }

    [Fact]
    public void Database_defaults_to_the_user_name()
    {
        using var c = new RawClient(TestServer.Port);
        c.Send(StartupPacket(3 << 16, ("user", "someone")));
        Assert.Equal("database \"someone\" does not exist", c.ReadToEnd()[^1].Fields()['M']);
        TestServer.Server.Databases.Create("someone");
        using var ok = new RawClient(TestServer.Port);
        ok.Send(StartupPacket(3 << 16, ("user", "someone")));
        Assert.Equal('Z', ok.ReadUntilReady()[^1].Type);
    }

    [Fact]
    public void Psql_creates_a_database_and_reconnects_to_it_with_backslash_c()
    {
        var (output, code) = ServerPsql.Run(TestServer.Port, """
            CREATE DATABASE other;
            \c other
            SELECT current_database();
            CREATE TABLE only_here (x int);
            \c postgres
            SELECT count(*) FROM only_here;
            DROP DATABASE other;
            \c other
            """);
        Assert.Equal(2, code); // a failed \c ends a script
        var lines = output.Split('\n');
        Assert.Equal(
            ["CREATE DATABASE other;", "CREATE DATABASE", "\\c other", "You are now connected to database \"other\" as user \"postgres\".",
             "SELECT current_database();", " current_database ", "------------------", " other", "(1 row)", ""],
            lines[..10]);
        Assert.Contains("You are now connected to database \"postgres\" as user \"postgres\".", output);
        Assert.Contains("ERROR:  relation \"only_here\" does not exist", output);
        Assert.Contains("\\connect: connection to server at \"127.0.0.1\"", output);
        Assert.Contains("FATAL:  database \"other\" does not exist", output);
    }

    [Fact]
    public void In_process_session_without_a_cluster_refuses_CREATE_DATABASE()
    {
        using var s = Database.OpenInMemory().CreateSession();
        var e = Assert.Throws<TenonException>(() => s.ExecuteSingle("CREATE DATABASE x"));
        Assert.Equal("0A000", e.SqlState);
        Assert.Equal("CREATE DATABASE is only available through tenon serve: this session serves a single database", e.MessageText);
        Assert.Equal("postgres", s.ExecuteSingle("SELECT current_database()").Rows[0][0]);
    }
}
