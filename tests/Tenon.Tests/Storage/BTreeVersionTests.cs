using Tenon.Storage;

namespace Tenon.Tests.Storage;

/// <summary>Write ownership: what a new token copies, what the same token changes in place.</summary>
public sealed class BTreeVersionTests
{
    private static BTree<long, string> Build(int count, WriteToken token, int capacity = 4)
    {
        var tree = BTree<long, string>.Empty(Comparer<long>.Default, capacity, capacity);
        for (long i = 0; i < count; i++) tree = tree.Set(i * 10, "v" + i, token);
        return tree;
    }

    [Fact]
    public void A_snapshot_is_unchanged_after_mutations_under_a_new_token()
    {
        var snapshot = Build(500, new WriteToken());
        var expected = snapshot.All().ToArray();

        var token = new WriteToken();
        var tree = snapshot;
        for (long i = 0; i < 500; i += 3) tree = tree.Remove(i * 10, token, out _);
        for (long i = 0; i < 500; i += 5) tree = tree.Set(i * 10 + 1, "new", token);
        for (long i = 1; i < 500; i += 7) tree = tree.Set(i * 10, "changed", token);

        snapshot.Validate();
        tree.Validate();
        Assert.Equal(expected, snapshot.All().ToArray());
        Assert.Equal(500, snapshot.Count);
        Assert.NotEqual(expected, tree.All().ToArray());
    }

    [Fact]
    public void Rolling_back_is_keeping_the_old_reference()
    {
        var token = new WriteToken();
        var tree = Build(100, token);
        var savepoint = tree;
        token = new WriteToken();
        tree = tree.Set(5, "inserted", token).Remove(20, token, out _);

        tree = savepoint;

        Assert.Equal(100, tree.Count);
        Assert.False(tree.ContainsKey(5));
        Assert.True(tree.TryGetValue(20, out var value));
        Assert.Equal("v2", value);
    }

    [Fact]
    public void A_savepoint_survives_being_rolled_back_to_twice_while_the_token_stays_the_same()
    {
        var tree = Build(300, new WriteToken());
        var savepoint = tree;
        var expected = savepoint.All().ToArray();
        var token = new WriteToken();

        for (int attempt = 0; attempt < 2; attempt++)
        {
            for (long i = 0; i < 300; i += 2) tree = tree.Remove(i * 10, token, out _).Set(i * 10 + 1, "s", token);
            Assert.Equal(300, tree.Count);
            tree = savepoint; // ROLLBACK TO SAVEPOINT, then carry on under the same token
        }

        savepoint.Validate();
        Assert.Equal(expected, savepoint.All().ToArray());
    }

    [Fact]
    public void Mutations_under_the_same_token_change_owned_nodes_in_place()
    {
        var token = new WriteToken();
        var tree = Build(3, token); // a single leaf
        var root = tree.Root;

        var next = tree.Set(15, "x", token).Set(0, "replaced", token).Remove(10, token, out _);

        Assert.Same(root, next.Root);
        Assert.Equal(1, next.Height);
        // The older version shares that leaf, so it sees the change: using it is undefined.
        Assert.True(tree.TryGetValue(15, out _));
    }

    [Fact]
    public void A_mutation_under_a_new_token_copies_the_path_and_shares_the_rest()
    {
        var tree = Build(1000, new WriteToken());
        var token = new WriteToken();

        var first = tree.Set(5, "x", token);
        var second = first.Set(6, "y", token);

        Assert.NotSame(tree.Root, first.Root);
        Assert.Same(first.Root, second.Root);
        Assert.False(tree.ContainsKey(5));
    }

    [Fact]
    public void Operations_that_change_nothing_return_the_same_version_and_copy_nothing()
    {
        var tree = Build(200, new WriteToken());
        var token = new WriteToken();

        Assert.Same(tree, tree.Insert(10, "other", token, out bool existed));
        Assert.True(existed);
        Assert.Same(tree, tree.Replace(11, "other", token, out bool found));
        Assert.False(found);
        Assert.Same(tree, tree.Remove(11, token, out bool removed));
        Assert.False(removed);
        Assert.True(tree.TryGetValue(10, out var value));
        Assert.Equal("v1", value);
    }

    [Fact]
    public void Iterating_a_version_while_mutating_under_a_new_token_sees_only_that_version()
    {
        var snapshot = Build(2000, new WriteToken(), capacity: 8);
        var token = new WriteToken();
        var tree = snapshot;
        var seen = new List<long>();
        foreach (var (key, _) in snapshot.All())
        {
            seen.Add(key);
            tree = tree.Remove(key, token, out _).Set(key + 5, "during", token);
        }
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => i * 10L), seen);
        Assert.Equal(2000, tree.Count);
        Assert.All(tree.All(), e => Assert.Equal(5, e.Key % 10));
        tree.Validate();
        snapshot.Validate();
    }

    [Fact]
    public async Task Frozen_versions_can_be_read_from_many_threads_while_a_writer_continues()
    {
        var snapshot = Build(20_000, new WriteToken(), capacity: 16);
        var expectedSum = snapshot.All().Sum(e => e.Key);
        var writer = Task.Run(() =>
        {
            var token = new WriteToken();
            var tree = snapshot;
            for (long i = 0; i < 20_000; i++) tree = tree.Remove(i * 10, token, out _).Set(i * 10 + 3, "w", token);
            return tree.Count;
        });
        var readers = Enumerable.Range(0, 4).Select(reader => Task.Run(() =>
        {
            long sum = 0;
            for (int round = 0; round < 5; round++)
            {
                sum = snapshot.All().Sum(e => e.Key);
                Assert.Equal(expectedSum, sum);
                for (long i = 0; i < 20_000; i += 97) Assert.True(snapshot.TryGetValue(i * 10, out _));
            }
            return sum;
        })).ToArray();
        await Task.WhenAll(readers);
        Assert.Equal(20_000, await writer);
        Assert.Equal(20_000, snapshot.Count);
    }
}
