using Tenon.Errors;
using Tenon.Tests.Durability;
using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>Declarative partitioning: routing, row movement and foreign keys across partition trees.</summary>
public sealed class PartitionTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    private void Run(string sql)
    {
        foreach (var _ in _s.Execute(sql)) { }
    }

    private List<string> Rows(string sql) => DbText.Query(_s, sql);

    private TenonException Fails(string sql) => Assert.Throws<TenonException>(() => _s.ExecuteSingle(sql));

    [Fact]
    public void ARowWithoutAPartitionFailsTheWholeStatement()
    {
        Run("CREATE TABLE p (a int) PARTITION BY RANGE (a); CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10)");
        var e = Fails("INSERT INTO p VALUES (1), (2), (50)");
        Assert.Equal("23514", e.SqlState);
        Assert.Equal("Partition key of the failing row contains (a) = (50).", e.Detail);
        Assert.Empty(Rows("SELECT * FROM p"));
    }

    [Fact]
    public void CascadeFromAPartitionedParentReachesPartitionedChildren()
    {
        Run("CREATE TABLE pk (a int PRIMARY KEY) PARTITION BY RANGE (a);"
            + "CREATE TABLE pk1 PARTITION OF pk FOR VALUES FROM (0) TO (10);"
            + "CREATE TABLE pk2 PARTITION OF pk FOR VALUES FROM (10) TO (20);"
            + "CREATE TABLE fk (x int REFERENCES pk ON DELETE CASCADE ON UPDATE CASCADE, y int) PARTITION BY LIST (y);"
            + "CREATE TABLE fk1 PARTITION OF fk FOR VALUES IN (1);"
            + "CREATE TABLE fk2 PARTITION OF fk DEFAULT;"
            + "INSERT INTO pk VALUES (1), (2), (11);"
            + "INSERT INTO fk VALUES (1, 1), (2, 2), (11, 1)");
        Assert.Equal("23503", Fails("INSERT INTO fk VALUES (7, 1)").SqlState);
        // Moving the referenced row to another partition is an update of the key, not a delete.
        Run("UPDATE pk SET a = 12 WHERE a = 1");
        Assert.Equal(["fk1|12|1", "fk1|11|1", "fk2|2|2"], Rows("SELECT tableoid::regclass::text, x, y FROM fk ORDER BY y, x DESC"));
        Run("DELETE FROM pk WHERE a >= 11");
        Assert.Equal(["fk2|2|2"], Rows("SELECT tableoid::regclass::text, x, y FROM fk"));
    }

    [Fact]
    public void UpdateThroughASubtreeMovesRowsOnlyWithinIt()
    {
        Run("CREATE TABLE p (a int, b int) PARTITION BY LIST (a);"
            + "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1) PARTITION BY RANGE (b);"
            + "CREATE TABLE p1a PARTITION OF p1 FOR VALUES FROM (0) TO (10);"
            + "CREATE TABLE p1b PARTITION OF p1 FOR VALUES FROM (10) TO (20);"
            + "CREATE TABLE p2 PARTITION OF p FOR VALUES IN (2);"
            + "INSERT INTO p VALUES (1, 5)");
        Run("UPDATE p1 SET b = 15");
        Assert.Equal(["p1b"], Rows("SELECT tableoid::regclass::text FROM p"));
        var e = Fails("UPDATE p1 SET a = 2");
        Assert.Equal("new row for relation \"p1\" violates partition constraint", e.MessageText);
        Run("UPDATE p SET a = 2");
        Assert.Equal(["p2|2|15"], Rows("SELECT tableoid::regclass::text, a, b FROM p"));
    }

    [Fact]
    public void OnConflictThroughAPartitionedTableUsesTheLeafIndexes()
    {
        Run("CREATE TABLE p (a int PRIMARY KEY, b text) PARTITION BY LIST (a);"
            + "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1, 2);"
            + "INSERT INTO p VALUES (1, 'x')");
        Run("INSERT INTO p VALUES (1, 'y') ON CONFLICT (a) DO UPDATE SET b = excluded.b");
        Run("INSERT INTO p VALUES (1, 'z') ON CONFLICT DO NOTHING");
        Assert.Equal(["1|y"], Rows("SELECT * FROM p"));
        var e = Fails("INSERT INTO p VALUES (1, 'w') ON CONFLICT (a) DO UPDATE SET a = 3");
        Assert.Equal("0A000", e.SqlState);
    }

    [Fact]
    public void PartitionsSurviveReopen()
    {
        using var dir = new TempDir();
        var path = dir.File("parts.tenon");
        using (var db = Database.Open(path, new DatabaseOptions { CheckpointOnClose = true }))
            DbText.Run(db, "CREATE TABLE p (a text, b int) PARTITION BY RANGE (a, (b + 0)); "
                + "CREATE TABLE p1 PARTITION OF p FOR VALUES FROM ('a', MINVALUE) TO ('b', 5); "
                + "CREATE TABLE pd PARTITION OF p DEFAULT; INSERT INTO p VALUES ('a', 1), ('c', 1)");
        using (var db = Database.Open(path))
        {
            Assert.Equal(["p1|a", "pd|c"], DbText.Query(db, "SELECT tableoid::regclass, a FROM p ORDER BY a"));
            DbText.Run(db, "INSERT INTO p VALUES ('a', 100)");
            Assert.Equal(["2"], DbText.Query(db, "SELECT count(*) FROM p1"));
        }
    }
}
