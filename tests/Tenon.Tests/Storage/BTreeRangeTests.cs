using Tenon.Storage;

namespace Tenon.Tests.Storage;

/// <summary>Ordered iteration: every combination of bounds, both directions, first/last lookups.</summary>
public sealed class BTreeRangeTests
{
    private static readonly long[] Keys = Enumerable.Range(0, 300).Select(i => i * 2L).ToArray(); // even numbers 0..598

    private static BTree<long, long> Tree(int capacity)
    {
        var token = new WriteToken();
        var tree = BTree<long, long>.Empty(Comparer<long>.Default, capacity, capacity);
        // Insert in a scrambled order, then remove and re-add some keys, so that separators go stale.
        foreach (var key in Keys.OrderBy(k => (k * 7919) % 601)) tree = tree.Set(key, -key, token);
        foreach (var key in Keys.Where(k => k % 6 == 0)) tree = tree.Remove(key, token, out _);
        foreach (var key in Keys.Where(k => k % 12 == 0)) tree = tree.Set(key, -key, token);
        tree.Validate();
        return tree;
    }

    private static IEnumerable<long> Expected(BTree<long, long> tree, Bound<long> lower, Bound<long> upper) =>
        Keys.Where(tree.ContainsKey).Where(k =>
            (!lower.HasValue || k > lower.Key || (lower.IsInclusive && k == lower.Key)) &&
            (!upper.HasValue || k < upper.Key || (upper.IsInclusive && k == upper.Key)));

    private static IEnumerable<Bound<long>> Bounds()
    {
        yield return Bound<long>.Unbounded;
        foreach (long k in new long[] { -5, 0, 1, 6, 12, 13, 100, 101, 250, 596, 598, 599, 700 })
        {
            yield return Bound.Inclusive(k);
            yield return Bound.Exclusive(k);
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(64)]
    public void Ranges_with_every_bound_combination_return_the_keys_inside_in_order(int capacity)
    {
        var tree = Tree(capacity);
        foreach (var lower in Bounds())
        {
            foreach (var upper in Bounds())
            {
                var expected = Expected(tree, lower, upper).ToArray();
                Assert.Equal(expected, tree.Range(lower, upper).Select(e => e.Key).ToArray());
                Assert.Equal(expected.Reverse(), tree.RangeDescending(lower, upper).Select(e => e.Key).ToArray());
            }
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(64)]
    public void First_and_last_lookups_agree_with_ranges(int capacity)
    {
        var tree = Tree(capacity);
        foreach (var bound in Bounds())
        {
            var after = tree.Range(bound, default).Select(e => e.Key).ToArray();
            Assert.Equal(after.Length > 0, tree.TryGetFirst(bound, out long first, out long firstValue));
            if (after.Length > 0)
            {
                Assert.Equal(after[0], first);
                Assert.Equal(-first, firstValue);
            }

            var before = tree.Range(default, bound).Select(e => e.Key).ToArray();
            Assert.Equal(before.Length > 0, tree.TryGetLast(bound, out long last, out _));
            if (before.Length > 0) Assert.Equal(before[^1], last);
        }
    }

    [Fact]
    public void Ranges_over_an_empty_tree_are_empty()
    {
        var tree = BTree<long, long>.Empty(Comparer<long>.Default);
        Assert.Empty(tree.All());
        Assert.Empty(tree.RangeDescending(Bound.Inclusive(1L), default));
        Assert.False(tree.TryGetMin(out _, out _));
        Assert.False(tree.TryGetMax(out _, out _));
        Assert.False(tree.TryGetFirst(Bound.Inclusive(3L), out _, out _));
    }

    [Fact]
    public void A_range_whose_upper_bound_is_below_its_lower_bound_is_empty()
    {
        var tree = Tree(4);
        Assert.Empty(tree.Range(Bound.Inclusive(300L), Bound.Inclusive(100L)));
        Assert.Empty(tree.RangeDescending(Bound.Inclusive(300L), Bound.Inclusive(100L)));
        Assert.Empty(tree.Range(Bound.Exclusive(100L), Bound.Exclusive(100L)));
    }

    [Fact]
    public void Reference_type_keys_can_be_unbounded_without_a_null_sentinel()
    {
        var token = new WriteToken();
        var tree = BTree<string, int>.Empty(StringComparer.Ordinal);
        foreach (var s in new[] { "b", "a", "d", "c" }) tree = tree.Set(s, s[0], token);

        Assert.Equal(["a", "b", "c", "d"], tree.All().Select(e => e.Key));
        Assert.Equal(["b", "c"], tree.Range(Bound.Exclusive("a"), Bound.Exclusive("d")).Select(e => e.Key));
        Assert.Equal(["d", "c"], tree.RangeDescending(Bound.Inclusive("c"), default).Select(e => e.Key));
    }

    [Fact]
    public void The_struct_enumerator_exposes_keys_and_values_without_pairs()
    {
        var tree = Tree(4);
        var enumerator = tree.Range(Bound.Inclusive(10L), Bound.Exclusive(20L)).GetEnumerator();
        var keys = new List<long>();
        while (enumerator.MoveNext())
        {
            Assert.Equal(-enumerator.CurrentKey, enumerator.CurrentValue);
            keys.Add(enumerator.CurrentKey);
        }
        Assert.Equal(Expected(tree, Bound.Inclusive(10L), Bound.Exclusive(20L)), keys);
        Assert.False(enumerator.MoveNext());
    }
}
