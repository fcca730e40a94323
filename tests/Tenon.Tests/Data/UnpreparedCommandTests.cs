using Tenon.Data;
using Tenon.Errors;

namespace Tenon.Tests.Data;

/// <summary>
/// Commands run without Prepare, made anew for each execution as Dapper and EF Core make them: the
/// connection keeps the named-parameter rewrite of each text (BindingCache), which must follow the
/// parameter names each new command brings, and errors must read as they did without it.
/// </summary>
public class UnpreparedCommandTests : DataTestBase
{
    private object? Named(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd.ExecuteScalar();
    }

    [Fact]
    public void EachNewCommandIsBoundByItsOwnParameterNames()
    {
        const string sql = "SELECT @a || '-' || @b";
        Assert.Equal("1-2", Named(sql, ("a", "1"), ("b", "2")));
        // Same text, the collection in another order: $1 and $2 now stand for other parameters.
        Assert.Equal("1-2", Named(sql, ("b", "2"), ("a", "1")));
        // Names matched ignoring case, as without the cache.
        Assert.Equal("x-y", Named(sql, ("A", "x"), ("B", "y")));
        Assert.Equal("3-4", Named(sql, ("a", "3"), ("b", "4")));
    }

    [Fact]
    public void ANameMissingFromALaterCommandIsLeftInTheTextAgain()
    {
        const string sql = "SELECT @a + @b";
        Assert.Equal(3, Named(sql, ("a", 1), ("b", 2)));
        // Without a parameter named b, "@b" stays in the text, where it is PostgreSQL's prefix @ (absolute value) of a column b.
        var ex = Assert.Throws<TenonException>(() => Named(sql, ("a", 1)));
        Assert.Equal("42703", ex.SqlState);
        Assert.Equal("column \"b\" does not exist", ex.MessageText);
        Assert.Equal(14, ex.Position);
        Assert.Equal(5, Named(sql, ("a", 2), ("b", 3)));
    }

    [Fact]
    public void SyntaxErrorsPointIntoTheCallersTextEveryTime()
    {
        for (var i = 0; i < 2; i++)
        {
            var ex = Assert.Throws<TenonException>(() => Named("SELECT @parameter FROMM t", ("parameter", 1)));
            Assert.Equal("42601", ex.SqlState);
            Assert.Equal(25, ex.Position);
        }
        // The connection is still usable after the failed parse.
        Assert.Equal(7, Named("SELECT @parameter", ("parameter", 7)));
    }

    [Fact]
    public void ATruncationNoticeIsRaisedOnEveryExecution()
    {
        var notices = new List<Notice>();
        Connection.NoticeReceived += notices.Add;
        var longName = new string('c', 70);
        var sql = $"SELECT @v AS {longName}";
        Assert.Equal(1, Named(sql, ("v", 1)));
        Assert.Equal(2, Named(sql, ("v", 2)));
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal($"identifier \"{longName}\" will be truncated to \"{longName[..63]}\"", n.Message));
    }

    [Fact]
    public void ManyDistinctTextsStayCorrectPastTheCachesCapacity()
    {
        for (var i = 0; i < 1200; i++)
            Assert.Equal(i + 1, Named($"SELECT @v + {i}", ("v", 1)));
        Assert.Equal(2, Named("SELECT @v + 1", ("v", 1)));
    }

    [Fact]
    public void PositionalCommandsKeepTheirOrder()
    {
        Assert.Equal("b-a", Scalar("SELECT $2 || '-' || $1", "a", "b"));
        Assert.Equal("d-c", Scalar("SELECT $2 || '-' || $1", "c", "d"));
        var ex = Assert.Throws<TenonException>(() => Scalar("SELECT $2 || '-' || $1", "c"));
        Assert.Equal("42P02", ex.SqlState);
    }
}
