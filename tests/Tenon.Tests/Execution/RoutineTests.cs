using Tenon.Errors;

namespace Tenon.Tests.Execution;

/// <summary>User functions, PL/pgSQL and triggers through the engine API.</summary>
public sealed class RoutineTests
{
    private static Session Open()
    {
        var db = Database.OpenInMemory();
        return db.CreateSession();
    }

    private static List<string?> Column(Session s, string sql) =>
        s.ExecuteSingle(sql).Rows.Select(r => r[0]?.ToString()).ToList();

    [Fact]
    public void ExceptionBlockUndoesOnlyItsOwnWrites()
    {
        using var s = Open();
        s.ExecuteSingle("CREATE TABLE t (id int PRIMARY KEY)");
        s.ExecuteSingle("""
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO t VALUES (1);
              BEGIN
                INSERT INTO t VALUES (2);
                INSERT INTO t VALUES (1);
              EXCEPTION WHEN unique_violation THEN
                INSERT INTO t VALUES (3);
              END;
              RETURN (SELECT count(*) FROM t);
            END $$
            """);
        Assert.Equal(["2"], Column(s, "SELECT f()"));
        Assert.Equal(["1", "3"], Column(s, "SELECT id FROM t ORDER BY id"));
    }

    [Fact]
    public void TriggerErrorRollsBackTheWholeStatement()
    {
        using var s = Open();
        s.ExecuteSingle("CREATE TABLE t (id int)");
        s.ExecuteSingle("CREATE FUNCTION no3() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.id = 3 THEN RAISE EXCEPTION 'no %', NEW.id; END IF; RETURN NEW; END $$");
        s.ExecuteSingle("CREATE TRIGGER t_no3 AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION no3()");
        var ex = Assert.Throws<TenonException>(() => s.ExecuteSingle("INSERT INTO t VALUES (1), (2), (3)"));
        Assert.Equal("P0001", ex.SqlState);
        Assert.Equal("no 3", ex.MessageText);
        Assert.Contains("PL/pgSQL function no3()", ex.Where);
        Assert.Equal(["0"], Column(s, "SELECT count(*) FROM t"));
    }

    [Fact]
    public void InfiniteLoopIsCancelledByStatementTimeout()
    {
        using var s = Open();
        s.ExecuteSingle("SET statement_timeout = 200");
        var ex = Assert.Throws<TenonException>(() => s.ExecuteSingle("DO $$ BEGIN LOOP END LOOP; END $$"));
        Assert.Equal("57014", ex.SqlState);
    }

    [Fact]
    public void RunawayRecursionIsAStackDepthError()
    {
        using var s = Open();
        s.ExecuteSingle("CREATE FUNCTION r(n int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN r(n + 1); END $$");
        Assert.Equal("54001", Assert.Throws<TenonException>(() => s.ExecuteSingle("SELECT r(1)")).SqlState);
        Assert.Equal(["1"], Column(s, "SELECT 1"));
    }
}
