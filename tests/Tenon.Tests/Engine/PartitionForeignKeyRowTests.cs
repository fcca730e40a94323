using Tenon.Errors;
using Tenon.Tests.Durability;
using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>
/// A foreign key referencing a partitioned table has a constraint row per partition of it
/// (ForeignKeyDef.ReferencedPartitions): named and parented as PostgreSQL makes them, kept in
/// step with ATTACH/DETACH/DROP, and named by "still referenced" errors raised for a partition.
/// </summary>
public sealed class PartitionForeignKeyRowTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    private void Run(string sql)
    {
        foreach (var _ in _s.Execute(sql)) { }
    }

    private List<string> Rows(string sql) => DbText.Query(_s, sql);

    private TenonException Fails(string sql) => Assert.Throws<TenonException>(() => _s.ExecuteSingle(sql));

    private const string Catalog =
        "SELECT c.conname || ':' || c.confrelid::regclass::text || ':' || coalesce(p.conname, '-') FROM pg_constraint c "
        + "LEFT JOIN pg_constraint p ON p.oid = c.conparentid WHERE c.conrelid = 'fk'::regclass ORDER BY c.oid";

    [Fact]
    public void RowsFollowThePartitionTreeDepthFirstInBoundOrder()
    {
        Run("CREATE TABLE pk (a int PRIMARY KEY) PARTITION BY RANGE (a);"
            + "CREATE TABLE pk2 PARTITION OF pk FOR VALUES FROM (10) TO (20) PARTITION BY RANGE (a);"
            + "CREATE TABLE pk21 PARTITION OF pk2 FOR VALUES FROM (10) TO (15);"
            + "CREATE TABLE pk1 PARTITION OF pk FOR VALUES FROM (0) TO (10);"
            + "CREATE TABLE pkd PARTITION OF pk DEFAULT;"
            + "CREATE TABLE fk (a int REFERENCES pk)");
        Assert.Equal(["fk_a_fkey:pk:-", "fk_a_fkey1:pk1:fk_a_fkey", "fk_a_fkey2:pk2:fk_a_fkey", "fk_a_fkey3:pk21:fk_a_fkey2", "fk_a_fkey4:pkd:fk_a_fkey"],
            Rows(Catalog));
        // A partition added later gets the next free name; one detached loses its row, and its name is free again.
        Run("CREATE TABLE pk22 PARTITION OF pk2 FOR VALUES FROM (15) TO (20)");
        Run("ALTER TABLE pk DETACH PARTITION pk1");
        Assert.Equal(["fk_a_fkey:pk:-", "fk_a_fkey2:pk2:fk_a_fkey", "fk_a_fkey3:pk21:fk_a_fkey2", "fk_a_fkey4:pkd:fk_a_fkey", "fk_a_fkey5:pk22:fk_a_fkey2"],
            Rows(Catalog));
        Run("ALTER TABLE pk ATTACH PARTITION pk1 FOR VALUES FROM (0) TO (10)");
        Assert.Contains("fk_a_fkey1:pk1:fk_a_fkey", Rows(Catalog));
        Run("ALTER TABLE fk DROP CONSTRAINT fk_a_fkey");
        Assert.Empty(Rows(Catalog));
    }

    [Fact]
    public void StillReferencedNamesThePartitionAndItsRow()
    {
        Run("CREATE TABLE pk (a int PRIMARY KEY) PARTITION BY LIST (a);"
            + "CREATE TABLE pk1 PARTITION OF pk FOR VALUES IN (1);"
            + "CREATE TABLE pk2 PARTITION OF pk FOR VALUES IN (2);"
            + "CREATE TABLE fk (a int REFERENCES pk);"
            + "INSERT INTO pk VALUES (1), (2); INSERT INTO fk VALUES (2)");
        var e = Fails("DELETE FROM pk");
        Assert.Equal("23503", e.SqlState);
        Assert.Equal("update or delete on table \"pk2\" violates foreign key constraint \"fk_a_fkey2\" on table \"fk\"", e.Message);
        Assert.Equal("fk_a_fkey2", e.ConstraintName);
        var detach = Fails("ALTER TABLE pk DETACH PARTITION pk2");
        Assert.Equal("removing partition \"pk2\" violates foreign key constraint \"fk_a_fkey2\"", detach.Message);
        Assert.Equal("2BP01", Fails("DROP TABLE pk1").SqlState);
        Run("DELETE FROM fk; ALTER TABLE pk DETACH PARTITION pk2; DROP TABLE pk2");
        Assert.Equal(["fk_a_fkey", "fk_a_fkey1"], Rows("SELECT conname FROM pg_constraint WHERE conrelid = 'fk'::regclass ORDER BY conname"));
    }

    [Fact]
    public void ACascadeMovesTheChildRowToItsNewPartition()
    {
        Run("CREATE TABLE pk (a int PRIMARY KEY);"
            + "CREATE TABLE fk (a int REFERENCES pk ON UPDATE CASCADE ON DELETE SET NULL) PARTITION BY LIST (a);"
            + "CREATE TABLE fk1 PARTITION OF fk FOR VALUES IN (1);"
            + "CREATE TABLE fk2 PARTITION OF fk FOR VALUES IN (2);"
            + "CREATE TABLE fkn PARTITION OF fk FOR VALUES IN (NULL);"
            + "INSERT INTO pk VALUES (1); INSERT INTO fk VALUES (1)");
        Run("UPDATE pk SET a = 2");
        Assert.Equal(["fk2|2"], Rows("SELECT tableoid::regclass::text, a FROM fk"));
        Run("DELETE FROM pk");
        Assert.Equal(["fkn|"], Rows("SELECT tableoid::regclass::text, a FROM fk"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RowsSurviveReopen(bool checkpointOnClose)
    {
        using var dir = new Durability.TempDir();
        var path = dir.File("pfk.tenon");
        var options = new DatabaseOptions { CheckpointOnClose = checkpointOnClose };
        using (var db = Database.Open(path, options))
            DbText.Run(db, "CREATE TABLE pk (a int PRIMARY KEY) PARTITION BY LIST (a);"
                + "CREATE TABLE pk1 PARTITION OF pk FOR VALUES IN (1);"
                + "CREATE TABLE fk (a int REFERENCES pk);"
                + "INSERT INTO pk VALUES (1); INSERT INTO fk VALUES (1)");
        using (var db = Database.Open(path, options))
        {
            Assert.Equal(["fk_a_fkey:pk", "fk_a_fkey1:pk1"],
                DbText.Query(db, "SELECT conname || ':' || confrelid::regclass::text FROM pg_constraint WHERE conrelid = 'fk'::regclass ORDER BY conname"));
            using var s = db.CreateSession();
            Assert.Equal("update or delete on table \"pk1\" violates foreign key constraint \"fk_a_fkey1\" on table \"fk\"",
                Assert.Throws<TenonException>(() => s.ExecuteSingle("DELETE FROM pk")).Message);
        }
    }

    [Fact]
    public void SchemaElementsRunInsideTheNewSchema()
    {
        Run("CREATE SCHEMA s CREATE VIEW v AS SELECT a FROM t CREATE TABLE t (a int DEFAULT nextval('q')) CREATE SEQUENCE q");
        Run("INSERT INTO s.t DEFAULT VALUES");
        Assert.Equal(["1"], Rows("SELECT a FROM s.v"));
        Assert.Equal("42P15", Fails("CREATE SCHEMA s2 CREATE TABLE s.x (a int)").SqlState);
        Assert.Empty(Rows("SELECT 1 FROM pg_namespace WHERE nspname = 's2'"));
    }
}
