using Xunit;

namespace Tenon.Tests.Execution;

/// <summary>
/// The read paths' shortcuts (hash join chains and residual conditions, the aggregate's reuse
/// of the previous row's group, top-N sorting, unique index lookups) give exactly the rows, order
/// and errors of the general code, checked here against answers computed independently.
/// </summary>
public sealed class ReadPathTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    private List<string> Rows(string sql, params object?[] args)
    {
        var r = _s.ExecuteSingle(sql, args.Length == 0 ? null : args);
        return r.Rows.Select(row => string.Join("|", row.Select(v => v?.ToString() ?? "NULL"))).ToList();
    }

    private void Setup()
    {
        _s.ExecuteSingle("CREATE TABLE l (id int, k int, k2 text, w int)");
        _s.ExecuteSingle("CREATE TABLE r (id int, k int, k2 text, w int)");
        // Keys 0..6 with NULLs and duplicates on both sides; k2 NULL on some rows.
        _s.ExecuteSingle("INSERT INTO l SELECT i, CASE WHEN i % 5 = 0 THEN NULL ELSE i % 7 END, CASE WHEN i % 4 = 0 THEN NULL ELSE 'x' || (i % 3) END, i % 4 FROM generate_series(1, 40) i");
        _s.ExecuteSingle("INSERT INTO r SELECT i, CASE WHEN i % 6 = 0 THEN NULL ELSE i % 9 END, CASE WHEN i % 5 = 0 THEN NULL ELSE 'x' || (i % 2) END, i % 3 FROM generate_series(1, 50) i");
    }

    private static IEnumerable<(int Id, int? K, string? K2, int W)> Table(int n, Func<int, int?> k, Func<int, string?> k2, Func<int, int> w) =>
        Enumerable.Range(1, n).Select(i => (i, k(i), k2(i), w(i)));

    private static readonly (int Id, int? K, string? K2, int W)[] L =
        Table(40, i => i % 5 == 0 ? null : i % 7, i => i % 4 == 0 ? null : "x" + i % 3, i => i % 4).ToArray();
    private static readonly (int Id, int? K, string? K2, int W)[] R =
        Table(50, i => i % 6 == 0 ? null : i % 9, i => i % 5 == 0 ? null : "x" + i % 2, i => i % 3).ToArray();

    [Fact]
    public void HashJoinKeepsLeftOrderThenRightOrderAndSkipsNullKeys()
    {
        Setup();
        var expected = (from a in L from b in R where a.K is not null && b.K is not null && a.K == b.K select $"{a.Id}|{b.Id}").ToList();
        Assert.Equal(expected, Rows("SELECT l.id, r.id FROM l JOIN r ON l.k = r.k"));
    }

    [Fact]
    public void HashJoinChecksTheRestOfTheCondition()
    {
        Setup();
        var expected = (from a in L from b in R where a.K is not null && a.K == b.K && a.W < b.W select $"{a.Id}|{b.Id}").ToList();
        Assert.Equal(expected, Rows("SELECT l.id, r.id FROM l JOIN r ON l.k = r.k AND l.w < r.w"));
        // An equality that is not a hash key (an expression of both sides) stays in the condition.
        expected = (from a in L from b in R where a.K is not null && a.K == b.K && a.W + b.W == 2 select $"{a.Id}|{b.Id}").ToList();
        Assert.Equal(expected, Rows("SELECT l.id, r.id FROM l JOIN r ON l.k = r.k AND l.w + r.w = 2"));
    }

    [Fact]
    public void HashJoinOnTwoKeysWithNulls()
    {
        Setup();
        var expected = (from a in L from b in R
            where a.K is not null && a.K == b.K && a.K2 is not null && a.K2 == b.K2 select $"{a.Id}|{b.Id}").ToList();
        Assert.Equal(expected, Rows("SELECT l.id, r.id FROM l JOIN r ON l.k = r.k AND l.k2 = r.k2"));
    }

    [Fact]
    public void OuterHashJoinsPadUnmatchedRows()
    {
        Setup();
        bool Match((int Id, int? K, string? K2, int W) a, (int Id, int? K, string? K2, int W) b) => a.K is not null && a.K == b.K && a.W > b.W;
        var left = new List<string>();
        foreach (var a in L)
        {
            var m = R.Where(b => Match(a, b)).Select(b => $"{a.Id}|{b.Id}").ToList();
            left.AddRange(m.Count > 0 ? m : [$"{a.Id}|NULL"]);
        }
        Assert.Equal(left, Rows("SELECT l.id, r.id FROM l LEFT JOIN r ON l.k = r.k AND l.w > r.w"));
        var full = new List<string>(left);
        full.AddRange(R.Where(b => !L.Any(a => Match(a, b))).Select(b => $"NULL|{b.Id}"));
        Assert.Equal(full, Rows("SELECT l.id, r.id FROM l FULL JOIN r ON l.k = r.k AND l.w > r.w"));
    }

    [Fact]
    public void GroupsAreTheSameWhateverTheOrderOfTheirRows()
    {
        Setup();
        // Runs of one key (a join's output), alternating keys, NULL keys, and keys computed per row.
        string Expect(IEnumerable<(int? K, int W)> rows) => string.Join(",", rows.GroupBy(x => x.K).OrderBy(g => g.Key ?? int.MaxValue)
            .Select(g => $"{g.Key?.ToString() ?? "NULL"}:{g.Count()}:{g.Sum(x => x.W)}"));
        string Got(string sql) => string.Join(",", Rows(sql).Select(x => x.Replace('|', ':')));
        var joined = from a in L from b in R where a.K is not null && a.K == b.K select ((int?)a.K, b.W);
        Assert.Equal(Expect(joined), Got("SELECT l.k, count(*), sum(r.w) FROM l JOIN r ON l.k = r.k GROUP BY l.k ORDER BY 1"));
        Assert.Equal(Expect(L.Select(a => (a.K, a.W))), Got("SELECT k, count(*), sum(w) FROM l GROUP BY k ORDER BY 1 NULLS LAST"));
        Assert.Equal(Expect(L.Select(a => (a.K is null ? null : (int?)(a.K % 2), a.W))), Got("SELECT k % 2, count(*), sum(w) FROM l GROUP BY k % 2 ORDER BY 1 NULLS LAST"));
        Assert.Equal(["40|60"], Rows("SELECT count(*), sum(w) FROM l"));
        Assert.Equal(["0|NULL"], Rows("SELECT count(*), sum(w) FROM l WHERE false"));
        Assert.Empty(Rows("SELECT k, count(*) FROM l WHERE false GROUP BY k"));
    }

    [Fact]
    public void SumOfIntegersStaysExactAndOverflowsBigintAsPostgreSql()
    {
        _s.ExecuteSingle("CREATE TABLE s (g int, a int, b smallint, c bigint)");
        _s.ExecuteSingle("INSERT INTO s VALUES (1, 2147483647, 32767, 9223372036854775807), (1, 2147483647, 32767, 1), (2, -2147483648, -32768, NULL), (2, NULL, NULL, NULL)");
        Assert.Equal(["1|4294967294|65534|9223372036854775808", "2|-2147483648|-32768|NULL"],
            Rows("SELECT g, sum(a), sum(b), sum(c) FROM s GROUP BY g ORDER BY g"));
    }

    [Fact]
    public void TopNIsTheStableSortCutShort()
    {
        _s.ExecuteSingle("CREATE TABLE t (id int, a int, b text)");
        // Many ties on a, NULLs in both keys, input order not the key order.
        _s.ExecuteSingle("INSERT INTO t SELECT i, CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 7) % 5 END, CASE WHEN i % 13 = 0 THEN NULL ELSE 'v' || (i % 4) END FROM generate_series(1, 300) i");
        foreach (var order in new[] { "a", "a DESC", "a NULLS FIRST", "a DESC NULLS LAST", "b DESC, a", "a, b NULLS FIRST" })
        {
            // Hidden sort keys (not in the select list) go through the trimmed top-N too.
            foreach (var list in new[] { "id, a, b", "id" })
            {
                var all = Rows($"SELECT {list} FROM t ORDER BY {order}");
                foreach (var (limit, offset) in new[] { (1, 0), (10, 0), (10, 5), (7, 290), (400, 0), (300, 1), (3, 400) })
                    Assert.Equal(all.Skip(offset).Take(limit).ToList(), Rows($"SELECT {list} FROM t ORDER BY {order} LIMIT {limit} OFFSET {offset}"));
                Assert.Empty(Rows($"SELECT {list} FROM t ORDER BY {order} LIMIT 0"));
                Assert.Equal(all, Rows($"SELECT {list} FROM t ORDER BY {order} LIMIT NULL"));
                Assert.Equal(all.Skip(2).Take(5).ToList(), Rows($"SELECT {list} FROM t ORDER BY {order} LIMIT $1 OFFSET $2", 5L, 2L));
                Assert.Equal(all.Skip(20000).ToList(), Rows($"SELECT {list} FROM t ORDER BY {order} LIMIT 9223372036854775807 OFFSET 20000"));
            }
        }
        Assert.Empty(Rows("SELECT id FROM t WHERE false ORDER BY a LIMIT 3"));
        var e = Assert.Throws<Tenon.Errors.TenonException>(() => Rows("SELECT id FROM t ORDER BY a LIMIT -1"));
        Assert.Equal("2201W", e.SqlState);
        // The sort still reads every row: an error in a later row's key is raised.
        Assert.Throws<Tenon.Errors.TenonException>(() => Rows("SELECT id FROM t ORDER BY 1 / (300 - id) LIMIT 1"));
    }

    [Fact]
    public void UniqueIndexLookups()
    {
        _s.ExecuteSingle("CREATE TABLE u (id int PRIMARY KEY, code text UNIQUE, n int)");
        _s.ExecuteSingle("INSERT INTO u SELECT i, 'c' || i, i % 3 FROM generate_series(1, 500) i");
        var before = _s.PlanCounters.IndexScans;
        Assert.Equal(["c42"], Rows("SELECT code FROM u WHERE id = $1", 42));
        Assert.Equal(before + 1, _s.PlanCounters.IndexScans);
        Assert.Empty(Rows("SELECT code FROM u WHERE id = $1", 501));
        Assert.Empty(Rows("SELECT code FROM u WHERE id = $1", [null]));
        Assert.Equal(["42"], Rows("SELECT id FROM u WHERE code = 'c42'"));
        // The other pushed conditions are still checked on the row found.
        Assert.Equal(["c42"], Rows("SELECT code FROM u WHERE id = 42 AND n = 0"));
        Assert.Empty(Rows("SELECT code FROM u WHERE id = 42 AND n = 1"));
        Assert.Equal(["c7|7"], Rows("SELECT code, id FROM u WHERE id = 7 FOR UPDATE"));
        // Rows a statement's own writes changed are what the lookup sees afterwards.
        _s.ExecuteSingle("BEGIN");
        _s.ExecuteSingle("UPDATE u SET id = 1000 WHERE id = 42");
        Assert.Empty(Rows("SELECT code FROM u WHERE id = 42"));
        Assert.Equal(["c42"], Rows("SELECT code FROM u WHERE id = 1000"));
        _s.ExecuteSingle("ROLLBACK");
        Assert.Equal(["c42"], Rows("SELECT code FROM u WHERE id = 42"));
    }

    [Fact]
    public void DeferredUniqueIndexMayHoldDuplicatesUntilCommit()
    {
        _s.ExecuteSingle("CREATE TABLE d (id int UNIQUE DEFERRABLE INITIALLY DEFERRED, v text)");
        _s.ExecuteSingle("INSERT INTO d SELECT i, 'a' || i FROM generate_series(1, 100) i");
        _s.ExecuteSingle("BEGIN");
        _s.ExecuteSingle("INSERT INTO d VALUES (5, 'b5')");
        Assert.Equal(["a5", "b5"], Rows("SELECT v FROM d WHERE id = 5"));
        _s.ExecuteSingle("DELETE FROM d WHERE v = 'b5'");
        _s.ExecuteSingle("COMMIT");
        Assert.Equal(["a5"], Rows("SELECT v FROM d WHERE id = 5"));
    }

    [Fact]
    public void IndexJoinsChecksWhatTheSeekDoesNotDecide()
    {
        _s.ExecuteSingle("CREATE TABLE p (id int PRIMARY KEY, code text, big bigint)");
        _s.ExecuteSingle("CREATE TABLE c (id int PRIMARY KEY, pid int, pcode varchar, pbig bigint, v int)");
        _s.ExecuteSingle("CREATE INDEX c_pid ON c (pid)");
        _s.ExecuteSingle("CREATE INDEX c_pcode ON c (pcode)");
        _s.ExecuteSingle("CREATE INDEX c_pbig ON c (pbig)");
        _s.ExecuteSingle("INSERT INTO p SELECT i, 'p' || i, i * 10000000000 FROM generate_series(1, 2000) i");
        _s.ExecuteSingle("INSERT INTO c SELECT i, CASE WHEN i % 10 = 0 THEN NULL ELSE i % 2000 + 1 END, 'p' || (i % 1000 + 1), (i % 500 + 1) * 10000000000, i % 7 FROM generate_series(1, 20000) i");
        var joins = _s.PlanCounters.IndexJoins;
        var cases = new[]
        {
            ("c.pid = p.id", (Func<int, int, bool>)((pid, cid) => cid % 10 != 0 && cid % 2000 + 1 == pid)),
            ("c.pid = p.id AND c.v < 3", (pid, cid) => cid % 10 != 0 && cid % 2000 + 1 == pid && cid % 7 < 3),
            ("c.pcode = p.code", (pid, cid) => cid % 1000 + 1 == pid),
            ("c.pbig = p.big", (pid, cid) => cid % 500 + 1 == pid),
            ("c.pid = p.id AND c.pid + p.id = 2 * p.id AND c.v <> p.id % 7", (pid, cid) => cid % 10 != 0 && cid % 2000 + 1 == pid && cid % 7 != pid % 7),
        };
        foreach (var (on, match) in cases)
        {
            var expected = new List<string>();
            for (var pid = 11; pid <= 40; pid++)
                for (var cid = 1; cid <= 20000; cid++)
                    if (match(pid, cid)) expected.Add($"{pid}|{cid}");
            Assert.Equal(expected, Rows($"SELECT p.id, c.id FROM p JOIN c ON {on} WHERE p.id BETWEEN 11 AND 40"));
        }
        Assert.True(_s.PlanCounters.IndexJoins >= joins + cases.Length);
        // LEFT JOIN through the index: parents without a matching child are padded.
        var left = Rows("SELECT p.id, c.id FROM p LEFT JOIN c ON c.pid = p.id AND c.v = 6 WHERE p.id BETWEEN 1 AND 30");
        var expectedLeft = new List<string>();
        for (var pid = 1; pid <= 30; pid++)
        {
            var m = Enumerable.Range(1, 20000).Where(cid => cid % 10 != 0 && cid % 2000 + 1 == pid && cid % 7 == 6).Select(cid => $"{pid}|{cid}").ToList();
            expectedLeft.AddRange(m.Count > 0 ? m : [$"{pid}|NULL"]);
        }
        Assert.Equal(expectedLeft, left);
    }

    [Fact]
    public void AggregatesOverJoinsReadEachJoinedRowOnce()
    {
        Setup();
        // The join may hand the aggregate one reused row array: padded rows must not keep an
        // earlier row's values, and collected values must not change afterwards.
        bool Match((int Id, int? K, string? K2, int W) a, (int Id, int? K, string? K2, int W) b) => a.K is not null && a.K == b.K && a.W > b.W;
        var pairs = new List<(int? L, int? R, int? RW)>();
        foreach (var a in L)
        {
            var m = R.Where(b => Match(a, b)).ToList();
            if (m.Count == 0) pairs.Add((a.Id, null, null));
            else pairs.AddRange(m.Select(b => ((int?)a.Id, (int?)b.Id, (int?)b.W)));
        }
        pairs.AddRange(R.Where(b => !L.Any(a => Match(a, b))).Select(b => ((int?)null, (int?)b.Id, (int?)b.W)));
        var expected = pairs.GroupBy(p => p.L).OrderBy(g => g.Key ?? int.MaxValue)
            .Select(g => $"{g.Key?.ToString() ?? "NULL"}|{g.Count()}|{g.Count(p => p.R is not null)}|{(g.Any(p => p.RW is not null) ? g.Sum(p => p.RW ?? 0).ToString() : "NULL")}|{string.Join(",", g.Where(p => p.R is not null).Select(p => p.R).OrderBy(x => x))}")
            .ToList();
        var got = Rows("SELECT l.id, count(*), count(r.id), sum(r.w), array_to_string(array_agg(r.id ORDER BY r.id), ',') FROM l FULL JOIN r ON l.k = r.k AND l.w > r.w GROUP BY l.id ORDER BY l.id NULLS LAST");
        Assert.Equal(expected, got);
        // Through index probes: the parents' range leaves the join to probe the index.
        _s.ExecuteSingle("CREATE TABLE big (id int PRIMARY KEY, lid int, v int)");
        _s.ExecuteSingle("CREATE INDEX big_lid ON big (lid)");
        _s.ExecuteSingle("INSERT INTO big SELECT i, i % 40 + 1, i % 5 FROM generate_series(1, 8000) i");
        _s.ExecuteSingle("CREATE TABLE par (id int PRIMARY KEY)");
        _s.ExecuteSingle("INSERT INTO par SELECT i FROM generate_series(1, 2000) i");
        var joins = _s.PlanCounters.IndexJoins;
        var byIndex = Rows("SELECT p.id, count(*), sum(b.v), min(b.id), max(b.id) FROM par p LEFT JOIN big b ON b.lid = p.id WHERE p.id BETWEEN 30 AND 45 GROUP BY p.id ORDER BY p.id");
        Assert.Equal(joins + 1, _s.PlanCounters.IndexJoins);
        var expectedByIndex = Enumerable.Range(30, 16).Select(p =>
        {
            var ids = Enumerable.Range(1, 8000).Where(i => i % 40 + 1 == p).ToList();
            return ids.Count == 0 ? $"{p}|1|NULL|NULL|NULL" : $"{p}|{ids.Count}|{ids.Sum(i => i % 5)}|{ids.Min()}|{ids.Max()}";
        }).ToList();
        Assert.Equal(expectedByIndex, byIndex);
    }
}
