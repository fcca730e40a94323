using Npgsql;
using Tenon.Tests.Server;

namespace Tenon.Tests.Concurrency;

/// <summary>Isolation levels through `tenon serve`'s server with Npgsql: the 40001 errors reach the client as PostgreSQL sends them.</summary>
public sealed class NpgsqlIsolationTests : IDisposable
{
    private readonly TestServer _server = new();

    public NpgsqlIsolationTests()
    {
        using var c = Open();
        Exec(c, "CREATE TABLE acct (id int PRIMARY KEY, balance int NOT NULL); INSERT INTO acct VALUES (1, 100), (2, 100)");
    }

    public void Dispose() => _server.Dispose();

    private NpgsqlConnection Open()
    {
        var c = new NpgsqlConnection(_server.ConnectionString);
        c.Open();
        return c;
    }

    private static object? Exec(NpgsqlConnection c, string sql, NpgsqlTransaction? tx = null)
    {
        using var cmd = new NpgsqlCommand(sql, c, tx);
        return cmd.ExecuteScalar();
    }

    [Fact]
    public void RepeatableReadLostUpdateIsA40001ForTheClient()
    {
        using var a = Open();
        using var b = Open();
        using var tx = a.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        Assert.Equal("repeatable read", Exec(a, "SHOW transaction_isolation", tx));
        Assert.Equal(100, Exec(a, "SELECT balance FROM acct WHERE id = 1", tx));
        Exec(b, "UPDATE acct SET balance = balance - 10 WHERE id = 1");
        var e = Assert.Throws<PostgresException>(() => Exec(a, "UPDATE acct SET balance = balance + 50 WHERE id = 1", tx));
        Assert.Equal("40001", e.SqlState);
        Assert.Equal("could not serialize access due to concurrent update", e.MessageText);
        tx.Rollback();
        Assert.Equal(90, Exec(a, "SELECT balance FROM acct WHERE id = 1"));
    }

    [Fact]
    public async Task SerializableWriteSkewFailsOneCommitWithDetailAndHint()
    {
        using var a = Open();
        using var b = Open();
        using var ta = a.BeginTransaction(System.Data.IsolationLevel.Serializable);
        using var tb = b.BeginTransaction(System.Data.IsolationLevel.Serializable);
        Assert.Equal(200L, Exec(a, "SELECT sum(balance) FROM acct", ta));
        Assert.Equal(200L, Exec(b, "SELECT sum(balance) FROM acct", tb));
        Exec(a, "UPDATE acct SET balance = balance - 150 WHERE id = 1", ta);
        // b's write waits for a's write lock: run it on another thread while a commits.
        var bWrite = Task.Run(() => Exec(b, "UPDATE acct SET balance = balance - 150 WHERE id = 2", tb));
        ta.Commit();
        await bWrite.WaitAsync(TimeSpan.FromSeconds(20));
        var e = Assert.Throws<PostgresException>(() => tb.Commit());
        Assert.Equal("40001", e.SqlState);
        Assert.Equal("could not serialize access due to read/write dependencies among transactions", e.MessageText);
        Assert.Equal("Reason code: Canceled on identification as a pivot, during commit attempt.", e.Detail);
        Assert.Equal("The transaction might succeed if retried.", e.Hint);
        Assert.Equal(50L, Exec(a, "SELECT sum(balance) FROM acct"));
    }
}
