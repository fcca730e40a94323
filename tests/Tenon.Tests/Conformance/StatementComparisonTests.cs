using Tenon.Conformance;

namespace Tenon.Tests.Conformance;

public class StatementComparisonTests
{
    private static readonly RegressScript Script = RegressScript.Parse("SELECT 1;\n-- note\nSELECT 2;\nSELECT 3;\n");

    private const string Expected =
        "SELECT 1;\n ?column? \n----------\n        1\n(1 row)\n\n-- note\nSELECT 2;\nERROR:  boom\nCONTEXT:  internal\nSELECT 3;\n";

    [Fact]
    public void Identical_output_matches_every_statement_and_ignores_context_lines()
    {
        var actual = Expected.Replace("CONTEXT:  internal\n", "");
        Assert.All(StatementComparison.Compare(Script, Expected, actual), o => Assert.True(o.Matched));
    }

    [Fact]
    public void A_difference_fails_only_its_own_statement()
    {
        var actual = Expected.Replace("ERROR:  boom", "ERROR:  bang");
        Assert.Equal([true, false, true], StatementComparison.Compare(Script, Expected, actual).Select(o => o.Matched));
    }

    [Fact]
    public void Output_that_stops_early_fails_the_rest()
    {
        var actual = "SELECT 1;\n ?column? \n----------\n        1\n(1 row)\n\n";
        Assert.Equal([false, false, false], StatementComparison.Compare(Script, Expected, actual).Select(o => o.Matched));
    }
}
