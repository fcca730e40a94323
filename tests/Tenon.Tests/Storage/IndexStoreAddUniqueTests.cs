using Tenon.Storage;
using Tenon.Types;

namespace Tenon.Tests.Storage;

/// <summary>
/// <see cref="IndexStore.AddUnique"/> against the two-step check it replaces (is the key there?
/// then add): on many random keys with repeats, so that new entries often land at a leaf's edge
/// and the neighbour to compare with is in another leaf.
/// </summary>
public sealed class IndexStoreAddUniqueTests
{
    private sealed class GenericOnly(KeyComparer inner) : IComparer<object?[]>
    {
        public int Compare(object?[]? x, object?[]? y) => inner.Compare(x, y);
    }

    public static TheoryData<string> Orders => new() { "int4", "text", "int4 generic", "int8,text" };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Reports_a_duplicate_exactly_when_the_key_was_already_there(string order)
    {
        var types = order.Split(' ')[0].Split(',').Select(t => t == "int4" ? TypeId.Int4 : t == "int8" ? TypeId.Int8 : TypeId.Text).ToArray();
        var general = new KeyComparer(types);
        IComparer<object?[]> comparer = order.EndsWith("generic", StringComparison.Ordinal) ? new GenericOnly(general) : general;
        var rng = new Random(order.Length);
        var token = new WriteToken();
        var checkedIndex = IndexStore.Empty(comparer);
        var index = IndexStore.Empty(comparer);
        object Value(TypeId t) => t switch
        {
            TypeId.Int4 => rng.Next(-400, 400),
            TypeId.Int8 => (long)rng.Next(-3, 3),
            _ => "k" + rng.Next(400),
        };
        for (var rowId = 1L; rowId <= 3000; rowId++)
        {
            object?[] key = [.. types.Select(Value)];
            var expected = checkedIndex.ContainsKey(key);
            checkedIndex = checkedIndex.Add(key, rowId, token);
            index = index.AddUnique(key, rowId, token, out var duplicate);
            Assert.Equal(expected, duplicate);
        }
        Assert.Equal(Listed(checkedIndex), Listed(index));
        index.Validate();
    }

    [Fact]
    public void Ascending_keys_appended_at_the_right_edge_are_not_duplicates()
    {
        var token = new WriteToken();
        var index = IndexStore.Empty(new KeyComparer([TypeId.Int4]));
        for (var i = 1; i <= 1000; i++)
        {
            index = index.AddUnique([i], i, token, out var duplicate);
            Assert.False(duplicate);
        }
        index = index.AddUnique([1000], 1001, token, out var again);
        Assert.True(again);
        index = index.AddUnique([1], 1002, token, out var first);
        Assert.True(first);
    }

    // Entries as comparable values: a compact index rebuilds its key arrays, so arrays cannot be compared by reference.
    private static List<(string Key, long RowId)> Listed(IndexStore index) =>
        index.All().Select(e => (string.Join("|", e.Key.Select(v => v is null ? "NULL" : $"{v.GetType().Name}:{v}")), e.RowId)).ToList();
}
