using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Tests.Types;

/// <summary>array_in / array_out edge cases, checked against PostgreSQL 15's output.</summary>
public sealed class ArrayTextTests
{
    private static readonly FormatSettings Settings = FormatSettings.Default;

    private static string RoundTrip(string text, SqlType element) => ArrayText.Format(ArrayText.Parse(text, element, Settings), Settings);

    [Theory]
    [InlineData("{}", "{}")]
    [InlineData("{ }", "{}")]
    [InlineData("  {1, 2}  ", "{1,2}")]
    [InlineData("{{1,2},{3,4}}", "{{1,2},{3,4}}")]
    [InlineData("[0:2]={1,2,3}", "[0:2]={1,2,3}")]
    [InlineData("[1]={1}", "{1}")]
    [InlineData("[+1:2]={1,2}", "{1,2}")]
    [InlineData("[1:2] = {1,2}", "{1,2}")]
    [InlineData("[1:2][3:4]={{1,2},{3,4}}", "[1:2][3:4]={{1,2},{3,4}}")]
    public void Integer_arrays(string input, string expected) => Assert.Equal(expected, RoundTrip(input, SqlType.Int4));

    [Theory]
    [InlineData("{a b,\" c \",\"\",NULL,\"NULL\",null,\"a\\\"b\",\"a\\\\b\",a\\,b,\\N,\"{x}\",a;b}",
        "{\"a b\",\" c \",\"\",NULL,\"NULL\",NULL,\"a\\\"b\",\"a\\\\b\",\"a,b\",N,\"{x}\",a;b}")]
    [InlineData("{ab, c d ,  e\\  }", "{ab,\"c d\",\"e \"}")]
    [InlineData("{ a\\ b , c }", "{\"a b\",c}")]
    [InlineData("{NuLL,\"null\",NULLx,\\NULL}", "{NULL,\"null\",NULLx,\"NULL\"}")]
    [InlineData("{{1} }", "{{1}}")]
    public void Text_arrays_quote_and_unquote_like_PostgreSQL(string input, string expected) =>
        Assert.Equal(expected, RoundTrip(input, SqlType.Text));

    [Theory]
    [InlineData("{1,2", "Unexpected end of input.")]
    [InlineData("{1,2}}", "Junk after closing right brace.")]
    [InlineData("{1,,2}", "Unexpected \",\" character.")]
    [InlineData("{{1},2}", "Unexpected array element.")]
    [InlineData("{{1,2},{3}}", "Multidimensional arrays must have sub-arrays with matching dimensions.")]
    [InlineData("{{}}", "Unexpected \"}\" character.")]
    [InlineData("1,2", "Array value must start with \"{\" or dimension information.")]
    [InlineData("", "Array value must start with \"{\" or dimension information.")]
    [InlineData("[1:2]{1,2}", "Missing \"=\" after array dimensions.")]
    [InlineData("[1:3]={1,2}", "Specified array dimensions do not match array contents.")]
    [InlineData("[a:1]={1,2}", "\"[\" must introduce explicitly-specified array dimensions.")]
    [InlineData("[1: 2]={1,2}", "Missing array dimension value.")]
    [InlineData("[1 :2]={1,2}", "Missing \"]\" after array dimensions.")]
    [InlineData("[1:2]=x", "Array contents must start with \"{\".")]
    [InlineData("{\"a\"b}", "Unexpected array element.")]
    [InlineData("{\"a\"\\b}", "Unexpected \"\\\" character.")]
    [InlineData("{a,{b}}", "Unexpected \"{\" character.")]
    [InlineData("{a\\", "Unexpected end of input.")]
    public void Malformed_literals_give_PostgreSQLs_detail(string input, string detail)
    {
        var ex = Assert.Throws<TenonException>(() => ArrayText.Parse(input, SqlType.Text, Settings));
        Assert.Equal(SqlState.InvalidTextRepresentation, ex.SqlState);
        Assert.Equal($"malformed array literal: \"{input}\"", ex.MessageText);
        Assert.Equal(detail, ex.Detail);
    }

    [Fact]
    public void Structure_errors_win_over_bad_elements()
    {
        var ex = Assert.Throws<TenonException>(() => ArrayText.Parse("{x,}", SqlType.Int4, Settings));
        Assert.Equal("Unexpected \"}\" character.", ex.Detail);
        var bad = Assert.Throws<TenonException>(() => ArrayText.Parse("{x}", SqlType.Int4, Settings));
        Assert.Equal("invalid input syntax for type integer: \"x\"", bad.MessageText);
    }

    [Fact]
    public void Bounds_and_dimension_limits()
    {
        Assert.Equal(SqlState.ArraySubscriptError, Assert.Throws<TenonException>(() => ArrayText.Parse("[2:1]={1,2}", SqlType.Int4, Settings)).SqlState);
        var deep = Assert.Throws<TenonException>(() => ArrayText.Parse("{{{{{{{1}}}}}}}", SqlType.Int4, Settings));
        Assert.Equal("number of array dimensions (7) exceeds the maximum allowed (6)", deep.MessageText);
    }

    [Fact]
    public void Ordering_follows_array_cmp()
    {
        PgArray P(string s) => ArrayText.Parse(s, SqlType.Int4, Settings);
        Assert.True(P("{1,2}").CompareTo(P("{1,2,3}")) < 0);
        Assert.True(P("{1,NULL}").CompareTo(P("{1,2}")) > 0);
        Assert.True(P("{{1},{2}}").CompareTo(P("{1,2}")) > 0);
        Assert.True(P("{3}").CompareTo(P("{1,2}")) > 0);
        Assert.False(P("[0:1]={1,2}").ValueEquals(P("{1,2}")));
        Assert.True(P("{1,NULL}").ValueEquals(P("{1,NULL}")));
    }
}
