using Tenon.Data;
using Tenon.Errors;

namespace Tenon.Tests.Data;

public class NamedParameterTests : DataTestBase
{
    private static string Rewrite(string sql, params string[] names) =>
        NamedParameterRewriter.Rewrite(sql, n => names.FirstOrDefault(x => string.Equals(x, n, StringComparison.OrdinalIgnoreCase))).Sql;

    [Theory]
    [InlineData("SELECT @a, @b, @a", "SELECT $1, $2, $1")]
    [InlineData("SELECT '@a', \"@a\", @a", "SELECT '@a', \"@a\", $1")]
    [InlineData("SELECT E'\\'@a', @a", "SELECT E'\\'@a', $1")]
    [InlineData("SELECT 'it''s @a' || @a", "SELECT 'it''s @a' || $1")]
    [InlineData("SELECT @a -- @a\n, /* @a /* @a */ @a */ @b", "SELECT $1 -- @a\n, /* @a /* @a */ @a */ $2")]
    [InlineData("SELECT $$ @a $$, $q$ @a $q$, @a", "SELECT $$ @a $$, $q$ @a $q$, $1")]
    [InlineData("SELECT @ -5, @unknown, @a", "SELECT @ -5, @unknown, $1")]
    [InlineData("SELECT @ @a, @@a", "SELECT @ $1, @$1")]
    [InlineData("SELECT @A::int, x@a", "SELECT $1::int, x$1")]
    [InlineData("SELECT col$a FROM t WHERE id=@b", "SELECT col$a FROM t WHERE id=$1")]
    public void RewritesOnlyParameterReferences(string sql, string expected) => Assert.Equal(expected, Rewrite(sql, "a", "b"));

    [Fact]
    public void NamedParametersRun()
    {
        Exec("CREATE TABLE people (id int PRIMARY KEY, name text, email text)");
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "INSERT INTO people VALUES (@id, @name, @email)";
        cmd.Parameters.AddWithValue("@email", "ann@example.com");
        cmd.Parameters.AddWithValue("name", "Ann");
        cmd.Parameters.AddWithValue("id", 1);
        Assert.Equal(1, cmd.ExecuteNonQuery());
        using var q = Connection.CreateCommand();
        q.CommandText = "SELECT name || ' <' || email || '>' FROM people WHERE id = @id AND name <> '@id'";
        q.Parameters.AddWithValue("ID", 1);
        q.Parameters.AddWithValue("unused", 99);
        Assert.Equal("Ann <ann@example.com>", q.ExecuteScalar());
    }

    [Fact]
    public void PositionalParametersInOrder()
    {
        Assert.Equal("b-a", Scalar("SELECT $2 || '-' || $1", "a", "b"));
    }

    [Fact]
    public void MixingNamedAndPositionalIsAnError()
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "SELECT @a, $1";
        cmd.Parameters.AddWithValue("a", 1);
        cmd.Parameters.AddWithValue(2);
        Assert.Throws<InvalidOperationException>(() => cmd.ExecuteScalar());
    }

    [Fact]
    public void MissingPositionalParameterIsPostgresError()
    {
        var ex = Assert.Throws<TenonException>(() => Scalar("SELECT $1 + $2", 1));
        Assert.Equal("42P02", ex.SqlState);
        Assert.Equal("there is no parameter $2", ex.MessageText);
    }

    [Fact]
    public void ErrorPositionsPointIntoTheOriginalText()
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "SELECT @longname, nosuchcol";
        cmd.Parameters.AddWithValue("longname", 1);
        var ex = Assert.Throws<TenonException>(() => cmd.ExecuteScalar());
        Assert.Equal("42703", ex.SqlState);
        Assert.Equal(19, ex.Position);
    }

    [Fact]
    public void ParameterCollectionLookups()
    {
        using var cmd = new TenonCommand();
        cmd.Parameters.AddWithValue("@Alpha", 1);
        Assert.True(cmd.Parameters.Contains("alpha"));
        Assert.Equal(0, cmd.Parameters.IndexOf("@alpha"));
        Assert.Equal(1, cmd.Parameters["ALPHA"].Value);
        Assert.Throws<ArgumentException>(() => cmd.Parameters["beta"]);
        cmd.Parameters.RemoveAt("Alpha");
        Assert.Empty(cmd.Parameters);
    }
}
