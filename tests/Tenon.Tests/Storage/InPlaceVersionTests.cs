using Tenon.Storage;

namespace Tenon.Tests.Storage;

/// <summary>
/// A version whose root the writing token already owns is updated in place (BTree.Next): the
/// same object comes back, while a version captured before a token switch never changes.
/// </summary>
public sealed class InPlaceVersionTests
{
    [Fact]
    public void Writes_under_the_owning_token_reuse_the_version_and_snapshots_stay_unchanged()
    {
        var t1 = new WriteToken();
        var rows = RowStore.Empty.Insert([1], t1, out _);
        var again = rows.Insert([2], t1, out var second);
        Assert.Same(rows, again);
        Assert.Equal(2, again.Count);
        Assert.Equal(3, again.NextRowId);

        // A snapshot: later writes go under a new token and leave it alone.
        var snapshot = again;
        var t2 = new WriteToken();
        var changed = snapshot.Insert([3], t2, out _).Delete(second, t2);
        Assert.NotSame(snapshot, changed);
        Assert.Equal(2, snapshot.Count);
        Assert.Equal(3, snapshot.NextRowId);
        Assert.True(snapshot.TryGet(second, out _));
        Assert.Equal(2, changed.Count);
        Assert.Same(changed, changed.Insert([4], t2, out _));
    }

    [Fact]
    public void Raising_the_next_row_id_never_changes_the_store_it_is_asked_of()
    {
        var t = new WriteToken();
        var rows = RowStore.Empty.Insert([1], t, out _);
        var raised = rows.WithNextRowId(100);
        Assert.NotSame(rows, raised);
        Assert.Equal(2, rows.NextRowId);
        Assert.Equal(100, raised.NextRowId);
    }

    [Fact]
    public void An_index_written_under_its_owning_token_stays_the_same_object()
    {
        var t1 = new WriteToken();
        var index = IndexStore.Empty(new Tenon.Types.KeyComparer([Tenon.Types.TypeId.Int4])).Add([1], 1, t1);
        Assert.Same(index, index.Add([2], 2, t1));
        Assert.Same(index, index.Remove([1], 1, t1));
        var t2 = new WriteToken();
        var next = index.Add([3], 3, t2);
        Assert.NotSame(index, next);
        Assert.Equal(1, index.Count);
        Assert.Equal(2, next.Count);
    }
}
