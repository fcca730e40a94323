using Tenon.Sql;
using Tenon.Sql.Ast;

namespace Tenon.Tests.Sql;

/// <summary>
/// ExprSource prints a parsed expression as SQL that parses back to the same expression: the text
/// Tenon keeps in pg_node_tree columns for pg_get_expr. Printing the re-parsed text gives the same text.
/// </summary>
public sealed class ExprSourceTests
{
    private static Expr Parse(string expr) =>
        ((SelectCore)((SelectStatement)Parser.ParseStatement("SELECT " + expr)).Query.Body).Targets[0].Expr;

    [Theory]
    [InlineData("a + b * 2 > -1", "((a + (b * 2)) > (-1))")]
    [InlineData("price > 0 AND (code <> '' OR code IS NULL)", "((price > 0) AND ((code <> '') OR (code IS NULL)))")]
    [InlineData("x BETWEEN SYMMETRIC 1 AND 5", "(x BETWEEN SYMMETRIC 1 AND 5)")]
    [InlineData("s NOT IN ('a', 'it''s')", "(s NOT IN ('a', 'it''s'))")]
    [InlineData("nextval('\"Seq\"')", "nextval('\"Seq\"')")]
    [InlineData("CAST(x AS varchar(10)) || 'y'::text", "(CAST(x AS varchar(10)) || CAST('y' AS text))")]
    [InlineData("CASE WHEN a THEN 1 ELSE -2.5 END", "CASE WHEN a THEN 1 ELSE (-2.5) END")]
    [InlineData("\"Mixed\".\"Col\" IS NOT DISTINCT FROM now()", "(\"Mixed\".\"Col\" IS NOT DISTINCT FROM now())")]
    [InlineData("CURRENT_TIMESTAMP(3) > date '2020-01-01'", "(CURRENT_TIMESTAMP(3) > date '2020-01-01')")]
    [InlineData("NOT (b IS TRUE)", "(NOT (b IS TRUE))")]
    [InlineData("- x", "(- x)")]
    [InlineData("s LIKE 'a%' AND s ~* '^b'", "((s ~~ 'a%') AND (s ~* '^b'))")]
    public void Prints_parseable_text_that_prints_the_same(string expr, string expected)
    {
        var printed = ExprSource.Print(Parse(expr));
        Assert.Equal(expected, printed);
        Assert.Equal(printed, ExprSource.Print(Parse(printed)));
    }
}
