using System.Diagnostics;
using Npgsql;
using Tenon.Server;
using static Tenon.Tests.Server.RawClient;

namespace Tenon.Tests.Server;

/// <summary>
/// CancelRequest, statement_timeout and lock_timeout over the wire: the running statement fails
/// with PostgreSQL's error, its transaction is failed, and the connection goes on.
/// </summary>
public sealed class CancelTests : IDisposable
{
    private readonly TestServer _server = new();

    public void Dispose() => _server.Dispose();

    private NpgsqlConnection Open()
    {
        var c = new NpgsqlConnection(_server.ConnectionString);
        c.Open();
        return c;
    }

    private static object? Scalar(NpgsqlConnection c, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        return cmd.ExecuteScalar();
    }

    /// <summary>Runs <paramref name="sql"/> and cancels it with NpgsqlCommand.Cancel once it has run a while.</summary>
    private static PostgresException CancelWhileRunning(NpgsqlConnection c, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        var run = Task.Run(() => cmd.ExecuteScalar());
        Thread.Sleep(300);
        Assert.False(run.IsCompleted, "the statement ended before it could be cancelled");
        var clock = Stopwatch.StartNew();
        // A cancel that arrives before the client has even sent the statement (a busy machine may
        // start the task late) is ignored, as by PostgreSQL: send another until it ends.
        do cmd.Cancel();
        while (!((IAsyncResult)run).AsyncWaitHandle.WaitOne(1000) && clock.Elapsed < TimeSpan.FromSeconds(20));
        // Npgsql reports a cancel it asked for as OperationCanceledException around the server's error.
        var cancelled = Assert.Throws<OperationCanceledException>(() => run.GetAwaiter().GetResult());
        var e = Assert.IsType<PostgresException>(cancelled.InnerException);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the cancel took {clock.Elapsed}");
        return e;
    }

    [Theory]
    [InlineData("SELECT count(*) FROM generate_series(1, 1000000000)")]
    [InlineData("SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b")]
    [InlineData("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t")]
    [InlineData("SELECT pg_sleep(60)")]
    public void NpgsqlCommand_Cancel_interrupts_the_statement_and_the_connection_goes_on(string sql)
    {
        using var c = Open();
        var e = CancelWhileRunning(c, sql);
        Assert.Equal(("ERROR", "57014", "canceling statement due to user request"), (e.Severity, e.SqlState, e.MessageText));
        Assert.Equal(1, Scalar(c, "SELECT 1"));
    }

    [Fact]
    public void Cancel_inside_a_block_fails_the_transaction_and_undoes_the_statement()
    {
        using var c = Open();
        Scalar(c, "CREATE TABLE big (x int)");
        Scalar(c, "INSERT INTO big SELECT g FROM generate_series(1, 20000) g");
        using (var tx = c.BeginTransaction())
        {
            Scalar(c, "INSERT INTO big VALUES (-1)");
            // A long UPDATE: each row is checked against a cross join.
            var e = CancelWhileRunning(c, "UPDATE big SET x = x + 1 WHERE x IN (SELECT a FROM generate_series(1, 100000) a, generate_series(1, 100000) b WHERE a + b < 0)");
            Assert.Equal("57014", e.SqlState);
            var aborted = Assert.Throws<PostgresException>(() => Scalar(c, "SELECT 1"));
            Assert.Equal("25P02", aborted.SqlState);
            tx.Rollback();
        }
        Assert.Equal(20000L, Scalar(c, "SELECT count(*) FROM big"));
        Assert.Equal(20000L, Scalar(c, "SELECT sum(x) - 200010000 + count(*) FROM big"));
    }

    [Fact]
    public void Raw_cancel_request_with_the_right_key_cancels_and_a_wrong_key_is_ignored()
    {
        using var c = new RawClient(_server.Port);
        var startup = c.Connect();
        var key = startup.Single(m => m.Type == 'K').Body;
        var pid = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(key);
        var secret = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(key.AsSpan(4));

        // A wrong secret: the statement runs to its end.
        c.Send(Message('Q', CStr("SELECT pg_sleep(0.5)")));
        Thread.Sleep(100);
        SendCancel(pid, secret ^ 1);
        var ok = c.ReadUntilReady();
        Assert.DoesNotContain(ok, m => m.Type == 'E');
        Assert.Equal((byte)'I', ok[^1].Body[0]);

        // The right key inside a block: the statement fails, the block is failed ('E').
        c.Send(Message('Q', CStr("BEGIN")));
        c.ReadUntilReady();
        c.Send(Message('Q', CStr("SELECT pg_sleep(30)")));
        Thread.Sleep(200);
        SendCancel(pid, secret);
        var msgs = c.ReadUntilReady();
        var f = msgs.Single(m => m.Type == 'E').Fields();
        Assert.Equal(("ERROR", "57014", "canceling statement due to user request"), (f['S'], f['C'], f['M']));
        Assert.Equal((byte)'E', msgs[^1].Body[0]);
        c.Send(Message('Q', CStr("ROLLBACK")));
        Assert.Equal((byte)'I', c.ReadUntilReady()[^1].Body[0]);

        // A cancel between statements does nothing to the next one.
        SendCancel(pid, secret);
        Thread.Sleep(100);
        c.Send(Message('Q', CStr("SELECT pg_sleep(0.2)")));
        Assert.DoesNotContain(c.ReadUntilReady(), m => m.Type == 'E');
    }

    private void SendCancel(int pid, int secret)
    {
        using var cancel = new RawClient(_server.Port);
        var packet = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(packet, 16);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(4), 80877102);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(8), pid);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(12), secret);
        cancel.Send(packet);
        // The server closes the cancel connection without an answer.
        Assert.Empty(cancel.ReadToEnd());
    }

    [Fact]
    public void Statement_timeout_cancels_with_its_own_message()
    {
        using var c = Open();
        Scalar(c, "SET statement_timeout = '200ms'");
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<PostgresException>(() => Scalar(c, "SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b"));
        Assert.Equal(("57014", "canceling statement due to statement timeout"), (e.SqlState, e.MessageText));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(1, Scalar(c, "SELECT 1"));
        Assert.Equal("200ms", Scalar(c, "SHOW statement_timeout"));
    }

    [Fact]
    public void Lock_timeout_ends_a_wait_for_the_write_lock_with_55P03()
    {
        using var holder = Open();
        using var waiter = Open();
        Scalar(holder, "CREATE TABLE t (x int)");
        using var tx = holder.BeginTransaction();
        Scalar(holder, "INSERT INTO t VALUES (1)");

        Scalar(waiter, "SET lock_timeout = '300ms'");
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<PostgresException>(() => Scalar(waiter, "INSERT INTO t VALUES (2)"));
        Assert.Equal(("55P03", "canceling statement due to lock timeout"), (e.SqlState, e.MessageText));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));

        // Inside a block the wait's failure fails the block, as any error.
        using (var wtx = waiter.BeginTransaction())
        {
            Assert.Equal("55P03", Assert.Throws<PostgresException>(() => Scalar(waiter, "DELETE FROM t")).SqlState);
            Assert.Equal("25P02", Assert.Throws<PostgresException>(() => Scalar(waiter, "SELECT 1")).SqlState);
        }

        // statement_timeout also ends the wait; the smaller one decides the message.
        Scalar(waiter, "SET lock_timeout = '10s'; SET statement_timeout = '200ms'");
        Assert.Equal("canceling statement due to statement timeout",
            Assert.Throws<PostgresException>(() => Scalar(waiter, "INSERT INTO t VALUES (3)")).MessageText);
        Scalar(waiter, "RESET statement_timeout; RESET lock_timeout");

        // A cancel ends the wait too.
        Assert.Equal("canceling statement due to user request", CancelWhileRunning(waiter, "INSERT INTO t VALUES (4)").MessageText);

        // Once the holder commits, the writer gets the lock at once.
        tx.Commit();
        Scalar(waiter, "SET lock_timeout = '300ms'");
        Scalar(waiter, "INSERT INTO t VALUES (5)");
        Assert.Equal(2L, Scalar(waiter, "SELECT count(*) FROM t"));
    }

    [Fact]
    public void Psql_sends_a_cancel_on_SIGINT()
    {
        if (OperatingSystem.IsWindows() || Tenon.Tests.Differential.WirePsql.PsqlPath is not { } psql) return;
        var psi = new ProcessStartInfo(psql, ["-X", "-h", "127.0.0.1", "-p", _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", "tester", "-d", "postgres", "-c", "SELECT pg_sleep(60)"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        psi.Environment["PGCONNECT_TIMEOUT"] = "10";
        psi.Environment["LC_MESSAGES"] = "C";
        using var p = Process.Start(psi)!;
        var stderr = new StringWriter();
        var reader = new Thread(() => stderr.Write(p.StandardError.ReadToEnd()));
        reader.Start();
        // Wait until the statement runs, then interrupt psql as Ctrl-C would.
        var clock = Stopwatch.StartNew();
        while (_server.Server.ConnectionCount == 0 && clock.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(20);
        Thread.Sleep(500);
        Assert.Equal(0, Kill(p.Id, 2));
        Assert.True(p.WaitForExit(10_000));
        reader.Join();
        Assert.Equal("Cancel request sent\nERROR:  canceling statement due to user request\n", stderr.ToString());
        Assert.Equal(1, p.ExitCode);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
