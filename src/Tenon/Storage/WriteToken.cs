namespace Tenon.Storage;

/// <summary>
/// Write ownership of B+tree nodes (see the essay in <see cref="BTree{TKey, TValue}"/>). A node
/// created by a mutation under a token records that token; later mutations under the same token
/// change the node in place, mutations under any other token copy it first. Only the object's
/// identity matters: a caller freezes every version it has produced so far simply by mutating
/// under a new token from then on.
/// </summary>
public sealed class WriteToken
{
    private static long _lastId;

    /// <summary>A sequence number for diagnostics only; ownership is decided by object identity.</summary>
    public long Id { get; } = Interlocked.Increment(ref _lastId);

    /// <inheritdoc/>
    public override string ToString() => $"WriteToken#{Id}";
}
