using System.Text;
using Tenon.Errors;
using Xunit;

namespace Tenon.Tests.Execution;

/// <summary>
/// GROUP BY over a join that groups by the left table's rows (JoinAggregateNode): taken when a
/// unique key of the left table is grouped and joined (or NOT NULL), and giving exactly what
/// grouping the joined rows gives — the same rows in the same order, the same errors. The
/// reference is the same query over <c>(SELECT * FROM p OFFSET 0) p</c>, which the fast path
/// does not take (its left side is not a table).
/// </summary>
public sealed class JoinAggregateTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    private long Fast => _s.PlanCounters.JoinAggregates;

    private string Run(string sql, params object?[] args)
    {
        var r = _s.ExecuteSingle(sql, args.Length == 0 ? null : args);
        var sb = new StringBuilder(r.CommandTag).Append('\n');
        foreach (var row in r.Rows)
            sb.AppendJoin('|', row.Select(v => v is null ? "∅" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))).Append('\n');
        return sb.ToString();
    }

    private void Setup()
    {
        // Parents 1..30 (some codes NULL); children with NULL, dangling and repeated parent keys,
        // NULL and zero values, and parents without children.
        _s.ExecuteSingle("CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE, grp int, note text NOT NULL)");
        _s.ExecuteSingle("CREATE TABLE c (id int PRIMARY KEY, pid int, code text, w int, big bigint, f float8, t text)");
        _s.ExecuteSingle("CREATE INDEX c_pid ON c (pid)");
        _s.ExecuteSingle("INSERT INTO p SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE 'k' || i END, i % 4, 'n' || (i % 5) FROM generate_series(1, 30) i");
        _s.ExecuteSingle("""
            INSERT INTO c SELECT i, CASE WHEN i % 11 = 0 THEN NULL ELSE i % 37 END, CASE WHEN i % 13 = 0 THEN NULL ELSE 'k' || (i % 35) END,
                CASE WHEN i % 5 = 0 THEN NULL ELSE i % 9 END, i * 1000000000000, i / 3.0, 't' || i
            FROM generate_series(1, 200) i
            """);
    }

    /// <summary>Runs the query over p (fast path) and over p as a subquery (general path) and checks both agree.</summary>
    private string Same(string select, string rest = "", string from = "p JOIN c ON c.pid = p.id", params object?[] args)
    {
        var fast = Fast;
        var result = Run($"SELECT {select} FROM {from} {rest}", args);
        Assert.Equal(fast + 1, Fast);
        var reference = Run($"SELECT {select} FROM {from.Replace("p JOIN", "(SELECT * FROM p OFFSET 0) p JOIN")} {rest}", args);
        Assert.Equal(fast + 1, Fast);
        Assert.Equal(reference, result);
        return result;
    }

    private void General(string sql)
    {
        var fast = Fast;
        Run(sql);
        Assert.Equal(fast, Fast);
    }

    private const string Everything =
        "p.id, count(*), count(c.w), sum(c.w), sum(c.big), avg(c.w), min(c.t), max(c.f), string_agg(c.t, ','), array_agg(c.w), bool_and(c.w > 2)";

    [Fact]
    public void AggregatesMatchGroupingTheJoinedRows()
    {
        Setup();
        // Without ORDER BY the groups come in the order of the parents' scan.
        var all = Same(Everything, "GROUP BY p.id");
        Assert.StartsWith("SELECT 30\n1|6|5|18|561000000000000|3.6000000000000000|t1|62|t1,t38,t75,t112,t149,t186|{1,2,NULL,4,5,6}|False\n2|", all);
        Same(Everything, "GROUP BY p.id ORDER BY 2 DESC, 1");
        Same("p.id, p.note, count(*), sum(c.w)", "GROUP BY p.id, p.note");
        Same("p.code, p.id, sum(c.w)", "GROUP BY p.code, p.id");
        // A nullable unique key that is the join key: parents with a NULL code match nothing.
        Same("p.code, count(*), sum(c.w), max(c.t)", "GROUP BY p.code", "p JOIN c ON c.code = p.code");
        Same("p.id, count(*)", "GROUP BY p.id", "p JOIN c ON c.code = p.code");
    }

    [Fact]
    public void FiltersNullsAndEmptyInputs()
    {
        Setup();
        // Groups whose inputs a FILTER skips entirely: count 0, sum NULL.
        Same("p.id, count(*) FILTER (WHERE c.w > 7), sum(c.w) FILTER (WHERE c.w IS NULL), count(c.w) FILTER (WHERE c.w < 0)", "GROUP BY p.id");
        Same("p.id, count(*), sum(c.w)", "WHERE p.id > 1000 GROUP BY p.id");
        Assert.Equal("SELECT 0\n", Same("p.id, count(*), sum(c.w)", "WHERE c.w > 1000 GROUP BY p.id"));
        Same("p.id, count(*), sum(c.w)", "WHERE c.w IS NULL GROUP BY p.id");
        // An empty child table is smaller than the parents: they are not hashed then.
        _s.ExecuteSingle("DELETE FROM c");
        General("SELECT p.id, count(*), sum(c.w) FROM p JOIN c ON c.pid = p.id GROUP BY p.id");
        Assert.Equal("SELECT 0\n", Run("SELECT p.id, count(*), sum(c.w) FROM p JOIN c ON c.pid = p.id GROUP BY p.id"));
    }

    [Fact]
    public void TiesAtTheLimitKeepTheirOrder()
    {
        Setup();
        // Many parents share a count: which of them make the top 10 is decided by group order.
        Same("p.id, count(*)", "GROUP BY p.id ORDER BY 2 DESC LIMIT 10");
        Same("p.id, count(*), sum(c.w)", "GROUP BY p.id ORDER BY 2 DESC, 3 DESC LIMIT 10");
        Same("p.id, count(*)", "GROUP BY p.id ORDER BY 2 LIMIT 3 OFFSET 4");
    }

    [Fact]
    public void IndexJoinOverAKeyRange()
    {
        Setup();
        var joins = _s.PlanCounters.IndexJoins;
        var range = Same(Everything, "WHERE p.id BETWEEN $1 AND $2 GROUP BY p.id ORDER BY 2 DESC, 1 LIMIT 10", args: [5, 9]);
        // The reference's subquery is not a table whose share of rows the planner can estimate: it hashes.
        Assert.Equal(joins + 1, _s.PlanCounters.IndexJoins);
        Assert.StartsWith("SELECT 5\n", range);
        Same("p.id, count(*), sum(c.w)", "WHERE p.id BETWEEN $1 AND $2 GROUP BY p.id", args: [25, 40]);
        Same("p.id, count(*), sum(c.w)", "WHERE p.id BETWEEN $1 AND $2 GROUP BY p.id", args: [100, 200]);
    }

    /// <summary>
    /// An index join's matches are fetched together in row id order: many matches scattered
    /// over the child table (sorted by radix, and in more than one batch of fetches), a filter
    /// on the children, a seek on a longer index (a key range per parent), a unique seek.
    /// </summary>
    [Fact]
    public void IndexJoinWithManyScatteredMatches()
    {
        _s.ExecuteSingle("CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE, grp int, note text NOT NULL)");
        _s.ExecuteSingle("CREATE TABLE c (id int PRIMARY KEY, pid int, code text, w int, big bigint, f float8, t text)");
        _s.ExecuteSingle("CREATE INDEX c_pid ON c (pid)");
        _s.ExecuteSingle("INSERT INTO p SELECT i, 'k' || i, i % 4, 'n' || (i % 5) FROM generate_series(1, 3000) i");
        _s.ExecuteSingle("""
            INSERT INTO c SELECT i, CASE WHEN i % 101 = 0 THEN NULL ELSE (i * 37 % 3000 + i % 13 * (i % 17)) % 3000 + 1 END, NULL,
                CASE WHEN i % 5 = 0 THEN NULL ELSE i % 9 END, i, i / 3.0, 't' || i
            FROM generate_series(1, 80000) i
            """);
        var joins = _s.PlanCounters.IndexJoins;
        const string Aggregates = "p.id, count(*), count(c.w), sum(c.w), sum(c.big), min(c.t), max(c.f), string_agg(c.t, ','), array_agg(c.w)";
        // More than one batch of row ids (the whole key range), and a narrower range.
        var all = Same(Aggregates, "WHERE p.id BETWEEN $1 AND $2 GROUP BY p.id", args: [1, 3000]);
        Assert.StartsWith("SELECT 3000\n", all);
        Same(Aggregates, "WHERE p.id BETWEEN $1 AND $2 GROUP BY p.id ORDER BY 2 DESC, 4 DESC, 1 LIMIT 10", args: [200, 1199]);
        Same(Aggregates, "WHERE p.id BETWEEN $1 AND $2 AND c.w > 3 AND c.t LIKE '%7%' GROUP BY p.id", args: [1, 2500]);
        Assert.True(_s.PlanCounters.IndexJoins >= joins + 3, "the joins probed the children's index");
        // One child per parent through the children's primary key.
        joins = _s.PlanCounters.IndexJoins;
        Same("p.id, count(*), sum(c.w), max(c.t)", "WHERE p.id BETWEEN $1 AND $2 GROUP BY p.id", "p JOIN c ON c.id = p.id", args: [10, 900]);
        Assert.True(_s.PlanCounters.IndexJoins > joins, "the join probed the children's primary key");
        // A longer index: each parent's entries are a key range.
        _s.ExecuteSingle("DROP INDEX c_pid");
        _s.ExecuteSingle("CREATE INDEX c_pid_w ON c (pid, w)");
        joins = _s.PlanCounters.IndexJoins;
        Same(Aggregates, "WHERE p.id BETWEEN $1 AND $2 GROUP BY p.id", args: [1, 3000]);
        Same(Aggregates, "WHERE p.id BETWEEN $1 AND $2 AND c.w > 2 GROUP BY p.id", args: [300, 1000]);
        Assert.True(_s.PlanCounters.IndexJoins >= joins + 2, "the joins probed the longer index");
    }

    [Fact]
    public void AnErrorInAnArgumentIsRaisedAsBefore()
    {
        Setup();
        foreach (var from in new[] { "p", "(SELECT * FROM p OFFSET 0) p" })
        {
            var e = Assert.Throws<TenonException>(() => Run($"SELECT p.id, sum(10 / c.w) FROM {from} JOIN c ON c.pid = p.id GROUP BY p.id"));
            Assert.Equal(SqlState.DivisionByZero, e.SqlState);
        }
    }

    [Fact]
    public void OtherShapesAreGroupedAsJoinedRows()
    {
        Setup();
        General("SELECT p.id, count(DISTINCT c.w) FROM p JOIN c ON c.pid = p.id GROUP BY p.id");
        General("SELECT p.id, string_agg(c.t, ',' ORDER BY c.w) FROM p JOIN c ON c.pid = p.id GROUP BY p.id");
        General("SELECT p.id, sum(c.w + p.grp) FROM p JOIN c ON c.pid = p.id GROUP BY p.id");
        General("SELECT p.grp, count(*) FROM p JOIN c ON c.pid = p.id GROUP BY p.grp");
        General("SELECT p.id, c.w, count(*) FROM p JOIN c ON c.pid = p.id GROUP BY p.id, c.w");
        General("SELECT p.id, count(c.id) FROM p LEFT JOIN c ON c.pid = p.id GROUP BY p.id");
        General("SELECT p.id, count(*) FROM p JOIN c ON c.pid = p.id AND c.w > p.grp GROUP BY p.id");
        General("SELECT p.id, sum(random()) FROM p JOIN c ON c.pid = p.id GROUP BY p.id");
        // code is unique but nullable and not joined on: the parents with a NULL code are one group.
        General("SELECT p.code, count(*) FROM p JOIN c ON c.pid = p.id GROUP BY p.code");
        Assert.Contains("∅|18\n", Run("SELECT p.code, count(*) FROM p JOIN c ON c.pid = p.id GROUP BY p.code"));
        // More parents than children: the children are hashed, as for any join.
        _s.ExecuteSingle("CREATE TABLE few (pid int, w int)");
        _s.ExecuteSingle("INSERT INTO few VALUES (1, 1), (2, 2), (2, 3)");
        General("SELECT p.id, count(*), sum(few.w) FROM p JOIN few ON few.pid = p.id GROUP BY p.id");
        Assert.Equal("SELECT 2\n1|1|1\n2|2|5\n", Run("SELECT p.id, count(*), sum(few.w) FROM p JOIN few ON few.pid = p.id GROUP BY p.id"));
        // A deferrable key may hold duplicates until it is checked.
        _s.ExecuteSingle("CREATE TABLE d (id int PRIMARY KEY DEFERRABLE, x int)");
        _s.ExecuteSingle("INSERT INTO d SELECT i, i FROM generate_series(1, 30) i");
        General("SELECT d.id, count(*) FROM d JOIN c ON c.pid = d.id GROUP BY d.id");
    }

    [Fact]
    public void ExplainShowsTheHashedParents()
    {
        Setup();
        string Plan(string sql) => string.Join("\n", _s.ExecuteSingle(sql).Rows.Select(r => (string)r[0]!));
        Assert.Equal("SELECT 1\n150\n", Run("SELECT count(*) FROM p JOIN c ON c.pid = p.id"));
        Assert.Equal("""
            HashAggregate
              Group Key: p.id, p.code, p.grp, p.note
              ->  Hash Join
                    Hash Cond: (c.pid = p.id)
                    ->  Seq Scan on c
                    ->  Hash
                          ->  Seq Scan on p
            """, Plan("EXPLAIN (COSTS OFF) SELECT p.id, count(*) FROM p JOIN c ON c.pid = p.id GROUP BY p.id"));
        Assert.Equal("""
            HashAggregate (actual rows=30 loops=1)
              Group Key: p.id, p.code, p.grp, p.note
              ->  Hash Join (actual rows=150 loops=1)
                    Hash Cond: (c.pid = p.id)
                    ->  Seq Scan on c (actual rows=200 loops=1)
                    ->  Hash (actual rows=30 loops=1)
                          ->  Seq Scan on p (actual rows=30 loops=1)
            """, Plan("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT p.id, count(*) FROM p JOIN c ON c.pid = p.id GROUP BY p.id"));
        Assert.Equal("""
            HashAggregate (actual rows=5 loops=1)
              Group Key: p.id, p.code, p.grp, p.note
              ->  Nested Loop (actual rows=28 loops=1)
                    ->  Index Scan using p_pkey on p (actual rows=5 loops=1)
                          Index Cond: ((id >= 5) AND (id <= 9))
                    ->  Index Scan using c_pid on c (actual rows=6 loops=5)
                          Index Cond: (pid = p.id)
            """, Plan("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT p.id, count(*) FROM p JOIN c ON c.pid = p.id WHERE p.id BETWEEN 5 AND 9 GROUP BY p.id"));
    }
}
