using Tenon.Cli;

namespace Tenon.Tests.Cli;

/// <summary>How the shell cuts a script into the query strings it sends (psql's psqlscan + mainloop).</summary>
public sealed class StatementSplittingTests
{
    private static List<string> Split(string script, params string[] args)
    {
        var fake = new FakeExecutor((_, _) => []);
        fake.Run(script, ["-X", "-q", .. args], fileName: null);
        return fake.Sent;
    }

    [Fact]
    public void Semicolons_end_statements_and_the_semicolon_is_sent()
    {
        Assert.Equal(["select 1;", "select 2;"], Split("select 1; select 2;\n"));
    }

    [Fact]
    public void Leading_whitespace_and_dash_comments_are_dropped_but_inner_lines_kept()
    {
        Assert.Equal(["select\n  -- inner\n  1;"], Split("-- leading\n   \n  select\n  -- inner\n  1;\n"));
    }

    [Fact]
    public void Empty_lines_inside_a_statement_are_not_sent()
    {
        Assert.Equal(["select\n1;"], Split("select\n\n1;\n"));
    }

    [Fact]
    public void Empty_lines_inside_a_quoted_string_are_kept()
    {
        Assert.Equal(["select 'a\n\nb';"], Split("select 'a\n\nb';\n"));
    }

    [Fact]
    public void Block_comments_before_a_statement_are_sent()
    {
        Assert.Equal(["/* c */ select 1;"], Split("/* c */ select 1;\n"));
    }

    [Theory]
    [InlineData("select ';', 'it''s;';")]
    [InlineData("select E'\\';', 1;")]
    [InlineData("select \"a;b\" from t;")]
    [InlineData("select $$;$$;")]
    [InlineData("select $fn$ $$ ; $x$ $fn$;")]
    [InlineData("select /* /* ; */ ; */ 1;")]
    [InlineData("select (1;\n2);")]
    [InlineData("select U&'d\\0061t;', B'1;', X'1;', N'x;';")]
    [InlineData("select a$b$c; ")]
    public void Semicolons_inside_quotes_comments_and_parentheses_do_not_split(string statement)
    {
        Assert.Equal([statement.TrimEnd()], Split(statement + "\n"));
    }

    [Fact]
    public void Identifier_with_dollar_is_not_a_dollar_quote()
    {
        Assert.Equal(["select a$b$c;", "select 2;"], Split("select a$b$c; select 2;\n"));
    }

    [Fact]
    public void Begin_atomic_function_bodies_keep_their_semicolons()
    {
        var script = "create function f() returns int language sql\nbegin atomic\n  select 1;\n  select case when true then 2 end;\nend;\nselect 3;\n";
        Assert.Equal(
            ["create function f() returns int language sql\nbegin atomic\n  select 1;\n  select case when true then 2 end;\nend;", "select 3;"],
            Split(script));
    }

    [Fact]
    public void Plain_begin_still_ends_at_semicolon()
    {
        Assert.Equal(["begin;", "select 1;", "end;"], Split("begin; select 1; end;\n"));
    }

    [Fact]
    public void Text_after_the_last_semicolon_is_sent_at_end_of_file()
    {
        Assert.Equal(["select 1;", "select 2"], Split("select 1; select 2\n"));
    }

    [Fact]
    public void Backslash_g_sends_the_buffer_without_semicolon()
    {
        Assert.Equal(["select 1 "], Split("select 1 \\g\n"));
    }

    [Fact]
    public void Backslash_semicolon_is_a_literal_semicolon()
    {
        Assert.Equal(["select 1; select 2;"], Split("select 1\\; select 2;\n"));
    }

    [Fact]
    public void Double_backslash_ends_a_meta_command_and_sql_continues()
    {
        Assert.Equal(["select 5;"], Split("\\echo done \\\\ select 5;\n"));
    }

    [Fact]
    public void A_line_with_only_a_meta_command_adds_nothing_to_the_buffer()
    {
        Assert.Equal(["select 1\n+ 2;"], Split("select 1\n\\echo x\n+ 2;\n"));
    }

    [Fact]
    public void Variables_are_interpolated_outside_quotes()
    {
        Assert.Equal(["select 42, 'it''s', \"it's\", :nope, ':foo', 1::int;"],
            Split("\\set foo 42\n\\set bar 'it''s'\nselect :foo, :'bar', :\"bar\", :nope, ':foo', 1::int;\n"));
    }

    [Fact]
    public void Literal_quoting_of_a_value_with_backslash_uses_E_syntax()
    {
        Assert.Equal(["select  E'a\\\\b';"], Split("\\set q 'a\\\\b'\nselect :'q';\n"));
    }

    [Fact]
    public void A_variable_value_is_lexed_and_may_hold_several_statements()
    {
        Assert.Equal(["select 7;", "select 8;"], Split("\\set s 'select 7; select 8'\n:s;\n"));
    }

    [Fact]
    public void Command_line_variables_are_interpolated()
    {
        Assert.Equal(["select 5;"], Split("select :v;\n", "-v", "v=5"));
    }

    [Fact]
    public void Lexer_reports_prompt_state_for_unfinished_input()
    {
        var lexer = new PsqlLexer(_ => null, _ => { });
        var buffer = new System.Text.StringBuilder();
        lexer.Setup("select 'abc");
        Assert.Equal(ScanResult.Incomplete, lexer.Scan(buffer, out var prompt));
        Assert.Equal(PromptStatus.SingleQuote, prompt);
        Assert.True(lexer.InQuote);

        lexer.Setup("', (1");
        Assert.Equal(ScanResult.Incomplete, lexer.Scan(buffer, out prompt));
        Assert.Equal(PromptStatus.Paren, prompt);

        lexer.Setup(") $q$");
        lexer.Scan(buffer, out prompt);
        Assert.Equal(PromptStatus.DollarQuote, prompt);
    }
}
