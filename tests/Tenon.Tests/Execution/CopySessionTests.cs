using System.Text;
using Tenon.Errors;
using Xunit;

namespace Tenon.Tests.Execution;

/// <summary>The copy-in / copy-out exchange of docs/COPY.md, as a wire server would drive it.</summary>
public class CopySessionTests
{
    [Fact]
    public void Copy_in_is_answered_while_the_enumeration_is_suspended()
    {
        using var s = Database.OpenInMemory().CreateSession();
        s.ExecuteSingle("CREATE TABLE t (a int, b text)");
        using var results = s.Execute("COPY t FROM STDIN (FORMAT csv)").GetEnumerator();
        Assert.True(results.MoveNext());
        var request = results.Current.CopyIn!;
        Assert.Equal(CopyFormat.Csv, request.Format);
        Assert.Equal(2, request.ColumnCount);
        // A CopyData boundary may split a UTF-8 character.
        var bytes = Encoding.UTF8.GetBytes("1,é\n2,x\n");
        request.Write(bytes.AsSpan(0, 3));
        request.Write(bytes.AsSpan(3));
        request.Complete();
        Assert.True(results.MoveNext());
        Assert.Equal("COPY 2", results.Current.CommandTag);
        Assert.False(results.MoveNext());

        var copyOut = s.ExecuteSingle("COPY t TO STDOUT").CopyOut!;
        Assert.Equal(["1\té\n", "2\tx\n"], copyOut.Lines);
    }

    [Fact]
    public void Copy_fail_and_unanswered_requests_fail_the_copy_and_change_nothing()
    {
        using var s = Database.OpenInMemory().CreateSession();
        s.ExecuteSingle("CREATE TABLE t (a int)");
        using (var results = s.Execute("COPY t FROM STDIN").GetEnumerator())
        {
            Assert.True(results.MoveNext());
            results.Current.CopyIn!.Write("1\n");
            results.Current.CopyIn!.Fail("client gave up");
            var ex = Assert.Throws<TenonException>(() => results.MoveNext());
            Assert.Equal("57014", ex.SqlState);
            Assert.Equal("COPY from stdin failed: client gave up", ex.MessageText);
        }
        Assert.Throws<TenonException>(() => s.ExecuteSingle("COPY t FROM STDIN"));
        Assert.Equal(0L, s.ExecuteSingle("SELECT count(*) FROM t").Rows[0][0]);
    }

    [Fact]
    public void Bad_data_reports_the_line_in_where()
    {
        using var s = Database.OpenInMemory().CreateSession();
        s.ExecuteSingle("CREATE TABLE t (a int)");
        using var results = s.Execute("COPY t FROM STDIN").GetEnumerator();
        Assert.True(results.MoveNext());
        results.Current.CopyIn!.Write("1\nabc\n");
        results.Current.CopyIn!.Complete();
        var ex = Assert.Throws<TenonException>(() => results.MoveNext());
        Assert.Equal("invalid input syntax for type integer: \"abc\"", ex.MessageText);
        Assert.Equal("COPY t, line 2, column a: \"abc\"", ex.Where);
    }
}
