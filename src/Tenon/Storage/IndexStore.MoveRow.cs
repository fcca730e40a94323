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
        if (_scalar is { } scalar)
        {
            var keys = _scalarKeys!;
            var replaced = scalar.TryReplaceKey(keys.Entry(key, oldRowId), keys.Entry(key, newRowId), token);
            if (replaced is not null) return With(replaced);
        }
        else
        {
            // Abbreviated as every stored entry is: the descent then compares the keys' abbreviations
            // rather than their boxed values, and entries compared with the moved one later do too.
            var comparer = Comparer;
            var moved = _entries!.TryReplaceKey(comparer.Entry(key, oldRowId), comparer.Entry(key, newRowId), token);
            if (moved is not null) return With(moved);
        }
        return Remove(key, oldRowId, token).Add(key, newRowId, token);
    }
}
