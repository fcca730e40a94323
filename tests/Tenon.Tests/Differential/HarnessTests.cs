namespace Tenon.Tests.Differential;

/// <summary>Tests of the differential harness itself: normalization, diff, script discovery.</summary>
public sealed class HarnessTests
{
    [Fact]
    public void Psql_and_tenon_location_prefixes_become_the_same_token()
    {
        var pg = OutputNormalizer.Normalize("psql:/tmp/x/fk.sql:12: ERROR:  boom\n");
        var tenon = OutputNormalizer.Normalize("tenon:tests/sql/fk.sql:12: ERROR:  boom\n");
        Assert.Equal(["script:12: ERROR:  boom"], pg);
        Assert.Equal(pg, tenon);
    }

    [Fact]
    public void Line_numbers_in_the_prefix_are_kept()
    {
        Assert.NotEqual(
            OutputNormalizer.Normalize("psql:f.sql:3: ERROR:  x"),
            OutputNormalizer.Normalize("tenon:f.sql:4: ERROR:  x"));
    }

    [Fact]
    public void Context_lines_and_their_continuations_are_dropped()
    {
        var output = string.Join('\n',
            "DELETE FROM parent;",
            "psql:s.sql:9: ERROR:  null value in column \"p\" of relation \"child\" violates not-null constraint",
            "DETAIL:  Failing row contains (1, null).",
            "CONTEXT:  SQL statement \"UPDATE ONLY \"public\".\"child\" SET \"p\" = NULL WHERE $1 OPERATOR(pg_catalog.=) \"p\"\"",
            "PL/pgSQL function f() line 3 at SQL statement",
            "SELECT 1;",
            "");
        Assert.Equal(
            [
                "DELETE FROM parent;",
                "script:9: ERROR:  null value in column \"p\" of relation \"child\" violates not-null constraint",
                "DETAIL:  Failing row contains (1, null).",
                "SELECT 1;",
            ],
            OutputNormalizer.Normalize(output));
    }

    [Fact]
    public void Other_lines_are_kept_exactly_including_blank_lines_and_trailing_spaces()
    {
        var output = " id | name \n----+------\n  1 | a\n(1 row)\n\n";
        Assert.Equal([" id | name ", "----+------", "  1 | a", "(1 row)", ""], OutputNormalizer.Normalize(output));
    }

    [Fact]
    public void Equal_outputs_have_no_diff()
    {
        string[] lines = ["a", "b", "c"];
        Assert.Null(OutputDiff.Format(lines, lines));
    }

    [Fact]
    public void Different_outputs_are_reported_with_line_numbers()
    {
        string[] pg = ["SELECT 1;", " ?column? ", "----------", "        1", "(1 row)", ""];
        string[] tenon = ["SELECT 1;", " ?column? ", "----------", "        2", "(1 row)", ""];
        var diff = OutputDiff.Format(pg, tenon);
        Assert.NotNull(diff);
        Assert.Contains("@@ -1,6 +1,6 @@", diff);
        Assert.Contains("-    4       |        1", diff);
        Assert.Contains("+          4 |        2", diff);
        Assert.Contains("     1     1 |SELECT 1;", diff);
    }

    [Fact]
    public void Missing_and_extra_lines_are_reported_as_removed_and_added()
    {
        var edits = OutputDiff.Compute(["a", "b", "c"], ["a", "c", "d"]);
        Assert.Equal(
            [
                new OutputDiff.Edit(OutputDiff.EditKind.Same, 1, 1, "a"),
                new OutputDiff.Edit(OutputDiff.EditKind.Removed, 2, 0, "b"),
                new OutputDiff.Edit(OutputDiff.EditKind.Same, 3, 2, "c"),
                new OutputDiff.Edit(OutputDiff.EditKind.Added, 0, 3, "d"),
            ],
            edits);
    }

    [Fact]
    public void A_long_diff_is_cut_after_the_limit()
    {
        var pg = Enumerable.Range(0, 200).Select(i => $"row {i}").ToArray();
        var tenon = pg.Select(l => l + "!").ToArray();
        var diff = OutputDiff.Format(pg, tenon, maxChangedLines: 40)!;
        Assert.Equal(40, diff.Split('\n').Count(l => l.StartsWith('-') || l.StartsWith('+')));
        Assert.Contains("360 more changed lines not shown", diff);
    }

    [Fact]
    public void Changes_far_apart_get_separate_hunks()
    {
        var pg = Enumerable.Range(1, 30).Select(i => $"line {i}").ToArray();
        var tenon = (string[])pg.Clone();
        tenon[1] = "changed 2";
        tenon[25] = "changed 26";
        var diff = OutputDiff.Format(pg, tenon)!;
        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Contains("@@ -23,7 +23,7 @@", diff);
    }

    [Fact]
    public void Scripts_are_discovered_under_tests_sql()
    {
        var scripts = SqlScripts.All();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.EndsWith(".sql", s));
        Assert.All(scripts, s => Assert.True(File.Exists(SqlScripts.FullPath(s)), s));
    }

    [Fact]
    public void Every_script_ends_with_a_newline()
    {
        // psql's echo of a last line without a newline is easy to get subtly wrong; keep scripts uniform.
        foreach (var s in SqlScripts.All())
        {
            var text = File.ReadAllText(SqlScripts.FullPath(s));
            Assert.True(text.EndsWith('\n'), $"{s} must end with a newline");
        }
    }
}
