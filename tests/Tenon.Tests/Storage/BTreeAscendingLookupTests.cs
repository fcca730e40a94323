using Tenon.Storage;

namespace Tenon.Tests.Storage;

/// <summary>
/// AscendingLookup answers a non-decreasing sequence of point lookups exactly as TryGetValue
/// answers each one: keys present and absent, repeated, below and above every stored key, over
/// trees of one leaf and of several levels.
/// </summary>
public sealed class BTreeAscendingLookupTests
{
    [Theory]
    [InlineData(4, 1, 1)]
    [InlineData(4, 2, 600)]
    [InlineData(5, 3, 600)]
    [InlineData(8, 4, 3000)]
    [InlineData(64, 5, 3000)]
    [InlineData(64, 6, 20)]
    public void Matches_one_lookup_at_a_time(int capacity, int seed, int size)
    {
        var random = new Random(seed);
        var token = new WriteToken();
        var tree = BTree<long, string>.Empty(Comparer<long>.Default, capacity, capacity);
        foreach (var k in Enumerable.Range(0, size).Select(_ => (long)random.Next(0, size * 3)).Distinct())
            tree = tree.Set(k, "v" + k, token);
        for (var round = 0; round < 30; round++)
        {
            // Dense runs, sparse jumps, repeats, and keys outside the stored range.
            var probes = new List<long>();
            var n = random.Next(0, round % 5 == 4 ? size * 4 : 80);
            for (var j = 0; j < n; j++) probes.Add(random.Next(-5, size * 3 + 5));
            if (round % 3 == 0) probes.AddRange(probes.Take(10));
            probes.Sort();
            var lookup = tree.LookupAscending();
            foreach (var key in probes)
            {
                var found = lookup.TryGet(key, out var value);
                Assert.Equal(tree.TryGetValue(key, out var expected), found);
                Assert.Equal(expected, value);
            }
        }
    }

    [Fact]
    public void An_empty_tree_has_nothing()
    {
        var lookup = BTree<long, string>.Empty(Comparer<long>.Default).LookupAscending();
        Assert.False(lookup.TryGet(1, out _));
        Assert.False(lookup.TryGet(2, out _));
    }
}
