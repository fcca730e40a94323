using Tenon.Cli;
using Tenon.Types;

namespace Tenon.Tests.Cli;

/// <summary>Result tables; every expected text was captured from psql 15 against PostgreSQL 15.</summary>
public sealed class ResultPrintingTests
{
    private static string Print(ResultTable table, Action<PrintSettings>? configure = null)
    {
        var settings = new PrintSettings();
        configure?.Invoke(settings);
        var writer = new StringWriter();
        new ResultPrinter(settings).Print(table, writer);
        return writer.ToString();
    }

    private static ResultTable Table(string[] headers, bool[] right, params string?[][] rows) => new(headers, right, rows);

    [Fact]
    public void Numbers_are_right_aligned_and_headers_centered()
    {
        // select 1 as a, 'x' as bb;
        Assert.Equal(" a | bb \n---+----\n 1 | x\n(1 row)\n\n", Print(Table(["a", "bb"], [true, false], ["1", "x"])));
    }

    [Fact]
    public void Null_prints_empty_and_long_headers_widen_columns()
    {
        // select 'ab' || 'c' as "Long Header", null as n, 1.50::numeric as num;
        Assert.Equal(" Long Header | n | num  \n-------------+---+------\n abc         |   | 1.50\n(1 row)\n\n",
            Print(Table(["Long Header", "n", "num"], [false, false, true], ["abc", null, "1.50"])));
    }

    [Fact]
    public void Null_display_setting_is_used()
    {
        Assert.Equal("   x    | y \n--------+---\n (null) | 1\n(1 row)\n\n",
            Print(Table(["x", "y"], [false, true], [null, "1"]), s => s.NullDisplay = "(null)"));
    }

    [Fact]
    public void Multi_line_values_get_plus_marks()
    {
        // select E'line1\nline2\nl3' as ml, 1 as i, E'a\nb' as last;
        Assert.Equal("  ml   | i | last \n-------+---+------\n line1+| 1 | a   +\n line2+|   | b\n l3    |   | \n(1 row)\n\n",
            Print(Table(["ml", "i", "last"], [false, true, false], ["line1\nline2\nl3", "1", "a\nb"])));
    }

    [Fact]
    public void Multi_line_value_before_a_number_column()
    {
        // select 'multi\nline' as m, 22 as n;
        Assert.Equal("   m   | n  \n-------+----\n multi+| 22\n line  | \n(1 row)\n\n",
            Print(Table(["m", "n"], [false, true], ["multi\nline", "22"])));
    }

    [Fact]
    public void Multi_line_headers()
    {
        Assert.Equal(" multi +| ?column? \n header |          \n--------+----------\n      1 |        2\n(1 row)\n\n",
            Print(Table(["multi\nheader", "?column?"], [true, true], ["1", "2"])));
    }

    [Fact]
    public void Tabs_carriage_returns_and_controls_are_expanded()
    {
        Assert.Equal("    tab    |  cr  | ctl  \n-----------+------+------\n x       y | a\\rb | \\x01\n(1 row)\n\n",
            Print(Table(["tab", "cr", "ctl"], [false, false, false], ["x\ty", "a\rb", "\u0001"])));
    }

    [Fact]
    public void East_asian_characters_are_two_columns_wide()
    {
        Assert.Equal("   jp   | e \n--------+---\n 日本語 | é\n(1 row)\n\n",
            Print(Table(["jp", "e"], [false, false], ["日本語", "é"])));
    }

    [Fact]
    public void Empty_result_and_zero_column_result()
    {
        Assert.Equal(" ?column? \n----------\n(0 rows)\n\n", Print(Table(["?column?"], [false])));
        Assert.Equal("--\n(1 row)\n\n", Print(Table([], [], [[]])));
    }

    [Fact]
    public void Row_count_footer_is_plural()
    {
        Assert.Equal(" a \n---\n 1\n 2\n(2 rows)\n\n", Print(Table(["a"], [true], ["1"], ["2"])));
    }

    [Fact]
    public void Border_two_and_zero()
    {
        var t = Table(["a", "b", "c"], [true, false, false], ["1", "bb", "x\ny"]);
        Assert.Equal("+---+----+---+\n| a | b  | c |\n+---+----+---+\n| 1 | bb | x+|\n|   |    | y |\n+---+----+---+\n(1 row)\n\n",
            Print(t, s => s.Border = 2));
        Assert.Equal("a b  c \n- -- -\n1 bb x+\n     y\n(1 row)\n\n", Print(t, s => s.Border = 0));
    }

    [Fact]
    public void Expanded_display()
    {
        var t = Table(["a", "bcol", "c"], [true, false, false], ["1", "bb", "x\ny"], ["2", "c", null]);
        Assert.Equal("-[ RECORD 1 ]\na    | 1\nbcol | bb\nc    | x     +\n     | y\n-[ RECORD 2 ]\na    | 2\nbcol | c\nc    | (null)\n\n",
            Print(t, s =>
            {
                s.Expanded = true;
                s.NullDisplay = "(null)";
            }));
    }

    [Fact]
    public void Unaligned_csv_and_tuples_only()
    {
        Assert.Equal("a|b\n1|b\n(1 row)\n", Print(Table(["a", "b"], [true, false], ["1", "b"]), s => s.Format = PrintFormat.Unaligned));
        Assert.Equal("a,b,c,d\n1,\"x,y\",(null),\"q\"\"z\"\n", Print(Table(["a", "b", "c", "d"], [true, false, false, false], ["1", "x,y", null, "q\"z"]), s =>
        {
            s.Format = PrintFormat.Csv;
            s.NullDisplay = "(null)";
        }));
        Assert.Equal("        1\n\n", Print(Table(["?column?"], [true], ["1"]), s => s.TuplesOnly = true));
        Assert.Equal(" ?column? \n----------\n        1\n\n", Print(Table(["?column?"], [true], ["1"]), s => s.Footer = false));
    }

    [Fact]
    public void Values_are_formatted_through_the_executor_with_numeric_alignment_from_the_type()
    {
        var fake = new FakeExecutor((_, _) => [new StatementResult("SELECT 1",
            [new ResultColumn("n", SqlType.Int4), new ResultColumn("t", SqlType.Text)], [[12345, "x"]])]);
        var (_, output) = fake.Run("select;\n", ["-X", "-q"], fileName: null);
        Assert.Equal("   n   | t \n-------+---\n 12345 | x\n(1 row)\n\n", output);
    }
    [Fact]
    public void Title_is_centered_and_own_footers_replace_the_row_count()
    {
        // \d ticket_seq (psql 15): a title over the table, footers instead of "(1 row)".
        var table = Table(["Type", "Start"], [false, true], ["bigint", "1"]) with { Title = "Sequence \"public.s\"", Footers = ["Owned by: public.t.id"] };
        Assert.Equal("Sequence \"public.s\"\n  Type  | Start \n--------+-------\n bigint |     1\nOwned by: public.t.id\n\n", Print(table));
        var wide = Table(["Schema", "Name", "Type", "Owner"], [false, false, false, false], ["public", "c", "table", "postgres"]) with { Title = "List of relations" };
        // \dt (psql 15) with one table "c": 8 spaces before the title.
        Assert.StartsWith("        List of relations\n", Print(wide));
    }

    [Fact]
    public void Title_and_footers_in_unaligned_and_expanded_output()
    {
        var table = Table(["a"], [true], ["1"]) with { Title = "T", Footers = ["F1", "F2"] };
        Assert.Equal("T\na\n1\nF1\nF2\n", Print(table, s => s.Format = PrintFormat.Unaligned));
        // \pset title T, \x, select 1 as a; (psql 15)
        Assert.Equal("T\n-[ RECORD 1 ]\na | 1\n\n", Print(table with { Footers = null }, s => s.Expanded = true));
        Assert.Equal(" 1\n\n", Print(table, s => s.TuplesOnly = true));
    }
}
