using Tenon.Storage;

namespace Tenon.Tests.Storage;

/// <summary>Bulk building from sorted input, and ascending inserts that fill nodes completely.</summary>
public sealed class BTreeBuildTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(4097)]
    [InlineData(100_000)]
    public void A_tree_built_from_sorted_input_is_valid_and_holds_every_entry(int count)
    {
        foreach (int capacity in new[] { 4, 64 })
        {
            var entries = Enumerable.Range(0, count).Select(i => new KeyValuePair<long, int>(i * 3L, i)).ToArray();
            var tree = BTree<long, int>.BuildSorted(entries, Comparer<long>.Default, new WriteToken(), capacity, capacity);
            tree.Validate();
            Assert.Equal(count, tree.Count);
            Assert.Equal(entries, tree.All());
        }
    }

    [Fact]
    public void A_built_tree_accepts_further_mutations()
    {
        var random = new Random(7);
        var token = new WriteToken();
        var model = new SortedDictionary<long, int>();
        for (int i = 0; i < 1000; i++) model[i * 2] = i;
        var tree = BTree<long, int>.BuildSorted(model, Comparer<long>.Default, token, 4, 4);
        for (int op = 0; op < 3000; op++)
        {
            long key = random.Next(2500);
            if (random.Next(2) == 0)
            {
                tree = tree.Remove(key, token, out _);
                model.Remove(key);
            }
            else
            {
                tree = tree.Set(key, op, token);
                model[key] = op;
            }
            tree.Validate();
        }
        Assert.Equal(model, tree.All());
    }

    [Fact]
    public void Unsorted_or_duplicate_input_is_rejected()
    {
        var token = new WriteToken();
        KeyValuePair<long, int> E(long k) => new(k, 0);
        Assert.Throws<ArgumentException>(() => BTree<long, int>.BuildSorted([E(1), E(3), E(2)], Comparer<long>.Default, token));
        Assert.Throws<ArgumentException>(() => BTree<long, int>.BuildSorted([E(1), E(1)], Comparer<long>.Default, token));
    }

    [Fact]
    public void Ascending_inserts_fill_every_node_but_the_rightmost()
    {
        var token = new WriteToken();
        var tree = BTree<long, long>.Empty(Comparer<long>.Default);
        for (long i = 0; i < 100_000; i++) tree = tree.Set(i, i, token);
        tree.Validate();
        var built = BTree<long, long>.BuildSorted(tree.All(), Comparer<long>.Default, token);
        // Same shape as the bulk-built tree: 100 000 entries in 64-entry leaves need 3 levels.
        Assert.Equal(built.Height, tree.Height);
        Assert.Equal(3, tree.Height);
    }
}
