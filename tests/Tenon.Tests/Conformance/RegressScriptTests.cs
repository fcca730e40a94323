using Tenon.Conformance;

namespace Tenon.Tests.Conformance;

public class RegressScriptTests
{
    [Fact]
    public void Splits_statements_across_lines_and_skips_comments()
    {
        var script = RegressScript.Parse("-- heading\nCREATE TABLE t (\n  a int -- comment ; not an end\n);\n\nSELECT 1; SELECT ';' AS x;\n");
        Assert.Equal([(1, 3), (5, 5), (5, 5)], script.Statements.Select(s => (s.FirstLine, s.LastLine)));
        Assert.Equal("SELECT ';' AS x", script.Statements[2].Text);
        Assert.Equal([0, 1, 2, 3, 5], script.EchoedLines);
    }

    [Fact]
    public void Knows_dollar_quotes_nested_comments_escapes_and_parentheses()
    {
        var script = RegressScript.Parse(
            "SELECT $f$ a; b $f$, E'it\\'s;', \"q;\"\"\";\n" +
            "/* outer /* inner ; */ still ; */ SELECT (1;\n2);\n" +
            "SELECT $1;\n");
        Assert.Equal(3, script.Statements.Count);
        Assert.Equal((1, 2), (script.Statements[1].FirstLine, script.Statements[1].LastLine));
    }

    [Fact]
    public void Backslash_commands_are_statements_and_copy_data_is_not_echoed()
    {
        var script = RegressScript.Parse("\\set x 1\nCOPY t FROM stdin;\n1\t2\n\\.\nSELECT :x \\gset\nSELECT 2;\n");
        Assert.Equal(["\\set x 1", "COPY t FROM stdin", "SELECT :x", "SELECT 2"],
            script.Statements.Select(s => s.Text.Trim()));
        Assert.Equal([0, 1, 4, 5], script.EchoedLines);
    }

    [Fact]
    public void Empty_line_inside_a_string_is_echoed()
    {
        var script = RegressScript.Parse("SELECT 'a\n\nb';\n\nSELECT 1;\n");
        Assert.Equal([0, 1, 2, 4], script.EchoedLines);
    }
}
