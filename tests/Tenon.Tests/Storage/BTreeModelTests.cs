using Tenon.Storage;

namespace Tenon.Tests.Storage;

/// <summary>
/// Randomized model checking: long runs of random Set/Insert/Replace/Remove against a
/// SortedDictionary, validating the B+tree invariants after every operation.
/// </summary>
public sealed class BTreeModelTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        // leaf capacity, inner capacity, key range
        { 4, 4, 200 },
        { 5, 4, 400 },
        { 4, 7, 1000 },
        { 8, 8, 3000 },
        { 64, 64, 5000 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Random_operations_under_one_token_match_a_sorted_dictionary(int leafCapacity, int innerCapacity, int keyRange)
    {
        for (int seed = 0; seed < 8; seed++)
        {
            RunModel(seed, leafCapacity, innerCapacity, keyRange, operations: 4000, switchTokens: false);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Random_operations_with_frequent_token_switches_match_a_sorted_dictionary(int leafCapacity, int innerCapacity, int keyRange)
    {
        for (int seed = 100; seed < 108; seed++)
        {
            RunModel(seed, leafCapacity, innerCapacity, keyRange, operations: 4000, switchTokens: true);
        }
    }

    [Fact]
    public void Every_captured_snapshot_keeps_its_contents_while_later_versions_change()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            var tree = BTree<long, long>.Empty(Comparer<long>.Default, 4, 4);
            var model = new SortedDictionary<long, long>();
            var token = new WriteToken();
            var snapshots = new List<(BTree<long, long> Tree, KeyValuePair<long, long>[] Contents)>();
            for (int op = 0; op < 3000; op++)
            {
                long key = random.Next(300);
                if (random.Next(3) == 0)
                {
                    tree = tree.Remove(key, token, out _);
                    model.Remove(key);
                }
                else
                {
                    tree = tree.Set(key, op, token);
                    model[key] = op;
                }
                if (random.Next(50) == 0)
                {
                    snapshots.Add((tree, model.ToArray()));
                    token = new WriteToken();
                }
            }
            foreach (var (snapshot, contents) in snapshots)
            {
                snapshot.Validate();
                Assert.Equal(contents, snapshot.All().ToArray());
                Assert.Equal(contents.Length, snapshot.Count);
            }
        }
    }

    /// <summary>
    /// Mostly ascending inserts (which take the in-place append) mixed with random writes and
    /// removals, token switches and snapshots: every version keeps exactly its contents.
    /// </summary>
    [Theory]
    [InlineData(4, 4)]
    [InlineData(5, 7)]
    [InlineData(64, 64)]
    public void Appends_mixed_with_random_writes_and_snapshots_match_a_sorted_dictionary(int leafCapacity, int innerCapacity)
    {
        for (int seed = 0; seed < 10; seed++)
        {
            var random = new Random(seed);
            var tree = BTree<long, long>.Empty(Comparer<long>.Default, leafCapacity, innerCapacity);
            var model = new SortedDictionary<long, long>();
            var token = new WriteToken();
            var snapshots = new List<(BTree<long, long> Tree, KeyValuePair<long, long>[] Contents)>();
            long next = 0;
            for (int op = 0; op < 5000; op++)
            {
                var r = random.Next(10);
                if (r < 7)
                {
                    next += 1 + random.Next(3);
                    tree = tree.Insert(next, op, token, out var existed);
                    Assert.False(existed);
                    model[next] = op;
                }
                else if (r < 9)
                {
                    long key = random.Next((int)next + 2);
                    tree = tree.Set(key, op, token);
                    model[key] = op;
                    next = Math.Max(next, key);
                }
                else
                {
                    long key = random.Next((int)next + 2);
                    tree = tree.Remove(key, token, out _);
                    model.Remove(key);
                }
                Assert.Equal(model.Count, tree.Count);
                if (random.Next(40) == 0)
                {
                    snapshots.Add((tree, model.ToArray()));
                    token = new WriteToken();
                }
            }
            tree.Validate();
            Assert.Equal(model.ToArray(), tree.All().ToArray());
            foreach (var (snapshot, contents) in snapshots)
            {
                snapshot.Validate();
                Assert.Equal(contents, snapshot.All().ToArray());
                Assert.Equal(contents.Length, snapshot.Count);
            }
        }
    }

    [Fact]
    public void Random_operations_on_string_keys_with_a_custom_comparer_match_a_sorted_dictionary()
    {
        var comparer = StringComparer.OrdinalIgnoreCase;
        for (int seed = 0; seed < 10; seed++)
        {
            var random = new Random(seed);
            var tree = BTree<string, string?>.Empty(comparer, 5, 4);
            var model = new SortedDictionary<string, string?>(comparer);
            var token = new WriteToken();
            for (int op = 0; op < 3000; op++)
            {
                string key = "k" + random.Next(400);
                if (random.Next(2) == 0) key = key.ToUpperInvariant();
                if (random.Next(3) == 0)
                {
                    tree = tree.Remove(key, token, out bool removed);
                    Assert.Equal(model.Remove(key), removed);
                }
                else
                {
                    string? value = random.Next(5) == 0 ? null : "v" + op;
                    tree = tree.Set(key, value, token);
                    model[key] = value;
                }
                if (random.Next(100) == 0) token = new WriteToken();
                tree.Validate();
            }
            Assert.Equal(model.Select(e => e.Value), tree.All().Select(e => e.Value));
            Assert.Equal(model.Keys, tree.All().Select(e => e.Key), comparer);
        }
    }

    private static void RunModel(int seed, int leafCapacity, int innerCapacity, int keyRange, int operations, bool switchTokens)
    {
        var random = new Random(seed);
        var tree = BTree<long, long>.Empty(Comparer<long>.Default, leafCapacity, innerCapacity);
        var model = new SortedDictionary<long, long>();
        var token = new WriteToken();
        int maxHeight = 0;
        bool heightShrank = false;

        // Phases shift the balance between growing and shrinking so that both splits and
        // merges happen at every height.
        for (int op = 0; op < operations; op++)
        {
            int phase = op / 500 % 3; // 0: mostly insert, 1: mixed, 2: mostly remove
            int removePercent = phase switch { 0 => 15, 1 => 45, _ => 90 };
            long key = random.Next(3) == 0 ? op % keyRange : random.Next(keyRange); // some ascending runs
            int roll = random.Next(100);
            string what;
            if (roll < removePercent)
            {
                what = "Remove";
                tree = tree.Remove(key, token, out bool removed);
                Assert.Equal(model.Remove(key), removed);
            }
            else if (roll < removePercent + 10)
            {
                what = "Insert";
                tree = tree.Insert(key, op, token, out bool existed);
                Assert.Equal(!model.TryAdd(key, op), existed);
            }
            else if (roll < removePercent + 15)
            {
                what = "Replace";
                tree = tree.Replace(key, op, token, out bool found);
                Assert.Equal(model.ContainsKey(key), found);
                if (found) model[key] = op;
            }
            else
            {
                what = "Set";
                tree = tree.Set(key, op, token);
                model[key] = op;
            }

            if (switchTokens && random.Next(4) == 0) token = new WriteToken();

            try
            {
                tree.Validate();
            }
            catch (InvalidOperationException e)
            {
                Assert.Fail($"seed {seed}, op {op} ({what} {key}): {e.Message}");
            }
            heightShrank |= tree.Height < maxHeight;
            maxHeight = Math.Max(maxHeight, tree.Height);
            Assert.Equal(model.Count, tree.Count);
            Assert.Equal(model.TryGetValue(key, out long expected), tree.TryGetValue(key, out long actual));
            Assert.Equal(expected, actual);
            if (op % 250 == 0) AssertSameContents(model, tree);
        }
        AssertSameContents(model, tree);

        // Drain: remove everything in random order, so merges happen at every level down to empty.
        foreach (long key in model.Keys.OrderBy(_ => random.Next()).ToArray())
        {
            if (switchTokens && random.Next(4) == 0) token = new WriteToken();
            tree = tree.Remove(key, token, out bool removed);
            Assert.True(removed);
            model.Remove(key);
            heightShrank |= tree.Height < maxHeight;
            tree.Validate();
        }
        AssertSameContents(model, tree);
        Assert.True(maxHeight >= 2 && heightShrank, $"seed {seed}: the run should split and merge across levels");
    }

    private static void AssertSameContents(SortedDictionary<long, long> model, BTree<long, long> tree)
    {
        Assert.Equal(model.ToArray(), tree.All().ToArray());
        Assert.Equal(model.Reverse().ToArray(), tree.RangeDescending(default, default).ToArray());
        foreach (var (key, value) in model)
        {
            Assert.True(tree.TryGetValue(key, out long actual));
            Assert.Equal(value, actual);
        }
        if (model.Count > 0)
        {
            Assert.True(tree.TryGetMin(out long min, out _));
            Assert.True(tree.TryGetMax(out long max, out _));
            Assert.Equal(model.First().Key, min);
            Assert.Equal(model.Last().Key, max);
        }
        else
        {
            Assert.False(tree.TryGetMin(out _, out _));
            Assert.Equal(0, tree.Height);
        }
    }
}
