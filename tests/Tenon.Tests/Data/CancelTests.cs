using System.Diagnostics;
using Tenon.Errors;

namespace Tenon.Tests.Data;

/// <summary>TenonCommand.Cancel and CommandTimeout interrupt the running statement, as Npgsql's do against PostgreSQL.</summary>
public sealed class CancelTests : DataTestBase
{
    [Fact]
    public void Cancel_from_another_thread_stops_the_statement_and_the_connection_goes_on()
    {
        using var cmd = Command("SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b");
        cmd.CommandTimeout = 0;
        var run = Task.Run(() => cmd.ExecuteScalar());
        // A cancel before the statement starts does nothing, so on a busy machine it may take a few.
        var clock = Stopwatch.StartNew();
        while (!((IAsyncResult)run).AsyncWaitHandle.WaitOne(200) && clock.Elapsed < TimeSpan.FromSeconds(30)) cmd.Cancel();
        var e = Assert.Throws<TenonException>(() => run.GetAwaiter().GetResult());
        Assert.Equal(("57014", "canceling statement due to user request"), (e.SqlState, e.MessageText));
        Assert.Equal(1, Scalar("SELECT 1"));
    }

    [Fact]
    public void Pg_sleep_sleeps_and_ignores_negative_and_null()
    {
        var clock = Stopwatch.StartNew();
        Scalar("SELECT pg_sleep(0.2)");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(190));
        clock.Restart();
        Scalar("SELECT pg_sleep(-1)");
        Scalar("SELECT pg_sleep(NULL)");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal("void", Scalar("SELECT pg_typeof(pg_sleep(0))"));
    }

    [Fact]
    public void Statement_timeout_setting_cuts_a_statement_short_and_SET_LOCAL_scopes_it()
    {
        Exec("SET statement_timeout = '200ms'");
        Assert.Equal("canceling statement due to statement timeout",
            Assert.Throws<TenonException>(() => Scalar("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t")).MessageText);
        Exec("RESET statement_timeout");
        using (var tx = Connection.BeginTransaction())
        {
            Exec("SET LOCAL statement_timeout = '100ms'");
            Assert.Equal("57014", Assert.Throws<TenonException>(() => Scalar("SELECT pg_sleep(5)")).SqlState);
            tx.Rollback();
        }
        Assert.Equal("0", Scalar("SHOW statement_timeout"));
        Scalar("SELECT pg_sleep(0.3)");
    }

    [Fact]
    public void Cancel_when_nothing_runs_does_nothing()
    {
        using var cmd = Command("SELECT 1");
        cmd.Cancel();
        Assert.Equal(1, cmd.ExecuteScalar());
    }

    [Fact]
    public void CommandTimeout_fails_a_slow_statement_with_57014()
    {
        Exec("CREATE TABLE t (x int)");
        using var tx = Connection.BeginTransaction();
        Exec("INSERT INTO t VALUES (1)");
        using var cmd = Command("SELECT pg_sleep(30)");
        cmd.CommandTimeout = 1;
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<TenonException>(() => cmd.ExecuteScalar());
        Assert.Equal(("57014", "canceling statement due to statement timeout"), (e.SqlState, e.MessageText));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
        // The transaction is failed, as in PostgreSQL.
        Assert.Equal("25P02", Assert.Throws<TenonException>(() => Scalar("SELECT 1")).SqlState);
        tx.Rollback();
        Assert.Equal(0L, Scalar("SELECT count(*) FROM t"));
        Assert.Throws<ArgumentOutOfRangeException>(() => cmd.CommandTimeout = -1);
        cmd.CommandTimeout = 0;
        cmd.CommandText = "SELECT pg_sleep(0.05)";
        cmd.ExecuteScalar();
    }
}
