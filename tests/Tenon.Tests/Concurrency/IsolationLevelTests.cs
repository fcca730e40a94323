namespace Tenon.Tests.Concurrency;

/// <summary>READ COMMITTED, REPEATABLE READ and SERIALIZABLE between sessions of one database.</summary>
public sealed class IsolationLevelTests : IDisposable
{
    private readonly Interleaving _il;

    public IsolationLevelTests()
    {
        var db = Database.OpenInMemory();
        using (var setup = db.CreateSession())
            setup.Execute("CREATE TABLE t (id int PRIMARY KEY, v int); INSERT INTO t VALUES (1, 10), (2, 20);").ToList();
        _il = new Interleaving(db, "s1", "s2");
    }

    public void Dispose() => _il.Dispose();

    private string S1(string sql) => _il.Step("s1", sql);
    private string S2(string sql) => _il.Step("s2", sql);

    [Fact]
    public void ReadCommittedSeesEachCommitAtTheNextStatement()
    {
        S1("BEGIN");
        Assert.Equal("10", S1("SELECT v FROM t WHERE id = 1"));
        S2("UPDATE t SET v = 11 WHERE id = 1");
        Assert.Equal("11", S1("SELECT v FROM t WHERE id = 1"));
        S1("COMMIT");
    }

    [Fact]
    public void RepeatableReadTakesItsSnapshotAtTheFirstStatementNotAtBegin()
    {
        S1("BEGIN ISOLATION LEVEL REPEATABLE READ");
        S2("UPDATE t SET v = 11 WHERE id = 1");
        Assert.Equal("11", S1("SELECT v FROM t WHERE id = 1"));
        S2("UPDATE t SET v = 12 WHERE id = 1");
        S2("INSERT INTO t VALUES (3, 30)");
        Assert.Equal("11", S1("SELECT v FROM t WHERE id = 1"));
        Assert.Equal("2", S1("SELECT count(*) FROM t"));
        S1("COMMIT");
        Assert.Equal("12", S1("SELECT v FROM t WHERE id = 1"));
    }

    [Fact]
    public void RepeatableReadLostUpdateFailsWithConcurrentUpdate()
    {
        S1("BEGIN ISOLATION LEVEL REPEATABLE READ");
        Assert.Equal("10", S1("SELECT v FROM t WHERE id = 1"));
        S2("UPDATE t SET v = v + 1 WHERE id = 1");
        Assert.Equal("ERROR: could not serialize access due to concurrent update", S1("UPDATE t SET v = v + 1 WHERE id = 1"));
        Assert.Equal("ROLLBACK", S1("COMMIT"));
        Assert.Equal("11", S1("SELECT v FROM t WHERE id = 1"));
    }

    [Fact]
    public void RepeatableReadDeleteOfAConcurrentlyDeletedRowFailsWithConcurrentDelete()
    {
        S1("BEGIN ISOLATION LEVEL REPEATABLE READ");
        S1("SELECT 1");
        S2("DELETE FROM t WHERE id = 1");
        Assert.Equal("ERROR: could not serialize access due to concurrent delete", S1("UPDATE t SET v = 0 WHERE id = 1"));
        S1("ROLLBACK");
    }

    [Fact]
    public void RepeatableReadWaitsForTheUpdaterAndFailsOnlyIfItCommits()
    {
        S1("BEGIN ISOLATION LEVEL REPEATABLE READ");
        S1("SELECT 1");
        S2("BEGIN");
        S2("UPDATE t SET v = 11 WHERE id = 1");
        Assert.Equal("waiting", S1("UPDATE t SET v = 12 WHERE id = 1"));
        S2("COMMIT");
        Assert.Equal("ERROR: could not serialize access due to concurrent update", _il.Complete("s1"));
        S1("ROLLBACK");

        S1("BEGIN ISOLATION LEVEL REPEATABLE READ");
        S1("SELECT 1");
        S2("BEGIN");
        S2("UPDATE t SET v = 13 WHERE id = 1");
        Assert.Equal("waiting", S1("UPDATE t SET v = v + 100 WHERE id = 1"));
        S2("ROLLBACK");
        Assert.Equal("UPDATE 1", _il.Complete("s1"));
        S1("COMMIT");
        Assert.Equal("111", S2("SELECT v FROM t WHERE id = 1"));
    }

    [Fact]
    public void RepeatableReadWritesOnItsSnapshotKeepOthersCommits()
    {
        S1("BEGIN ISOLATION LEVEL REPEATABLE READ");
        Assert.Equal("1,10;2,20", S1("SELECT * FROM t ORDER BY id"));
        S2("UPDATE t SET v = 21 WHERE id = 2");
        S2("INSERT INTO t VALUES (3, 30)");
        Assert.Equal("UPDATE 1", S1("UPDATE t SET v = 11 WHERE id = 1"));
        S1("INSERT INTO t VALUES (4, 40)");
        // Its own writes on its snapshot: the others' changes stay invisible until it ends.
        Assert.Equal("1,11;2,20;4,40", S1("SELECT * FROM t ORDER BY id"));
        Assert.Equal("4", S1("SELECT id FROM t WHERE v = 40"));
        S1("COMMIT");
        Assert.Equal("1,11;2,21;3,30;4,40", S2("SELECT * FROM t ORDER BY id"));
        Assert.Equal("4", S2("SELECT id FROM t WHERE id = 4"));
        Assert.Equal("4", S2("SELECT count(*) FROM t WHERE id >= 1"));
    }

    [Fact]
    public void RepeatableReadInsertOfAKeyCommittedAfterTheSnapshotIsADuplicate()
    {
        S1("BEGIN ISOLATION LEVEL REPEATABLE READ");
        S1("SELECT 1");
        S2("INSERT INTO t VALUES (3, 30)");
        Assert.Equal("", S1("SELECT * FROM t WHERE id = 3"));
        Assert.StartsWith("ERROR: duplicate key value violates unique constraint \"t_pkey\"", S1("INSERT INTO t VALUES (3, 31)"));
        S1("ROLLBACK");
        S1("BEGIN ISOLATION LEVEL REPEATABLE READ");
        S1("SELECT 1");
        S2("INSERT INTO t VALUES (4, 40)");
        Assert.Equal("ERROR: could not serialize access due to concurrent update", S1("INSERT INTO t VALUES (4, 41) ON CONFLICT DO NOTHING"));
        S1("ROLLBACK");
    }

    [Fact]
    public void ConcurrentInsertsOfOneKeyWaitForTheFirst()
    {
        S1("BEGIN");
        S1("INSERT INTO t VALUES (5, 1)");
        Assert.Equal("waiting", S2("INSERT INTO t VALUES (5, 2)"));
        S1("COMMIT");
        Assert.StartsWith("ERROR: duplicate key value violates unique constraint \"t_pkey\"", _il.Complete("s2"));

        S1("BEGIN");
        S1("INSERT INTO t VALUES (6, 1)");
        Assert.Equal("waiting", S2("INSERT INTO t VALUES (6, 2)"));
        S1("ROLLBACK");
        Assert.Equal("INSERT 0 1", _il.Complete("s2"));
        Assert.Equal("2", S1("SELECT v FROM t WHERE id = 6"));
    }

    [Fact]
    public void SerializableWriteSkewFailsOneOfTheTwo()
    {
        S1("BEGIN ISOLATION LEVEL SERIALIZABLE");
        S2("BEGIN ISOLATION LEVEL SERIALIZABLE");
        Assert.Equal("30", S1("SELECT sum(v) FROM t"));
        Assert.Equal("30", S2("SELECT sum(v) FROM t"));
        Assert.Equal("UPDATE 1", S1("UPDATE t SET v = 0 WHERE id = 1"));
        // Writers are serialized: the second waits for the first instead of running alongside.
        Assert.Equal("waiting", S2("UPDATE t SET v = 0 WHERE id = 2"));
        Assert.Equal("COMMIT", S1("COMMIT"));
        Assert.Equal("UPDATE 1", _il.Complete("s2"));
        var error = Assert.Throws<Errors.TenonException>(() => _il.Session("s2").ExecuteSingle("COMMIT"));
        Assert.Equal("40001", error.SqlState);
        Assert.Equal("could not serialize access due to read/write dependencies among transactions", error.Message);
        Assert.Equal("Reason code: Canceled on identification as a pivot, during commit attempt.", error.Detail);
        Assert.Equal("The transaction might succeed if retried.", error.Hint);
        Assert.Equal("0,20", S1("SELECT string_agg(v::text, ',' ORDER BY id) FROM t"));
    }

    [Fact]
    public void SerializableDisjointKeysThroughAnIndexDoNotConflict()
    {
        S1("BEGIN ISOLATION LEVEL SERIALIZABLE");
        S2("BEGIN ISOLATION LEVEL SERIALIZABLE");
        Assert.Equal("10", S1("SELECT v FROM t WHERE id = 1"));
        Assert.Equal("20", S2("SELECT v FROM t WHERE id = 2"));
        S1("UPDATE t SET v = 11 WHERE id = 1");
        Assert.Equal("waiting", S2("UPDATE t SET v = 21 WHERE id = 2"));
        Assert.Equal("COMMIT", S1("COMMIT"));
        Assert.Equal("UPDATE 1", _il.Complete("s2"));
        Assert.Equal("COMMIT", S2("COMMIT"));
        Assert.Equal("11,21", S1("SELECT string_agg(v::text, ',' ORDER BY id) FROM t"));
    }

    [Fact]
    public void SerializableReadOnlyAnomalyIsCaught()
    {
        // The receipts example (Fekete, O'Neil, O'Neil): T2 reads the batch then writes a receipt;
        // T1 moves the batch on; T3 reads both and sees T1's move but not T2's receipt.
        using (var setup = _il.Database.CreateSession())
            setup.Execute("CREATE TABLE ctl (k int PRIMARY KEY, batch int); INSERT INTO ctl VALUES (1, 1); CREATE TABLE receipt (no int, batch int);").ToList();
        using var il = new Interleaving(_il.Database, "t1", "t2", "t3");
        il.Step("t2", "BEGIN ISOLATION LEVEL SERIALIZABLE");
        il.Step("t2", "SELECT batch FROM ctl WHERE k = 1");
        il.Step("t1", "BEGIN ISOLATION LEVEL SERIALIZABLE");
        il.Step("t1", "UPDATE ctl SET batch = batch + 1 WHERE k = 1");
        Assert.Equal("COMMIT", il.Step("t1", "COMMIT"));
        il.Step("t3", "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY");
        il.Step("t3", "SELECT batch FROM ctl WHERE k = 1");
        il.Step("t3", "SELECT count(*) FROM receipt WHERE batch = 1");
        Assert.Equal("COMMIT", il.Step("t3", "COMMIT"));
        il.Step("t2", "INSERT INTO receipt VALUES (1, 1)");
        Assert.StartsWith("ERROR: could not serialize access due to read/write dependencies", il.Step("t2", "COMMIT"));
    }

    [Fact]
    public void SetTransactionMustComeBeforeTheFirstQuery()
    {
        Assert.Equal("read committed", S1("SHOW transaction_isolation"));
        S1("BEGIN");
        S1("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        Assert.Equal("repeatable read", S1("SHOW transaction_isolation"));
        S1("SELECT 1");
        Assert.Equal("ERROR: SET TRANSACTION ISOLATION LEVEL must be called before any query", S1("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"));
        S1("ROLLBACK");
        S1("BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY, DEFERRABLE");
        Assert.Equal("serializable", S1("SELECT current_setting('transaction_isolation')"));
        Assert.Equal("on", S1("SHOW transaction_read_only"));
        Assert.Equal("on", S1("SHOW transaction_deferrable"));
        S1("COMMIT");
        S1("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        Assert.Equal("repeatable read", S1("SHOW default_transaction_isolation"));
        S1("BEGIN");
        Assert.Equal("repeatable read", S1("SHOW transaction_isolation"));
        S1("COMMIT");
        S1("SET default_transaction_isolation = 'serializable'");
        Assert.Equal("serializable", S1("SHOW transaction_isolation"));
    }

    [Fact]
    public void AdoNetBeginTransactionTakesTheIsolationLevel()
    {
        using var conn = new Tenon.Data.TenonConnection("Data Source=:memory:");
        conn.Open();
        using var tx = conn.BeginTransaction(System.Data.IsolationLevel.Serializable);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SHOW transaction_isolation";
        Assert.Equal("serializable", cmd.ExecuteScalar());
        tx.Commit();
        cmd.CommandText = "SHOW transaction_isolation";
        Assert.Equal("read committed", cmd.ExecuteScalar());
    }
}

public sealed class SavepointSnapshotTests
{
    [Theory]
    [InlineData("READ COMMITTED")]
    [InlineData("REPEATABLE READ")]
    public void RollingBackToASavepointTakenBeforeTheFirstWriteKeepsOthersCommits(string level)
    {
        var db = Database.OpenInMemory();
        using var s1 = db.CreateSession();
        using var s2 = db.CreateSession();
        s1.ExecuteSingle("CREATE TABLE t (id int PRIMARY KEY)");
        s1.ExecuteSingle($"BEGIN ISOLATION LEVEL {level}");
        s1.ExecuteSingle("SAVEPOINT a");
        s2.ExecuteSingle("INSERT INTO t VALUES (1)");
        s1.ExecuteSingle("SELECT count(*) FROM t");
        s2.ExecuteSingle("INSERT INTO t VALUES (2)");
        s1.ExecuteSingle("INSERT INTO t VALUES (3)");
        s1.ExecuteSingle("ROLLBACK TO a");
        s1.ExecuteSingle("INSERT INTO t VALUES (4)");
        s1.ExecuteSingle("COMMIT");
        Assert.Equal("1,2,4", s2.ExecuteSingle("SELECT string_agg(id::text, ',' ORDER BY id) FROM t").Rows[0][0]);
    }
}

public sealed class MergeModeStatementTests
{
    [Fact]
    public void SettingsAndDeferredChecksDoNotMoveARepeatableReadSnapshot()
    {
        var db = Database.OpenInMemory();
        using var s1 = db.CreateSession();
        using var s2 = db.CreateSession();
        s1.Execute("CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (id int PRIMARY KEY, p int REFERENCES p DEFERRABLE INITIALLY DEFERRED); INSERT INTO p VALUES (1);").ToList();
        s1.ExecuteSingle("BEGIN ISOLATION LEVEL REPEATABLE READ");
        s1.ExecuteSingle("SELECT count(*) FROM p");
        s2.ExecuteSingle("INSERT INTO p VALUES (2)");
        s1.ExecuteSingle("INSERT INTO c VALUES (1, 1)");
        s1.ExecuteSingle("SAVEPOINT a");
        s1.ExecuteSingle("SET work_mem = '8MB'");
        s1.ExecuteSingle("SHOW work_mem");
        s1.ExecuteSingle("SET CONSTRAINTS ALL IMMEDIATE");
        Assert.Equal(1L, s1.ExecuteSingle("SELECT count(*) FROM p").Rows[0][0]);
        s1.ExecuteSingle("COMMIT");
        Assert.Equal(2L, s2.ExecuteSingle("SELECT count(*) FROM p").Rows[0][0]);
        Assert.Equal(1L, s2.ExecuteSingle("SELECT count(*) FROM c").Rows[0][0]);
    }
}
