using Tenon.Errors;
using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>
/// A rejected statement is undone and reported the same whichever way its error travels inside
/// the engine: thrown from the raise site, or (a single-row insert whose parent is missing, run
/// straight from the session's statement loop) carried up as a value and thrown once at the
/// caller's door. These pin the error's fields and the transaction state after it for both.
/// </summary>
public sealed class RejectedStatementTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    public RejectedStatementTests()
    {
        Exec("""
            CREATE TABLE parent (id serial PRIMARY KEY, code text NOT NULL UNIQUE);
            CREATE TABLE child (id serial PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent (id), v integer NOT NULL CHECK (v >= 0));
            CREATE INDEX child_parent_id ON child (parent_id);
            INSERT INTO parent (code) VALUES ('a'), ('b');
            """);
    }

    private void Exec(string sql)
    {
        foreach (var _ in _s.Execute(sql)) { }
    }

    private object? Scalar(string sql) => _s.Execute(sql).Last().Rows[0][0];

    private int Run(PreparedStatement p, params object?[] args) => _s.Execute(p, args).Count();

    private TenonException Rejected(Action act) => Assert.Throws<TenonException>(act);

    private static void AssertMissingParent(TenonException e, int key)
    {
        Assert.Equal("23503", e.SqlState);
        Assert.Equal("insert or update on table \"child\" violates foreign key constraint \"child_parent_id_fkey\"", e.MessageText);
        Assert.Equal(e.MessageText, e.Message);
        Assert.Equal($"Key (parent_id)=({key}) is not present in table \"parent\".", e.Detail);
        Assert.Equal("public", e.SchemaName);
        Assert.Equal("child", e.TableName);
        Assert.Equal("child_parent_id_fkey", e.ConstraintName);
        Assert.Null(e.ColumnName);
        Assert.Null(e.Hint);
        Assert.Null(e.Where);
        Assert.Equal(0, e.Position);
        Assert.Equal("ERROR", e.Severity);
        Assert.Null(e.InnerException);
    }

    [Fact]
    public void AnAutocommitPreparedInsertWithoutParentIsReportedOnceAndWritesNothing()
    {
        var insert = _s.Prepare("INSERT INTO child (parent_id, v) VALUES ($1, $2)");
        Assert.Equal(1, Run(insert, 1, 5));
        for (var i = 0; i < 3; i++) AssertMissingParent(Rejected(() => Run(insert, 99 + i, 0)), 99 + i);
        Assert.Equal(TransactionStatus.Idle, _s.TransactionStatus);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM child"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM child WHERE parent_id = 1"));
        // The serial value drawn for the rejected rows is gone, as in PostgreSQL.
        Assert.Equal(1, Run(insert, 2, 7));
        Assert.Equal(5, Scalar("SELECT max(id) FROM child"));
    }

    [Fact]
    public void ExecuteSingleOfAPreparedStatementRunsItAsExecuteReadToItsEnd()
    {
        var insert = _s.Prepare("INSERT INTO child (parent_id, v) VALUES ($1, $2)");
        Assert.Equal("INSERT 0 1", _s.ExecuteSingle(insert, [1, 5]).CommandTag);
        AssertMissingParent(Rejected(() => _s.ExecuteSingle(insert, [90, 0])), 90);
        Assert.Equal(TransactionStatus.Idle, _s.TransactionStatus);
        // Several statements: one implicit transaction, the last result comes back.
        var two = _s.Prepare("INSERT INTO child (parent_id, v) VALUES ($1, 1); SELECT count(*) FROM child");
        Assert.Equal(2L, _s.ExecuteSingle(two, [2]).Rows[0][0]);
        AssertMissingParent(Rejected(() => _s.ExecuteSingle(two, [91])), 91);
        Assert.Equal(2L, Scalar("SELECT count(*) FROM child"));
        // Inside a block a rejection fails it, as with Execute.
        Exec("BEGIN");
        AssertMissingParent(Rejected(() => _s.ExecuteSingle(insert, [92, 0])), 92);
        Assert.Equal("25P02", Rejected(() => _s.ExecuteSingle(insert, [1, 1])).SqlState);
        Exec("ROLLBACK");
        Assert.Equal(2L, Scalar("SELECT count(*) FROM child"));
    }

    [Fact]
    public void TheSameRejectionThroughTextAndParametersIsTheSame()
    {
        AssertMissingParent(Rejected(() => Exec("INSERT INTO child (parent_id, v) VALUES (42, 1)")), 42);
        AssertMissingParent(Rejected(() => _s.ExecuteSingle("INSERT INTO child (parent_id, v) VALUES ($1, 1)", [43])), 43);
        Exec("PREPARE p(int) AS INSERT INTO child (parent_id, v) VALUES ($1, 1)");
        AssertMissingParent(Rejected(() => Exec("EXECUTE p(44)")), 44);
        Assert.Equal(0L, Scalar("SELECT count(*) FROM child"));
        Assert.Equal(TransactionStatus.Idle, _s.TransactionStatus);
    }

    [Fact]
    public void OtherViolationsOfASingleRowInsertKeepTheirFields()
    {
        var insert = _s.Prepare("INSERT INTO child (parent_id, v) VALUES ($1, $2)");
        var check = Rejected(() => Run(insert, 1, -1));
        Assert.Equal("23514", check.SqlState);
        Assert.Equal("new row for relation \"child\" violates check constraint \"child_v_check\"", check.MessageText);
        Assert.Equal("Failing row contains (1, 1, -1).", check.Detail);
        Assert.Equal("child_v_check", check.ConstraintName);
        var notNull = Rejected(() => Run(insert, null, 1));
        Assert.Equal("23502", notNull.SqlState);
        Assert.Equal("null value in column \"parent_id\" of relation \"child\" violates not-null constraint", notNull.MessageText);
        Assert.Equal("Failing row contains (2, null, 1).", notNull.Detail);
        Assert.Equal("parent_id", notNull.ColumnName);
        var unique = Rejected(() => Exec("INSERT INTO parent (id, code) VALUES (3, 'a')"));
        Assert.Equal("23505", unique.SqlState);
        Assert.Equal("duplicate key value violates unique constraint \"parent_code_key\"", unique.MessageText);
        Assert.Equal("Key (code)=(a) already exists.", unique.Detail);
        // A unique violation of the same row comes before its missing parent, as in PostgreSQL.
        Assert.Equal(1, Run(insert, 1, 1));
        var first = Rejected(() => Exec("INSERT INTO child (id, parent_id, v) VALUES (3, 77, 1)"));
        Assert.Equal("23505", first.SqlState);
        Assert.Equal("child_pkey", first.ConstraintName);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM child"));
    }

    [Fact]
    public void ARejectionInsideABlockFailsTheBlockUntilRollback()
    {
        var insert = _s.Prepare("INSERT INTO child (parent_id, v) VALUES ($1, $2)");
        Exec("BEGIN");
        Assert.Equal(1, Run(insert, 1, 1));
        AssertMissingParent(Rejected(() => Run(insert, 50, 1)), 50);
        Assert.Equal(TransactionStatus.Failed, _s.TransactionStatus);
        var aborted = Rejected(() => Run(insert, 1, 2));
        Assert.Equal("25P02", aborted.SqlState);
        Assert.Equal("current transaction is aborted, commands ignored until end of transaction block", aborted.MessageText);
        Exec("COMMIT"); // rolls back
        Assert.Equal(TransactionStatus.Idle, _s.TransactionStatus);
        Assert.Equal(0L, Scalar("SELECT count(*) FROM child"));
    }

    [Fact]
    public void ARejectionAfterASavepointIsUndoneByRollbackTo()
    {
        var insert = _s.Prepare("INSERT INTO child (parent_id, v) VALUES ($1, $2)");
        Exec("BEGIN");
        Assert.Equal(1, Run(insert, 1, 1));
        Exec("SAVEPOINT s");
        Assert.Equal(1, Run(insert, 2, 2));
        AssertMissingParent(Rejected(() => Run(insert, 60, 1)), 60);
        Assert.Equal("25P02", Rejected(() => Exec("SELECT 1")).SqlState);
        Exec("ROLLBACK TO SAVEPOINT s");
        Assert.Equal(TransactionStatus.InTransaction, _s.TransactionStatus);
        Assert.Equal(1, Run(insert, 2, 3));
        Exec("COMMIT");
        Assert.Equal("1:1,2:3", Scalar("SELECT string_agg(parent_id || ':' || v, ',' ORDER BY id) FROM child"));
    }

    [Fact]
    public void ARejectionInAMultiStatementTextRollsBackTheWholeText()
    {
        var ex = Rejected(() => Exec("INSERT INTO child (parent_id, v) VALUES (1, 1); INSERT INTO child (parent_id, v) VALUES (70, 1); INSERT INTO child (parent_id, v) VALUES (2, 1)"));
        AssertMissingParent(ex, 70);
        Assert.Equal(TransactionStatus.Idle, _s.TransactionStatus);
        Assert.Equal(0L, Scalar("SELECT count(*) FROM child"));
        // The results before the failing statement are handed out first, then the error.
        var seen = new List<string>();
        var batch = Rejected(() =>
        {
            foreach (var r in _s.Execute("INSERT INTO child (parent_id, v) VALUES (1, 1); INSERT INTO child (parent_id, v) VALUES (71, 1)")) seen.Add(r.CommandTag);
        });
        AssertMissingParent(batch, 71);
        Assert.Equal(["INSERT 0 1"], seen);
        Assert.Equal(0L, Scalar("SELECT count(*) FROM child"));
    }

    [Fact]
    public void ARejectionInsideARoutineIsRaisedThereAndCanBeCaught()
    {
        Exec("""
            CREATE FUNCTION add_child(p int) RETURNS text LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO child (parent_id, v) VALUES (p, 1);
              RETURN 'added';
            EXCEPTION WHEN foreign_key_violation THEN
              RETURN 'caught: ' || SQLERRM;
            END $$;
            CREATE FUNCTION add_child_unguarded(p int) RETURNS text LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO child (parent_id, v) VALUES (p, 1);
              RETURN 'added';
            END $$;
            CREATE FUNCTION add_child_sql(p int) RETURNS void LANGUAGE sql AS $$ INSERT INTO child (parent_id, v) VALUES (p, 1) $$;
            """);
        Assert.Equal("caught: insert or update on table \"child\" violates foreign key constraint \"child_parent_id_fkey\"", Scalar("SELECT add_child(80)"));
        Assert.Equal("added", Scalar("SELECT add_child(1)"));
        var unguarded = Rejected(() => Exec("SELECT add_child_unguarded(81)"));
        Assert.Equal("23503", unguarded.SqlState);
        Assert.Equal("Key (parent_id)=(81) is not present in table \"parent\".", unguarded.Detail);
        Assert.Equal("23503", Rejected(() => Exec("SELECT add_child_sql(82)")).SqlState);
        Assert.Equal("23503", Rejected(() => Exec("DO $$ BEGIN INSERT INTO child (parent_id, v) VALUES (83, 1); END $$")).SqlState);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM child"));
        Assert.Equal(TransactionStatus.Idle, _s.TransactionStatus);
    }

    [Fact]
    public void NotNullCheckAndUniqueRejectionsInsideABlockFailItAndSavepointsUndoThem()
    {
        var insert = _s.Prepare("INSERT INTO child (parent_id, v) VALUES ($1, $2)");
        var parent = _s.Prepare("INSERT INTO parent (id, code) VALUES ($1, $2)");
        Exec("BEGIN");
        Assert.Equal(1, Run(insert, 1, 1));
        var cases = new (Action Act, string State)[]
        {
            (() => Run(insert, null, 1), "23502"),
            (() => Run(insert, 1, -5), "23514"),
            (() => Run(parent, 1, "z"), "23505"),
            (() => Run(parent, 9, "a"), "23505"),
        };
        foreach (var (act, state) in cases)
        {
            Exec("SAVEPOINT s");
            Assert.Equal(state, Rejected(act).SqlState);
            Assert.Equal(TransactionStatus.Failed, _s.TransactionStatus);
            Assert.Equal("25P02", Rejected(() => Run(insert, 1, 2)).SqlState);
            Exec("ROLLBACK TO SAVEPOINT s");
        }
        Assert.Equal(1, Run(parent, 9, "z"));
        Exec("COMMIT");
        Assert.Equal(3L, Scalar("SELECT count(*) FROM parent"));
        Assert.Equal("9:z", Scalar("SELECT id || ':' || code FROM parent WHERE id = 9"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM child"));
    }

    [Fact]
    public void RejectionsOfRowsThatAreNotTheStatementsOnlyRowAreThrownAsBefore()
    {
        // Several rows, ON CONFLICT, RETURNING and a deferrable key each take the thrown path; same errors.
        var dup = Rejected(() => Exec("INSERT INTO parent (id, code) VALUES (5, 'e'), (6, 'a')"));
        Assert.Equal(("23505", "Key (code)=(a) already exists."), (dup.SqlState, dup.Detail));
        var conflict = Rejected(() => Exec("INSERT INTO parent (id, code) VALUES (1, 'q') ON CONFLICT (code) DO NOTHING"));
        Assert.Equal(("23505", "Key (id)=(1) already exists."), (conflict.SqlState, conflict.Detail));
        var returning = Rejected(() => Exec("INSERT INTO child (parent_id, v) VALUES (1, -1) RETURNING id"));
        Assert.Equal("23514", returning.SqlState);
        AssertMissingParent(Rejected(() => Exec("INSERT INTO child (parent_id, v) VALUES (1, 1), (55, 1)")), 55);
        Exec("CREATE TABLE d (k int UNIQUE DEFERRABLE INITIALLY DEFERRED)");
        Exec("BEGIN; INSERT INTO d VALUES (1); INSERT INTO d VALUES (1)");
        var deferred = Rejected(() => Exec("COMMIT"));
        Assert.Equal(("23505", "Key (k)=(1) already exists."), (deferred.SqlState, deferred.Detail));
        Assert.Equal(TransactionStatus.Idle, _s.TransactionStatus);
        Assert.Equal(0L, Scalar("SELECT count(*) FROM d"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM child"));
        Assert.Equal(2L, Scalar("SELECT count(*) FROM parent"));
    }

    [Fact]
    public void ABeforeRowTriggerRunsBeforeTheRowIsRejected()
    {
        Exec("""
            CREATE TABLE log (msg text);
            CREATE FUNCTION note() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN INSERT INTO log VALUES ('before ' || NEW.v); RETURN NEW; END $$;
            CREATE TRIGGER child_note BEFORE INSERT ON child FOR EACH ROW EXECUTE FUNCTION note();
            """);
        var insert = _s.Prepare("INSERT INTO child (parent_id, v) VALUES ($1, $2)");
        Assert.Equal("23514", Rejected(() => Run(insert, 1, -1)).SqlState);
        AssertMissingParent(Rejected(() => Run(insert, 66, 1)), 66);
        Assert.Equal(1, Run(insert, 1, 1));
        Assert.Equal("before 1", Scalar("SELECT string_agg(msg, ',') FROM log"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM child"));
    }

    [Fact]
    public void AnExplainAnalyzeOfARejectedInsertRaisesTheSameError()
    {
        AssertMissingParent(Rejected(() => Exec("EXPLAIN (ANALYZE, COSTS OFF) INSERT INTO child (parent_id, v) VALUES (90, 1)")), 90);
        Assert.Equal(0L, Scalar("SELECT count(*) FROM child"));
    }
}
