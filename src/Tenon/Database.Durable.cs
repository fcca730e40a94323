using System.Collections.Concurrent;
using Tenon.Catalog;
using Tenon.Storage;
using Tenon.Transactions;
using Tenon.Wal;

namespace Tenon;

/// <summary>
/// File databases: opening with recovery, logging each commit before it is published, sequence
/// values (which change outside transactions), checkpoints and closing. An in-memory database
/// has no store and skips all of it.
/// </summary>
public sealed partial class Database : IDisposable
{
    private DurableStore? _store;
    // Sequences whose value changed since it was last logged (nextval/setval run outside transactions).
    private readonly ConcurrentDictionary<uint, SequenceState> _dirtySequences = new();
    // The newest write token that existed when the current writer took the write lock (see BTree.Diff).
    private long _writerSinceToken;

    /// <summary>
    /// Opens the file database at <paramref name="path"/>, creating it when the file does not
    /// exist, and recovers every committed transaction. The database is the file itself (a
    /// snapshot) plus "<paramref name="path"/>-wal" and "<paramref name="path"/>-lock" beside it.
    /// Only one Database object may have the files open at a time (across processes too); dispose
    /// it to close them. Errors are <see cref="Errors.TenonException"/>s naming the file.
    /// </summary>
    public static Database Open(string path, DatabaseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var db = new Database();
        var store = DurableStore.Open(path, options ?? DatabaseOptions.Default, out var state);
        try
        {
            state.DropTemporaryRelations();
            db._nextOid = Math.Max(db._nextOid, state.NextOid);
            db._committed = IndexRebuilder.Build(db, state);
        }
        catch
        {
            store.Dispose();
            throw;
        }
        db._store = store;
        store.StartBackgroundCheckpoint = () => store.RunInBackground(() => { db.Checkpoint(); return Task.CompletedTask; });
        return db;
    }

    /// <summary>The database file, or null for an in-memory database.</summary>
    public string? Path => _store?.Path;

    /// <summary>
    /// Writes the current committed version to the database file and starts a new, empty log,
    /// so the next open has nothing to replay. Commits may go on meanwhile. No-op in memory.
    /// </summary>
    public void Checkpoint() => _store?.Checkpoint(() => CaptureCommitted(logged: true));

    /// <summary>Records that a sequence's value changed, so the next log record carries it.</summary>
    internal void SequenceChanged(uint oid, SequenceState state)
    {
        if (_store is not null) _dirtySequences[oid] = state;
    }

    /// <summary>
    /// Makes <paramref name="version"/> (built by the holder of the write lock from
    /// <see cref="WriterBase"/>) the committed version: logged first for a file database, and
    /// published once it is durable. Returns when it is (<see cref="Append"/> then <see cref="WaitDurable"/>).
    /// </summary>
    internal void Commit(DbVersion version) => WaitDurable(Append(version));

    /// <summary>
    /// Logs <paramref name="version"/> (the holder of the write lock built it from
    /// <see cref="WriterBase"/>) and returns a ticket for <see cref="WaitDurable"/>: under
    /// synchronous = full the version is published, and the commit may be acknowledged, only once
    /// an fsync covers it. Its record is in the log when this returns, so the next writer may build
    /// on it; release the write lock, then wait. In memory or under normal/off the version is
    /// published before this returns (ticket 0).
    /// </summary>
    internal long Append(DbVersion version)
    {
        if (_store is null)
        {
            Publish(version);
            return 0;
        }
        var drained = new List<(uint, SequenceState)>();
        try
        {
            return _store.Commit(sequence =>
            {
                var record = CommitRecord.Between(sequence, WriterBase, version, _writerSinceToken, Interlocked.Read(ref _nextOid));
                DrainSequences(record, drained);
                return record;
            }, () => Volatile.Write(ref _logged, version), () => PublishLogged(version));
        }
        catch (Exception ex)
        {
            Redirty(drained);
            if (ex is NotSupportedException) throw Errors.TenonException.Internal(ex);
            throw;
        }
    }

    /// <summary>
    /// Logs sequence values changed by a transaction that wrote nothing else (SELECT nextval(...)),
    /// or rolled back, so a value handed out is never handed out again after a restart. A rollback
    /// does not report a write error (the values stay pending for the next commit) and does not
    /// wait for the fsync.
    /// </summary>
    internal void LogSequences(bool reportErrors)
    {
        // Checked apart from the logging, whose lambda's closure would otherwise be allocated at
        // every transaction end (a method's captured locals are set up on entry).
        if (_store is null || _dirtySequences.IsEmpty) return;
        LogDirtySequences(_store, reportErrors);
    }

    private void LogDirtySequences(DurableStore store, bool reportErrors)
    {
        var drained = new List<(uint, SequenceState)>();
        try
        {
            var ticket = store.Commit(sequence =>
            {
                var record = new CommitRecord { Sequence = sequence };
                DrainSequences(record, drained);
                return record;
            }, static () => { }, static () => { });
            drained.Clear(); // logged: a failed fsync below must not hand the values to a later record
            // A rollback does not wait for the fsync (nor does PostgreSQL flush its log at abort):
            // the record is in the log, and the next commit's fsync covers it.
            if (reportErrors) store.WaitDurable(ticket);
        }
        catch (Errors.TenonException)
        {
            Redirty(drained);
            if (reportErrors) throw;
        }
    }

    private void DrainSequences(CommitRecord record, List<(uint, SequenceState)> drained)
    {
        // Enumerating takes no lock (Keys, and IsEmpty on an empty dictionary, take all of them, at every commit).
        foreach (var (oid, _) in _dirtySequences)
        {
            if (!_dirtySequences.TryRemove(oid, out var state)) continue;
            drained.Add((oid, state));
            lock (state.Gate)
                record.Sequences.Add(new CommitRecord.SequenceValue(oid, state.LastValue, state.IsCalled, state.Initialized));
        }
    }

    // A record that was not written leaves its sequence values to the next one.
    private void Redirty(List<(uint Oid, SequenceState State)> drained)
    {
        foreach (var (oid, state) in drained) _dirtySequences.TryAdd(oid, state);
    }

    private void NoteWriterStart() => _writerSinceToken = WriteToken.LastIssuedId;

    /// <summary>Closes a file database (a checkpoint first, when the options ask for it); no-op in memory.</summary>
    public void Dispose() => Close(checkpoint: true);

    /// <summary>Closes a file database, without its closing checkpoint when it is about to be deleted.</summary>
    public void Close(bool checkpoint)
    {
        var store = _store;
        if (store is null) return;
        if (checkpoint && store.Options.CheckpointOnClose && store.HasLogRecords)
        {
            try
            {
                Checkpoint();
            }
            catch (Errors.TenonException)
            {
                // The log still holds every commit; the next open replays it.
            }
        }
        store.Dispose();
    }
}
