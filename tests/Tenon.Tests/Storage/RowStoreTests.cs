using Tenon.Storage;

namespace Tenon.Tests.Storage;

public sealed class RowStoreTests
{
    [Fact]
    public void Inserted_rows_get_ascending_ids_starting_at_one()
    {
        var token = new WriteToken();
        var store = RowStore.Empty.Insert(["a"], token, out long first).Insert(["b"], token, out long second);

        Assert.Equal(1, first);
        Assert.Equal(2, second);
        Assert.Equal(3, store.NextRowId);
        Assert.Equal(2, store.Count);
        Assert.True(store.TryGet(2, out var row));
        Assert.Equal("b", row[0]);
        Assert.Equal([1L, 2L], store.Scan().Select(e => e.Key));
    }

    [Fact]
    public void Update_replaces_a_row_and_delete_removes_it()
    {
        var token = new WriteToken();
        var store = RowStore.Empty;
        for (int i = 0; i < 100; i++) store = store.Insert([i], token, out _);

        store = store.Update(10, ["ten"], token).Delete(20, token);

        Assert.Equal(99, store.Count);
        Assert.True(store.TryGet(10, out var row));
        Assert.Equal("ten", row[0]);
        Assert.False(store.TryGet(20, out _));
        Assert.Equal(101, store.NextRowId);
        store.Rows.Validate();
    }

    [Fact]
    public void Updating_or_deleting_a_missing_row_is_a_caller_bug()
    {
        var token = new WriteToken();
        var store = RowStore.Empty.Insert([1], token, out _);
        Assert.Throws<KeyNotFoundException>(() => store.Update(7, [2], token));
        Assert.Throws<KeyNotFoundException>(() => store.Delete(7, token));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Rolling_back_to_an_earlier_version_restores_rows_and_next_row_id()
    {
        var token = new WriteToken();
        var store = RowStore.Empty.Insert(["kept"], token, out _);
        var statementStart = store;
        token = new WriteToken();
        store = store.Insert(["lost"], token, out _).Update(1, ["changed"], token);

        store = statementStart;

        Assert.Equal(1, store.Count);
        Assert.Equal(2, store.NextRowId);
        Assert.True(store.TryGet(1, out var row));
        Assert.Equal("kept", row[0]);
    }

    [Fact]
    public void Put_stores_a_row_under_a_given_id_and_moves_next_row_id_past_it()
    {
        var token = new WriteToken();
        var store = RowStore.Empty.Put(41, ["x"], token);
        Assert.Equal(42, store.NextRowId);
        store = store.Put(5, ["y"], token).Insert(["z"], token, out long id);
        Assert.Equal(42, id);
        Assert.Equal([5L, 41L, 42L], store.Scan().Select(e => e.Key));
    }

    [Fact]
    public void A_table_built_from_sorted_rows_continues_numbering_at_next_row_id()
    {
        var rows = new[] { new KeyValuePair<long, object?[]>(3, ["a"]), new(8, ["b"]) };
        var store = RowStore.BuildSorted(rows, 9, new WriteToken());
        Assert.Equal(2, store.Count);
        store = store.Insert(["c"], new WriteToken(), out long id);
        Assert.Equal(9, id);
        Assert.Throws<ArgumentOutOfRangeException>(() => RowStore.BuildSorted(rows, 8, new WriteToken()));
    }
}
