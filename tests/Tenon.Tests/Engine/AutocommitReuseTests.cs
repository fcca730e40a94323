using Tenon.Errors;
using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>
/// The session reuses the transaction object of a committed read-only autocommit SELECT for its
/// next transaction (Session.Isolation.cs, RecycleTransaction). Nothing observable may change:
/// earlier results, timestamps, transaction characteristics, cursors, deferred constraints and
/// errors behave as with a new object each time.
/// </summary>
public sealed class AutocommitReuseTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    public AutocommitReuseTests()
    {
        _s.ExecuteSingle("CREATE TABLE parent (id int PRIMARY KEY, code text NOT NULL)");
        _s.ExecuteSingle("INSERT INTO parent SELECT g, 'c' || g FROM generate_series(1, 10) g");
    }

    private object? Scalar(string sql, params object?[] args) => _s.ExecuteSingle(sql, args.Length == 0 ? null : args).Rows[0][0];

    [Fact]
    public void Earlier_results_stay_valid_after_later_statements()
    {
        var sel = _s.Prepare("SELECT code FROM parent WHERE id = $1");
        var results = new List<StatementResult>();
        for (var i = 1; i <= 5; i++) results.Add(_s.Execute(sel, [i]).Single());
        _s.ExecuteSingle("UPDATE parent SET code = 'x' || id");
        for (var i = 1; i <= 5; i++) results.Add(_s.Execute(sel, [i]).Single());
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("c" + (i + 1), results[i].Rows.Single()[0]);
            Assert.Equal("x" + (i + 1), results[i + 5].Rows.Single()[0]);
        }
    }

    [Fact]
    public void An_enumerable_taken_earlier_runs_its_own_statement_when_read_later()
    {
        var sel = _s.Prepare("SELECT code FROM parent WHERE id = $1");
        var later = _s.Execute(sel, [3]);
        Assert.Equal("c1", _s.Execute(sel, [1]).Single().Rows.Single()[0]);
        _s.ExecuteSingle("UPDATE parent SET code = 'y' WHERE id = 3");
        Assert.Equal("y", later.Single().Rows.Single()[0]);
    }

    private double Now() => (double)Scalar("SELECT extract(epoch FROM now())::float8")!;

    [Fact]
    public void Each_autocommit_statement_has_its_own_transaction_timestamp()
    {
        var first = Now();
        Thread.Sleep(20);
        var second = Now();
        Assert.True(second > first);
        Thread.Sleep(20);
        _s.ExecuteSingle("BEGIN");
        var inBlock = Now();
        Assert.True(inBlock > second);
        Thread.Sleep(20);
        Assert.Equal(inBlock, Now());
        _s.ExecuteSingle("COMMIT");
    }

    [Fact]
    public void Transaction_characteristics_do_not_carry_over()
    {
        Assert.Equal("on", Scalar("SELECT set_config('transaction_read_only', 'on', true)"));
        _s.ExecuteSingle("INSERT INTO parent VALUES (11, 'c11')");
        _s.ExecuteSingle("BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY");
        Assert.Equal("serializable", Scalar("SELECT current_setting('transaction_isolation')"));
        _s.ExecuteSingle("COMMIT");
        Assert.Equal("read committed", Scalar("SELECT current_setting('transaction_isolation')"));
        Assert.Equal("off", Scalar("SELECT current_setting('transaction_read_only')"));
        _s.ExecuteSingle("SET default_transaction_isolation = 'repeatable read'");
        Assert.Equal("repeatable read", Scalar("SELECT current_setting('transaction_isolation')"));
        _s.ExecuteSingle("RESET default_transaction_isolation");
        Assert.Equal("read committed", Scalar("SELECT current_setting('transaction_isolation')"));
        Assert.Equal(TransactionStatus.Idle, _s.TransactionStatus);
    }

    [Fact]
    public void A_holdable_cursor_keeps_its_snapshot()
    {
        _s.ExecuteSingle("DECLARE c CURSOR WITH HOLD FOR SELECT code FROM parent WHERE id <= 3 ORDER BY id");
        Assert.Equal("c1", Scalar("SELECT code FROM parent WHERE id = $1", 1));
        _s.ExecuteSingle("UPDATE parent SET code = 'z'");
        Assert.Equal("z", Scalar("SELECT code FROM parent WHERE id = $1", 2));
        var rows = _s.ExecuteSingle("FETCH ALL FROM c").Rows.Select(r => (string)r[0]!).ToList();
        Assert.Equal(["c1", "c2", "c3"], rows);
        _s.ExecuteSingle("CLOSE c");
        Assert.Equal("z", Scalar("SELECT code FROM parent WHERE id = $1", 3));
    }

    [Fact]
    public void A_deferred_constraint_sees_its_own_transaction()
    {
        _s.ExecuteSingle("CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent DEFERRABLE INITIALLY DEFERRED)");
        Assert.Equal(10L, Scalar("SELECT count(*) FROM parent"));
        _s.ExecuteSingle("BEGIN");
        _s.ExecuteSingle("INSERT INTO child VALUES (1, 99)");
        Assert.Equal(1L, Scalar("SELECT count(*) FROM child"));
        var e = Assert.Throws<TenonException>(() => _s.ExecuteSingle("COMMIT"));
        Assert.Equal("23503", e.SqlState);
        Assert.Equal(TransactionStatus.Idle, _s.TransactionStatus);
        Assert.Equal(0L, Scalar("SELECT count(*) FROM child"));
        _s.ExecuteSingle("BEGIN");
        _s.ExecuteSingle("INSERT INTO child VALUES (1, 99)");
        _s.ExecuteSingle("INSERT INTO parent VALUES (99, 'c99')");
        _s.ExecuteSingle("COMMIT");
        Assert.Equal("c99", Scalar("SELECT p.code FROM child c JOIN parent p ON p.id = c.parent_id"));
    }

    [Fact]
    public void An_error_mid_statement_leaves_the_session_usable()
    {
        var sel = _s.Prepare("SELECT code FROM parent WHERE id = $1");
        Assert.Equal("c4", _s.Execute(sel, [4]).Single().Rows.Single()[0]);
        var e = Assert.Throws<TenonException>(() => _s.ExecuteSingle("SELECT 1 / (id - 5) FROM parent ORDER BY id"));
        Assert.Equal("22012", e.SqlState);
        Assert.Equal(TransactionStatus.Idle, _s.TransactionStatus);
        Assert.Equal("c5", _s.Execute(sel, [5]).Single().Rows.Single()[0]);
        _s.ExecuteSingle("BEGIN");
        Assert.Equal("c6", _s.Execute(sel, [6]).Single().Rows.Single()[0]);
        Assert.Throws<TenonException>(() => _s.ExecuteSingle("SELECT 1 / 0"));
        Assert.Equal(TransactionStatus.Failed, _s.TransactionStatus);
        Assert.Equal("25P02", Assert.Throws<TenonException>(() => _s.Execute(sel, [6]).Single()).SqlState);
        _s.ExecuteSingle("ROLLBACK");
        Assert.Equal("c7", _s.Execute(sel, [7]).Single().Rows.Single()[0]);
    }

    [Fact]
    public void Serializable_autocommit_reads_still_work()
    {
        _s.ExecuteSingle("SET default_transaction_isolation = serializable");
        for (var i = 1; i <= 3; i++) Assert.Equal("c" + i, Scalar("SELECT code FROM parent WHERE id = $1", i));
        _s.ExecuteSingle("UPDATE parent SET code = 'w' WHERE id = 1");
        Assert.Equal("w", Scalar("SELECT code FROM parent WHERE id = $1", 1));
    }

    [Fact]
    public void Another_session_sees_commits_between_reused_transactions()
    {
        var other = _s.Database.CreateSession();
        Assert.Equal("c1", Scalar("SELECT code FROM parent WHERE id = $1", 1));
        other.ExecuteSingle("UPDATE parent SET code = 'o' WHERE id = 1");
        Assert.Equal("o", Scalar("SELECT code FROM parent WHERE id = $1", 1));
        _s.ExecuteSingle("BEGIN ISOLATION LEVEL REPEATABLE READ");
        Assert.Equal("o", Scalar("SELECT code FROM parent WHERE id = $1", 1));
        other.ExecuteSingle("UPDATE parent SET code = 'p' WHERE id = 1");
        Assert.Equal("o", Scalar("SELECT code FROM parent WHERE id = $1", 1));
        _s.ExecuteSingle("COMMIT");
        Assert.Equal("p", Scalar("SELECT code FROM parent WHERE id = $1", 1));
    }
}
