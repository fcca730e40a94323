using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;
using Tenon.Tests.Durability;
using Tenon.Types;

namespace Tenon.Tests.Engine;

/// <summary>REINDEX rebuilds indexes that go on working; CONCURRENTLY's new oid reaches everything that names the index.</summary>
public sealed class ReindexTests
{
    private readonly Database _db = Database.OpenInMemory();

    private object? Scalar(Session s, string sql) => s.ExecuteSingle(sql).Rows[0][0];

    [Fact]
    public void ARebuiltUniqueIndexStillFindsRowsAndRefusesDuplicates()
    {
        using var s = _db.CreateSession();
        s.ExecuteSingle("CREATE TABLE t (a int, b int)");
        s.ExecuteSingle("INSERT INTO t SELECT g, g * 2 FROM generate_series(1, 500) g");
        s.ExecuteSingle("CREATE UNIQUE INDEX t_a ON t (a)");
        s.ExecuteSingle("REINDEX TABLE t");
        s.ExecuteSingle("REINDEX INDEX CONCURRENTLY t_a");
        Assert.Equal(246, Scalar(s, "SELECT b FROM t WHERE a = 123"));
        Assert.Equal("23505", Assert.Throws<TenonException>(() => s.ExecuteSingle("INSERT INTO t VALUES (7, 0)")).SqlState);
        s.ExecuteSingle("INSERT INTO t VALUES (501, 0)");
        Assert.Equal(0, Scalar(s, "SELECT b FROM t WHERE a = 501"));
    }

    [Fact]
    public void ConcurrentlyMovesKeyForeignKeysAndCommentsToTheNewOid()
    {
        using var s = _db.CreateSession();
        s.ExecuteSingle("CREATE TABLE p (id int PRIMARY KEY)");
        s.ExecuteSingle("CREATE TABLE c (p int REFERENCES p)");
        s.ExecuteSingle("COMMENT ON INDEX p_pkey IS 'key'");
        s.ExecuteSingle("INSERT INTO p VALUES (1)");
        var before = (uint)Scalar(s, "SELECT 'p_pkey'::regclass::oid")!;
        s.ExecuteSingle("REINDEX TABLE CONCURRENTLY p");
        var after = (uint)Scalar(s, "SELECT 'p_pkey'::regclass::oid")!;
        Assert.NotEqual(before, after);
        var catalog = _db.Committed.Catalog;
        Assert.False(catalog.Indexes.ContainsKey(before));
        Assert.Equal(after, catalog.FindTable("public", "p")!.PrimaryKey!.IndexOid);
        Assert.Equal(after, catalog.FindTable("public", "c")!.ForeignKeys.Single().ParentIndexOid);
        Assert.Equal("key", Scalar(s, "SELECT obj_description('p_pkey'::regclass, 'pg_class')"));
        s.ExecuteSingle("INSERT INTO c VALUES (1)");
        Assert.Equal("23503", Assert.Throws<TenonException>(() => s.ExecuteSingle("INSERT INTO c VALUES (2)")).SqlState);
        Assert.Equal("23503", Assert.Throws<TenonException>(() => s.ExecuteSingle("DELETE FROM p")).SqlState);
    }

    [Fact]
    public void SeveralStatementsInOneQueryAreATransactionBlock()
    {
        using var s = _db.CreateSession();
        s.ExecuteSingle("CREATE TABLE t (a int PRIMARY KEY)");
        var e = Assert.Throws<TenonException>(() => s.Execute("SELECT 1; REINDEX TABLE CONCURRENTLY t").ToList());
        Assert.Equal("REINDEX CONCURRENTLY cannot run inside a transaction block", e.Message);
        e = Assert.Throws<TenonException>(() => s.Execute("SELECT 1; CREATE INDEX CONCURRENTLY ON t (a)").ToList());
        Assert.Equal("25001", e.SqlState);
        s.Execute("SELECT 1; REINDEX TABLE t").ToList();
    }

    [Fact]
    public void ToastTablesFollowPostgreSqlsRule()
    {
        static TableDef Table(params SqlType[] types) => new(1, "public", "t",
            types.Select((t, i) => new ColumnDef($"c{i}", t, (short)(i + 1))).ToArray());
        Assert.False(ToastTable.Needs(Table(SqlType.Int4, SqlType.Int8)));
        Assert.True(ToastTable.Needs(Table(SqlType.Int4, SqlType.Text)));
        Assert.False(ToastTable.Needs(Table(SqlType.VarcharOf(10))));
        Assert.True(ToastTable.Needs(Table(SqlType.VarcharOf(1000))));
    }

    [Fact]
    public void IndexOptionsMergeAndPrintAsPostgreSqlDoes()
    {
        var set = IndexStorageParameters.Merge([], [new RelOption(null, "fillfactor", "50"), new RelOption(null, "deduplicate_items", "off")], reset: false, "btree");
        Assert.Equal(["fillfactor=50", "deduplicate_items=off"], set);
        set = IndexStorageParameters.Merge(set, [new RelOption(null, "fillfactor", null)], reset: true, "btree");
        Assert.Equal(["deduplicate_items=off"], set);
        Assert.Equal("fillfactor='30', deduplicate_items=off, buffering='on'", IndexStorageParameters.Format(["fillfactor=30", "deduplicate_items=off", "buffering=on"]));
        Assert.Equal("22023", Assert.Throws<TenonException>(() => IndexStorageParameters.Merge([], [new RelOption(null, "fillfactor", "5")], false, "btree")).SqlState);
        Assert.Throws<TenonException>(() => IndexStorageParameters.ForCreate([new RelOption(null, "deduplicate_items", "on")], "hash"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void IndexStateSurvivesReopen(bool checkpointOnClose)
    {
        using var dir = new TempDir();
        var path = dir.File("reindex.tenon");
        var options = new DatabaseOptions { CheckpointOnClose = checkpointOnClose };
        uint node;
        using (var db = Database.Open(path, options))
        {
            DbText.Run(db, "CREATE TABLE p (a int, b int) PARTITION BY RANGE (a)");
            DbText.Run(db, "CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10)");
            DbText.Run(db, "CREATE INDEX p_a ON p (a) WITH (fillfactor = 70)");
            DbText.Run(db, "CREATE INDEX p1_e ON p1 ((a + b))");
            DbText.Run(db, "ALTER INDEX p1_e ALTER COLUMN 1 SET STATISTICS 50");
            DbText.Run(db, "REINDEX INDEX p1_a_idx");
            node = uint.Parse(DbText.Query(db, "SELECT relfilenode FROM pg_class WHERE relname = 'p1_a_idx'").Single());
        }
        using (var db = Database.Open(path, options))
        {
            Assert.Equal([node.ToString()], DbText.Query(db, "SELECT relfilenode FROM pg_class WHERE relname = 'p1_a_idx'"));
            Assert.Equal(["p1_a_idx|p_a"], DbText.Query(db, "SELECT inhrelid::regclass || '|' || inhparent::regclass FROM pg_inherits WHERE inhparent = 'p_a'::regclass"));
            Assert.Equal(["{fillfactor=70}"], DbText.Query(db, "SELECT reloptions FROM pg_class WHERE relname = 'p_a'"));
            Assert.Equal(["50"], DbText.Query(db, "SELECT attstattarget FROM pg_attribute WHERE attrelid = 'p1_e'::regclass"));
        }
    }
}
