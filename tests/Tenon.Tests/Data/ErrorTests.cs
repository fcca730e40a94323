using Tenon.Errors;

namespace Tenon.Tests.Data;

/// <summary>Constraint violations surface as TenonException with PostgreSQL's fields.</summary>
public class ErrorTests : DataTestBase
{
    public ErrorTests()
    {
        Exec("""
            CREATE TABLE parent (id int PRIMARY KEY, code text UNIQUE);
            CREATE TABLE child (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES parent (id), qty int CHECK (qty > 0));
            INSERT INTO parent VALUES (1, 'a');
            """);
    }

    [Fact]
    public void UniqueViolation()
    {
        var ex = Assert.Throws<TenonException>(() => Exec("INSERT INTO parent VALUES ($1, $2)", 1, "b"));
        Assert.Equal("23505", ex.SqlState);
        Assert.Equal(PostgresState("23505"), ex.SqlState);
        Assert.Equal("duplicate key value violates unique constraint \"parent_pkey\"", ex.MessageText);
        Assert.Equal("Key (id)=(1) already exists.", ex.Detail);
        Assert.Equal("parent_pkey", ex.ConstraintName);
        Assert.Equal("parent", ex.TableName);
        Assert.Equal("public", ex.SchemaName);
        Assert.IsAssignableFrom<System.Data.Common.DbException>(ex);
    }

    [Fact]
    public void ForeignKeyViolation()
    {
        var ex = Assert.Throws<TenonException>(() => Exec("INSERT INTO child VALUES (1, $1, 1)", 2));
        Assert.Equal("23503", ex.SqlState);
        Assert.Equal("insert or update on table \"child\" violates foreign key constraint \"child_parent_id_fkey\"", ex.MessageText);
        Assert.Equal("Key (parent_id)=(2) is not present in table \"parent\".", ex.Detail);
        Assert.Equal("child_parent_id_fkey", ex.ConstraintName);
        Assert.Equal("child", ex.TableName);
    }

    [Fact]
    public void NotNullViolation()
    {
        var ex = Assert.Throws<TenonException>(() => Exec("INSERT INTO child VALUES (1, $1, 1)", (object?)null));
        Assert.Equal("23502", ex.SqlState);
        Assert.Equal("null value in column \"parent_id\" of relation \"child\" violates not-null constraint", ex.MessageText);
        Assert.Equal("Failing row contains (1, null, 1).", ex.Detail);
        Assert.Equal("child", ex.TableName);
        Assert.Equal("parent_id", ex.ColumnName);
    }

    [Fact]
    public void CheckViolation()
    {
        var ex = Assert.Throws<TenonException>(() => Exec("INSERT INTO child VALUES (1, 1, $1)", 0));
        Assert.Equal("23514", ex.SqlState);
        Assert.Equal("new row for relation \"child\" violates check constraint \"child_qty_check\"", ex.MessageText);
        Assert.Equal("Failing row contains (1, 1, 0).", ex.Detail);
        Assert.Equal("child_qty_check", ex.ConstraintName);
        Assert.Equal("child", ex.TableName);
    }

    [Fact]
    public void FailedStatementChangesNothing()
    {
        Assert.Throws<TenonException>(() => Exec("INSERT INTO parent VALUES (2, 'b'), (3, 'a')"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM parent"));
    }

    [Fact]
    public void APreparedCommandRejectedAgainAndAgainReportsTheSameFieldsAndLeavesTheConnectionUsable()
    {
        using var cmd = Command("INSERT INTO child VALUES (@id, @parent, 1)");
        cmd.Parameters.AddWithValue("id", 1);
        cmd.Parameters.AddWithValue("parent", 2);
        cmd.Prepare();
        for (var i = 0; i < 3; i++)
        {
            cmd.Parameters["parent"].Value = 2 + i;
            var ex = Assert.Throws<TenonException>(() => cmd.ExecuteNonQuery());
            System.Data.Common.DbException db = ex;
            Assert.Equal("23503", db.SqlState);
            Assert.Equal("insert or update on table \"child\" violates foreign key constraint \"child_parent_id_fkey\"", db.Message);
            Assert.Equal($"Key (parent_id)=({2 + i}) is not present in table \"parent\".", ex.Detail);
            Assert.Equal(("public", "child", "child_parent_id_fkey"), (ex.SchemaName, ex.TableName, ex.ConstraintName));
            Assert.Equal(0, ex.Position);
            Assert.False(db.IsTransient);
        }
        cmd.Parameters["parent"].Value = 1;
        Assert.Equal(1, cmd.ExecuteNonQuery());

        using (var tx = Connection.BeginTransaction())
        {
            cmd.Parameters["id"].Value = 2;
            cmd.Parameters["parent"].Value = 9;
            Assert.Equal("23503", Assert.Throws<TenonException>(() => cmd.ExecuteNonQuery()).SqlState);
            cmd.Parameters["parent"].Value = 1;
            Assert.Equal("25P02", Assert.Throws<TenonException>(() => cmd.ExecuteNonQuery()).SqlState);
            tx.Rollback();
        }
        Assert.Equal(1L, Scalar("SELECT count(*) FROM child"));
    }

    private static string PostgresState(string code) => code;
}
