using Tenon.Bench.Engines;
using System.Diagnostics;

namespace Tenon.Bench.Workloads;

/// <summary>W8: a join with GROUP BY and a top-10 over the keys, for a range of keys and for all of them.</summary>
public sealed partial class Suite
{
    private const string TopTenSelect =
        "SELECT p.id, p.code, count(*) AS n, sum(c.v) AS total FROM j_parent p JOIN j_child c ON c.parent_id = p.id";
    private const string TopTenTail = " GROUP BY p.id, p.code ORDER BY n DESC, total DESC, p.id LIMIT 10";

    /// <summary>The parent of child <paramref name="k"/>: spread over all parents, unevenly so that the top 10 is not a tie.</summary>
    internal static long JoinParent(long k, long parents) => (k * 37 % parents + k % 13 * (k % 17)) % parents + 1;

    private void JoinTopTen()
    {
        var parents = sizes.JoinParents;
        var children = sizes.JoinChildren;
        db.Exec("CREATE TABLE j_parent (id integer PRIMARY KEY, code text NOT NULL)");
        db.Exec("CREATE TABLE j_child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES j_parent (id), v integer NOT NULL)");
        db.Exec("CREATE INDEX j_child_parent_id ON j_child (parent_id)");
        InsertSeries("j_parent", "i, 'p' || i", parents);
        InsertSeries("j_child", $"i, (i * 37 % {parents} + i % 13 * (i % 17)) % {parents} + 1, i % 1000", children);

        // The answers, computed here from the same formulas.
        var count = new long[parents + 1];
        var total = new long[parents + 1];
        for (long k = 1; k <= children; k++)
        {
            var p = JoinParent(k, parents);
            count[p]++;
            total[p] += k % 1000;
        }
        Check.Equal(children, db.LongOnce("SELECT count(*) FROM j_child c JOIN j_parent p ON p.id = c.parent_id"), "joined rows after setup");

        var width = sizes.RangeWidth;
        using (var range = db.Prepare(TopTenSelect + " WHERE p.id BETWEEN $1 AND $2" + TopTenTail))
        {
            var budgetLeft = NewBudget();
            long done = 0;
            var watch = Stopwatch.StartNew();
            var answers = new List<List<object?[]>>();
            for (var q = 0; q < Sizes.RangeQueries && !budgetLeft.Expired; q++, done++)
            {
                var low = 1 + q * 7919L % (parents - width + 1);
                answers.Add(range.Query((int)low, (int)(low + width - 1)));
            }
            watch.Stop();
            for (var q = 0; q < answers.Count; q++)
            {
                var low = 1 + q * 7919L % (parents - width + 1);
                CheckTopTen(answers[q], count, total, low, low + width - 1, $"range query {q}");
            }
            Timed("W8a", Sizes.RangeQueries, done, watch, $"{parents:N0} parents, {children:N0} children, ranges of {width:N0} keys");
        }
        using (var all = db.Prepare(TopTenSelect + TopTenTail))
        {
            var budgetLeft = NewBudget();
            long done = 0;
            var watch = Stopwatch.StartNew();
            var answers = new List<List<object?[]>>();
            for (var q = 0; q < Sizes.FullQueries && !budgetLeft.Expired; q++, done++) answers.Add(all.Query());
            watch.Stop();
            foreach (var answer in answers) CheckTopTen(answer, count, total, 1, parents, "query over all keys");
            Timed("W8b", Sizes.FullQueries, done, watch, $"{parents:N0} parents, {children:N0} children");
        }
    }

    private static void CheckTopTen(List<object?[]> rows, long[] count, long[] total, long low, long high, string what)
    {
        var expected = new List<long>();
        for (var p = low; p <= high; p++)
            if (count[p] > 0) expected.Add(p);
        expected.Sort((a, b) => count[a] != count[b] ? count[b].CompareTo(count[a]) : total[a] != total[b] ? total[b].CompareTo(total[a]) : a.CompareTo(b));
        if (expected.Count > 10) expected.RemoveRange(10, expected.Count - 10);
        Check.Equal(expected.Count, rows.Count, what + ": rows");
        for (var i = 0; i < rows.Count; i++)
        {
            var p = expected[i];
            Check.Equal(p, Check.Long(rows[i][0]), $"{what}: id of row {i + 1}");
            Check.That(rows[i][1] as string == "p" + p, $"{what}: code of row {i + 1}");
            Check.Equal(count[p], Check.Long(rows[i][2]), $"{what}: count of row {i + 1}");
            Check.Equal(total[p], Check.Long(rows[i][3]), $"{what}: sum of row {i + 1}");
        }
    }
}
