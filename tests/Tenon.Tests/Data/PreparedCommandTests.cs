using Tenon.Data;
using Tenon.Errors;

namespace Tenon.Tests.Data;

public class PreparedCommandTests : DataTestBase
{
    [Fact]
    public void PreparedInsertReusedWithNewValues()
    {
        Exec("CREATE TABLE t (id int PRIMARY KEY, name text, at timestamptz)");
        using var insert = Connection.CreateCommand();
        insert.CommandText = "INSERT INTO t VALUES (@id, @name, @at)";
        var id = insert.Parameters.Add("id", TenonDbType.Integer);
        var name = insert.Parameters.AddWithValue("name", "");
        var at = insert.Parameters.AddWithValue("at", DateTimeOffset.UnixEpoch);
        insert.Prepare();
        Assert.True(insert.IsPrepared);
        for (var i = 1; i <= 100; i++)
        {
            id.Value = i;
            name.Value = i % 10 == 0 ? DBNull.Value : "n" + i;
            at.Value = DateTimeOffset.UnixEpoch.AddDays(i);
            Assert.Equal(1, insert.ExecuteNonQuery());
        }
        Assert.True(insert.IsPrepared);
        Assert.Equal(100L, Scalar("SELECT count(*) FROM t"));
        Assert.Equal(10L, Scalar("SELECT count(*) FROM t WHERE name IS NULL"));
        Assert.Equal(new DateTime(1970, 4, 11, 0, 0, 0, DateTimeKind.Utc), Scalar("SELECT at FROM t WHERE id = 100"));

        using var select = Command("SELECT name FROM t WHERE id = $1", 0);
        select.Prepare();
        foreach (var i in new[] { 3, 7, 42 })
        {
            select.Parameters[0].Value = i;
            Assert.Equal("n" + i, select.ExecuteScalar());
        }
    }

    [Fact]
    public void PrepareReportsSyntaxErrorsWithOriginalPositions()
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "SELECT @parameter FROMM t";
        cmd.Parameters.AddWithValue("parameter", 1);
        var ex = Assert.Throws<TenonException>(() => cmd.Prepare());
        Assert.Equal("42601", ex.SqlState);
        Assert.Equal(25, ex.Position);
        Assert.False(cmd.IsPrepared);
    }

    [Fact]
    public void ChangingTextOrConnectionUnprepares()
    {
        using var cmd = Command("SELECT $1::int + 1", 1);
        cmd.Prepare();
        Assert.True(cmd.IsPrepared);
        cmd.CommandText = "SELECT $1::int + 2";
        Assert.False(cmd.IsPrepared);
        Assert.Equal(3, cmd.ExecuteScalar());
        cmd.Prepare();
        Connection.Close();
        Connection.Open();
        Assert.False(cmd.IsPrepared);
        Assert.Equal(3, cmd.ExecuteScalar());
    }

    [Fact]
    public void PreparedStatementSeesSchemaChanges()
    {
        Exec("CREATE TABLE t (a int)");
        Exec("INSERT INTO t VALUES (1)");
        using var cmd = Command("SELECT * FROM t");
        cmd.Prepare();
        Assert.Equal(1, cmd.ExecuteScalar());
        Exec("DROP TABLE t; CREATE TABLE t (a text); INSERT INTO t VALUES ('x')");
        Assert.Equal("x", cmd.ExecuteScalar());
        Exec("DROP TABLE t");
        Assert.Equal("42P01", Assert.Throws<TenonException>(() => cmd.ExecuteScalar()).SqlState);
    }

    [Fact]
    public void PreparedParameterTypesFollowEachExecutionsValues()
    {
        using var cmd = Command("SELECT pg_typeof($1)::text", 1);
        cmd.Prepare();
        Assert.Equal("integer", cmd.ExecuteScalar());
        cmd.Parameters[0].Value = 1L;
        Assert.Equal("bigint", cmd.ExecuteScalar());
    }

    [Fact]
    public void AddingANamedParameterAfterPrepareRebinds()
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "SELECT @a::text || coalesce(@b::text, '-')";
        cmd.Parameters.AddWithValue("a", "x");
        cmd.Prepare();
        // Without a parameter b, "@b" is the @ operator applied to a column b.
        Assert.Equal("42703", Assert.Throws<TenonException>(() => cmd.ExecuteScalar()).SqlState);
        cmd.Parameters.AddWithValue("b", "y");
        Assert.Equal("xy", cmd.ExecuteScalar());
    }

    [Fact]
    public void SessionPrepareParsesOnce()
    {
        var db = Database.OpenInMemory();
        using var s = db.CreateSession();
        s.ExecuteSingle("CREATE TABLE t (x int)");
        var p = s.Prepare("INSERT INTO t VALUES ($1); SELECT sum(x) FROM t");
        Assert.Equal(2, p.Statements.Count);
        Assert.Equal(3L, s.Execute(p, [3]).Last().Rows[0][0]);
        Assert.Equal(7L, s.Execute(p, [4]).Last().Rows[0][0]);
    }
}
