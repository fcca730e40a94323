using Tenon.Storage;

namespace Tenon.Tests.Storage;

/// <summary>BTree.Diff against a brute-force comparison, over random edits with small nodes (many splits and merges).</summary>
public sealed class BTreeDiffTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void DiffFindsExactlyTheChangedEntries(int seed)
    {
        var rng = new Random(seed);
        var tree = BTree<long, string>.Empty(Comparer<long>.Default, 4, 4);
        var token = new WriteToken();
        for (var i = 0; i < 500; i++) tree = tree.Set(rng.Next(2000), "v" + i, token);
        for (var round = 0; round < 200; round++)
        {
            var older = tree;
            var since = WriteToken.LastIssuedId;
            // Several "statements", each under its own token, as a transaction does.
            var edits = rng.Next(0, 40);
            for (var stmt = 0; stmt < 3; stmt++)
            {
                token = new WriteToken();
                for (var e = 0; e < edits; e++)
                {
                    long key = rng.Next(2000);
                    if (rng.Next(3) == 0) tree = tree.Remove(key, token, out _);
                    else tree = tree.Set(key, $"r{round}s{stmt}e{e}", token);
                }
            }
            var puts = new Dictionary<long, string>();
            var removed = new HashSet<long>();
            Assert.True(tree.Diff(older, since, (k, v) => puts.Add(k, v), k => Assert.True(removed.Add(k))));
            var expectedPuts = tree.All().Where(p => !older.TryGetValue(p.Key, out var o) || o != p.Value).ToDictionary(p => p.Key, p => p.Value);
            var expectedRemoved = older.All().Where(p => !tree.TryGetValue(p.Key, out _)).Select(p => p.Key).ToHashSet();
            Assert.Equal(expectedPuts.OrderBy(p => p.Key), puts.OrderBy(p => p.Key));
            Assert.Equal(expectedRemoved.Order(), removed.Order());
        }
    }

    [Fact]
    public void DiffFromAndToAnEmptyTree()
    {
        var empty = BTree<long, string>.Empty(Comparer<long>.Default, 4, 4);
        var since = WriteToken.LastIssuedId;
        var token = new WriteToken();
        var full = empty;
        for (var i = 0; i < 40; i++) full = full.Set(i * 3, "f" + i, token);
        var puts = new List<long>();
        Assert.True(full.Diff(empty, since, (k, _) => puts.Add(k), _ => Assert.Fail("nothing was removed")));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i * 3), puts);
        // Emptied by removals under a new token (the root may be left as an empty leaf).
        since = WriteToken.LastIssuedId;
        var emptied = full;
        var remover = new WriteToken();
        for (var i = 0; i < 40; i++) emptied = emptied.Remove(i * 3, remover, out _);
        var removed = new List<long>();
        Assert.True(emptied.Diff(full, since, (_, _) => Assert.Fail("nothing was put"), removed.Add));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i * 3), removed);
        // And filled again on top of the emptied tree.
        var refilled = emptied.Set(7, "again", new WriteToken());
        puts.Clear();
        Assert.True(refilled.Diff(emptied, remover.Id, (k, _) => puts.Add(k), _ => Assert.Fail("nothing was removed")));
        Assert.Equal([7L], puts);
    }

    [Fact]
    public void DiffReportsFailureWhenSharedNodesAreNotInTheOlderTree()
    {
        var token = new WriteToken();
        var a = BTree<long, string>.Empty(Comparer<long>.Default, 4, 4);
        for (var i = 0; i < 100; i++) a = a.Set(i, "a", token);
        var unrelated = BTree<long, string>.Empty(Comparer<long>.Default, 4, 4);
        for (var i = 0; i < 50; i++) unrelated = unrelated.Set(i, "u", new WriteToken());
        Assert.False(a.Diff(unrelated, WriteToken.LastIssuedId, (_, _) => { }, _ => { }));
    }
}
