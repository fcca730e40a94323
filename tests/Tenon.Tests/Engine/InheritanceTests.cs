using Tenon.Errors;
using Tenon.Tests.Durability;
using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>Table inheritance: scans and writes through a parent, the inheritance graph, and its catalog state.</summary>
public sealed class InheritanceTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    private void Run(string sql)
    {
        foreach (var _ in _s.Execute(sql)) { }
    }

    private List<string> Rows(string sql) => DbText.Query(_s, sql);

    [Fact]
    public void ADiamondIsScannedOnceInPostgreSqlsOrder()
    {
        // d inherits from b and c, which both inherit from a: the parent first, then level by level in oid order.
        Run("CREATE TABLE a (x int); CREATE TABLE b () INHERITS (a); CREATE TABLE c () INHERITS (a);"
            + "CREATE TABLE d () INHERITS (b, c);"
            + "INSERT INTO d VALUES (4); INSERT INTO c VALUES (3); INSERT INTO b VALUES (2); INSERT INTO a VALUES (1)");
        Assert.Equal(["a|1", "b|2", "c|3", "d|4"], Rows("SELECT tableoid::regclass::text, x FROM a"));
        Assert.Equal(["b|2", "d|4"], Rows("SELECT tableoid::regclass::text, x FROM b"));
        var catalog = _s.Database.Committed.Catalog;
        var a = catalog.FindTable("public", "a")!;
        Assert.Equal(["a", "b", "c", "d"], catalog.InheritanceTree(a).Select(t => t.Name));
    }

    [Fact]
    public void UpdateThroughTheParentKeepsTheChildsOwnColumnsAndChecksItsConstraints()
    {
        Run("CREATE TABLE p (a int, b text); CREATE TABLE c (x int NOT NULL, b text, CHECK (a < 100)) INHERITS (p);"
            + "INSERT INTO c VALUES (1, 'one', 10)");
        Run("UPDATE p SET a = a + 1, b = 'two'");
        Assert.Equal(["2|two|10"], Rows("SELECT a, b, x FROM c"));
        var e = Assert.Throws<TenonException>(() => Run("UPDATE p SET a = 500"));
        Assert.Equal("23514", e.SqlState);
        Assert.Equal(["2|two|10"], Rows("SELECT a, b, x FROM c"));
        Assert.Equal(["2|two"], Rows("UPDATE p SET b = b RETURNING a, b"));
    }

    [Fact]
    public void KeysAreNotInheritedSoAForeignKeyToTheParentIgnoresChildRows()
    {
        Run("CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c () INHERITS (p);"
            + "CREATE TABLE r (id int REFERENCES p); INSERT INTO c VALUES (1), (1)");
        Assert.Equal(["1", "1"], Rows("SELECT id FROM p"));
        var e = Assert.Throws<TenonException>(() => Run("INSERT INTO r VALUES (1)"));
        Assert.Equal("23503", e.SqlState);
    }

    [Fact]
    public void AFailedAlterLeavesEveryTableOfTheTreeAsItWas()
    {
        Run("CREATE TABLE p (a int); CREATE TABLE c1 () INHERITS (p); CREATE TABLE c2 (b int) INHERITS (p);"
            + "INSERT INTO c2 VALUES (1, -1)");
        // The CHECK reaches c1 first, then fails on c2's row: nothing stays.
        var e = Assert.Throws<TenonException>(() => Run("ALTER TABLE p ADD CONSTRAINT pos CHECK (a > 1)"));
        Assert.Equal("23514", e.SqlState);
        Assert.Empty(Rows("SELECT conname FROM pg_constraint WHERE conname = 'pos'"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void InheritanceSurvivesReopen(bool checkpointOnClose)
    {
        using var dir = new TempDir();
        var path = dir.File("inherit.tenon");
        var options = new DatabaseOptions { CheckpointOnClose = checkpointOnClose };
        using (var db = Database.Open(path, options))
        {
            DbText.Run(db, "CREATE TABLE p (a int CHECK (a > 0)); CREATE TABLE c (a int, b int) INHERITS (p)");
            DbText.Run(db, "INSERT INTO p VALUES (1); INSERT INTO c VALUES (2, 3)");
        }
        using (var db = Database.Open(path, options))
        {
            Assert.Equal(["1", "2"], DbText.Query(db, "SELECT a FROM p ORDER BY a"));
            Assert.Equal(["a|t|1", "b|t|0"], DbText.Query(db, "SELECT attname, attislocal, attinhcount FROM pg_attribute WHERE attrelid = 'c'::regclass AND attnum > 0 ORDER BY attnum"));
            Assert.Equal(["p_a_check|f|1"], DbText.Query(db, "SELECT conname, conislocal, coninhcount FROM pg_constraint WHERE conrelid = 'c'::regclass"));
            Assert.Equal(["c|p|1"], DbText.Query(db, "SELECT inhrelid::regclass::text, inhparent::regclass::text, inhseqno FROM pg_inherits"));
        }
    }
}
