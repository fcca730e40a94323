using System.Text;
using Tenon.Errors;
using Xunit;

namespace Tenon.Tests.Execution;

/// <summary>
/// A SELECT whose plan yields at most one row that the plan can tell in advance (a lookup by
/// every column of a unique index, projected and filtered; a SELECT without FROM) runs without
/// iterators (PlanNode.TryExecuteSingle). It must give exactly what the general path gives: the
/// reference is the same query with OFFSET 0, whose LimitNode takes the general path.
/// </summary>
public sealed class SingleRowPathTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    private long Single => _s.PlanCounters.SingleRowRuns;

    private string Run(string sql, params object?[] args)
    {
        var r = _s.ExecuteSingle(sql, args.Length == 0 ? null : args);
        var sb = new StringBuilder(r.CommandTag).Append('\n');
        sb.AppendJoin(',', r.Columns!.Select(c => c.Name + ":" + c.Type)).Append('\n');
        foreach (var row in r.Rows)
            sb.AppendJoin('|', row.Select(v => v is null ? "∅" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))).Append('\n');
        return sb.ToString();
    }

    /// <summary>Runs the query through the single-row path and through the general one; both must agree.</summary>
    private string Same(string sql, params object?[] args)
    {
        var before = Single;
        var scans = _s.PlanCounters.IndexScans;
        var fast = Run(sql, args);
        Assert.Equal(before + 1, Single);
        var fastScans = _s.PlanCounters.IndexScans - scans;
        scans = _s.PlanCounters.IndexScans;
        var reference = Run(sql + " OFFSET 0", args);
        Assert.Equal(before + 1, Single);
        Assert.Equal(reference, fast);
        Assert.Equal(_s.PlanCounters.IndexScans - scans, fastScans);
        return fast;
    }

    private void Setup()
    {
        _s.ExecuteSingle("CREATE TABLE t (id int PRIMARY KEY, a int, b int, code text, UNIQUE (a, b))");
        _s.ExecuteSingle("INSERT INTO t SELECT i, i % 10, i / 10, CASE WHEN i % 3 = 0 THEN NULL ELSE 'c' || i END FROM generate_series(1, 100) i");
    }

    [Fact]
    public void LookupsByAUniqueKey()
    {
        Setup();
        Assert.Equal("SELECT 1\ncode:text\nc7\n", Same("SELECT code FROM t WHERE id = $1", 7));
        Assert.Equal("SELECT 0\ncode:text\n", Same("SELECT code FROM t WHERE id = $1", 1000));
        Assert.Equal("SELECT 1\ncode:text\n∅\n", Same("SELECT code FROM t WHERE id = $1", 9));
        // A NULL key matches nothing.
        Assert.Equal("SELECT 0\ncode:text\n", Same("SELECT code FROM t WHERE id = $1", [null]));
        Same("SELECT * FROM t WHERE id = 42");
        Same("SELECT id * 2 AS twice, code || '!' AS loud, a + b FROM t WHERE id = $1", 55);
        // Every column of a two-column unique key; a condition on another column filters the row.
        Assert.Equal("SELECT 1\nid:integer\n23\n", Same("SELECT id FROM t WHERE a = $1 AND b = $2", 3, 2));
        Assert.Equal("SELECT 0\nid:integer\n", Same("SELECT id FROM t WHERE id = $1 AND code IS NOT NULL", 9));
        Assert.Equal("SELECT 1\nid:integer\n10\n", Same("SELECT id FROM t WHERE id = $1 AND code IS NOT NULL", 10));
    }

    /// <summary>
    /// An integer equality the seek decides is not checked again on the row; across types (an
    /// int8 key sought with an int4 value, a numeric value) and for text keys it still is.
    /// </summary>
    [Fact]
    public void KeysOfOtherTypes()
    {
        _s.ExecuteSingle("CREATE TABLE b (id int8 PRIMARY KEY, s int2 UNIQUE, name text UNIQUE, v int)");
        _s.ExecuteSingle("INSERT INTO b SELECT i * 10000000000, i, 'n' || i, i FROM generate_series(1, 50) i");
        Assert.Equal("SELECT 1\nv:integer\n7\n", Same("SELECT v FROM b WHERE id = $1", 70000000000L));
        Assert.Equal("SELECT 0\nv:integer\n", Same("SELECT v FROM b WHERE id = $1", 7));
        Assert.Equal("SELECT 1\nv:integer\n9\n", Same("SELECT v FROM b WHERE s = $1", (short)9));
        // int2 = int4 and int2 = numeric are not sought through the index: the general path.
        Assert.Equal("SELECT 1\nv:integer\n9\n", Run("SELECT v FROM b WHERE s = 9"));
        Assert.Equal("SELECT 0\nv:integer\n", Run("SELECT v FROM b WHERE s = 9.5"));
        Assert.Equal("SELECT 1\nv:integer\n12\n", Same("SELECT v FROM b WHERE name = $1", "n12"));
        Assert.Equal("SELECT 0\nv:integer\n", Same("SELECT v FROM b WHERE name = $1 AND v = 13", "n12"));
        // The same lookups inside a general plan agree too.
        Assert.Equal("SELECT 2\nv:integer\n3\n4\n", Run("SELECT v FROM b WHERE s = 3 UNION ALL SELECT v FROM b WHERE id = 40000000000 ORDER BY 1"));
    }

    [Fact]
    public void ErrorsAreRaisedAsOnTheGeneralPath()
    {
        Setup();
        foreach (var tail in new[] { "", " OFFSET 0" })
        {
            var e = Assert.Throws<TenonException>(() => Run("SELECT 1 / (a - a) FROM t WHERE id = $1" + tail, 12));
            Assert.Equal(SqlState.DivisionByZero, e.SqlState);
            // No row, so nothing is divided.
            Assert.Equal("SELECT 0\n?column?:integer\n", Run("SELECT 1 / (a - a) FROM t WHERE id = $1" + tail, 1000));
        }
    }

    [Fact]
    public void SelectsWithoutFrom()
    {
        Assert.Equal("SELECT 1\nint4:integer\n5\n", Same("SELECT $1::int", 5));
        Assert.Equal("SELECT 0\n?column?:integer\n", Same("SELECT 1 WHERE $1", false));
        Assert.Equal("SELECT 1\n?column?:integer\n1\n", Same("SELECT 1 WHERE $1", true));
        Assert.Equal("SELECT 0\n?column?:integer\n", Same("SELECT 1 WHERE $1", [null]));
    }

    [Fact]
    public void OtherPlansTakeTheGeneralPath()
    {
        Setup();
        _s.ExecuteSingle("CREATE TABLE d (id int PRIMARY KEY DEFERRABLE, x int)");
        _s.ExecuteSingle("CREATE TABLE n (id int, x int)");
        _s.ExecuteSingle("CREATE INDEX n_id ON n (id)");
        foreach (var sql in new[]
        {
            "SELECT code FROM t WHERE a = 3", "SELECT code FROM t WHERE id > 98", "SELECT x FROM d WHERE id = 1",
            "SELECT x FROM n WHERE id = 1", "SELECT count(*) FROM t WHERE id = 1", "SELECT 1 UNION ALL SELECT 2",
        })
        {
            var before = Single;
            Run(sql);
            Assert.Equal(before, Single);
        }
    }
}
