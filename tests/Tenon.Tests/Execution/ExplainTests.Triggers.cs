using Xunit;

namespace Tenon.Tests.Execution;

/// <summary>EXPLAIN ANALYZE's trigger lines for user triggers (tests/sql/explain_triggers.sql compares more with PostgreSQL).</summary>
public sealed partial class ExplainTests
{
    private void TriggerSetup()
    {
        _s.ExecuteSingle("CREATE FUNCTION trf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
        _s.ExecuteSingle("CREATE TABLE tt (id int PRIMARY KEY, v int)");
        _s.ExecuteSingle("CREATE TABLE tlog (id int REFERENCES tt)");
        _s.ExecuteSingle("CREATE FUNCTION trlog() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tlog VALUES (NEW.id); RETURN NEW; END $$");
        _s.ExecuteSingle("CREATE TRIGGER b_row BEFORE INSERT ON tt FOR EACH ROW EXECUTE FUNCTION trf()");
        _s.ExecuteSingle("CREATE TRIGGER a_row AFTER INSERT ON tt FOR EACH ROW WHEN (NEW.v > 1) EXECUTE FUNCTION trlog()");
        _s.ExecuteSingle("CREATE TRIGGER s_stmt AFTER INSERT ON tt FOR EACH STATEMENT EXECUTE FUNCTION trf()");
        _s.ExecuteSingle("CREATE TRIGGER log_row BEFORE INSERT ON tlog FOR EACH ROW EXECUTE FUNCTION trf()");
    }

    [Fact]
    public void AnalyzeListsTheUserTriggersTheStatementCalledByName()
    {
        TriggerSetup();
        // a_row's WHEN holds for two rows; what its INSERT into tlog fires (log_row, tlog's foreign key) is not the statement's.
        Assert.Equal("Insert on tt (actual rows=0 loops=1)\n  ->  Values Scan on \"*VALUES*\" (actual rows=3 loops=1)\n"
            + "Trigger a_row: calls=2\nTrigger b_row: calls=3\nTrigger s_stmt: calls=1",
            Plan("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) INSERT INTO tt VALUES (1, 1), (2, 2), (3, 3)"));
        Assert.Equal(2L, _s.ExecuteSingle("SELECT count(*) FROM tlog").Rows[0][0]);
    }

    [Fact]
    public void TriggerLinesComeBetweenPlanningAndExecutionTimeWithTheirTime()
    {
        TriggerSetup();
        var lines = Plan("EXPLAIN (ANALYZE, COSTS OFF) INSERT INTO tt VALUES (1, 5)").Split('\n');
        Assert.Matches(@"^Planning Time: \d+\.\d{3} ms$", lines[^5]);
        Assert.Matches(@"^Trigger a_row: time=\d+\.\d{3} calls=1$", lines[^4]);
        Assert.Matches(@"^Trigger b_row: time=\d+\.\d{3} calls=1$", lines[^3]);
        Assert.Matches(@"^Trigger s_stmt: time=\d+\.\d{3} calls=1$", lines[^2]);
        Assert.Matches(@"^Execution Time: \d+\.\d{3} ms$", lines[^1]);
    }

    [Fact]
    public void ExplainOfAWriteToAViewWithInsteadOfTriggersIsRefusedWithoutRunningIt()
    {
        TriggerSetup();
        _s.ExecuteSingle("CREATE VIEW tv AS SELECT * FROM tt");
        _s.ExecuteSingle("CREATE FUNCTION trins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tt VALUES (NEW.id, NEW.v); RETURN NEW; END $$");
        _s.ExecuteSingle("CREATE TRIGGER tv_ins INSTEAD OF INSERT ON tv FOR EACH ROW EXECUTE FUNCTION trins()");
        var e = Assert.Throws<Errors.TenonException>(() => _s.ExecuteSingle("EXPLAIN ANALYZE INSERT INTO tv VALUES (9, 9)"));
        Assert.Equal(Errors.SqlState.FeatureNotSupported, e.SqlState);
        Assert.Equal(0L, _s.ExecuteSingle("SELECT count(*) FROM tt").Rows[0][0]);
    }
}
