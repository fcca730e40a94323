namespace Tenon.Storage;

public sealed partial class IndexStore
{
    /// <summary>
    /// How a compact index (<see cref="ScalarEntry"/> entries) turns key arrays into entries and
    /// back: its codec, and the key comparer it was made with (the same order).
    /// </summary>
    internal sealed class ScalarKeys(IScalarKeyCodec codec, IComparer<object?[]> keyComparer)
    {
        public IComparer<object?[]> KeyComparer { get; } = keyComparer;

        /// <summary>The entry (or probe) for a key of one column, or for the empty prefix (a probe only).</summary>
        public ScalarEntry Entry(object?[] key, long rowId, int probe = 0)
        {
            if (key.Length == 0)
            {
                if (probe == 0) throw new ArgumentException("an index entry needs its key column", nameof(key));
                return new(probe < 0 ? ScalarEntry.BeforeAll : ScalarEntry.AfterAll, 0, 0, probe);
            }
            return key[0] is { } value
                ? new(ScalarEntry.Value, codec.Encode(value), rowId, probe)
                : new(ScalarEntry.Null, 0, rowId, probe);
        }

        /// <summary>The entry of a row whose key column holds <paramref name="value"/>.</summary>
        public ScalarEntry EntryOfValue(object? value, long rowId) =>
            value is not null ? new(ScalarEntry.Value, codec.Encode(value), rowId, 0) : new(ScalarEntry.Null, 0, rowId, 0);

        /// <summary>The key array a stored entry stands for (a new array each time).</summary>
        public object?[] Key(in ScalarEntry entry) => [entry.Rank == ScalarEntry.Value ? codec.Decode(entry.Key) : null];
    }
}
