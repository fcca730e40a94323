using Tenon.Storage;

namespace Tenon.Tests.Storage;

public class SharedBoxesTests
{
    [Fact]
    public void Stored_rows_share_the_boxes_of_small_integers_and_booleans_and_keep_every_value_and_type()
    {
        var token = new WriteToken();
        // Built twice, so that every value starts in a box of its own.
        object?[] Values() => [5, 5L, (short)5, true, -128, 1023, 1024, -129, long.MaxValue, new string('5', 1), null, 5.0];
        var first = Values();
        var second = Values();
        for (var i = 0; i < first.Length; i++)
            if (first[i] is not null) Assert.NotSame(first[i], second[i]);
        var expected = (object?[])first.Clone();
        var store = RowStore.Empty.Insert(first, token, out var a).Insert(second, token, out var b);
        Assert.True(store.TryGet(a, out var x));
        Assert.True(store.TryGet(b, out var y));
        Assert.Equal(expected, x);
        Assert.Equal(expected, y);
        Assert.Equal(expected.Select(v => v?.GetType()), x.Select(v => v?.GetType()));
        // Shared: small integers of each width, booleans, both ends of the range.
        for (var i = 0; i <= 5; i++) Assert.Same(x[i], y[i]);
        // Not shared: values outside the range and other types.
        for (var i = 6; i <= 9; i++) Assert.NotSame(x[i], y[i]);
        Assert.NotSame(x[11], y[11]);
    }

    [Fact]
    public void Updated_and_loaded_rows_share_them_too()
    {
        var token = new WriteToken();
        var store = RowStore.Empty.Insert([1], token, out var id).Update(id, [7], token);
        var loaded = RowStore.BuildSorted([new(1, [7])], 2, token);
        Assert.True(store.TryGet(id, out var updated));
        Assert.True(loaded.TryGet(1, out var built));
        Assert.Same(updated[0], built[0]);
    }
}
