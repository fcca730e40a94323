using System.Text.RegularExpressions;
using Tenon.Errors;
using Xunit;

namespace Tenon.Tests.Execution;

/// <summary>
/// EXPLAIN shows the planner's access paths (Binder.Access.cs) in PostgreSQL's text format, and
/// EXPLAIN ANALYZE runs the statement with per-node counts and PostgreSQL's RI trigger lines.
/// </summary>
public sealed partial class ExplainTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    private string Plan(string sql) => string.Join("\n", _s.ExecuteSingle(sql).Rows.Select(r => (string)r[0]!));

    private void Setup()
    {
        _s.ExecuteSingle("CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE, v varchar(10))");
        _s.ExecuteSingle("CREATE TABLE c (id int PRIMARY KEY, pid int REFERENCES p, w int)");
        _s.ExecuteSingle("CREATE INDEX c_pid ON c (pid)");
        _s.ExecuteSingle("INSERT INTO p SELECT i, 'c' || i, 'v' || (i % 3) FROM generate_series(1, 200) i");
        _s.ExecuteSingle("INSERT INTO c SELECT i, (i * 7) % 200 + 1, i FROM generate_series(1, 1000) i");
    }

    [Fact]
    public void PrimaryKeyLookupIsAnIndexScan()
    {
        Setup();
        Assert.Equal("Index Scan using p_pkey on p\n  Index Cond: (id = 42)", Plan("EXPLAIN (COSTS OFF) SELECT code FROM p WHERE id = 42"));
        Assert.Equal("Index Scan using p_pkey on p\n  Index Cond: (id = 42)\n  Filter: ((v)::text = 'v1'::text)",
            Plan("EXPLAIN (COSTS OFF) SELECT * FROM p WHERE id = 42 AND v = 'v1'"));
        Assert.Equal("Update on p\n  ->  Index Scan using p_pkey on p\n        Index Cond: (id = 7)",
            Plan("EXPLAIN (COSTS OFF) UPDATE p SET v = 'x' WHERE id = 7"));
        Assert.Equal("Index Scan using c_pid on c\n  Index Cond: ((pid > 3) AND (pid < 9))",
            Plan("EXPLAIN (COSTS OFF) SELECT * FROM c WHERE pid > 3 AND pid < 9"));
    }

    [Fact]
    public void ForeignKeyColumnIndexDrivesANestedLoop()
    {
        Setup();
        Assert.Equal(
            "Nested Loop\n  ->  Index Scan using p_pkey on p\n        Index Cond: (id = 5)\n  ->  Index Scan using c_pid on c\n        Index Cond: (pid = p.id)",
            Plan("EXPLAIN (COSTS OFF) SELECT * FROM p JOIN c ON c.pid = p.id WHERE p.id = 5"));
    }

    [Fact]
    public void WithoutAUsableIndexItIsASeqScanOrHashJoin()
    {
        Setup();
        Assert.Equal("Seq Scan on c\n  Filter: (w = 3)", Plan("EXPLAIN (COSTS OFF) SELECT * FROM c WHERE w = 3"));
        Assert.Equal("Hash Join\n  Hash Cond: (c.pid = p.id)\n  ->  Seq Scan on c\n  ->  Hash\n        ->  Seq Scan on p",
            Plan("EXPLAIN (COSTS OFF) SELECT * FROM c JOIN p ON c.pid = p.id"));
        _s.ExecuteSingle("SET enable_indexscan = off");
        Assert.Equal("Seq Scan on p\n  Filter: (id = 42)", Plan("EXPLAIN (COSTS OFF) SELECT * FROM p WHERE id = 42"));
    }

    [Fact]
    public void UpperNodesPrintTheirKeys()
    {
        Setup();
        Assert.Equal("Limit\n  ->  Sort\n        Sort Key: w DESC\n        ->  Seq Scan on c",
            Plan("EXPLAIN (COSTS OFF) SELECT * FROM c ORDER BY w DESC LIMIT 3"));
        Assert.Equal("HashAggregate\n  Group Key: pid\n  ->  Seq Scan on c", Plan("EXPLAIN (COSTS OFF) SELECT pid, count(*) FROM c GROUP BY pid"));
        Assert.Equal("Seq Scan on public.p\n  Output: id, code, v\n  Filter: ((p.id + 0) > 1)", Plan("EXPLAIN (COSTS OFF, VERBOSE) SELECT * FROM p WHERE id + 0 > 1"));
        Assert.Matches(@"^Seq Scan on p  \(cost=0\.00\.\.\d+\.\d\d rows=200 width=68\)$", Plan("EXPLAIN SELECT * FROM p"));
    }

    [Fact]
    public void AnalyzeCountsRowsAndRemovedRows()
    {
        Setup();
        var plan = Plan("EXPLAIN ANALYZE SELECT * FROM c WHERE w < 11");
        Assert.Matches(Lines(
            @"Seq Scan on c  \(cost=[\d.]+ rows=\d+ width=\d+\) \(actual time=\d+\.\d{3}\.\.\d+\.\d{3} rows=10 loops=1\)",
            @"  Filter: \(w < 11\)",
            @"  Rows Removed by Filter: 990",
            @"Planning Time: \d+\.\d{3} ms",
            @"Execution Time: \d+\.\d{3} ms"), plan);
        Assert.Equal("Nested Loop (actual rows=1 loops=1)\n  ->  Index Scan using c_pkey on c (actual rows=1 loops=1)\n        Index Cond: (id = 5)\n"
            + "  ->  Index Scan using p_pkey on p (actual rows=1 loops=1)\n        Index Cond: (id = c.pid)",
            Plan("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM c JOIN p ON c.pid = p.id WHERE c.id = 5"));
    }

    [Fact]
    public void AnalyzeOfAnInsertShowsTheForeignKeyTrigger()
    {
        Setup();
        var plan = Plan("EXPLAIN ANALYZE INSERT INTO c VALUES (5000, 3, 0), (5001, 4, 0), (5002, NULL, 0)");
        Assert.Matches(Lines(
            @"Insert on c  \(cost=[\d.]+ rows=0 width=0\) \(actual time=[\d.]+ rows=0 loops=1\)",
            @"  ->  Values Scan on ""\*VALUES\*""  \(cost=[\d.]+ rows=3 width=\d+\) \(actual time=[\d.]+ rows=3 loops=1\)",
            @"Planning Time: \d+\.\d{3} ms",
            @"Trigger for constraint c_pid_fkey: time=\d+\.\d{3} calls=3",
            @"Execution Time: \d+\.\d{3} ms"), plan);
        // The rows were really inserted, as PostgreSQL's EXPLAIN ANALYZE does.
        Assert.Equal(3L, _s.ExecuteSingle("SELECT count(*) FROM c WHERE id >= 5000").Rows[0][0]);
        // A failing check fails the statement.
        var ex = Assert.Throws<TenonException>(() => _s.ExecuteSingle("EXPLAIN ANALYZE INSERT INTO c VALUES (6000, 999, 0)"));
        Assert.Equal(SqlState.ForeignKeyViolation, ex.SqlState);
    }

    [Fact]
    public void AnalyzeOfACascadingDeleteCountsOneCallPerDeletedParent()
    {
        _s.ExecuteSingle("CREATE TABLE parent (id int PRIMARY KEY)");
        _s.ExecuteSingle("CREATE TABLE child (id int PRIMARY KEY, pid int REFERENCES parent ON DELETE CASCADE)");
        _s.ExecuteSingle("CREATE TABLE grandchild (id int PRIMARY KEY, cid int REFERENCES child ON DELETE CASCADE)");
        _s.ExecuteSingle("INSERT INTO parent SELECT generate_series(1, 5)");
        _s.ExecuteSingle("INSERT INTO child SELECT i, i % 5 + 1 FROM generate_series(1, 20) i");
        _s.ExecuteSingle("INSERT INTO grandchild SELECT i, i FROM generate_series(1, 20) i");
        Assert.Equal("Delete on parent (actual rows=0 loops=1)\n  ->  Seq Scan on parent (actual rows=2 loops=1)\n        Filter: ((id % 5) < 2)\n"
            + "        Rows Removed by Filter: 3\nTrigger for constraint child_pid_fkey on parent: calls=2\n"
            // The cascade's deletes queue the grandchildren's actions on the statement's queue, as PostgreSQL's RI queries do.
            + "Trigger for constraint grandchild_cid_fkey on child: calls=8",
            Plan("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) DELETE FROM parent WHERE id % 5 < 2"));
        Assert.Equal(12L, _s.ExecuteSingle("SELECT count(*) FROM child").Rows[0][0]);
        Assert.Equal(12L, _s.ExecuteSingle("SELECT count(*) FROM grandchild").Rows[0][0]);
    }

    [Fact]
    public void SubqueriesAreSubPlansAndInitPlansMeasuredByAnalyze()
    {
        _s.ExecuteSingle("CREATE TABLE t (a int PRIMARY KEY, b int)");
        _s.ExecuteSingle("INSERT INTO t SELECT g, g % 3 FROM generate_series(1, 10) g");
        _s.ExecuteSingle("CREATE TABLE s (x int, y int)");
        _s.ExecuteSingle("INSERT INTO s SELECT g, g FROM generate_series(1, 5) g");
        Assert.Equal("Seq Scan on t (actual rows=10 loops=1)\n  SubPlan 1\n    ->  Aggregate (actual rows=1 loops=10)\n"
            + "          ->  Seq Scan on s (actual rows=1 loops=10)\n                Filter: (y = t.b)\n                Rows Removed by Filter: 4",
            Plan("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT a, (SELECT max(x) FROM s WHERE s.y = t.b) FROM t"));
        Assert.Equal("Seq Scan on t\n  Filter: (b = $0)\n  InitPlan 1 (returns $0)\n    ->  Aggregate\n          ->  Seq Scan on s",
            Plan("EXPLAIN (COSTS OFF) SELECT a FROM t WHERE b = (SELECT min(x) FROM s)"));
    }

    [Fact]
    public void OnConflictShowsResolutionArbitersAndFilter()
    {
        _s.ExecuteSingle("CREATE TABLE ict (key int, fruit text)");
        _s.ExecuteSingle("CREATE UNIQUE INDEX ict_key ON ict (key)");
        Assert.Equal("Insert on ict\n  Conflict Resolution: NOTHING\n  Conflict Arbiter Indexes: ict_key\n  ->  Result",
            Plan("EXPLAIN (COSTS OFF) INSERT INTO ict VALUES (1, 'a') ON CONFLICT (key) DO NOTHING"));
        Assert.Equal("Insert on ict\n  Conflict Resolution: NOTHING\n  ->  Result",
            Plan("EXPLAIN (COSTS OFF) INSERT INTO ict VALUES (1, 'a') ON CONFLICT DO NOTHING"));
        Assert.Equal("Insert on ict i\n  Conflict Resolution: UPDATE\n  Conflict Arbiter Indexes: ict_key\n"
            + "  Conflict Filter: ((i.fruit <> 'x'::text) AND (excluded.fruit <> 'y'::text))\n  ->  Result",
            Plan("EXPLAIN (COSTS OFF) INSERT INTO ict AS i VALUES (1, 'a') ON CONFLICT (key) DO UPDATE SET fruit = excluded.fruit "
                + "WHERE i.fruit <> 'x' AND excluded.fruit <> 'y'"));
    }

    [Fact]
    public void PlainExplainDoesNotRunTheStatement()
    {
        Setup();
        Plan("EXPLAIN DELETE FROM c");
        Plan("EXPLAIN INSERT INTO c SELECT id + 2000, pid, w FROM c");
        Assert.Equal(1000L, _s.ExecuteSingle("SELECT count(*) FROM c").Rows[0][0]);
    }

    [Theory]
    [InlineData("EXPLAIN (foo) SELECT 1", "42601", "unrecognized EXPLAIN option \"foo\"")]
    [InlineData("EXPLAIN (TIMING) SELECT 1", "22023", "EXPLAIN option TIMING requires ANALYZE")]
    [InlineData("EXPLAIN (WAL) SELECT 1", "22023", "EXPLAIN option WAL requires ANALYZE")]
    [InlineData("EXPLAIN (ANALYZE maybe) SELECT 1", "42601", "analyze requires a Boolean value")]
    [InlineData("EXPLAIN (FORMAT foo) SELECT 1", "22023", "unrecognized value for EXPLAIN option \"format\": \"foo\"")]
    [InlineData("EXPLAIN (FORMAT JSON) SELECT 1", "0A000", "EXPLAIN (FORMAT JSON) is not supported by Tenon yet")]
    [InlineData("VACUUM (foo) t", "42601", "unrecognized VACUUM option \"foo\"")]
    [InlineData("ANALYZE nosuch", "42P01", "relation \"nosuch\" does not exist")]
    public void BadOptionsGivePostgreSqlErrors(string sql, string state, string message)
    {
        var ex = Assert.Throws<TenonException>(() => _s.ExecuteSingle(sql));
        Assert.Equal(state, ex.SqlState);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void VacuumRefusesATransactionBlockAndAnalyzeDoesNot()
    {
        _s.ExecuteSingle("CREATE TABLE t (a int)");
        _s.ExecuteSingle("VACUUM ANALYZE t");
        _s.ExecuteSingle("BEGIN");
        _s.ExecuteSingle("ANALYZE t (a)");
        var ex = Assert.Throws<TenonException>(() => _s.ExecuteSingle("VACUUM t"));
        Assert.Equal("25001", ex.SqlState);
        Assert.Equal("VACUUM cannot run inside a transaction block", ex.Message);
        _s.ExecuteSingle("ROLLBACK");
    }

    private static string Lines(params string[] patterns) => "^" + string.Join("\n", patterns) + "$";
}
