using Tenon.Cli;

namespace Tenon.Tests.Cli;

/// <summary>Error texts and caret lines; positions and expected texts captured from psql 15 against PostgreSQL 15.</summary>
public sealed class ErrorPrintingTests
{
    private static string Cursor(string query, int position) => ErrorPrinter.CursorLines(query, position);

    [Fact]
    public void Caret_under_the_position_on_a_short_line()
    {
        Assert.Equal("LINE 1: select 'abc' as x, zz\n                           ^\n", Cursor("select 'abc' as x, zz", 20));
    }

    [Fact]
    public void Long_line_is_cut_on_the_right_when_the_position_is_near_the_start()
    {
        const string q = "select 1 from nonexistent_table_with_a_very_long_name_that_goes_on_and_on where x = 1 and y = 2 and zzz = 3;";
        Assert.Equal("LINE 1: select 1 from nonexistent_table_with_a_very_long_name_that_g...\n                      ^\n", Cursor(q, 15));
    }

    [Fact]
    public void Long_line_is_cut_on_the_left_when_the_position_is_near_the_end()
    {
        const string q = "select 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22 + zz;";
        Assert.Equal("LINE 1: ... 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22 + zz;\n"
            + "                                                                    ^\n", Cursor(q, 88));
    }

    [Fact]
    public void Long_line_is_cut_on_both_sides()
    {
        var text = Cursor("select ':foo', $$:foo$$, E':foo'::text, 1::int as \"c\", :undefinedvar;", 56);
        Assert.Equal("LINE 1: ...t ':foo', $$:foo$$, E':foo'::text, 1::int as \"c\", :undefined...\n"
            + "                                                             ^\n", text);
    }

    [Fact]
    public void Wide_characters_count_two_columns_when_cutting()
    {
        var q = "select '" + string.Concat(Enumerable.Repeat("日本語", 13)) + "' || zz || 'more text here';";
        Assert.Equal("LINE 1: ...語" + string.Concat(Enumerable.Repeat("日本語", 7)) + "' || zz || 'mor...\n"
            + new string(' ', 60) + "^\n", Cursor(q, 53));
    }

    [Fact]
    public void Tabs_become_spaces()
    {
        Assert.Equal("LINE 1: select 1, zz;\n                  ^\n", Cursor("select\t1,\tzz;", 11));
    }

    [Fact]
    public void Line_number_counts_lines_of_the_sent_text()
    {
        Assert.Equal("LINE 2:    2, zz, 3\n              ^\n", Cursor("select 1,\n   2, zz, 3\n   ,4;", 17));
        Assert.Equal("LINE 3:   from bar;\n               ^\n", Cursor("select\n  foo\n  from bar;", 21));
        Assert.Equal("LINE 2: ;\n        ^\n", Cursor("select 1 +\n;", 12));
    }

    [Fact]
    public void Position_past_the_end_prints_nothing()
    {
        Assert.Equal("", Cursor("select 1", 20));
        Assert.Equal("", Cursor("select 1", 0));
    }

    [Fact]
    public void Message_with_detail_hint_and_context()
    {
        var report = new ErrorReport("ERROR", "P0001", "boom") { Detail = "d1\nd2", Hint = "h", Context = "PL/pgSQL function inline_code_block line 1 at RAISE" };
        Assert.Equal("ERROR:  boom\nDETAIL:  d1\nd2\nHINT:  h\nCONTEXT:  PL/pgSQL function inline_code_block line 1 at RAISE\n",
            ErrorPrinter.Format(report, "do ...", Verbosity.Default, ShowContext.Errors, isError: true));
    }

    [Fact]
    public void Terse_and_verbose_and_sqlstate_verbosity()
    {
        var report = new ErrorReport("ERROR", "42703", "column \"zz\" does not exist") { Position = 20, Hint = "h" };
        Assert.Equal("ERROR:  column \"zz\" does not exist at character 20\n",
            ErrorPrinter.Format(report, "select 'abc' as x, zz", Verbosity.Terse, ShowContext.Errors, true));
        Assert.Equal("ERROR:  42703\n", ErrorPrinter.Format(report, "select 'abc' as x, zz", Verbosity.SqlState, ShowContext.Errors, true));
        Assert.StartsWith("ERROR:  42703: column \"zz\" does not exist\nLINE 1:",
            ErrorPrinter.Format(report, "select 'abc' as x, zz", Verbosity.Verbose, ShowContext.Errors, true));
    }
}
