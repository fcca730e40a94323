using static Tenon.Tests.Server.RawClient;

namespace Tenon.Tests.Server;

/// <summary>
/// Raw-socket protocol tests: the handshake and malformed input, answered as PostgreSQL 15 answers
/// them (checked against a real server), without disturbing other connections.
/// </summary>
public sealed class ProtocolTests : IDisposable
{
    private readonly TestServer _server = new();

    public void Dispose() => _server.Dispose();

    private static byte[] Query(string sql) => Message('Q', CStr(sql));

    /// <summary>A fresh connection still runs a query: the server survived whatever came before.</summary>
    private void AssertServerStillServes()
    {
        using var c = new RawClient(_server.Port);
        Assert.Equal('Z', c.Connect()[^1].Type);
        c.Send(Query("SELECT 41 + 1"));
        var answer = c.ReadUntilReady();
        Assert.Equal(['T', 'D', 'C', 'Z'], answer.Select(m => m.Type));
        Assert.Equal("SELECT 1", answer[2].Text);
    }

    [Fact]
    public void Startup_sends_PostgreSQL_15_parameters_key_data_and_ready()
    {
        using var c = new RawClient(_server.Port);
        c.Send(StartupPacket(3 << 16, ("user", "alice"), ("database", "postgres"), ("application_name", "probe"),
            ("options", "-c DateStyle=German,DMY")));
        var msgs = c.ReadUntilReady();
        Assert.Equal('R', msgs[0].Type);
        Assert.Equal([0, 0, 0, 0], msgs[0].Body);
        var status = msgs.Where(m => m.Type == 'S').Select(m => m.Text.Split('\0')).ToDictionary(p => p[0], p => p[1]);
        Assert.StartsWith("15.", status["server_version"]);
        Assert.Equal("UTF8", status["server_encoding"]);
        Assert.Equal("UTF8", status["client_encoding"]);
        Assert.Equal("German, DMY", status["DateStyle"]);
        Assert.Equal("postgres", status["IntervalStyle"]);
        Assert.Equal("on", status["integer_datetimes"]);
        Assert.Equal("on", status["standard_conforming_strings"]);
        Assert.Equal("probe", status["application_name"]);
        Assert.Equal("alice", status["session_authorization"]);
        Assert.Equal("off", status["in_hot_standby"]);
        Assert.Equal("off", status["default_transaction_read_only"]);
        Assert.Contains("TimeZone", status.Keys);
        Assert.Equal(13, status.Count);
        Assert.Equal('K', msgs[^2].Type);
        Assert.Equal("I", msgs[^1].Text);
    }

    [Fact]
    public void SslRequest_and_GssEncRequest_are_answered_N_then_startup_proceeds()
    {
        using var c = new RawClient(_server.Port);
        c.Send([0, 0, 0, 8, 4, 210, 22, 47]); // SSLRequest 80877103
        Assert.Equal('N', c.ReadByte());
        c.Send([0, 0, 0, 8, 4, 210, 22, 48]); // GSSENCRequest 80877104
        Assert.Equal('N', c.ReadByte());
        Assert.Equal('Z', c.Connect()[^1].Type);
    }

    [Fact]
    public void Unsupported_protocol_version_is_FATAL_0A000()
    {
        using var c = new RawClient(_server.Port);
        c.Send(StartupPacket(4 << 16, ("user", "x")));
        var msgs = c.ReadToEnd();
        var f = Assert.Single(msgs).Fields();
        Assert.Equal("FATAL", f['S']);
        Assert.Equal("0A000", f['C']);
        Assert.Equal("unsupported frontend protocol 4.0: server supports 3.0 to 3.0", f['M']);
    }

    [Fact]
    public void Minor_version_and_pq_options_get_NegotiateProtocolVersion()
    {
        using var c = new RawClient(_server.Port);
        c.Send(StartupPacket((3 << 16) | 1, ("user", "x"), ("database", "postgres"), ("_pq_.foo", "1")));
        var msgs = c.ReadUntilReady();
        Assert.Equal('v', msgs[0].Type);
        Assert.Equal([0, 3, 0, 0, 0, 0, 0, 1, .. CStr("_pq_.foo")], msgs[0].Body);
        Assert.Equal('Z', msgs[^1].Type);
    }

    [Fact]
    public void Missing_user_is_FATAL_28000()
    {
        using var c = new RawClient(_server.Port);
        c.Send(StartupPacket(3 << 16, ("database", "postgres")));
        var f = Assert.Single(c.ReadToEnd()).Fields();
        Assert.Equal(("FATAL", "28000", "no PostgreSQL user name specified in startup packet"), (f['S'], f['C'], f['M']));
    }

    [Fact]
    public void Startup_packet_over_10000_bytes_is_dropped_silently()
    {
        using var c = new RawClient(_server.Port);
        c.Send([0, 0, 0x4e, 0x20, 0, 3, 0, 0]);
        Assert.Empty(c.ReadToEnd());
        AssertServerStillServes();
    }

    [Fact]
    public void Unknown_message_type_is_FATAL_protocol_violation_and_others_keep_working()
    {
        using var other = new RawClient(_server.Port);
        other.Connect();
        using (var c = new RawClient(_server.Port))
        {
            c.Connect();
            c.Send(Message('Y', [1, 2, 3]));
            var f = Assert.Single(c.ReadToEnd()).Fields();
            Assert.Equal(("FATAL", "08P01", "invalid frontend message type 89"), (f['S'], f['C'], f['M']));
        }
        other.Send(Query("SELECT 1"));
        Assert.Equal('Z', other.ReadUntilReady()[^1].Type);
        AssertServerStillServes();
    }

    [Fact]
    public void Impossible_message_length_drops_the_connection()
    {
        using (var c = new RawClient(_server.Port))
        {
            c.Connect();
            c.Send([(byte)'Q', 0, 0, 0, 2]);
            Assert.Empty(c.ReadToEnd());
        }
        using (var c = new RawClient(_server.Port))
        {
            c.Connect();
            c.Send([(byte)'S', 0, 0, 0x4e, 0x24]); // Sync longer than the 10000-byte limit
            Assert.Empty(c.ReadToEnd());
        }
        AssertServerStillServes();
    }

    [Fact]
    public void Query_without_terminator_is_an_ERROR_and_the_connection_goes_on()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        c.Send(Message('Q', "SELECT 1"u8.ToArray()));
        var msgs = c.ReadUntilReady();
        Assert.Equal(['E', 'Z'], msgs.Select(m => m.Type));
        Assert.Equal(("ERROR", "08P01", "invalid string in message"), (msgs[0].Fields()['S'], msgs[0].Fields()['C'], msgs[0].Fields()['M']));
        c.Send(Query("SELECT 1"));
        Assert.Equal(['T', 'D', 'C', 'Z'], c.ReadUntilReady().Select(m => m.Type));
    }

    [Fact]
    public void Truncated_extended_message_errors_then_everything_up_to_Sync_is_skipped()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        c.Send(Message('P', CStr(""), CStr("SELECT 1"), [0]), // parameter count cut in half
            Message('B', CStr(""), CStr(""), I16(0), I16(0), I16(0)),
            Message('E', CStr(""), I32(0)),
            Message('S'));
        var msgs = c.ReadUntilReady();
        Assert.Equal(['E', 'Z'], msgs.Select(m => m.Type));
        Assert.Equal("insufficient data left in message", msgs[0].Fields()['M']);
        Assert.Equal("I", msgs[1].Text);
    }

    [Fact]
    public void Bind_with_wrong_parameter_count_is_08P01()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        c.Send(Message('P', CStr(""), CStr("SELECT $1::int"), I16(0)),
            Message('B', CStr(""), CStr(""), I16(0), I16(0), I16(0)),
            Message('S'));
        var msgs = c.ReadUntilReady();
        Assert.Equal(['1', 'E', 'Z'], msgs.Select(m => m.Type));
        Assert.Equal("bind message supplies 0 parameters, but prepared statement \"\" requires 1", msgs[1].Fields()['M']);
    }

    [Fact]
    public void Empty_query_gives_EmptyQueryResponse()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        c.Send(Query("  ;  "));
        Assert.Equal(['I', 'Z'], c.ReadUntilReady().Select(m => m.Type));
    }

    [Fact]
    public void Several_statements_in_one_Query_answer_in_order_and_stop_at_the_first_error()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        c.Send(Query("CREATE TABLE t (a int); INSERT INTO t VALUES (1), (2); SELECT a FROM t ORDER BY a; SELECT 1/0; SELECT 5"));
        var msgs = c.ReadUntilReady();
        Assert.Equal(['C', 'C', 'T', 'D', 'D', 'C', 'E', 'Z'], msgs.Select(m => m.Type));
        Assert.Equal("INSERT 0 2", msgs[1].Text);
        Assert.Equal("22012", msgs[6].Fields()['C']);
        // One implicit transaction: the error rolled back the CREATE TABLE too, as in PostgreSQL.
        c.Send(Query("SELECT * FROM t"));
        Assert.Equal("42P01", c.ReadUntilReady()[0].Fields()['C']);
    }

    [Fact]
    public void Error_fields_carry_position_detail_and_constraint()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        c.Send(Query("CREATE TABLE k (id int PRIMARY KEY); INSERT INTO k VALUES (1)"));
        c.ReadUntilReady();
        c.Send(Query("INSERT INTO k VALUES (1)"));
        var f = c.ReadUntilReady()[0].Fields();
        Assert.Equal("23505", f['C']);
        Assert.Equal("Key (id)=(1) already exists.", f['D']);
        Assert.Equal("k_pkey", f['n']);
        Assert.Equal("k", f['t']);
        Assert.Equal("public", f['s']);
        c.Send(Query("SELECT nope FROM k"));
        f = c.ReadUntilReady()[0].Fields();
        Assert.Equal(("42703", "8"), (f['C'], f['P']));
    }

    [Fact]
    public void Ready_for_query_tracks_the_transaction_block()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        c.Send(Query("BEGIN"));
        Assert.Equal("T", c.ReadUntilReady()[^1].Text);
        c.Send(Query("SELECT 1/0"));
        Assert.Equal("E", c.ReadUntilReady()[^1].Text);
        c.Send(Query("COMMIT"));
        var msgs = c.ReadUntilReady();
        Assert.Equal("ROLLBACK", msgs[0].Text);
        Assert.Equal("I", msgs[^1].Text);
    }

    [Fact]
    public void A_rejected_insert_in_a_pipeline_answers_its_error_once_and_skips_to_Sync()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        c.Send(Query("""
            CREATE TABLE parent (id int PRIMARY KEY);
            CREATE TABLE child (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES parent (id), v int NOT NULL);
            INSERT INTO parent VALUES (1)
            """));
        c.ReadUntilReady();
        byte[] Bind(string value) => Message('B', CStr(""), CStr("ins"), I16(0), I16(1), I32(value.Length), System.Text.Encoding.UTF8.GetBytes(value), I16(0));
        c.Send(Message('P', CStr("ins"), CStr("INSERT INTO child (parent_id, v) VALUES ($1, 1)"), I16(1), I32(23)), Message('S'));
        Assert.Equal(['1', 'Z'], c.ReadUntilReady().Select(m => m.Type));

        void AssertRejected(BackendMessage m, string key)
        {
            var f = m.Fields();
            Assert.Equal(("ERROR", "ERROR", "23503"), (f['S'], f['V'], f['C']));
            Assert.Equal("insert or update on table \"child\" violates foreign key constraint \"child_parent_id_fkey\"", f['M']);
            Assert.Equal($"Key (parent_id)=({key}) is not present in table \"parent\".", f['D']);
            Assert.Equal(("public", "child", "child_parent_id_fkey"), (f['s'], f['t'], f['n']));
            Assert.False(f.ContainsKey('P'));
        }

        // Describe of the portal runs the statement: the error is reported there, Execute is skipped.
        c.Send(Bind("99"), Message('D', [(byte)'P'], CStr("")), Message('E', CStr(""), I32(0)), Message('S'));
        var msgs = c.ReadUntilReady();
        Assert.Equal(['2', 'E', 'Z'], msgs.Select(m => m.Type));
        AssertRejected(msgs[1], "99");
        Assert.Equal("I", msgs[^1].Text);

        c.Send(Bind("98"), Message('E', CStr(""), I32(0)), Bind("1"), Message('E', CStr(""), I32(0)), Message('S'));
        msgs = c.ReadUntilReady();
        Assert.Equal(['2', 'E', 'Z'], msgs.Select(m => m.Type));
        AssertRejected(msgs[1], "98");
        Assert.Equal("I", msgs[^1].Text);

        // Inside a block the block fails: the same portal name later meets 25P02.
        c.Send(Query("BEGIN"));
        c.ReadUntilReady();
        c.Send(Bind("1"), Message('E', CStr(""), I32(0)), Bind("97"), Message('E', CStr(""), I32(0)), Message('S'));
        msgs = c.ReadUntilReady();
        Assert.Equal(['2', 'C', '2', 'E', 'Z'], msgs.Select(m => m.Type));
        AssertRejected(msgs[3], "97");
        Assert.Equal("E", msgs[^1].Text);
        c.Send(Bind("1"), Message('E', CStr(""), I32(0)), Message('S'));
        msgs = c.ReadUntilReady();
        // (PostgreSQL refuses the Bind itself there; Tenon accepts it and refuses the Execute.)
        Assert.Equal(['E', 'Z'], msgs.Where(m => m.Type != '2').Select(m => m.Type));
        Assert.Equal("25P02", msgs[^2].Fields()['C']);
        Assert.Equal("E", msgs[^1].Text);
        c.Send(Query("ROLLBACK"));
        Assert.Equal("I", c.ReadUntilReady()[^1].Text);

        c.Send(Query("SELECT count(*) FROM child"));
        Assert.Equal("SELECT 1", c.ReadUntilReady()[2].Text);
        c.Send(Query("SELECT count(*)::text || ' rows' FROM child"));
        Assert.Contains("0 rows", c.ReadUntilReady()[1].Text);
    }

    [Fact]
    public void A_rejected_insert_in_a_simple_Query_stops_it_and_undoes_it()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        c.Send(Query("CREATE TABLE parent (id int PRIMARY KEY); CREATE TABLE child (parent_id int NOT NULL REFERENCES parent (id)); INSERT INTO parent VALUES (1)"));
        c.ReadUntilReady();
        c.Send(Query("INSERT INTO child VALUES (1); INSERT INTO child VALUES (2); SELECT 5"));
        var msgs = c.ReadUntilReady();
        Assert.Equal(['C', 'E', 'Z'], msgs.Select(m => m.Type));
        var f = msgs[1].Fields();
        Assert.Equal(("23503", "child_parent_id_fkey", "child"), (f['C'], f['n'], f['t']));
        Assert.Equal("Key (parent_id)=(2) is not present in table \"parent\".", f['D']);
        Assert.Equal("I", msgs[^1].Text);
        c.Send(Query("INSERT INTO child VALUES (3)"));
        msgs = c.ReadUntilReady();
        Assert.Equal(['E', 'Z'], msgs.Select(m => m.Type));
        Assert.Equal("Key (parent_id)=(3) is not present in table \"parent\".", msgs[0].Fields()['D']);
        c.Send(Query("BEGIN; INSERT INTO child VALUES (1); INSERT INTO child VALUES (4)"));
        msgs = c.ReadUntilReady();
        Assert.Equal(['C', 'C', 'E', 'Z'], msgs.Select(m => m.Type));
        Assert.Equal("E", msgs[^1].Text);
        c.Send(Query("SELECT 1"));
        Assert.Equal("25P02", c.ReadUntilReady()[0].Fields()['C']);
        c.Send(Query("ROLLBACK"));
        c.ReadUntilReady();
        c.Send(Query("SELECT count(*) FROM child"));
        Assert.Equal("SELECT 1", c.ReadUntilReady()[2].Text);
        c.Send(Query("SELECT count(*)::text || ' rows' FROM child"));
        Assert.Contains("0 rows", c.ReadUntilReady()[1].Text);
    }

    [Fact]
    public void Execute_with_row_limit_suspends_the_portal()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        c.Send(Message('P', CStr(""), CStr("SELECT * FROM (VALUES (1), (2), (3)) v(x)"), I16(0)),
            Message('B', CStr("p1"), CStr(""), I16(0), I16(0), I16(0)),
            Message('E', CStr("p1"), I32(2)),
            Message('E', CStr("p1"), I32(2)),
            Message('S'));
        var msgs = c.ReadUntilReady();
        Assert.Equal(['1', '2', 'D', 'D', 's', 'D', 'C', 'Z'], msgs.Select(m => m.Type));
        Assert.Equal("SELECT 1", msgs[6].Text);
    }

    [Fact]
    public void Set_of_a_reported_parameter_sends_ParameterStatus()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        c.Send(Query("SET application_name = 'renamed'"));
        var msgs = c.ReadUntilReady();
        Assert.Equal(['C', 'S', 'Z'], msgs.Select(m => m.Type));
        Assert.Equal("application_name\0renamed", msgs[1].Text);
    }

    [Fact]
    public void Many_concurrent_connections_each_have_a_session_over_one_database()
    {
        using (var setup = new RawClient(_server.Port))
        {
            setup.Connect();
            setup.Send(Query("CREATE TABLE hits (conn int, n int)"));
            setup.ReadUntilReady();
        }
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 40 }, i =>
        {
            using var c = new RawClient(_server.Port);
            c.Connect();
            for (var n = 0; n < 10; n++)
            {
                c.Send(Query($"INSERT INTO hits VALUES ({i}, {n})"));
                Assert.Equal("INSERT 0 1", c.ReadUntilReady()[0].Text);
            }
        });
        using var check = new RawClient(_server.Port);
        check.Connect();
        check.Send(Query("SELECT count(*) FROM hits"));
        Assert.Equal("400", System.Text.Encoding.UTF8.GetString(check.ReadUntilReady()[1].Body[6..]));
    }

    [Fact]
    public void Connections_beyond_the_limit_are_refused_with_53300()
    {
        using var server = new TestServer(new Tenon.Server.PgServerOptions { MaxConnections = 1 });
        using var first = new RawClient(server.Port);
        first.Connect();
        using var second = new RawClient(server.Port);
        second.Send(StartupPacket(3 << 16, ("user", "x")));
        var f = Assert.Single(second.ReadToEnd()).Fields();
        Assert.Equal(("FATAL", "53300", "sorry, too many clients already"), (f['S'], f['C'], f['M']));
    }

    [Fact]
    public void CancelRequest_is_accepted_and_closed()
    {
        using var c = new RawClient(_server.Port);
        c.Send([0, 0, 0, 16, 4, 210, 22, 46, 0, 0, 0, 1, 0, 0, 0, 2]);
        Assert.Empty(c.ReadToEnd());
        AssertServerStillServes();
    }
}
