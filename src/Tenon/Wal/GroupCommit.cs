namespace Tenon.Wal;

/// <summary>
/// Group commit under synchronous = full: one fsync acknowledges every commit appended before it.
///
/// A committing writer appends its record to the log (written to the operating system, not yet
/// fsynced) under the store's append lock, queues the publishing of its version here, releases the
/// database write lock and only then waits (<see cref="WaitDurable"/>). The first waiter that finds
/// no fsync running becomes the flusher: it fsyncs once for every record appended so far, then
/// publishes the queued versions up to that record in log order and wakes the others. Waiters whose
/// record was appended during that fsync are not covered by it; one of them flushes next. So while
/// one fsync runs, the next batch gathers, and a version becomes visible to readers only once it
/// is durable. The next writer builds on the newest appended version (Database.WriterBase) and is
/// ordered after it in the log, so the log order stays the publish order.
///
/// An fsync that fails leaves it unknown which appended records reached the disk: nothing after
/// the last durable record is published or acknowledged, every waiter and every later commit gets
/// 58030, and the store refuses writes until the database is reopened (recovery then keeps what
/// the disk holds, a committed prefix).
/// </summary>
internal sealed class GroupCommit
{
    private readonly object _sync = new();
    private readonly Queue<(long Sequence, Action Publish)> _pending = new();
    private readonly Func<long> _flush;
    private readonly Func<Exception> _failedError;
    private long _durable;
    private bool _flushing;
    private bool _failed;

    /// <param name="durable">The last record already on disk (the recovered log's end).</param>
    /// <param name="flush">Fsyncs the log and returns the last record the fsync covers; throws when it fails.</param>
    /// <param name="failedError">The error of a commit that waited in vain after a failed fsync.</param>
    public GroupCommit(long durable, Func<long> flush, Func<Exception> failedError)
    {
        _durable = durable;
        _flush = flush;
        _failedError = failedError;
    }

    /// <summary>
    /// Queues <paramref name="publish"/> to run once record <paramref name="sequence"/> is durable
    /// (at once when it already is). Called in log order, under the store's append lock.
    /// </summary>
    public void Appended(long sequence, Action publish)
    {
        lock (_sync)
        {
            // Every queued entry is newer than _durable (a flush drains the rest), so an entry that
            // is already durable has nothing queued before it.
            if (sequence <= _durable) publish();
            else _pending.Enqueue((sequence, publish));
        }
    }

    /// <summary>Returns once record <paramref name="sequence"/> is on disk, fsyncing as the flusher when nobody else is.</summary>
    public void WaitDurable(long sequence)
    {
        while (true)
        {
            lock (_sync)
            {
                while (true)
                {
                    if (_durable >= sequence) return;
                    if (_failed) throw _failedError();
                    if (!_flushing) break;
                    Monitor.Wait(_sync);
                }
                _flushing = true;
            }
            long covered;
            try
            {
                covered = _flush();
            }
            catch
            {
                lock (_sync)
                {
                    _failed = true;
                    _flushing = false;
                    _pending.Clear();
                    Monitor.PulseAll(_sync);
                }
                throw;
            }
            lock (_sync)
            {
                _flushing = false;
                if (covered > _durable) _durable = covered;
                while (_pending.TryPeek(out var next) && next.Sequence <= _durable)
                {
                    _pending.Dequeue();
                    next.Publish();
                }
                Monitor.PulseAll(_sync);
            }
        }
    }
}
