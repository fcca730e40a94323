using System.Text;
using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>
/// Index scans for comparisons between integer types of different widths (PostgreSQL's integer
/// operator family): taken for constants, parameters and join columns of another width, and
/// giving exactly the rows of a whole-table scan, including for values the key type cannot hold.
/// </summary>
public sealed class CrossTypeIndexTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    private string Run(string sql, params object?[] args) => Format(_s.ExecuteSingle(sql, args.Length == 0 ? null : args));

    private static string Format(StatementResult r)
    {
        var sb = new StringBuilder(r.CommandTag).Append('\n');
        foreach (var row in r.Rows)
            sb.AppendJoin('|', row.Select(v => v is null ? "∅" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))).Append('\n');
        return sb.ToString();
    }

    private string Plan(string sql) => string.Join("\n", _s.ExecuteSingle(sql).Rows.Select(r => (string)r[0]!));

    private void Setup()
    {
        _s.ExecuteSingle("CREATE TABLE t (a smallint PRIMARY KEY, b int, c bigint)");
        _s.ExecuteSingle("CREATE INDEX t_b ON t (b)");
        _s.ExecuteSingle("CREATE INDEX t_c ON t (c)");
        _s.ExecuteSingle("INSERT INTO t SELECT g, g * 3, g * 5 FROM generate_series(-300, 300) g");
        _s.ExecuteSingle("INSERT INTO t VALUES (32767, 2147483647, 9223372036854775807), (-32768, -2147483648, -9223372036854775808), (1000, NULL, NULL)");
    }

    [Fact]
    public void ConstantsOfAnotherWidthAreIndexConditions()
    {
        Setup();
        Assert.Equal("Index Scan using t_pkey on t\n  Index Cond: (a = 9)", Plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE a = 9"));
        Assert.Equal("Index Scan using t_b on t\n  Index Cond: (b = '9'::bigint)", Plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE b = 9::bigint"));
        Assert.Equal("Index Scan using t_pkey on t\n  Index Cond: ((a >= 1) AND (a <= 5))", Plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE a BETWEEN 1 AND 5"));
        Assert.Equal("Index Scan using t_pkey on t\n  Index Cond: (a < 100000)", Plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE a < 100000"));
        Assert.Equal("Index Scan using t_pkey on t\n  Index Cond: (a = '5000000000'::bigint)", Plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE a = 5000000000"));
        // A numeric constant compares as numeric: no index condition, as in PostgreSQL.
        Assert.Equal("Seq Scan on t\n  Filter: ((a)::numeric = 1.5)", Plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE a = 1.5"));
        // An explicit cast of the column is an expression, not the indexed column.
        Assert.StartsWith("Seq Scan on t", Plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE a::bigint = 9"));
    }

    [Fact]
    public void ResultsMatchAWholeTableScan()
    {
        Setup();
        long[] values = [0, 1, 9, -300, 300, 301, 899, 900, 1000, 1500, 32766, 32767, 32768, -32767, -32768, -32769, 100000, -100000,
            2147483646, 2147483647, 2147483648, -2147483648, -2147483649, 5000000000, long.MaxValue, long.MinValue, long.MaxValue - 1];
        string[] ops = ["=", "<", "<=", ">", ">="];
        string[] literals = ["{0}", "{0}::bigint", "{0}::int", "{0}::smallint"];
        var queries = new List<string>();
        foreach (var column in new[] { "a", "b", "c" })
            foreach (var op in ops)
                foreach (var v in values)
                    foreach (var literal in literals)
                    {
                        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, literal, v < 0 ? $"({v})" : v.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        if (literal.Contains("::int") && (v < int.MinValue || v > int.MaxValue)) continue;
                        if (literal.Contains("::smallint") && (v < short.MinValue || v > short.MaxValue)) continue;
                        queries.Add($"SELECT a, b, c FROM t WHERE {column} {op} {text}");
                    }
        queries.Add("SELECT a FROM t WHERE a > 100000 AND a < -100000");
        queries.Add("SELECT a FROM t WHERE a >= -100000 AND a <= 5");
        queries.Add("SELECT a FROM t WHERE b BETWEEN -5000000000 AND 9");
        queries.Add("SELECT a FROM t WHERE c BETWEEN -5 AND 9::smallint");

        var before = _s.PlanCounters.IndexScans;
        var indexed = queries.Select(q => Run(q)).ToList();
        Assert.True(_s.PlanCounters.IndexScans - before >= queries.Count, "every query is an index scan");
        _s.ExecuteSingle("SET enable_indexscan = off");
        for (var i = 0; i < queries.Count; i++) Assert.Equal(Run(queries[i]) + queries[i], indexed[i] + queries[i]);
    }

    [Fact]
    public void ParametersOfAnotherWidthAreFitted()
    {
        Setup();
        _s.ExecuteSingle("PREPARE p8(bigint) AS SELECT a FROM t WHERE a = $1");
        _s.ExecuteSingle("PREPARE r8(bigint, bigint) AS SELECT count(*) FROM t WHERE a > $1 AND a <= $2");
        _s.ExecuteSingle("PREPARE p2(smallint) AS SELECT a FROM t WHERE c = $1");
        var before = _s.PlanCounters.IndexScans;
        Assert.Equal("SELECT 1\n7\n", Run("EXECUTE p8(7)"));
        Assert.Equal("SELECT 0\n", Run("EXECUTE p8(100000)"));
        Assert.Equal("SELECT 0\n", Run("EXECUTE p8(NULL)"));
        Assert.Equal("SELECT 1\n604\n", Run("EXECUTE r8(-5000000000, 5000000000)"));
        Assert.Equal("SELECT 1\n0\n", Run("EXECUTE r8(32767, 5000000000)"));
        Assert.Equal("SELECT 1\n1\n", Run("EXECUTE r8(32766, 5000000000)"));
        Assert.Equal("SELECT 1\n2\n", Run("EXECUTE p2(10::smallint)"));
        Assert.True(_s.PlanCounters.IndexScans - before >= 7);
    }

    [Fact]
    public void JoinsProbeAnIndexOfAnotherWidth()
    {
        Setup();
        _s.ExecuteSingle("CREATE TABLE u (id int PRIMARY KEY, ref int)");
        _s.ExecuteSingle("INSERT INTO u SELECT g, g * 7 - 100 FROM generate_series(1, 30) g");
        _s.ExecuteSingle("INSERT INTO u VALUES (31, 70000), (32, NULL)");
        const string sql = "SELECT u.id, t.a, t.c FROM u LEFT JOIN t ON t.a = u.ref ORDER BY u.id";
        Assert.Equal("Nested Loop Left Join\n  ->  Seq Scan on u\n  ->  Index Scan using t_pkey on t\n        Index Cond: (a = u.ref)",
            Plan("EXPLAIN (COSTS OFF) " + sql.Replace(" ORDER BY u.id", "")));
        var joins = _s.PlanCounters.IndexJoins;
        var indexed = Run(sql);
        Assert.Equal(joins + 1, _s.PlanCounters.IndexJoins);
        Assert.Contains("31|∅|∅\n32|∅|∅\n", indexed);
        Assert.Contains("\n1|-93|-465\n", indexed);
        _s.ExecuteSingle("SET enable_indexscan = off");
        Assert.Equal(indexed, Run(sql));
    }

    [Fact]
    public void InListsAreUnionsOfSeeks()
    {
        Setup();
        _s.ExecuteSingle("CREATE INDEX t_c_b ON t (c, b)");
        Assert.Equal("Index Scan using t_pkey on t\n  Index Cond: (a = ANY ('{1,2,3}'::integer[]))",
            Plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE a IN (1, 2, 3)"));
        Assert.Equal("Index Scan using t_c on t\n  Index Cond: (c = ANY ('{5,10}'::bigint[]))\n  Filter: (b > 0)",
            Plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE c IN (5, 10) AND b > 0"));
        // NOT IN and lists with columns are filters.
        Assert.StartsWith("Seq Scan on t", Plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE a NOT IN (1, 2)"));
        Assert.StartsWith("Seq Scan on t", Plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE a IN (1, b)"));

        string[] queries =
        [
            "SELECT a FROM t WHERE a IN (3, 1, 2, 1, 100000, NULL, -32768, 32767)",
            "SELECT a FROM t WHERE a IN (5000000000, -5000000000)",
            "SELECT a FROM t WHERE b IN (9, 3, 2147483647, 5000000000, 9)",
            "SELECT a FROM t WHERE c IN (5, 10::smallint, 15::int, 9223372036854775807)",
            "SELECT a FROM t WHERE c = 10 AND b IN (6, 7, 8)",
            "SELECT a FROM t WHERE a IN (7, 8, 9) AND b > 21",
            "SELECT a FROM t WHERE a IN (NULL::int)",
        ];
        var before = _s.PlanCounters.IndexScans;
        var indexed = queries.Select(q => Run(q)).ToList();
        Assert.Equal(before + queries.Length, _s.PlanCounters.IndexScans);
        // Rows in row id order, each once, as a whole-table scan returns them.
        Assert.Equal("SELECT 5\n1\n2\n3\n32767\n-32768\n", indexed[0]);
        _s.ExecuteSingle("SET enable_indexscan = off");
        for (var i = 0; i < queries.Length; i++) Assert.Equal(Run(queries[i]) + queries[i], indexed[i] + queries[i]);

        _s.ExecuteSingle("RESET enable_indexscan");
        _s.ExecuteSingle("PREPARE pin(bigint, int) AS SELECT a FROM t WHERE a IN ($1, $2)");
        Assert.Equal("SELECT 2\n5\n6\n", Run("EXECUTE pin(5, 6)"));
        Assert.Equal("SELECT 1\n7\n", Run("EXECUTE pin(5000000000, 7)"));
        Assert.Equal("SELECT 0\n", Run("EXECUTE pin(NULL, NULL)"));
    }

    [Fact]
    public void GroupedIndexJoinsFetchTheMatchesOfAnotherWidthTogether()
    {
        _s.ExecuteSingle("CREATE TABLE gp (id bigint PRIMARY KEY, code text)");
        _s.ExecuteSingle("CREATE TABLE gc (id int PRIMARY KEY, pid smallint, v int)");
        _s.ExecuteSingle("CREATE INDEX gc_pid ON gc (pid)");
        _s.ExecuteSingle("INSERT INTO gp SELECT g, 'p' || g FROM generate_series(1, 3000) g");
        _s.ExecuteSingle("INSERT INTO gp VALUES (70000, 'far'), (-70000, 'far')");
        _s.ExecuteSingle("INSERT INTO gc SELECT g, g % 2999 + 1, g % 7 FROM generate_series(1, 30000) g");
        const string sql = "SELECT p.id, count(*), sum(c.v) FROM gp p JOIN gc c ON c.pid = p.id WHERE p.id BETWEEN $1 AND $2 GROUP BY p.id ORDER BY 3 DESC, 1 LIMIT 5";
        var joins = _s.PlanCounters.IndexJoins;
        var indexed = Run(sql, 10L, 200L);
        var far = Run(sql, 65000L, 80000L);
        Assert.Equal(joins + 2, _s.PlanCounters.IndexJoins);
        Assert.Equal("SELECT 0\n", far);
        _s.ExecuteSingle("SET enable_indexscan = off");
        Assert.Equal(indexed, Run(sql, 10L, 200L));
        Assert.Equal(far, Run(sql, 65000L, 80000L));
    }

    [Fact]
    public void IsNullSeeksTheNullKeys()
    {
        Setup();
        _s.ExecuteSingle("CREATE INDEX t_bc ON t (b, c)");
        Assert.Equal("Index Scan using t_b on t\n  Index Cond: (b IS NULL)", Plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE b IS NULL"));
        Assert.Equal("Index Scan using t_bc on t\n  Index Cond: ((b = 3) AND (c IS NULL))", Plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE b = 3 AND c IS NULL"));
        Assert.StartsWith("Seq Scan on t", Plan("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE b IS NOT NULL"));
        string[] queries = ["SELECT a FROM t WHERE b IS NULL", "SELECT a FROM t WHERE c IS NULL AND a > 5", "SELECT a FROM t WHERE b = 3 AND c IS NULL", "SELECT a FROM t WHERE a IS NULL"];
        var before = _s.PlanCounters.IndexScans;
        var indexed = queries.Select(q => Run(q)).ToList();
        Assert.Equal(before + queries.Length, _s.PlanCounters.IndexScans);
        Assert.Equal("SELECT 1\n1000\n", indexed[0]);
        _s.ExecuteSingle("SET enable_indexscan = off");
        for (var i = 0; i < queries.Length; i++) Assert.Equal(Run(queries[i]) + queries[i], indexed[i] + queries[i]);
    }
}
