using Tenon.Transactions;

namespace Tenon;

public sealed partial class Database
{
    private readonly object _commitLock = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private DbVersion _committed = DbVersion.Empty;
    private long _nextOid = 16384;

    /// <summary>The latest committed version; readers take it as their snapshot.</summary>
    internal DbVersion Committed => Volatile.Read(ref _committed);

    internal uint NextOid() => (uint)Interlocked.Increment(ref _nextOid);

    /// <summary>Writers are serialized: a transaction takes this before its first write and keeps it to the end.</summary>
    internal void AcquireWriteLock()
    {
        _writeLock.Wait();
        NoteWriterStart();
    }

    internal void ReleaseWriteLock() => _writeLock.Release();

    internal void Publish(DbVersion version)
    {
        lock (_commitLock) Volatile.Write(ref _committed, version);
    }
}
