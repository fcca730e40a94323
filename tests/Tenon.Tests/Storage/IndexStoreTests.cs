using Tenon.Storage;

namespace Tenon.Tests.Storage;

public sealed class IndexStoreTests
{
    /// <summary>Integers ascending with NULLs last (PostgreSQL's ASC default); strings ordinal.</summary>
    private sealed class NullsLast : IComparer<object?>
    {
        public static readonly NullsLast Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            (string a, string b) => string.CompareOrdinal(a, b),
            _ => Comparer<object>.Default.Compare(x, y),
        };
    }

    private static readonly CompositeKeyComparer TwoColumns = new([NullsLast.Instance, NullsLast.Instance]);

    private static IndexStore Index(params (object?[] Key, long RowId)[] entries)
    {
        var token = new WriteToken();
        var index = IndexStore.Empty(TwoColumns);
        foreach (var (key, rowId) in entries) index = index.Add(key, rowId, token);
        return index;
    }

    [Fact]
    public void Seek_returns_every_row_with_an_equal_key_in_row_id_order()
    {
        var index = Index(([1, "a"], 30), ([1, "a"], 10), ([1, "b"], 20), ([2, "a"], 5), ([1, "a"], 20));

        Assert.Equal([10L, 20L, 30L], index.Seek([1, "a"]));
        Assert.Equal([5L], index.Seek([2, "a"]));
        Assert.Empty(index.Seek([3, "a"]));
        Assert.Equal(5, index.Count);
    }

    [Fact]
    public void ContainsKey_and_TrySeekFirst_find_a_key_regardless_of_row_ids()
    {
        var index = Index(([1, "a"], 30), ([1, "a"], 10), ([5, "z"], 1));

        Assert.True(index.TrySeekFirst([1, "a"], out long rowId));
        Assert.Equal(10, rowId);
        Assert.True(index.ContainsKey([5, "z"]));
        Assert.False(index.ContainsKey([1, "b"]));
        Assert.False(index.ContainsKey([0, "a"]));
        Assert.False(index.ContainsKey([6, "a"]));
    }

    [Fact]
    public void Removing_one_duplicate_keeps_the_others()
    {
        var token = new WriteToken();
        var index = Index(([1, "a"], 1), ([1, "a"], 2), ([1, "a"], 3));
        index = index.Remove([1, "a"], 2, token);
        Assert.Equal([1L, 3L], index.Seek([1, "a"]));
        Assert.Throws<KeyNotFoundException>(() => index.Remove([1, "a"], 2, token));
        Assert.Throws<InvalidOperationException>(() => index.Add([1, "a"], 3, token));
    }

    [Fact]
    public void SeekPrefix_returns_entries_matching_the_leading_columns_in_key_order()
    {
        var index = Index(([2, "c"], 1), ([1, "z"], 2), ([2, "a"], 3), ([3, "a"], 4), ([2, "a"], 0), ([2, null], 9));

        Assert.Equal(
            [(2, "a", 0L), (2, "a", 3L), (2, "c", 1L), (2, null, 9L)],
            index.SeekPrefix([2]).Select(e => ((int)e.Key[0]!, (string?)e.Key[1], e.RowId)));
        Assert.Empty(index.SeekPrefix([4]));
        Assert.Equal(6, index.SeekPrefix([]).Count());
    }

    [Fact]
    public void Null_keys_are_ordered_and_matched_by_the_supplied_comparer()
    {
        var index = Index(([null, "a"], 1), ([1, "a"], 2), ([null, "a"], 3), ([null, null], 4));

        Assert.Equal([1L, 3L], index.Seek([null, "a"]));
        Assert.Equal([4L], index.Seek([null, null]));
        Assert.Equal([2L, 1L, 3L, 4L], index.All().Select(e => e.RowId));
    }

    [Fact]
    public void Ranges_honour_inclusive_exclusive_and_open_bounds_including_prefix_bounds()
    {
        var entries = new List<(object?[] Key, long RowId)>();
        long id = 0;
        for (int a = 0; a < 10; a++)
        {
            foreach (var b in new[] { "x", "y" })
            {
                entries.Add(([a, b], ++id));
                entries.Add(([a, b], ++id));
            }
        }
        var index = IndexStore.Build(entries.AsEnumerable().Reverse(), TwoColumns, new WriteToken());
        index.Validate();

        IEnumerable<long> Ids(Func<int, string, bool> keep) =>
            entries.Where(e => keep((int)e.Key[0]!, (string)e.Key[1]!)).Select(e => e.RowId);

        Assert.Equal(Ids((_, _) => true), index.All().Select(e => e.RowId));
        Assert.Equal(
            Ids((a, b) => (a > 3 || (a == 3 && b == "y")) && a < 6),
            index.Range(Bound.Inclusive<object?[]>([3, "y"]), Bound.Exclusive<object?[]>([6])).Select(e => e.RowId));
        Assert.Equal(
            Ids((a, _) => a > 3 && a <= 6),
            index.Range(Bound.Exclusive<object?[]>([3]), Bound.Inclusive<object?[]>([6])).Select(e => e.RowId));
        Assert.Equal(
            Ids((a, b) => a > 3 || (a == 3 && b == "y")),
            index.Range(Bound.Exclusive<object?[]>([3, "x"]), default).Select(e => e.RowId));
        Assert.Equal(
            Ids((a, b) => a < 2 || (a == 2 && b == "x")),
            index.Range(default, Bound.Inclusive<object?[]>([2, "x"])).Select(e => e.RowId));
        Assert.Equal(
            Ids((a, _) => a >= 8).Reverse(),
            index.RangeDescending(Bound.Inclusive<object?[]>([8]), default).Select(e => e.RowId));
    }

    [Fact]
    public void Random_adds_and_removes_match_a_model_of_key_and_row_id_pairs()
    {
        var random = new Random(3);
        var token = new WriteToken();
        var comparer = new CompositeKeyComparer([NullsLast.Instance]);
        var index = IndexStore.Empty(comparer);
        var model = new SortedSet<(int Key, long RowId)>();
        for (int op = 0; op < 5000; op++)
        {
            int key = random.Next(50);
            long rowId = random.Next(40);
            if (model.Contains((key, rowId)))
            {
                index = index.Remove([key], rowId, token);
                model.Remove((key, rowId));
            }
            else
            {
                index = index.Add([key], rowId, token);
                model.Add((key, rowId));
            }
            if (random.Next(20) == 0) token = new WriteToken();
            Assert.Equal(model.GetViewBetween((key, long.MinValue), (key, long.MaxValue)).Select(e => e.RowId), index.Seek([key]));
        }
        index.Validate();
        Assert.Equal(model.Select(e => ((object?)e.Key, e.RowId)), index.All().Select(e => (e.Key[0], e.RowId)));
    }
}
