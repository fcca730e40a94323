using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>The session's parse cache: a text run again is not reparsed, but it is bound again every time.</summary>
public sealed class ParseCacheTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    [Fact]
    public void CachedTextsAreBoundAgainstTheCurrentCatalog()
    {
        const string sql = "SELECT x FROM t WHERE x = $1";
        _s.ExecuteSingle("CREATE TABLE t (x int)");
        _s.ExecuteSingle("INSERT INTO t VALUES (1)");
        Assert.Equal(1, _s.ExecuteSingle(sql, [1]).Rows[0][0]);
        var reuses = _s.PlanCounters.ParseReuses;
        _s.ExecuteSingle("DROP TABLE t");
        _s.ExecuteSingle("CREATE TABLE t (x text)");
        _s.ExecuteSingle("INSERT INTO t VALUES ('1')");
        Assert.Equal("1", _s.ExecuteSingle(sql, ["1"]).Rows[0][0]);
        Assert.Equal(reuses + 1, _s.PlanCounters.ParseReuses);
    }

    [Fact]
    public void NoticesOfTheParseAreRaisedOnEveryRun()
    {
        var notices = 0;
        _s.NoticeRaised += n => notices += n.SqlState == "42622" ? 1 : 0;
        var sql = $"SELECT 1 AS {new string('a', 70)}";
        _s.ExecuteSingle(sql);
        _s.ExecuteSingle(sql);
        Assert.Equal(2, notices);
    }
}
