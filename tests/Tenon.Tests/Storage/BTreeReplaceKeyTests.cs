using Tenon.Storage;

namespace Tenon.Tests.Storage;

/// <summary>
/// TryReplaceKey changes an entry's key in place only where the new key sorts into the entry's own
/// place; everywhere else it declines and the tree is unchanged. A model (SortedDictionary) checks
/// the contents, Validate the invariants, and older versions stay as they were under a new token.
/// </summary>
public sealed class BTreeReplaceKeyTests
{
    private static BTree<long, string> Build(IEnumerable<long> keys, WriteToken token, int capacity = 4)
    {
        var tree = BTree<long, string>.Empty(Comparer<long>.Default, capacity, capacity);
        foreach (var k in keys) tree = tree.Set(k, "v" + k, token);
        return tree;
    }

    [Fact]
    public void Replaces_in_place_only_between_the_neighbours_and_inside_the_leaf_range()
    {
        var random = new Random(7);
        var token = new WriteToken();
        var keys = Enumerable.Range(0, 400).Select(i => (long)i * 10).ToList();
        var tree = Build(keys, token);
        var model = new SortedDictionary<long, string>(keys.ToDictionary(k => k, k => "v" + k));
        var replaced = 0;
        var declined = 0;
        var edgeDeclines = 0;
        for (var step = 0; step < 3000; step++)
        {
            var all = model.Keys.ToList();
            var oldKey = random.Next(3) == 0 ? random.Next(0, 4000) : all[random.Next(all.Count)];
            var newKey = oldKey + random.Next(-25, 26);
            if (newKey == oldKey) continue;
            var result = tree.TryReplaceKey(oldKey, newKey, token);
            var index = all.BinarySearch(oldKey);
            var fits = index >= 0 && !model.ContainsKey(newKey)
                && (index == 0 || all[index - 1] < newKey) && (index == all.Count - 1 || newKey < all[index + 1]);
            if (result is null)
            {
                // Right when the key is absent or belongs elsewhere; inside its place it may still decline
                // at a leaf's edge, where a separator bounds it.
                declined++;
                if (fits) edgeDeclines++;
                continue;
            }
            Assert.True(fits);
            replaced++;
            var value = model[oldKey];
            model.Remove(oldKey);
            model[newKey] = value;
            tree = result;
            tree.Validate();
            Assert.Equal(model.Count, tree.Count);
        }
        Assert.Equal(model.ToArray(), tree.All().Select(e => new KeyValuePair<long, string>(e.Key, e.Value)).ToArray());
        Assert.True(replaced > 100);
        Assert.True(declined > 100);
        Assert.True(edgeDeclines < replaced / 4);
    }

    [Fact]
    public void An_older_version_is_unchanged_under_a_new_token()
    {
        var snapshot = Build(Enumerable.Range(0, 200).Select(i => (long)i * 10), new WriteToken());
        var expected = snapshot.All().ToArray();
        var token = new WriteToken();
        var tree = snapshot;
        for (long k = 0; k < 2000; k += 30) tree = tree.TryReplaceKey(k, k + 5, token) ?? tree;
        snapshot.Validate();
        tree.Validate();
        Assert.Equal(expected, snapshot.All().ToArray());
        Assert.Contains(tree.All(), e => e.Key == 35 && e.Value == "v30");
        Assert.DoesNotContain(tree.All(), e => e.Key == 30);
    }

    [Fact]
    public void Declines_for_an_absent_key_and_an_empty_tree()
    {
        var token = new WriteToken();
        Assert.Null(BTree<long, string>.Empty(Comparer<long>.Default).TryReplaceKey(1, 2, token));
        var tree = Build([1, 2, 3], token);
        Assert.Null(tree.TryReplaceKey(5, 6, token));
        Assert.Null(tree.TryReplaceKey(2, 3, token));
        Assert.NotNull(tree.TryReplaceKey(3, 9, token));
    }

    [Theory]
    [InlineData(Tenon.Types.TypeId.Int4)] // a compact index: keys stored as integers
    [InlineData(Tenon.Types.TypeId.Text)] // an index of key arrays with abbreviations
    public void MoveRow_keeps_an_index_in_key_then_row_id_order(Tenon.Types.TypeId type)
    {
        var token = new WriteToken();
        var comparer = new Tenon.Types.KeyComparer([type]);
        var index = IndexStore.Empty(comparer);
        Assert.Equal(type == Tenon.Types.TypeId.Int4, index.IsCompact);
        object KeyOf(int k) => type == Tenon.Types.TypeId.Int4 ? k : $"k{k}";
        long next = 1;
        var rows = new List<(int Key, long RowId)>();
        for (var i = 0; i < 300; i++)
        {
            var key = i % 7;
            index = index.Add([KeyOf(key)], next, token);
            rows.Add((key, next++));
        }
        var random = new Random(3);
        for (var step = 0; step < 500; step++)
        {
            var at = random.Next(rows.Count);
            var (key, rowId) = rows[at];
            index = index.MoveRow([KeyOf(key)], rowId, next, token);
            rows[at] = (key, next++);
        }
        var expected = rows.OrderBy(r => r.Key).ThenBy(r => r.RowId).Select(r => (KeyOf(r.Key), r.RowId)).ToArray();
        Assert.Equal(expected, index.All().Select(e => (e.Key[0]!, e.RowId)).ToArray());
        index.Validate();
        // A moved entry is stored abbreviated, as an added one is.
        if (!index.IsCompact) Assert.All(index.Entries.All(), e => Assert.True(e.Key.IsAbbreviated));
    }
}
