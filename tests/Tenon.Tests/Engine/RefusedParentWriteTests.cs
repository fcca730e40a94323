using Tenon.Errors;
using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>
/// A DELETE or UPDATE of a parent key still referenced under RESTRICT or NO ACTION, run straight
/// from the session's statement loop, hands its refusal up as a value that is thrown once at the
/// caller's door; run anywhere else (EXECUTE, a data-modifying WITH, a function, at COMMIT) it is
/// thrown where it is found. Both must report the same error and leave the same state.
/// </summary>
public sealed class RefusedParentWriteTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    public RefusedParentWriteTests()
    {
        Exec("""
            CREATE TABLE rp (id integer PRIMARY KEY, code text NOT NULL UNIQUE);
            CREATE TABLE rc (id integer PRIMARY KEY, pid integer REFERENCES rp ON DELETE RESTRICT ON UPDATE RESTRICT,
                             pcode text REFERENCES rp (code) ON UPDATE CASCADE);
            CREATE INDEX rc_pid ON rc (pid);
            INSERT INTO rp SELECT i, 'c' || i FROM generate_series(1, 10) i;
            INSERT INTO rc VALUES (1, 2, 'c3'), (2, 4, NULL), (3, 2, NULL);
            """);
    }

    private void Exec(string sql)
    {
        foreach (var _ in _s.Execute(sql)) { }
    }

    private object? Scalar(string sql) => _s.Execute(sql).Last().Rows![0][0];

    private int Run(PreparedStatement p, params object?[] args) => _s.Execute(p, args).Count();

    private static TenonException Refused(Action act) => Assert.Throws<TenonException>(act);

    private static void AssertStillReferenced(TenonException e, string verbKey)
    {
        Assert.Equal("23503", e.SqlState);
        Assert.Equal("update or delete on table \"rp\" violates foreign key constraint \"rc_pid_fkey\" on table \"rc\"", e.MessageText);
        Assert.Equal(e.MessageText, e.Message);
        Assert.Equal($"Key (id)=({verbKey}) is still referenced from table \"rc\".", e.Detail);
        Assert.Equal("rc_pid_fkey", e.ConstraintName);
        Assert.Equal("ERROR", e.Severity);
        Assert.Null(e.Hint);
        Assert.Equal(0, e.Position);
        Assert.Null(e.InnerException);
    }

    private static void AssertSameError(TenonException expected, TenonException actual)
    {
        Assert.Equal(expected.SqlState, actual.SqlState);
        Assert.Equal(expected.MessageText, actual.MessageText);
        Assert.Equal(expected.Detail, actual.Detail);
        Assert.Equal(expected.Hint, actual.Hint);
        Assert.Equal(expected.SchemaName, actual.SchemaName);
        Assert.Equal(expected.TableName, actual.TableName);
        Assert.Equal(expected.ConstraintName, actual.ConstraintName);
        Assert.Equal(expected.Position, actual.Position);
        Assert.Equal(expected.Where, actual.Where);
    }

    private long Parents => (long)Scalar("SELECT count(*) FROM rp")!;

    [Fact]
    public void AnAutocommitPreparedDeleteIsRefusedOnceAndDeletesNothing()
    {
        var delete = _s.Prepare("DELETE FROM rp WHERE id = $1");
        for (var i = 0; i < 3; i++)
        {
            var e = Refused(() => Run(delete, 2));
            AssertStillReferenced(e, "2");
            // Carried up as a value: thrown by the session, not from the constraint code.
            Assert.DoesNotContain("RowWriter", e.StackTrace);
        }
        AssertStillReferenced(Refused(() => Run(delete, 4)), "4");
        Assert.Equal(TransactionStatus.Idle, _s.TransactionStatus);
        Assert.Equal(10L, Parents);
        Assert.Equal(1, Run(delete, 1));
        Assert.Equal(9L, Parents);
    }

    [Fact]
    public void TheRefusalIsTheSameWhereverItIsRaised()
    {
        var asValue = Refused(() => Exec("DELETE FROM rp WHERE id = 2"));
        AssertStillReferenced(asValue, "2");
        AssertSameError(asValue, Refused(() => _s.ExecuteSingle("DELETE FROM rp WHERE id = $1", [2])));
        Exec("PREPARE d(int) AS DELETE FROM rp WHERE id = $1");
        AssertSameError(asValue, Refused(() => Exec("EXECUTE d(2)")));
        AssertSameError(asValue, Refused(() => Exec("WITH x AS (SELECT 1) DELETE FROM rp WHERE id = 2")));
        AssertSameError(asValue, Refused(() => Exec("WITH x AS (DELETE FROM rp WHERE id = 1 RETURNING id) DELETE FROM rp WHERE id = 2")));
        AssertSameError(asValue, Refused(() => Exec("DELETE FROM rp WHERE id IN (1, 2, 3)")));
        Exec("CREATE FUNCTION del(k integer) RETURNS void LANGUAGE sql AS 'DELETE FROM rp WHERE id = k'");
        var inFunction = Refused(() => Exec("SELECT del(2)"));
        Assert.Equal(asValue.MessageText, inFunction.MessageText);
        Assert.Equal(asValue.Detail, inFunction.Detail);
        Assert.Equal(10L, Parents);
        Assert.Equal(TransactionStatus.Idle, _s.TransactionStatus);
    }

    [Fact]
    public void ASavepointAroundEachDeleteKeepsTheOthers()
    {
        var delete = _s.Prepare("DELETE FROM rp WHERE id = $1");
        Exec("BEGIN");
        var refused = 0;
        for (var id = 1; id <= 10; id++)
        {
            Exec("SAVEPOINT attempt");
            try
            {
                Assert.Equal(1, Run(delete, id));
            }
            catch (TenonException e) when (e.SqlState == "23503")
            {
                Assert.Equal(TransactionStatus.Failed, _s.TransactionStatus);
                if (id == 3) Assert.Equal("Key (code)=(c3) is still referenced from table \"rc\".", e.Detail);
                else AssertStillReferenced(e, id.ToString());
                Assert.Throws<TenonException>(() => Exec("SELECT 1"));
                Exec("ROLLBACK TO SAVEPOINT attempt");
                refused++;
            }
            Exec("RELEASE SAVEPOINT attempt");
        }
        Exec("COMMIT");
        // 2 and 4 under RESTRICT, 3 under NO ACTION (its code is referenced).
        Assert.Equal(3, refused);
        Assert.Equal(3L, Parents);
        Assert.Equal(3L, Scalar("SELECT count(*) FROM rc"));
    }

    [Fact]
    public void AnUpdateOfAReferencedKeyIsRefusedAndAnUnreferencedOneGoesThrough()
    {
        var update = _s.Prepare("UPDATE rp SET id = $1 WHERE id = $2");
        for (var i = 0; i < 2; i++) AssertStillReferenced(Refused(() => Run(update, 20, 2)), "2");
        Assert.Equal(TransactionStatus.Idle, _s.TransactionStatus);
        Assert.Equal(1, Run(update, 21, 1));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM rp WHERE id = 21"));
        // ON UPDATE CASCADE of the other key in the same statement is undone with the refusal.
        AssertStillReferenced(Refused(() => Exec("UPDATE rp SET code = code || 'x', id = id + 100 WHERE id IN (2, 3)")), "2");
        Assert.Equal("c3", Scalar("SELECT pcode FROM rc WHERE id = 1"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM rp WHERE id > 100"));
    }

    [Fact]
    public void ARefusalBelowACascadeUndoesTheCascade()
    {
        Exec("""
            CREATE TABLE top (id integer PRIMARY KEY);
            ALTER TABLE rp ADD COLUMN top_id integer REFERENCES top ON DELETE CASCADE;
            INSERT INTO top VALUES (1), (2);
            UPDATE rp SET top_id = CASE WHEN id <= 5 THEN 1 ELSE 2 END;
            """);
        var delete = _s.Prepare("DELETE FROM top WHERE id = $1");
        AssertStillReferenced(Refused(() => Run(delete, 1)), "2");
        Assert.Equal(2L, Scalar("SELECT count(*) FROM top"));
        Assert.Equal(10L, Parents);
        Assert.Equal(1, Run(delete, 2));
        Assert.Equal(5L, Parents);
    }

    [Fact]
    public void ADeferredNoActionReferenceIsRefusedAtCommit()
    {
        Exec("""
            CREATE TABLE dc (id integer PRIMARY KEY, pid integer REFERENCES rp DEFERRABLE INITIALLY DEFERRED);
            INSERT INTO dc VALUES (1, 5);
            """);
        var delete = _s.Prepare("DELETE FROM rp WHERE id = $1");
        Exec("BEGIN");
        Assert.Equal(1, Run(delete, 5));
        var atCommit = Refused(() => Exec("COMMIT"));
        Assert.Equal("23503", atCommit.SqlState);
        Assert.Equal("Key (id)=(5) is still referenced from table \"dc\".", atCommit.Detail);
        Assert.Equal(TransactionStatus.Idle, _s.TransactionStatus);
        Assert.Equal(10L, Parents);
        // Made immediate inside the block, the statement itself is refused.
        Exec("BEGIN");
        Exec("SET CONSTRAINTS ALL IMMEDIATE");
        var immediate = Refused(() => Run(delete, 5));
        Assert.Equal(atCommit.Detail, immediate.Detail);
        Assert.Equal(TransactionStatus.Failed, _s.TransactionStatus);
        Exec("ROLLBACK");
    }
}
