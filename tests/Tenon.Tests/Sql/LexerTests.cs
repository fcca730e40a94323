using Tenon.Errors;
using Tenon.Sql;

namespace Tenon.Tests.Sql;

public sealed class LexerTests
{
    private static List<Token> Lex(string sql) => Lexer.Tokenize(sql).Where(t => t.Kind != TokenKind.EndOfInput).ToList();

    [Fact]
    public void Unquoted_identifiers_fold_to_lower_case_and_quoted_keep_case()
    {
        var t = Lex("SELECT Foo, \"Bar\"\"x\"");
        Assert.Equal("select", t[0].Text);
        Assert.Equal(KeywordCategory.Reserved, t[0].Keyword);
        Assert.Equal("foo", t[1].Text);
        Assert.Equal("Bar\"x", t[3].Text);
        Assert.True(t[3].Quoted);
        Assert.Equal(KeywordCategory.None, t[3].Keyword);
    }

    [Fact]
    public void Strings_handle_doubled_quotes_and_newline_continuation()
    {
        Assert.Equal("it's", Lex("'it''s'")[0].Text);
        Assert.Equal("abcdef", Lex("'abc'\n  'def'")[0].Text);
        Assert.Equal(2, Lex("'abc' 'def'").Count);
    }

    [Fact]
    public void Escape_strings_decode_backslashes()
    {
        Assert.Equal("A\nA\tAB'", Lex(@"E'\x41\n\101\t\u0041B\''")[0].Text);
        Assert.Equal("A", Lex(@"U&'\0041'")[0].Text);
    }

    [Fact]
    public void Dollar_quotes_keep_body_verbatim()
    {
        Assert.Equal(" a 'b' $x$ ", Lex("$$ a 'b' $x$ $$")[0].Text);
        Assert.Equal("body", Lex("$fn$body$fn$")[0].Text);
    }

    [Fact]
    public void Numbers_and_parameters()
    {
        var t = Lex("1 1.5 .5 1e10 1.. $3");
        Assert.Equal(TokenKind.Integer, t[0].Kind);
        Assert.Equal(TokenKind.Numeric, t[1].Kind);
        Assert.Equal(TokenKind.Numeric, t[2].Kind);
        Assert.Equal(TokenKind.Numeric, t[3].Kind);
        Assert.Equal(TokenKind.Integer, t[4].Kind);
        Assert.Equal(TokenKind.DotDot, t[5].Kind);
        Assert.Equal(TokenKind.Param, t[6].Kind);
        Assert.Equal("3", t[6].Text);
    }

    [Theory]
    [InlineData("a<-1", new[] { "a", "<", "-", "1" })]
    [InlineData("a!=b", new[] { "a", "<>", "b" })]
    [InlineData("a@-1", new[] { "a", "@-", "1" })]
    [InlineData("a||b", new[] { "a", "||", "b" })]
    [InlineData("a::int", new[] { "a", "::", "int" })]
    [InlineData("a+/*c*/b", new[] { "a", "+", "b" })]
    [InlineData("a>=b", new[] { "a", ">=", "b" })]
    public void Operators_follow_postgres_rules(string sql, string[] expected)
    {
        Assert.Equal(expected, Lex(sql).Select(t => t.Text).ToArray());
    }

    [Fact]
    public void Comments_nest()
    {
        var t = Lex("a /* x /* y */ z */ b -- c\n d");
        Assert.Equal(new[] { "a", "b", "d" }, t.Select(x => x.Text).ToArray());
    }

    [Theory]
    [InlineData("select 123abc;", "trailing junk after numeric literal at or near \"123abc\"", 8)]
    [InlineData("select 0x;", "trailing junk after numeric literal at or near \"0x\"", 8)]
    [InlineData("select 1.5e;", "trailing junk after numeric literal at or near \"1.5e\"", 8)]
    [InlineData("select 1.5ex;", "trailing junk after numeric literal at or near \"1.5ex\"", 8)]
    [InlineData("select 123abc.def;", "trailing junk after numeric literal at or near \"123abc\"", 8)]
    [InlineData("select .5a;", "trailing junk after numeric literal at or near \".5a\"", 8)]
    [InlineData("select \"\";", "zero-length delimited identifier at or near \"\"\"\"", 8)]
    [InlineData("select $1abc;", "trailing junk after parameter at or near \"$1abc\"", 8)]
    [InlineData("select 'abc\nselect 1", "unterminated quoted string at or near \"'abc\nselect 1\"", 8)]
    [InlineData("select \"abc", "unterminated quoted identifier at or near \"\"abc\"", 8)]
    [InlineData("select 1 /* abc", "unterminated /* comment at or near \"/* abc\"", 10)]
    [InlineData("select $$abc", "unterminated dollar-quoted string at or near \"$$abc\"", 8)]
    public void Lexical_errors_match_postgres(string sql, string message, int position)
    {
        var ex = Assert.Throws<TenonException>(() => Parser.ParseScript(sql));
        Assert.Equal("42601", ex.SqlState);
        Assert.Equal(message, ex.MessageText);
        Assert.Equal(position, ex.Position);
    }

    [Fact]
    public void Grammar_error_before_a_lexical_error_wins()
    {
        var ex = Assert.Throws<TenonException>(() => Parser.ParseScript("select 1 2 'abc"));
        Assert.Equal("syntax error at or near \"2\"", ex.MessageText);
        Assert.Equal(10, ex.Position);
    }
}
