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

    /// <summary>
    /// Writers are serialized: a transaction takes this before its first write and keeps it to the
    /// end. A wait for it ends with the session's lock_timeout (55P03, as PostgreSQL's wait for a
    /// row or table lock does) and when the statement is cancelled or times out. Without a waiter
    /// (a session cleaning up as it ends) the wait is unbounded and uninterruptible.
    /// </summary>
    internal void AcquireWriteLock(Session? waiter)
    {
        if (waiter is null) _writeLock.Wait();
        else if (!_writeLock.Wait(0))
        {
            var timeout = waiter.LockTimeoutMs;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                waiter.WaitingForWriteLock = true;
                waiter.CheckForInterrupts();
                // Polled so that a cancel or statement_timeout is noticed within a few milliseconds.
                var wait = TimeSpan.FromMilliseconds(20);
                if (timeout > 0)
                {
                    var left = TimeSpan.FromMilliseconds(timeout) - clock.Elapsed;
                    if (left <= TimeSpan.Zero)
                        throw new Errors.TenonException(Errors.SqlState.LockNotAvailable, "canceling statement due to lock timeout");
                    if (left < wait) wait = left;
                }
                if (_writeLock.Wait(wait)) break;
            }
        }
        if (waiter is not null) waiter.WaitingForWriteLock = false;
        NoteWriterStart();
    }

    internal void ReleaseWriteLock() => _writeLock.Release();

    internal void Publish(DbVersion version)
    {
        lock (_commitLock) Volatile.Write(ref _committed, version);
    }
}
