namespace Tenon.Transactions;

/// <summary>
/// Serializable snapshot isolation for one database. Writers are serialized, but readers use
/// snapshots, so the anomalies snapshot isolation allows (write skew, the read-only anomaly) come
/// from rw-antidependencies: T1 →rw T2 when T1 read data that T2 wrote and T2's write is not in
/// T1's snapshot (T2 committed after it). Every cycle in the serialization graph passes through a
/// pivot with both an incoming and an outgoing rw-dependency between concurrent transactions
/// (Fekete et al.), so no transaction is allowed to stay a pivot: that never misses an anomaly,
/// at the price of more false positives than PostgreSQL (which also looks at commit order).
/// <para>
/// Edges are found when one of their two transactions commits (the writer's write set is known
/// then; the reader's reads are all recorded by its own commit at the latest). The committing
/// transaction fails with 40001 when it is a pivot or when an edge it adds completes a committed
/// pivot; an active pivot is doomed and fails at its next statement or commit. A committed
/// transaction is forgotten once no transaction that was concurrent with it is still running.
/// </para>
/// </summary>
internal sealed class SerializableTracker
{
    private readonly object _lock = new();
    private readonly List<SerializableReads> _tracked = new();
    // Counts published serializable commits; a snapshot sees exactly the commits numbered up to its own.
    private long _clock;

    /// <summary>Starts tracking a transaction; call before it reads the committed version it will use.</summary>
    public void Begin(Transaction tx)
    {
        var reads = new SerializableReads();
        lock (_lock)
        {
            reads.SnapshotSeq = _clock;
            _tracked.Add(reads);
        }
        tx.Reads = reads;
    }

    /// <summary>Before the transaction's commit is published: adds its rw-dependencies and fails it when it must not commit.</summary>
    public void PrepareCommit(Transaction tx)
    {
        var me = tx.Reads!;
        var writes = WriteSet.Of(tx);
        foreach (var earlier in me.EarlierWrites) writes.AddRange(earlier);
        lock (_lock)
        {
            if (me.Doomed) throw Fail(me, "Canceled on identification as a pivot, during commit attempt");
            me.Writes = writes;
            var completesPivot = false;
            foreach (var other in _tracked)
            {
                if (ReferenceEquals(other, me) || (other.Committed && other.CommitSeq <= me.SnapshotSeq)) continue;
                if (other.Committed && other.Writes is { IsEmpty: false } theirs && me.Overlaps(theirs))
                {
                    me.OutConflict = true;
                    other.InConflict = true;
                    if (other.IsPivot) completesPivot = true;
                }
                if (!writes.IsEmpty && other.Overlaps(writes))
                {
                    other.OutConflict = true;
                    me.InConflict = true;
                    if (other.IsPivot)
                    {
                        if (other.Committed) completesPivot = true;
                        else other.Doomed = true;
                    }
                }
            }
            if (me.IsPivot || completesPivot) throw Fail(me, "Canceled on identification as a pivot, during commit attempt");
            me.Committed = true;
        }
    }

    private Errors.TenonException Fail(SerializableReads me, string reason)
    {
        _tracked.Remove(me);
        return SerializationErrors.ReadWriteDependencies(reason);
    }

    /// <summary>The transaction ended: numbered if its commit was published, forgotten otherwise; old commits are pruned.</summary>
    public void End(Transaction tx, bool committed)
    {
        var me = tx.Reads;
        if (me is null) return;
        lock (_lock)
        {
            if (committed && me.Committed) me.CommitSeq = ++_clock;
            else _tracked.Remove(me);
            var oldestActive = long.MaxValue;
            foreach (var t in _tracked)
                if (!t.Committed) oldestActive = Math.Min(oldestActive, t.SnapshotSeq);
            _tracked.RemoveAll(t => t.Committed && t.CommitSeq != long.MaxValue && t.CommitSeq <= oldestActive);
        }
    }
}
