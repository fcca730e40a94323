using System.Globalization;
using System.Text;

namespace Tenon.Tests.Differential;

/// <summary>
/// A line diff (longest common subsequence) of PostgreSQL's output against Tenon's, printed
/// unified-style with the line numbers of both sides.
/// </summary>
internal static class OutputDiff
{
    internal enum EditKind { Same, Removed, Added }

    /// <param name="ExpectedLine">1-based line in the expected (PostgreSQL) output, 0 when absent.</param>
    /// <param name="ActualLine">1-based line in the actual (Tenon) output, 0 when absent.</param>
    internal readonly record struct Edit(EditKind Kind, int ExpectedLine, int ActualLine, string Text);

    /// <summary>Largest middle section (after trimming equal ends) diffed with the quadratic LCS table.</summary>
    private const long MaxTableCells = 25_000_000;

    public static List<Edit> Compute(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var edits = new List<Edit>();
        int prefix = 0;
        while (prefix < expected.Count && prefix < actual.Count && expected[prefix] == actual[prefix]) prefix++;
        int suffix = 0;
        while (suffix < expected.Count - prefix && suffix < actual.Count - prefix &&
               expected[expected.Count - 1 - suffix] == actual[actual.Count - 1 - suffix]) suffix++;

        for (var i = 0; i < prefix; i++) edits.Add(new Edit(EditKind.Same, i + 1, i + 1, expected[i]));

        int n = expected.Count - prefix - suffix, m = actual.Count - prefix - suffix;
        if ((long)(n + 1) * (m + 1) <= MaxTableCells)
        {
            // lcs[i, j] = LCS length of expected[prefix+i..] and actual[prefix+j..]
            var lcs = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
                for (var j = m - 1; j >= 0; j--)
                    lcs[i, j] = expected[prefix + i] == actual[prefix + j]
                        ? lcs[i + 1, j + 1] + 1
                        : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            int a = 0, b = 0;
            while (a < n || b < m)
            {
                if (a < n && b < m && expected[prefix + a] == actual[prefix + b])
                {
                    edits.Add(new Edit(EditKind.Same, prefix + a + 1, prefix + b + 1, expected[prefix + a]));
                    a++; b++;
                }
                else if (b < m && (a == n || lcs[a, b + 1] > lcs[a + 1, b]))
                {
                    edits.Add(new Edit(EditKind.Added, 0, prefix + b + 1, actual[prefix + b]));
                    b++;
                }
                else
                {
                    edits.Add(new Edit(EditKind.Removed, prefix + a + 1, 0, expected[prefix + a]));
                    a++;
                }
            }
        }
        else
        {
            // Too large for the table: report the whole middle section as replaced.
            for (var i = 0; i < n; i++) edits.Add(new Edit(EditKind.Removed, prefix + i + 1, 0, expected[prefix + i]));
            for (var j = 0; j < m; j++) edits.Add(new Edit(EditKind.Added, 0, prefix + j + 1, actual[prefix + j]));
        }

        for (var k = 0; k < suffix; k++)
        {
            int e = expected.Count - suffix + k, g = actual.Count - suffix + k;
            edits.Add(new Edit(EditKind.Same, e + 1, g + 1, expected[e]));
        }
        return edits;
    }

    /// <summary>
    /// Formats the differences as unified-style hunks (<c>-</c> PostgreSQL, <c>+</c> Tenon), each line
    /// preceded by its line numbers, stopping after <paramref name="maxChangedLines"/> changed lines.
    /// Returns null when the outputs are equal.
    /// </summary>
    public static string? Format(IReadOnlyList<string> expected, IReadOnlyList<string> actual,
        int maxChangedLines = 40, int context = 3)
    {
        var edits = Compute(expected, actual);
        var changed = edits.Select((e, i) => (e, i)).Where(t => t.e.Kind != EditKind.Same).Select(t => t.i).ToList();
        if (changed.Count == 0) return null;

        var sb = new StringBuilder();
        var shown = 0;
        var k = 0;
        while (k < changed.Count && shown < maxChangedLines)
        {
            // One hunk: changes closer than 2*context lines apart are merged.
            int start = Math.Max(0, changed[k] - context), end = changed[k];
            while (k < changed.Count && changed[k] - end <= 2 * context && shown < maxChangedLines)
            {
                end = changed[k];
                k++;
                shown++;
            }
            // Trailing context: unchanged lines only (a cut-off hunk must not show further changes).
            for (var c = 0; c < context && end + 1 < edits.Count && edits[end + 1].Kind == EditKind.Same; c++) end++;
            AppendHunk(sb, edits, start, end);
        }
        if (changed.Count > shown)
            sb.Append(CultureInfo.InvariantCulture, $"... {changed.Count - shown} more changed lines not shown\n");
        return sb.ToString();
    }

    private static void AppendHunk(StringBuilder sb, List<Edit> edits, int start, int end)
    {
        var slice = edits.GetRange(start, end - start + 1);
        int FirstLine(Func<Edit, int> line, int fallbackFrom)
        {
            var first = slice.Select(line).FirstOrDefault(n => n > 0);
            if (first > 0) return first;
            // Empty on this side: position after the previous line of that side.
            for (var i = fallbackFrom - 1; i >= 0; i--)
                if (line(edits[i]) > 0) return line(edits[i]);
            return 0;
        }
        var expectedCount = slice.Count(e => e.ExpectedLine > 0);
        var actualCount = slice.Count(e => e.ActualLine > 0);
        sb.Append(CultureInfo.InvariantCulture,
            $"@@ -{FirstLine(e => e.ExpectedLine, start)},{expectedCount} +{FirstLine(e => e.ActualLine, start)},{actualCount} @@\n");
        foreach (var e in slice)
        {
            var mark = e.Kind switch { EditKind.Removed => '-', EditKind.Added => '+', _ => ' ' };
            var left = e.ExpectedLine > 0 ? e.ExpectedLine.ToString(CultureInfo.InvariantCulture) : "";
            var right = e.ActualLine > 0 ? e.ActualLine.ToString(CultureInfo.InvariantCulture) : "";
            sb.Append(CultureInfo.InvariantCulture, $"{mark}{left,5} {right,5} |{e.Text}\n");
        }
    }
}
