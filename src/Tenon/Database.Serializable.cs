using Tenon.Transactions;

namespace Tenon;

public sealed partial class Database
{
    /// <summary>Serializable snapshot isolation: the SERIALIZABLE transactions' reads, writes and rw-dependencies.</summary>
    internal SerializableTracker Serializable { get; } = new();
}
