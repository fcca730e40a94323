using Tenon.Tests.Durability;

namespace Tenon.Tests.Concurrency;

/// <summary>A REPEATABLE READ commit applied onto a newer version is logged like any other: reopening the file gives the same rows.</summary>
public sealed class MergedCommitDurabilityTests
{
    [Fact]
    public void MergedCommitSurvivesReopen()
    {
        using var dir = new TempDir();
        var path = dir.File("merge.tenon");
        using (var db = Database.Open(path, new DatabaseOptions { CheckpointOnClose = false }))
        {
            using var s1 = db.CreateSession();
            using var s2 = db.CreateSession();
            s1.Execute("CREATE TABLE t (id int PRIMARY KEY, v text); CREATE INDEX ON t (v); INSERT INTO t VALUES (1, 'a'), (2, 'b');").ToList();
            s1.ExecuteSingle("BEGIN ISOLATION LEVEL REPEATABLE READ");
            s1.ExecuteSingle("SELECT * FROM t");
            s2.ExecuteSingle("INSERT INTO t VALUES (3, 'c')");
            s2.ExecuteSingle("UPDATE t SET v = 'bb' WHERE id = 2");
            s1.ExecuteSingle("INSERT INTO t VALUES (4, 'd')");
            s1.ExecuteSingle("DELETE FROM t WHERE id = 1");
            s1.ExecuteSingle("COMMIT");
            Assert.Equal("2:bb,3:c,4:d", s2.ExecuteSingle("SELECT string_agg(id || ':' || v, ',' ORDER BY id) FROM t").Rows[0][0]);
        }
        using (var db = Database.Open(path))
        {
            using var s = db.CreateSession();
            Assert.Equal("2:bb,3:c,4:d", s.ExecuteSingle("SELECT string_agg(id || ':' || v, ',' ORDER BY id) FROM t").Rows[0][0]);
            Assert.Equal("4", s.ExecuteSingle("SELECT id FROM t WHERE v = 'd'").Rows[0][0]!.ToString());
        }
    }
}
