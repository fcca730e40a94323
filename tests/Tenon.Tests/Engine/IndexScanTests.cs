using System.Text;
using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>
/// The planner's index paths: that they are taken (counted by the session's plan counters), and
/// that they never change a result or its order (compared with <c>enable_indexscan = off</c>,
/// which makes the planner scan whole tables).
/// </summary>
public sealed class IndexScanTests
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

    private long IndexScans => _s.PlanCounters.IndexScans;
    private long IndexJoins => _s.PlanCounters.IndexJoins;

    private void Setup()
    {
        _s.ExecuteSingle("CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE, v varchar(10))");
        _s.ExecuteSingle("CREATE TABLE c (id int PRIMARY KEY, pid int REFERENCES p, w int)");
        _s.ExecuteSingle("CREATE INDEX c_pid ON c (pid)");
        _s.ExecuteSingle("INSERT INTO p SELECT i, 'c' || i, 'v' || (i % 3) FROM generate_series(1, 200) i");
        _s.ExecuteSingle("INSERT INTO c SELECT i, (i * 7) % 200 + 1, i FROM generate_series(1, 1000) i");
    }

    [Fact]
    public void PointLookupsUseThePrimaryKeyIndex()
    {
        Setup();
        var before = IndexScans;
        Assert.Equal("SELECT 1\nc42\n", Run("SELECT code FROM p WHERE id = $1", 42));
        Assert.Equal("SELECT 1\n42\n", Run("SELECT id FROM p WHERE code = 'c42'"));
        Assert.Equal("UPDATE 1\n", Run("UPDATE p SET v = 'x' WHERE id = 7"));
        Assert.Equal("DELETE 1\n", Run("DELETE FROM c WHERE id = $1", 3));
        Assert.Equal(before + 4, IndexScans);

        _s.ExecuteSingle("SET enable_indexscan = off");
        Assert.Equal("SELECT 1\nc42\n", Run("SELECT code FROM p WHERE id = $1", 42));
        Assert.Equal(before + 4, IndexScans);
    }

    [Fact]
    public void RangesUseIndexesAndKeepRowOrder()
    {
        Setup();
        // Rows whose keys run against their insertion order.
        _s.ExecuteSingle("CREATE TABLE r (k int, s text)");
        _s.ExecuteSingle("CREATE INDEX r_k ON r (k)");
        _s.ExecuteSingle("INSERT INTO r VALUES (5, 'a'), (3, 'b'), (9, 'c'), (NULL, 'd'), (4, 'e'), (3, 'f')");
        var before = IndexScans;
        var result = Run("SELECT s FROM r WHERE k > 3");
        Assert.Equal("SELECT 3\na\nc\ne\n", result);
        Assert.Equal("SELECT 4\na\nb\ne\nf\n", Run("SELECT s FROM r WHERE k BETWEEN 3 AND 5"));
        Assert.Equal("SELECT 2\nb\nf\n", Run("SELECT s FROM r WHERE k <= 3"));
        Assert.Equal(before + 3, IndexScans);
    }

    [Fact]
    public void JoinsProbeTheInnerIndexAndPushRangesBelowTheJoin()
    {
        Setup();
        var before = IndexJoins;
        const string sql = "SELECT p.id, count(*), sum(c.w) FROM p JOIN c ON c.pid = p.id WHERE p.id BETWEEN $1 AND $2 GROUP BY p.id ORDER BY 3 DESC, 1 LIMIT 3";
        var indexed = Run(sql, 10, 30);
        Assert.Equal(before + 1, IndexJoins);
        _s.ExecuteSingle("SET enable_indexscan = off");
        Assert.Equal(indexed, Run(sql, 10, 30));
        Assert.Equal(before + 1, IndexJoins);
    }

    [Fact]
    public void PartialAndExpressionIndexesAreNotUsed()
    {
        _s.ExecuteSingle("CREATE TABLE t (a int, b int)");
        _s.ExecuteSingle("CREATE INDEX t_a ON t (a) WHERE b > 0");
        _s.ExecuteSingle("CREATE INDEX t_ab ON t ((a + b))");
        _s.ExecuteSingle("INSERT INTO t VALUES (1, -1), (1, 1), (2, 0)");
        var before = IndexScans;
        Assert.Equal("SELECT 2\n1|-1\n1|1\n", Run("SELECT * FROM t WHERE a = 1"));
        Assert.Equal(before, IndexScans);
    }

    /// <summary>
    /// Random data with NULLs and duplicates inserted out of key order, random conjunctions on
    /// indexed and unindexed columns: every statement must give the same rows in the same order
    /// with index paths and without.
    /// </summary>
    [Fact]
    public void RandomQueriesGiveTheSameResultsWithAndWithoutIndexes()
    {
        var rng = new Random(6);
        _s.ExecuteSingle("CREATE TABLE t (id int PRIMARY KEY, a int, b int, c text, d varchar(5), f float8)");
        _s.ExecuteSingle("CREATE INDEX t_ab ON t (a, b)");
        _s.ExecuteSingle("CREATE INDEX t_c ON t (c)");
        _s.ExecuteSingle("CREATE UNIQUE INDEX t_d ON t (d)");
        _s.ExecuteSingle("CREATE INDEX t_f ON t (f DESC)");
        _s.ExecuteSingle("CREATE INDEX t_partial ON t (b) WHERE a > 5");
        _s.ExecuteSingle("CREATE TABLE u (id int PRIMARY KEY, tid int, e int, c text)");
        _s.ExecuteSingle("CREATE INDEX u_tid_e ON u (tid, e)");
        _s.ExecuteSingle("CREATE INDEX u_c ON u (c)");
        object? Maybe(Func<object?> f) => rng.Next(8) == 0 ? null : f();
        var ids = Enumerable.Range(1, 300).OrderBy(_ => rng.Next()).ToList();
        foreach (var id in ids)
            _s.ExecuteSingle("INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6)",
                [id, Maybe(() => rng.Next(10)), Maybe(() => rng.Next(-5, 6)), Maybe(() => "x" + rng.Next(10)),
                 rng.Next(3) == 0 ? null : "d" + id, Maybe(() => rng.Next(7) == 0 ? double.NaN : rng.Next(-3, 4) / 2.0)]);
        foreach (var id in Enumerable.Range(1, 600).OrderBy(_ => rng.Next()))
            _s.ExecuteSingle("INSERT INTO u VALUES ($1, $2, $3, $4)",
                [id, Maybe(() => rng.Next(1, 320)), Maybe(() => rng.Next(5)), Maybe(() => "x" + rng.Next(12))]);
        // Updates move rows' keys without moving them in row id order.
        _s.ExecuteSingle("UPDATE t SET a = b + 5 WHERE id % 7 = 0");
        _s.ExecuteSingle("DELETE FROM u WHERE id % 11 = 0");

        string[] ops = ["=", "<", "<=", ">", ">=", "<>"];
        string Value(string column) => column switch
        {
            "id" or "tid" => rng.Next(-5, 330).ToString(),
            "a" => rng.Next(-1, 11).ToString(),
            "b" => rng.Next(-6, 7).ToString(),
            "e" => rng.Next(-1, 6).ToString(),
            "c" => rng.Next(4) == 0 ? "NULL" : $"'x{rng.Next(12)}'",
            "d" => $"'d{rng.Next(1, 310)}'",
            _ => rng.Next(5) == 0 ? "'NaN'" : (rng.Next(-4, 5) / 2.0).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var parameters = new List<object?>();
        string Conjunct(string alias, string[] columns)
        {
            var column = columns[rng.Next(columns.Length)];
            var value = Value(column);
            if (rng.Next(5) == 0 && column is "id" or "a" or "b" or "tid" or "e")
            {
                parameters.Add(int.Parse(value));
                value = "$" + parameters.Count;
            }
            var col = $"{alias}.{column}";
            return rng.Next(9) switch
            {
                0 => $"{col} BETWEEN {value} AND {Value(column)}",
                1 => $"{value} {ops[rng.Next(ops.Length)]} {col}",
                2 => $"({col} {ops[rng.Next(ops.Length)]} {value} OR {col} IS NULL)",
                _ => $"{col} {ops[rng.Next(ops.Length)]} {value}",
            };
        }
        string Where(string alias, string[] columns, int max) =>
            string.Join(" AND ", Enumerable.Range(0, rng.Next(1, max + 1)).Select(_ => Conjunct(alias, columns)));
        string[] tColumns = ["id", "a", "b", "c", "d", "f"];
        string[] uColumns = ["id", "tid", "e", "c"];

        var usedIndex = 0;
        for (var q = 0; q < 400; q++)
        {
            parameters.Clear();
            var sql = rng.Next(9) switch
            {
                0 => $"SELECT * FROM t WHERE {Where("t", tColumns, 3)}",
                1 => $"SELECT t.id, u.id, u.e FROM t JOIN u ON u.tid = t.id WHERE {Where("t", tColumns, 2)}",
                2 => $"SELECT t.id, u.id FROM t LEFT JOIN u ON u.tid = t.id AND {Where("u", uColumns, 1)} WHERE {Where("t", tColumns, 2)}",
                3 => $"SELECT t.id, u.id FROM t, u WHERE u.tid = t.id AND {Where("u", uColumns, 2)} AND {Where("t", tColumns, 1)}",
                4 => $"SELECT id, a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.tid = t.id AND {Where("u", uColumns, 1)}) AND {Where("t", tColumns, 1)}",
                5 => $"SELECT u.id, t.a FROM u JOIN t ON t.id = u.tid AND t.a = u.e WHERE {Where("u", uColumns, 2)}",
                6 => $"UPDATE t SET b = b + 1 WHERE {Where("t", tColumns, 2)} RETURNING id, a, b",
                7 => $"DELETE FROM u WHERE {Where("u", uColumns, 2)} RETURNING id",
                _ => $"SELECT u.c, t.id FROM u JOIN t ON t.c = u.c WHERE {Where("u", uColumns, 2)}",
            };
            var args = parameters.ToArray();
            _s.ExecuteSingle("BEGIN");
            var scans = IndexScans;
            var indexed = Run(sql, args);
            if (IndexScans > scans) usedIndex++;
            _s.ExecuteSingle("ROLLBACK");
            _s.ExecuteSingle("BEGIN");
            _s.ExecuteSingle("SET LOCAL enable_indexscan = off");
            scans = IndexScans;
            var scanned = Run(sql, args);
            Assert.Equal(scans, IndexScans);
            _s.ExecuteSingle("ROLLBACK");
            Assert.True(scanned == indexed, $"{sql} [{string.Join(", ", args)}]\nindex:\n{indexed}\nscan:\n{scanned}");
        }
        Assert.True(usedIndex > 150, $"only {usedIndex} of 400 statements used an index");
    }
}
