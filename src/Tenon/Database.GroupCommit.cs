using Tenon.Transactions;

namespace Tenon;

/// <summary>
/// The two committed versions of a file database under synchronous = full (see Wal/GroupCommit.cs):
/// <see cref="Committed"/>, what readers and new snapshots see, holds only durable commits;
/// <see cref="WriterBase"/>, what the holder of the write lock builds on, may be ahead of it by
/// commits appended to the log whose fsync is still running. A writer that builds on such a
/// version is logged after it, and its own commit is acknowledged only after an fsync that covers
/// both, so nobody is told of a commit the disk might not hold.
/// </summary>
public sealed partial class Database
{
    // The newest version appended to the log but not yet published (null when there is none).
    private DbVersion? _logged;

    /// <summary>
    /// The version a transaction continues from once it holds the write lock: the newest logged
    /// commit, which may not be durable (nor visible to readers) yet. Only the write lock's holder
    /// may rely on it staying the newest.
    /// </summary>
    internal DbVersion WriterBase => Volatile.Read(ref _logged) ?? Committed;

    /// <summary>Publishes a logged version once it is durable (in log order).</summary>
    private void PublishLogged(DbVersion version)
    {
        Publish(version);
        // A later writer may already have logged a newer version on top of this one: keep that.
        Interlocked.CompareExchange(ref _logged, null, version);
    }

    /// <summary>
    /// Waits until the commit <see cref="Append"/> returned <paramref name="ticket"/> for is durable
    /// (and published). Call it after releasing the write lock, so the next writers can append
    /// while this one waits and one fsync covers them all. 58030 when the fsync failed.
    /// </summary>
    internal void WaitDurable(long ticket)
    {
        if (ticket > 0) _store?.WaitDurable(ticket);
    }

    /// <summary>How many group fsyncs the log has had (0 in memory); for tests and the benchmark.</summary>
    internal long LogFsyncs => _store?.LogFsyncs ?? 0;

    /// <summary>For tests: runs before each log write ("write"), fsync ("fsync") and checkpoint snapshot ("snapshot"), to slow them or make them fail.</summary>
    internal Action<string>? StorageFaultHook
    {
        set { if (_store is not null) _store.FaultHook = value; }
    }
}
