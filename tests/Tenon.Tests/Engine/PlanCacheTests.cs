using Tenon.Errors;
using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>
/// Bound plans kept per statement (Session.PlanCache.cs): reused while the catalog, the settings,
/// the user and the parameter types stay the same, bound again as soon as any of them changes.
/// </summary>
public sealed class PlanCacheTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    private void Exec(string sql)
    {
        foreach (var _ in _s.Execute(sql)) { }
    }

    private List<object?[]> Run(PreparedStatement p, params object?[] args) => [.. _s.Execute(p, args).Last().Rows ?? []];

    [Fact]
    public void APreparedStatementIsBoundOnceAndReused()
    {
        Exec("CREATE TABLE p (id int PRIMARY KEY, code text); INSERT INTO p SELECT g, 'c' || g FROM generate_series(1, 50) g");
        var select = _s.Prepare("SELECT code FROM p WHERE id = $1");
        var bound = _s.PlanCounters.PlansBound;
        var reused = _s.PlanCounters.PlanReuses;
        for (var i = 1; i <= 10; i++) Assert.Equal("c" + i, Run(select, i)[0][0]);
        Assert.Equal(bound + 1, _s.PlanCounters.PlansBound);
        Assert.Equal(reused + 9, _s.PlanCounters.PlanReuses);
        // Another parameter type is another binding.
        Assert.Equal("c7", Run(select, 7L)[0][0]);
        Assert.Equal("c8", Run(select, "8")[0][0]);
        Assert.Equal(bound + 3, _s.PlanCounters.PlansBound);
    }

    [Fact]
    public void AlternatingStatementsEachKeepTheirOwnPlan()
    {
        // The session checks its last looked-up plan before the table: alternating statements must
        // each get their own plan, and a rebinding replaces both.
        Exec("CREATE TABLE p (id int PRIMARY KEY, code text); INSERT INTO p SELECT g, 'c' || g FROM generate_series(1, 50) g");
        var byId = _s.Prepare("SELECT code FROM p WHERE id = $1");
        var byCode = _s.Prepare("SELECT id FROM p WHERE code = $1");
        var bound = _s.PlanCounters.PlansBound;
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal("c" + i, Run(byId, i)[0][0]);
            Assert.Equal(i, Run(byCode, "c" + i)[0][0]);
        }
        Assert.Equal(bound + 2, _s.PlanCounters.PlansBound);
        Exec("ALTER TABLE p ALTER COLUMN code TYPE varchar(10)");
        Assert.Equal("c7", Run(byId, 7)[0][0]);
        Assert.Equal("c7", Run(byId, 7)[0][0]);
        Assert.Equal(8, Run(byCode, "c8")[0][0]);
        Assert.Equal(bound + 4, _s.PlanCounters.PlansBound);
        Assert.Equal(Tenon.Types.TypeId.Varchar, _s.Execute(byId, [9]).Last().Columns![0].Type.Id);
    }

    [Fact]
    public void AlterTableIsSeenByAKeptPlan()
    {
        Exec("CREATE TABLE t (a int); INSERT INTO t VALUES (1)");
        var select = _s.Prepare("SELECT * FROM t");
        var insert = _s.Prepare("INSERT INTO t (a) VALUES ($1)");
        Assert.Single(Run(select)[0]);
        _s.Execute(insert, [2]).ToList();
        Exec("ALTER TABLE t ADD COLUMN b text DEFAULT 'x'");
        _s.Execute(insert, [3]).ToList();
        var rows = Run(select);
        Assert.Equal(2, rows[0].Length);
        Assert.Equal([3, "x"], rows.Single(r => (int)r[0]! == 3));
        Exec("ALTER TABLE t ALTER COLUMN b SET DEFAULT 'y'");
        _s.Execute(insert, [4]).ToList();
        Assert.Equal("y", Run(select).Single(r => (int)r[0]! == 4)[1]);
        Exec("ALTER TABLE t ADD CONSTRAINT small CHECK (a < 10)");
        var e = Assert.Throws<TenonException>(() => _s.Execute(insert, [11]).ToList());
        Assert.Equal("23514", e.SqlState);
        Exec("ALTER TABLE t DROP COLUMN b");
        Assert.Single(Run(select)[0]);
    }

    [Fact]
    public void DropAndCreateIsSeenByAKeptPlan()
    {
        Exec("CREATE TABLE t (x int); INSERT INTO t VALUES (1)");
        var select = _s.Prepare("SELECT x FROM t");
        Assert.Equal(1, Run(select)[0][0]);
        Exec("DROP TABLE t; CREATE TABLE t (x text); INSERT INTO t VALUES ('one')");
        Assert.Equal("one", Run(select)[0][0]);
        Exec("DROP TABLE t");
        var e = Assert.Throws<TenonException>(() => Run(select));
        Assert.Equal("42P01", e.SqlState);
    }

    [Fact]
    public void SearchPathAndPlannerSettingsRebind()
    {
        Exec("CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (v text); CREATE TABLE b.t (v text)");
        Exec("INSERT INTO a.t VALUES ('from a'); INSERT INTO b.t VALUES ('from b')");
        var select = _s.Prepare("SELECT v FROM t");
        Exec("SET search_path = a");
        Assert.Equal("from a", Run(select)[0][0]);
        Exec("SET search_path = b");
        Assert.Equal("from b", Run(select)[0][0]);
        // SET LOCAL ends with its transaction: the plan bound under it is not used after.
        Exec("BEGIN; SET LOCAL search_path = a");
        Assert.Equal("from a", Run(select)[0][0]);
        Exec("COMMIT");
        Assert.Equal("from b", Run(select)[0][0]);

        Exec("CREATE TABLE b.k (id int PRIMARY KEY); INSERT INTO b.k SELECT generate_series(1, 100)");
        var lookup = _s.Prepare("SELECT id FROM k WHERE id = $1");
        var scans = _s.PlanCounters.IndexScans;
        Assert.Equal(5, Run(lookup, 5)[0][0]);
        Assert.Equal(scans + 1, _s.PlanCounters.IndexScans);
        Exec("SET enable_indexscan = off");
        Assert.Equal(6, Run(lookup, 6)[0][0]);
        Assert.Equal(scans + 1, _s.PlanCounters.IndexScans);
    }

    [Fact]
    public void ACatalogChangedByAnotherSessionRebinds()
    {
        var db = Database.OpenInMemory();
        using var s1 = db.CreateSession();
        using var s2 = db.CreateSession();
        foreach (var _ in s1.Execute("CREATE TABLE t (x int); INSERT INTO t VALUES (1)")) { }
        var select = s1.Prepare("SELECT * FROM t");
        Assert.Single(s1.Execute(select).Single().Rows![0]);
        foreach (var _ in s2.Execute("ALTER TABLE t ADD COLUMN y int")) { }
        Assert.Equal(2, s1.Execute(select).Single().Rows![0].Length);
    }

    /// <summary>
    /// The same mix of statements, once through prepared statements (kept plans) and once as
    /// texts never run before (each bound anew), gives the same results and leaves the same data.
    /// </summary>
    [Fact]
    public void KeptPlansGiveTheSameResultsAsFreshBindings()
    {
        var cached = Database.OpenInMemory().CreateSession();
        var fresh = Database.OpenInMemory().CreateSession();
        const string schema = """
            CREATE TABLE parent (id serial PRIMARY KEY, code text UNIQUE NOT NULL, n int CHECK (n >= 0));
            CREATE TABLE child (id serial PRIMARY KEY, parent_id int REFERENCES parent ON DELETE CASCADE, v int);
            CREATE INDEX child_parent ON child (parent_id)
            """;
        foreach (var s in new[] { cached, fresh }) foreach (var _ in s.Execute(schema)) { }
        string[] texts =
        [
            "INSERT INTO parent (code, n) VALUES ($1, $2) RETURNING id",
            "INSERT INTO child (parent_id, v) VALUES ($1, $2)",
            "UPDATE parent SET n = n + $2 WHERE id = $1 RETURNING n",
            "DELETE FROM child WHERE v = $1",
            "SELECT p.id, count(c.id), sum(c.v) FROM parent p LEFT JOIN child c ON c.parent_id = p.id WHERE p.id <= $1 GROUP BY p.id ORDER BY 3 DESC NULLS LAST, 1 LIMIT 5",
            "DELETE FROM parent WHERE id = $1",
            "SELECT count(*), sum(v) FROM child WHERE parent_id BETWEEN $1 AND $2",
        ];
        var prepared = texts.Select(cached.Prepare).ToArray();
        var random = new Random(6);
        var parents = 0;
        for (var i = 0; i < 600; i++)
        {
            var k = i < 40 ? 0 : random.Next(texts.Length);
            object?[] args = k switch
            {
                0 => ["c" + (parents + 1), random.Next(-1, 20)],
                1 => [random.Next(1, parents + 3), random.Next(10)],
                2 => [random.Next(1, parents + 1), random.Next(-5, 5)],
                3 => [random.Next(10)],
                4 => [random.Next(1, parents + 1)],
                5 => [random.Next(1, parents + 1)],
                _ => [random.Next(1, parents + 1), random.Next(1, parents + 1)],
            };
            if (k == 0) parents++;
            var expected = Outcome(() => fresh.ExecuteSingle(texts[k] + $" /* {i} */", args));
            var actual = Outcome(() => cached.Execute(prepared[k], args).Single());
            Assert.Equal(expected, actual);
        }
        Assert.True(cached.PlanCounters.PlanReuses > 500);
        const string dump = "SELECT * FROM parent ORDER BY id; SELECT * FROM child ORDER BY id";
        Assert.Equal(Outcome(() => fresh.Execute(dump).Last()), Outcome(() => cached.Execute(dump).Last()));
    }

    private static string Outcome(Func<StatementResult> run)
    {
        try
        {
            var r = run();
            return r.CommandTag + ": " + string.Join(" | ", (r.Rows ?? []).Select(row => string.Join(",", row.Select(v => v?.ToString() ?? "null"))));
        }
        catch (TenonException e)
        {
            return e.SqlState + " " + e.Message;
        }
    }

    /// <summary>
    /// Statements of a transaction write B+tree nodes in place (no savepoint per statement): a
    /// failed statement's half-done writes must still never be seen after ROLLBACK TO SAVEPOINT.
    /// </summary>
    [Fact]
    public void AFailedStatementLeavesNothingBehindItsSavepoint()
    {
        Exec("CREATE TABLE u (id int PRIMARY KEY, v int UNIQUE)");
        Exec("BEGIN");
        for (var i = 1; i <= 200; i++) _s.ExecuteSingle("INSERT INTO u VALUES ($1, $1)", [i]);
        Exec("SAVEPOINT s");
        _s.ExecuteSingle("INSERT INTO u SELECT g, g FROM generate_series(201, 300) g");
        // Fails on its 101st row, after writing 100 rows and their index entries.
        var e = Assert.Throws<TenonException>(() => _s.ExecuteSingle("INSERT INTO u SELECT g, g FROM generate_series(301, 400) g UNION ALL SELECT 1000, 5"));
        Assert.Equal("23505", e.SqlState);
        Assert.Equal("25P02", Assert.Throws<TenonException>(() => _s.ExecuteSingle("SELECT 1")).SqlState);
        Exec("ROLLBACK TO SAVEPOINT s");
        Assert.Equal(200L, _s.ExecuteSingle("SELECT count(*) FROM u").Rows![0][0]);
        Assert.Empty(_s.ExecuteSingle("SELECT id FROM u WHERE id > 200 OR v > 200").Rows!);
        Assert.Empty(_s.ExecuteSingle("SELECT id FROM u WHERE id = 301").Rows!);
        _s.ExecuteSingle("INSERT INTO u VALUES (301, 301)");
        Exec("COMMIT");
        Assert.Equal(201L, _s.ExecuteSingle("SELECT count(*) FROM u").Rows![0][0]);
    }
}
