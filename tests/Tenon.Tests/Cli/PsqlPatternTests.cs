using System.Text;
using Tenon.Cli;

namespace Tenon.Tests.Cli;

/// <summary>psql patterns as regular expressions; every expected regex was read from psql 15's ECHO_HIDDEN output.</summary>
public sealed class PsqlPatternTests
{
    [Theory]
    [InlineData("p", "^(p)$")]
    [InlineData("\"Foo.Bar\"*", "^(Foo\\.Bar.*)$")]
    [InlineData("a?b", "^(a.b)$")]
    [InlineData("Ab$", "^(ab\\$)$")]
    [InlineData("\"x\"\"y\"", "^(x\"y)$")]
    [InlineData("x[]", "^(x\\[])$")]
    [InlineData("t(1|2)", "^(t(1|2))$")]
    [InlineData("\"a|b\"", "^(a\\|b)$")]
    public void Name_part_becomes_an_anchored_regex(string pattern, string regex)
    {
        var parsed = PsqlPattern.Parse(pattern);
        Assert.Equal(regex, parsed.NameRegex);
        Assert.Null(parsed.SchemaRegex);
    }

    [Fact]
    public void Dots_split_schema_and_database_parts()
    {
        var two = PsqlPattern.Parse("Public.*");
        Assert.Equal(1, two.Dots);
        Assert.Equal("^(public)$", two.SchemaRegex);
        Assert.Equal("^(.*)$", two.NameRegex);

        var three = PsqlPattern.Parse("\"My Db\".s.t");
        Assert.Equal(2, three.Dots);
        Assert.Equal("My Db", three.LiteralDatabase);
        Assert.Equal("^(s)$", three.SchemaRegex);

        Assert.Equal(0, PsqlPattern.Parse("\"a.b\"").Dots);
    }

    [Fact]
    public void Conditions_skip_match_everything_parts_and_use_visibility_without_a_schema()
    {
        var sql = new StringBuilder();
        PsqlPattern.Parse("public.*").AppendConditions(sql, false, "n.nspname", "c.relname", "visible(c)");
        Assert.Equal("WHERE n.nspname OPERATOR(pg_catalog.~) '^(public)$' COLLATE pg_catalog.default\n", sql.ToString());

        sql.Clear();
        PsqlPattern.Parse("it's").AppendConditions(sql, true, "n.nspname", "c.relname", "visible(c)");
        Assert.Equal("  AND c.relname OPERATOR(pg_catalog.~) '^(it''s)$' COLLATE pg_catalog.default\n  AND visible(c)\n", sql.ToString());
    }
}
