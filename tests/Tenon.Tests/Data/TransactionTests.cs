using System.Data;
using Tenon.Data;
using Tenon.Errors;

namespace Tenon.Tests.Data;

public class TransactionTests : DataTestBase
{
    public TransactionTests() => Exec("CREATE TABLE t (x int PRIMARY KEY)");

    private long Count() => (long)Scalar("SELECT count(*) FROM t")!;

    [Fact]
    public void CommitKeeps()
    {
        using var tx = Connection.BeginTransaction();
        Assert.Equal(IsolationLevel.ReadCommitted, tx.IsolationLevel);
        Assert.Same(Connection, tx.Connection);
        Exec("INSERT INTO t VALUES (1), (2)");
        tx.Commit();
        Assert.Null(tx.Connection);
        Assert.Equal(2L, Count());
        Assert.Throws<InvalidOperationException>(() => tx.Commit());
        Assert.Throws<InvalidOperationException>(() => tx.Rollback());
    }

    [Fact]
    public void RollbackLeavesNothing()
    {
        using (var tx = Connection.BeginTransaction())
        {
            Exec("INSERT INTO t VALUES (1), (2)");
            Exec("CREATE TABLE other (y int)");
            Assert.Equal(2L, Count());
            tx.Rollback();
        }
        Assert.Equal(0L, Count());
        Assert.Equal("42P01", Assert.Throws<TenonException>(() => Exec("SELECT * FROM other")).SqlState);
    }

    [Fact]
    public void DisposeWithoutCommitRollsBack()
    {
        using (Connection.BeginTransaction())
            Exec("INSERT INTO t VALUES (1)");
        Assert.Equal(0L, Count());
        using var tx2 = Connection.BeginTransaction(); // a new one can start
    }

    [Fact]
    public void NestedBeginIsRejected()
    {
        using var tx = Connection.BeginTransaction();
        Assert.Throws<InvalidOperationException>(() => Connection.BeginTransaction());
    }

    [Fact]
    public void SavepointsRollBackPartOfTheWork()
    {
        using var tx = Connection.BeginTransaction();
        Assert.True(tx.SupportsSavepoints);
        Exec("INSERT INTO t VALUES (1)");
        tx.Save("a");
        Exec("INSERT INTO t VALUES (2)");
        tx.Save("b");
        Exec("INSERT INTO t VALUES (3)");
        tx.Rollback("b");
        Assert.Equal(2L, Count());
        tx.Release("a");
        Assert.Equal("3B001", Assert.Throws<TenonException>(() => tx.Rollback("a")).SqlState);
        tx.Rollback();
        Assert.Equal(0L, Count());
    }

    [Fact]
    public void ErrorInsideTransactionRequiresRollbackToSavepoint()
    {
        using var tx = Connection.BeginTransaction();
        Exec("INSERT INTO t VALUES (1)");
        tx.Save("before_dup");
        Assert.Equal("23505", Assert.Throws<TenonException>(() => Exec("INSERT INTO t VALUES (1)")).SqlState);
        var blocked = Assert.Throws<TenonException>(() => Exec("INSERT INTO t VALUES (2)"));
        Assert.Equal("25P02", blocked.SqlState);
        Assert.Equal("current transaction is aborted, commands ignored until end of transaction block", blocked.MessageText);
        tx.Rollback("before_dup");
        Exec("INSERT INTO t VALUES (2)");
        tx.Commit();
        Assert.Equal(2L, Count());
    }

    [Fact]
    public void CommitOfAFailedTransactionRollsBackAsInPostgres()
    {
        var tx = Connection.BeginTransaction();
        Exec("INSERT INTO t VALUES (1)");
        Assert.Throws<TenonException>(() => Exec("INSERT INTO t VALUES (1)"));
        tx.Commit();
        Assert.Equal(0L, Count());
    }

    [Fact]
    public void SavepointNamesAreQuoted()
    {
        using var tx = Connection.BeginTransaction();
        tx.Save("Mixed Case; name");
        Exec("INSERT INTO t VALUES (1)");
        tx.Rollback("Mixed Case; name");
        tx.Commit();
        Assert.Equal(0L, Count());
    }

    [Fact]
    public void CommandTransactionPropertyAndIsolationLevels()
    {
        foreach (var level in new[] { IsolationLevel.ReadCommitted, IsolationLevel.RepeatableRead, IsolationLevel.Serializable })
        {
            using var tx = Connection.BeginTransaction(level);
            using var cmd = new TenonCommand("INSERT INTO t VALUES ($1)", Connection, tx);
            cmd.Parameters.AddWithValue((int)level);
            cmd.ExecuteNonQuery();
            tx.Commit();
            Assert.Equal(level, tx.IsolationLevel);
        }
        Assert.Equal(3L, Count());
    }

    [Fact]
    public void StatementBlockEndedByCommandIsDetected()
    {
        var tx = Connection.BeginTransaction();
        Exec("COMMIT");
        Assert.Throws<InvalidOperationException>(() => tx.Commit());
        using var again = Connection.BeginTransaction();
    }
}
