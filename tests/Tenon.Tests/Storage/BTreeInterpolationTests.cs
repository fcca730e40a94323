using Tenon.Storage;

namespace Tenon.Tests.Storage;

/// <summary>
/// Searches in trees of long keys interpolate before they bisect. Whatever the keys' spread
/// (dense, gapped, skewed, at the ends of the range), every lookup, bound and range must answer
/// exactly as a sorted reference does, for keys present, absent, and outside the tree's range.
/// </summary>
public class BTreeInterpolationTests
{
    public static TheoryData<string> Spreads => ["dense", "gapped", "random", "skewed", "extremes"];

    private static long[] Keys(string spread, Random rng) => spread switch
    {
        "dense" => [.. Enumerable.Range(1, 5000).Select(i => (long)i)],
        "gapped" => [.. Enumerable.Range(1, 5000).Select(i => i * 10L + (i % 7 == 0 ? 3 : 0))],
        "random" => [.. Enumerable.Range(0, 5000).Select(_ => rng.NextInt64(-1_000_000, 1_000_000)).Distinct()],
        // Clustered keys with a few huge outliers: the guess is far off, and galloping must recover.
        "skewed" => [.. Enumerable.Range(0, 5000).Select(i => i % 500 == 0 ? (long)i << 40 : i).Distinct()],
        _ => [.. new[] { long.MinValue, long.MinValue + 1, -1L, 0L, 1L, long.MaxValue - 1, long.MaxValue }
            .Concat(Enumerable.Range(0, 3000).Select(_ => rng.NextInt64(long.MinValue, long.MaxValue))).Distinct()],
    };

    [Theory]
    [MemberData(nameof(Spreads))]
    public void Lookups_and_bounds_answer_as_a_sorted_reference(string spread)
    {
        var rng = new Random(spread.Length);
        var keys = Keys(spread, rng);
        var token = new WriteToken();
        var tree = BTree<long, long>.Empty(Comparer<long>.Default);
        foreach (var k in keys.OrderBy(_ => rng.Next())) tree = tree.Set(k, -k, token);
        tree.Validate();
        var sorted = keys.Order().ToArray();
        var probes = sorted.Concat(sorted.Select(k => k == long.MaxValue ? k : k + 1)).Concat(sorted.Select(k => k == long.MinValue ? k : k - 1))
            .Concat([long.MinValue, long.MaxValue, 0]).Concat(Enumerable.Range(0, 500).Select(_ => rng.NextInt64(long.MinValue, long.MaxValue)));
        foreach (var p in probes)
        {
            Assert.Equal(Array.BinarySearch(sorted, p) >= 0, tree.TryGetValue(p, out var v));
            if (Array.BinarySearch(sorted, p) >= 0) Assert.Equal(-p, v);
            var ge = Array.FindIndex(sorted, k => k >= p);
            Assert.Equal(ge >= 0, tree.TryGetFirst(Bound.Inclusive(p), out var first, out _));
            if (ge >= 0) Assert.Equal(sorted[ge], first);
            var gt = Array.FindIndex(sorted, k => k > p);
            Assert.Equal(gt >= 0, tree.TryGetFirst(Bound.Exclusive(p), out first, out _));
            if (gt >= 0) Assert.Equal(sorted[gt], first);
            var le = Array.FindLastIndex(sorted, k => k <= p);
            Assert.Equal(le >= 0, tree.TryGetLast(Bound.Inclusive(p), out var last, out _));
            if (le >= 0) Assert.Equal(sorted[le], last);
        }
        for (var i = 0; i < 200; i++)
        {
            var a = sorted[rng.Next(sorted.Length)] + rng.Next(-1, 2);
            var b = sorted[rng.Next(sorted.Length)] + rng.Next(-1, 2);
            if (a > b) (a, b) = (b, a);
            Assert.Equal(sorted.Where(k => k >= a && k < b), tree.Range(Bound.Inclusive(a), Bound.Exclusive(b)).Select(e => e.Key));
            Assert.Equal(sorted.Where(k => k > a && k <= b).Reverse(), tree.RangeDescending(Bound.Exclusive(a), Bound.Inclusive(b)).Select(e => e.Key));
        }
        // Removing through the same searches keeps the tree exact.
        foreach (var k in sorted.Where((_, i) => i % 3 == 0)) tree = tree.Remove(k, token, out var removed) is var t && removed ? t : throw new Xunit.Sdk.XunitException($"{k} not removed");
        tree.Validate();
        Assert.Equal(sorted.Where((_, i) => i % 3 != 0), tree.All().Select(e => e.Key));
    }
}
