using Tenon.Storage;
using Tenon.Types;

namespace Tenon.Tests.Storage;

/// <summary>
/// RemoveSorted takes out a sorted set of keys, one descent per leaf they share, with the same
/// result and invariants as removing them one by one; older versions stay as they were.
/// </summary>
public sealed class BTreeRemoveSortedTests
{
    private static BTree<long, string> Build(IEnumerable<long> keys, WriteToken token, int capacity)
    {
        var tree = BTree<long, string>.Empty(Comparer<long>.Default, capacity, capacity);
        foreach (var k in keys) tree = tree.Set(k, "v" + k, token);
        return tree;
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(8, 4)]
    [InlineData(64, 5)]
    public void Matches_removing_one_by_one(int capacity, int seed)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(0, 600).Select(i => (long)random.Next(0, 3000)).Distinct().ToList();
        var snapshot = Build(keys, new WriteToken(), capacity);
        var expectedSnapshot = snapshot.All().ToArray();
        var token = new WriteToken();
        var tree = snapshot;
        var model = new SortedDictionary<long, string>(keys.ToDictionary(k => k, k => "v" + k));
        for (var round = 0; round < 40 && model.Count > 0; round++)
        {
            // Runs of neighbours (a parent's children), scattered keys, absent keys, sometimes everything.
            var batch = new SortedSet<long>();
            var start = random.Next(0, 3000);
            var length = random.Next(1, round % 10 == 9 ? 3000 : 60);
            for (var k = start; k < start + length; k++)
                if (random.Next(4) > 0) batch.Add(k);
            for (var j = 0; j < random.Next(0, 8); j++) batch.Add(random.Next(0, 3000));
            var expected = batch.Count(model.ContainsKey);
            tree = tree.RemoveSorted(batch.ToArray(), token, out var removed);
            foreach (var k in batch) model.Remove(k);
            Assert.Equal(expected, removed);
            tree.Validate();
            Assert.Equal(model.Count, tree.Count);
            Assert.Equal(model.Keys.ToArray(), tree.All().Select(e => e.Key).ToArray());
            // Each value stays with its key through a leaf's compaction (in place, or into a copy).
            Assert.All(tree.All(), e => Assert.Equal("v" + e.Key, e.Value));
        }
        tree = tree.RemoveSorted(model.Keys.ToArray(), token, out var rest);
        Assert.Equal(model.Count, rest);
        Assert.True(tree.IsEmpty);
        snapshot.Validate();
        Assert.Equal(expectedSnapshot, snapshot.All().ToArray());
    }

    [Fact]
    public void Nothing_changes_when_no_key_is_there()
    {
        var token = new WriteToken();
        var tree = Build([10, 20, 30], token, 4);
        Assert.Same(tree, tree.RemoveSorted([1, 15, 40], token, out var removed));
        Assert.Equal(0, removed);
        var empty = BTree<long, string>.Empty(Comparer<long>.Default);
        Assert.Same(empty, empty.RemoveSorted([1, 2], token, out _));
    }

    [Fact]
    public void RemoveMany_and_DeleteSorted_take_out_exactly_the_given_entries()
    {
        var token = new WriteToken();
        var index = IndexStore.Empty(new KeyComparer([TypeId.Int4]));
        var rows = RowStore.Empty;
        for (var i = 0; i < 500; i++)
        {
            rows = rows.Insert([i, i % 9], token, out var rowId);
            index = index.Add([i % 9], rowId, token);
        }
        var gone = Enumerable.Range(1, 500).Where(id => id % 9 == 4 || id % 7 == 0).Select(id => (long)id).ToArray();
        var token2 = new WriteToken();
        var before = index;
        // Given in no particular order: RemoveMany sorts.
        var entries = gone.Reverse().Select(id => (Key: new object?[] { (int)((id - 1) % 9) }, RowId: id)).ToList();
        index = index.RemoveMany(entries, token2);
        rows = rows.DeleteSorted(gone, token2);
        index.Validate();
        var left = Enumerable.Range(1, 500).Select(id => (long)id).Except(gone).ToHashSet();
        Assert.Equal(left.Count, rows.Count);
        Assert.All(index.All(), e => Assert.Contains(e.RowId, left));
        Assert.Equal(left.Count, index.Count);
        Assert.Equal(500, before.Count);
        Assert.Throws<KeyNotFoundException>(() => index.RemoveMany([([1], 4)], token2));
        Assert.Throws<KeyNotFoundException>(() => rows.DeleteSorted([gone[0]], token2));
    }
}
