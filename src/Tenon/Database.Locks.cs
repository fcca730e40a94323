namespace Tenon;

public sealed partial class Database
{
    // PostgreSQL's FirstNormalTransactionId; 2 is the frozen id that rows read from disk carry.
    private long _lastXid = 2;

    /// <summary>Takes the write lock only if it is free now (LOCK … NOWAIT); false when another transaction holds it.</summary>
    internal bool TryAcquireWriteLock()
    {
        if (!_writeLock.Wait(0)) return false;
        NoteWriterStart();
        return true;
    }

    /// <summary>
    /// A new transaction id for a writer (the xmin of the row versions it writes). Ids are not
    /// persisted: after a file database is opened its rows are frozen (xmin 2) and ids count from 3 again.
    /// </summary>
    internal uint AssignXid() => unchecked((uint)Interlocked.Increment(ref _lastXid));
}
