using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>
/// Hash join or index nested loop, chosen from the tables' row counts: probing wins when the
/// outer side keeps a small share of its table, hashing when it reads all of it; enable_hashjoin
/// = off makes the planner probe whenever an index fits. The results never depend on the choice.
/// </summary>
public sealed class JoinChoiceTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    private string Run(string sql, params object?[] args)
    {
        var r = _s.ExecuteSingle(sql, args.Length == 0 ? null : args);
        return string.Join("\n", r.Rows.Select(row => string.Join("|", row)));
    }

    [Fact]
    public void TheShareOfTheOuterTableDecides()
    {
        _s.ExecuteSingle("CREATE TABLE p (id int PRIMARY KEY, code text)");
        _s.ExecuteSingle("CREATE TABLE c (id int PRIMARY KEY, pid int REFERENCES p, v int)");
        _s.ExecuteSingle("CREATE INDEX c_pid ON c (pid)");
        _s.ExecuteSingle("INSERT INTO p SELECT i, 'p' || i FROM generate_series(1, 2000) i");
        _s.ExecuteSingle("INSERT INTO c SELECT i, i % 2000 + 1, i % 97 FROM generate_series(1, 20000) i");
        const string join = "SELECT p.id, count(*), sum(c.v) FROM p JOIN c ON c.pid = p.id";
        const string tail = " GROUP BY p.id ORDER BY 3 DESC, 1 LIMIT 5";

        var joins = _s.PlanCounters.IndexJoins;
        var range = Run(join + " WHERE p.id BETWEEN $1 AND $2" + tail, 100, 199);
        Assert.Equal(joins + 1, _s.PlanCounters.IndexJoins);
        var all = Run(join + tail);
        Assert.Equal(joins + 1, _s.PlanCounters.IndexJoins);

        _s.ExecuteSingle("SET enable_hashjoin = off");
        Assert.Equal(all, Run(join + tail));
        Assert.Equal(joins + 2, _s.PlanCounters.IndexJoins);
        _s.ExecuteSingle("RESET enable_hashjoin");

        _s.ExecuteSingle("SET enable_indexscan = off");
        Assert.Equal(range, Run(join + " WHERE p.id BETWEEN $1 AND $2" + tail, 100, 199));
        Assert.Equal(all, Run(join + tail));
        Assert.Equal(joins + 2, _s.PlanCounters.IndexJoins);
    }
}
