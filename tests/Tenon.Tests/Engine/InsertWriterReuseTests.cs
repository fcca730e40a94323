using Tenon.Errors;
using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>
/// A prepared INSERT run row after row reuses its row writer (RowWriter.Reuse.cs) and builds its
/// one VALUES row directly: rejections of any kind in between leave the next runs unaffected.
/// </summary>
public sealed class InsertWriterReuseTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    private void Exec(string sql)
    {
        foreach (var _ in _s.Execute(sql)) { }
    }

    private string? Try(PreparedStatement p, params object?[] args)
    {
        try
        {
            foreach (var _ in _s.Execute(p, args)) { }
            return null;
        }
        catch (TenonException e)
        {
            return e.SqlState;
        }
    }

    [Fact]
    public void RejectionsBetweenRunsOfAPreparedInsertChangeNothingElse()
    {
        Exec("CREATE TABLE parent (id serial PRIMARY KEY, code text NOT NULL UNIQUE)");
        Exec("CREATE TABLE child (id serial PRIMARY KEY, parent_id int REFERENCES parent (id), v int NOT NULL CHECK (v > 0))");
        var parent = _s.Prepare("INSERT INTO parent (code) VALUES ($1)");
        var child = _s.Prepare("INSERT INTO child (parent_id, v) VALUES ($1, $2)");
        Assert.Null(Try(parent, "a"));
        Assert.Equal("23505", Try(parent, "a"));
        Assert.Null(Try(parent, "b"));
        Assert.Equal("23502", Try(parent, (object?)null));
        Assert.Null(Try(parent, "c"));
        var expected = new List<(int Parent, int V)>();
        var codes = new[] { null, "23503", "23502", "23514" };
        for (var i = 0; i < 40; i++)
        {
            var kind = i % 4;
            // Parents 1, 3 and 5 exist: the rejected rows drew 2 and 4.
            var parentId = kind == 1 ? 99 : 1 + 2 * (i % 3);
            object? v = kind == 2 ? null : kind == 3 ? -i : i + 1;
            Assert.Equal(codes[kind], Try(child, parentId, v));
            if (kind == 0) expected.Add((parentId, i + 1));
        }
        var rows = _s.Execute("SELECT parent_id, v FROM child ORDER BY id").Last().Rows!;
        Assert.Equal(expected, rows.Select(r => ((int)r[0]!, (int)r[1]!)));
        // The serial ids drawn by rejected rows are gone, as in PostgreSQL.
        Assert.Equal(40L, Convert.ToInt64(_s.Execute("SELECT last_value FROM child_id_seq").Last().Rows![0][0]));
    }

    [Fact]
    public void AReusedWriterQueuesDeferredChecksForCommit()
    {
        Exec("CREATE TABLE parent (id int PRIMARY KEY)");
        Exec("CREATE TABLE child (parent_id int REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
        Exec("INSERT INTO parent VALUES (1)");
        var child = _s.Prepare("INSERT INTO child VALUES ($1)");
        Exec("BEGIN");
        Assert.Null(Try(child, 1));
        Assert.Null(Try(child, 2));
        Assert.Null(Try(child, 1));
        var e = Assert.Throws<TenonException>(() => Exec("COMMIT"));
        Assert.Equal("23503", e.SqlState);
        Exec("BEGIN");
        Assert.Null(Try(child, 2));
        Assert.Null(Try(child, 1));
        Exec("INSERT INTO parent VALUES (2)");
        Exec("COMMIT");
        Assert.Equal(2L, _s.Execute("SELECT count(*) FROM child").Last().Rows![0][0]);
    }

    [Fact]
    public void ASerialDefaultOutOfItsColumnsRangeFailsAsTheCastDoes()
    {
        Exec("CREATE SEQUENCE s");
        Exec("CREATE TABLE t (id int DEFAULT nextval('s'), n smallint DEFAULT nextval('s'), v int)");
        var insert = _s.Prepare("INSERT INTO t (v) VALUES ($1)");
        Assert.Null(Try(insert, 1));
        Exec("SELECT setval('s', 32766)");
        var e = Assert.Throws<TenonException>(() => _s.Execute(insert, [2]).ToList());
        Assert.Equal(("22003", "smallint out of range"), (e.SqlState, e.Message));
        Exec("SELECT setval('s', 2147483647)");
        e = Assert.Throws<TenonException>(() => _s.Execute(insert, [3]).ToList());
        Assert.Equal(("22003", "integer out of range"), (e.SqlState, e.Message));
        var rows = _s.Execute("SELECT id, n, v FROM t").Last().Rows!;
        Assert.Equal([1, (short)2, 1], Assert.Single(rows));
    }
}
