namespace Tenon.Storage;

public sealed partial class IndexStore
{
    /// <summary>
    /// Moves the entry (<paramref name="key"/>, <paramref name="oldRowId"/>) to
    /// <paramref name="newRowId"/> (an update that keeps the row's key): in place, in one descent,
    /// when no entry with an equal key sorts between the two row ids; else as
    /// <see cref="Remove"/> then <see cref="Add"/>. <paramref name="key"/> is stored.
    /// </summary>
    public IndexStore MoveRow(object?[] key, long oldRowId, long newRowId, WriteToken token)
    {
        ArgumentNullException.ThrowIfNull(key);
        var moved = _entries.TryReplaceKey(new IndexEntry(key, oldRowId), new IndexEntry(key, newRowId), token);
        return moved is not null ? new IndexStore(moved) : Remove(key, oldRowId, token).Add(key, newRowId, token);
    }
}
