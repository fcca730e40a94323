using Tenon.Storage;

namespace Tenon.Tests.Storage;

public sealed class RowStoreXminTests
{
    [Fact]
    public void Each_row_version_carries_the_transaction_that_wrote_it()
    {
        var token = new WriteToken();
        var store = RowStore.Empty
            .Insert(["a"], token, out var a, xid: 10)
            .Insert(["b"], token, out var b, xid: 10)
            .Insert(["c"], token, out var c, xid: 11);
        var before = store;
        // An update is a new version under a new row id, written by the updating transaction.
        store = store.Delete(a, token).Insert(["a2"], token, out var a2, xid: 12);
        Assert.Equal((10u, 10u, 11u, 12u), (store.Xmin(a), store.Xmin(b), store.Xmin(c), store.Xmin(a2)));
        // Older versions keep their runs; a rolled-back version has never seen xid 12.
        Assert.Equal(11u, before.Xmin(c));
        Assert.Equal(3, before.Count);
        Assert.Equal(3, store.Count);
    }

    [Fact]
    public void Rows_written_without_a_transaction_id_are_frozen()
    {
        var token = new WriteToken();
        var store = RowStore.Empty.Put(5, ["loaded"], token).Insert(["new"], token, out var id, xid: 7);
        Assert.Equal(RowStore.FrozenXid, store.Xmin(5));
        Assert.Equal(7u, store.Xmin(id));
        Assert.Equal(RowStore.FrozenXid, RowStore.Empty.Xmin(1));
    }
}
