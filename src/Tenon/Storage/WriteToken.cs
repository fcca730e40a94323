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

    /// <summary>
    /// A number that grows with every token made. Ownership is decided by object identity; the
    /// order lets the log tell nodes made since a point in time from older ones (BTree.Diff).
    /// </summary>
    public long Id { get; } = Interlocked.Increment(ref _lastId);

    /// <summary>The <see cref="Id"/> of the newest token made so far.</summary>
    public static long LastIssuedId => Interlocked.Read(ref _lastId);

    /// <inheritdoc/>
    public override string ToString() => $"WriteToken#{Id}";
}
