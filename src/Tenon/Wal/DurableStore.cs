using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Transactions;

namespace Tenon.Wal;

/// <summary>
/// The files of one file database and the rules that keep them consistent:
///
///   app.tenon        the snapshot (<see cref="SnapshotFile"/>): the database as of one commit
///   app.tenon-wal    the log (<see cref="LogFile"/>): every commit since, one record each
///   app.tenon-lock   held with an exclusive lock while the database is open
///
/// COMMIT appends a record (and fsyncs it under synchronous = full) before the new version is
/// published. A checkpoint writes the committed version to "app.tenon.tmp", fsyncs it and renames
/// it over the snapshot, then replaces the log by one holding only the records the snapshot does
/// not include. Every step leaves files that recovery understands: a crash before the snapshot
/// rename leaves the old pair; after it, the old log follows an older commit than the snapshot
/// and recovery skips what the snapshot holds (and finishes the switch).
/// All appends and the checkpoint's hand-over are serialized by one lock; under synchronous = full
/// the fsync runs outside it, for a whole group of commits (<see cref="GroupCommit"/>).
/// </summary>
internal sealed class DurableStore : IDisposable
{
    private readonly object _gate = new();
    private readonly object _checkpointGate = new();
    private readonly FileStream _lock;
    private LogFile _log;
    private long _sequence;
    private bool _failed;
    private bool _disposed;
    private Task? _background;
    private readonly GroupCommit _group;

    private DurableStore(string path, DatabaseOptions options, FileStream lockFile, LogFile log, long sequence)
    {
        Path = path;
        Options = options;
        _lock = lockFile;
        _log = log;
        _sequence = sequence;
        _group = new GroupCommit(sequence, FlushLog, () => StorageErrors.Failed(Path));
    }

    public string Path { get; }
    public DatabaseOptions Options { get; }
    public string LogPath => Path + "-wal";

    /// <summary>The last commit written to the log.</summary>
    public long Sequence { get { lock (_gate) return _sequence; } }

    /// <summary>The error of the last background checkpoint, if it failed.</summary>
    public Exception? BackgroundError { get; private set; }

    /// <summary>
    /// Opens (or creates) the database at <paramref name="path"/> and recovers it: loads the
    /// snapshot and applies the log, cutting off a torn or damaged tail.
    /// </summary>
    public static DurableStore Open(string path, DatabaseOptions options, out ReplayState state)
    {
        path = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(path)) throw StorageErrors.NotAFile(path);
        var directory = System.IO.Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
            throw new TenonException("58P01", $"could not open database \"{path}\": directory \"{directory}\" does not exist");
        var lockFile = AcquireLock(path + "-lock");
        LogFile? log = null;
        try
        {
            var logPath = path + "-wal";
            DeleteIfExists(path + ".tmp");
            DeleteIfExists(logPath + ".tmp");
            if (!File.Exists(path))
            {
                if (File.Exists(logPath)) throw StorageErrors.MissingSnapshot(path, logPath);
                WriteSnapshotFile(path, DbVersion.Empty, SystemCatalog.Empty, 16384, 0);
            }
            ReplayState recovered;
            using (var snapshot = OpenRead(path))
                recovered = SnapshotFile.Read(snapshot, path);
            long tailStart = FileHeader.Size;
            var needsSwitch = false;
            if (!File.Exists(logPath))
                log = Io(() => LogFile.Create(logPath, recovered.Sequence, ReadOnlySpan<byte>.Empty), "create", logPath);
            else
            {
                log = Io(() => LogFile.Open(logPath), "open", logPath);
                (tailStart, needsSwitch) = Recover(log, recovered, path);
            }
            state = recovered;
            var store = new DurableStore(path, options, lockFile, log, recovered.Sequence);
            // An interrupted checkpoint left a log that starts before the snapshot: finish the switch.
            if (needsSwitch) store.SwitchLog(tailStart, recovered.Sequence);
            return store;
        }
        catch
        {
            log?.Dispose();
            lockFile.Dispose();
            throw;
        }
    }

    internal static FileStream AcquireLock(string lockPath)
    {
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix and a share-mode lock
            // on Windows; either way the operating system drops it when the process dies.
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw StorageErrors.FromIo(ex, "create lock", lockPath);
        }
        catch (IOException ex) when (File.Exists(lockPath) && !(ex is FileNotFoundException or DirectoryNotFoundException))
        {
            throw StorageErrors.Locked(System.IO.Path.GetFullPath(lockPath[..^"-lock".Length]));
        }
        catch (IOException ex)
        {
            throw StorageErrors.FromIo(ex, "create lock", lockPath);
        }
    }

    internal static FileStream OpenRead(string path) =>
        Io(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), "open", path);

    private static void DeleteIfExists(string path) => Io(() => { File.Delete(path); return 0; }, "remove", path);

    private static T Io<T>(Func<T> action, string verb, string path)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw StorageErrors.FromIo(ex, verb, path);
        }
    }

    /// <summary>
    /// Replays the log into <paramref name="state"/> and cuts off a torn or damaged tail. Returns
    /// where the records the snapshot does not hold start, and whether the log must be replaced
    /// because it starts before the snapshot (a checkpoint was interrupted).
    /// </summary>
    private static (long TailStart, bool NeedsSwitch) Recover(LogFile log, ReplayState state, string path)
    {
        var s = log.Stream;
        s.Position = 0;
        var header = FileHeader.Read(s, FileHeader.LogMagic, log.Path, "log");
        var snapshotSequence = state.Sequence;
        if (header.Sequence > snapshotSequence)
            throw StorageErrors.Corrupt(log.Path, $"the log follows commit {header.Sequence}, but the snapshot \"{path}\" ends at commit {snapshotSequence}");
        var expected = header.Sequence + 1;
        var good = s.Position;
        long tailStart = header.Sequence == snapshotSequence ? good : -1;
        while (true)
        {
            var start = s.Position;
            var result = RecordFrame.TryRead(s, out var payload);
            // Zeros: the preallocated space after the last record (LogFile); cut off below like a torn tail.
            if (result is RecordFrame.ReadResult.End or RecordFrame.ReadResult.Zeros) break;
            if (result != RecordFrame.ReadResult.Ok)
            {
                if (result == RecordFrame.ReadResult.Corrupt && IntactRecordFollows(s, expected + 1))
                    throw StorageErrors.Corrupt(log.Path, $"record {expected} at offset {start} is damaged, but later records are intact");
                break;
            }
            try
            {
                var record = CommitRecord.Deserialize(payload);
                if (record.Sequence != expected)
                    throw new InvalidDataException($"record {record.Sequence} where record {expected} belongs");
                if (record.Sequence > snapshotSequence) state.Apply(record);
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or NotSupportedException or ArgumentException
                or KeyNotFoundException or InvalidOperationException or System.Reflection.TargetInvocationException or InvalidCastException)
            {
                throw StorageErrors.Corrupt(log.Path, $"record {expected} at offset {start} cannot be applied: {ex.Message}");
            }
            good = s.Position;
            if (expected == snapshotSequence) tailStart = good;
            expected++;
        }
        Io(() => { log.TruncateTo(good); return 0; }, "truncate", log.Path);
        // A log that ends before the snapshot's commit (its tail was lost, the snapshot was not): keep nothing of it.
        return tailStart < 0 ? (good, true) : (tailStart, header.Sequence != snapshotSequence);
    }

    /// <summary>Whether an intact record numbered <paramref name="sequence"/> starts where the damaged frame claims to end.</summary>
    private static bool IntactRecordFollows(Stream s, long sequence)
    {
        try
        {
            return RecordFrame.TryRead(s, out var next) == RecordFrame.ReadResult.Ok && CommitRecord.Deserialize(next).Sequence == sequence;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes the record <paramref name="build"/> makes for the next commit number and runs
    /// <paramref name="logged"/> (still under the lock, so the log order is the order in which
    /// writers build on each other's versions). <paramref name="publish"/> runs once the record is
    /// as durable as <see cref="DatabaseOptions.Synchronous"/> asks: at once under normal/off; under
    /// full when an fsync covers it (<see cref="GroupCommit"/>), and then the caller must call
    /// <see cref="WaitDurable"/> with the returned number (0: nothing to wait for) before
    /// acknowledging the commit. An empty record is not written, but under full its version still
    /// waits for the records before it. Nothing is logged or published when writing fails.
    /// </summary>
    public long Commit(Func<long, CommitRecord> build, Action logged, Action publish)
    {
        bool checkpoint;
        long wait = 0;
        lock (_gate)
        {
            if (_disposed) throw StorageErrors.Closed(Path);
            if (_failed) throw StorageErrors.Failed(Path);
            var record = build(_sequence + 1);
            if (!record.IsEmpty)
            {
                var frame = RecordFrame.Build(record.Serialize());
                var before = _log.Length;
                try
                {
                    FaultHook?.Invoke("write");
                    _log.Append(frame, Options.Synchronous);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    try
                    {
                        _log.Rollback(before);
                    }
                    catch (Exception ex2) when (ex2 is IOException or UnauthorizedAccessException)
                    {
                        _failed = true;
                    }
                    throw StorageErrors.FromIo(ex, "write to", _log.Path);
                }
                _sequence = record.Sequence;
            }
            logged();
            if (Options.Synchronous == SynchronousMode.Full)
            {
                _group.Appended(_sequence, publish);
                wait = _sequence;
            }
            else publish();
            checkpoint = Options.CheckpointLogBytes > 0 && _log.Length > Options.CheckpointLogBytes && _background is null or { IsCompleted: true };
        }
        if (checkpoint) StartBackgroundCheckpoint?.Invoke();
        return wait;
    }

    /// <summary>Returns once commit <paramref name="sequence"/> (from <see cref="Commit"/>) is on disk; 58030 when an fsync failed.</summary>
    public void WaitDurable(long sequence)
    {
        if (sequence > 0) _group.WaitDurable(sequence);
    }

    /// <summary>
    /// The group's fsync: takes the last appended record and the log's handle under the lock, then
    /// fsyncs without it, so commits go on appending meanwhile. The handle is held by a reference
    /// so that a checkpoint may replace the log during the fsync (the new log was fsynced whole
    /// when it was created, so the records it took over are durable either way).
    /// </summary>
    private long FlushLog()
    {
        long covered;
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        var added = false;
        string logPath;
        lock (_gate)
        {
            if (_failed) throw StorageErrors.Failed(Path);
            // Closing synced the log to disk (and a closed log's handle cannot be fsynced).
            if (_disposed) return _sequence;
            covered = _sequence;
            logPath = _log.Path;
            handle = _log.Handle;
            handle.DangerousAddRef(ref added);
        }
        try
        {
            FaultHook?.Invoke("fsync");
            DataSync.Flush(handle);
            Interlocked.Increment(ref _fsyncs);
            return covered;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            lock (_gate) _failed = true;
            throw new TenonException("58030", $"could not fsync file \"{logPath}\": {ex.Message}",
                hint: "The outcome of the commits waiting for it is unknown. Close and reopen the database; recovery keeps every transaction the disk holds.");
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    private long _fsyncs;

    /// <summary>How many group fsyncs of the log ran (synchronous = full), for tests and benchmarks.</summary>
    public long LogFsyncs => Interlocked.Read(ref _fsyncs);

    /// <summary>For tests: runs before each log write ("write"), group fsync ("fsync") and checkpoint snapshot write ("snapshot"); may sleep or throw an IOException to simulate a slow or failing disk.</summary>
    public Action<string>? FaultHook { get; set; }

    /// <summary>Set by the database: starts <see cref="Checkpoint"/> on a pool thread.</summary>
    public Action? StartBackgroundCheckpoint { get; set; }

    public void RunInBackground(Func<Task> work)
    {
        lock (_gate)
        {
            if (_disposed || _background is { IsCompleted: false }) return;
            _background = Task.Run(async () =>
            {
                try
                {
                    await work();
                    BackgroundError = null;
                }
                catch (Exception ex)
                {
                    BackgroundError = ex;
                }
            });
        }
    }

    /// <summary>
    /// Writes a snapshot of the version <paramref name="capture"/> returns (called under the
    /// append lock, so it matches the last logged commit) and starts a new log after it. Commits
    /// go on while the snapshot is written; they wait only while the log is switched.
    /// </summary>
    public void Checkpoint(Func<(DbVersion Version, SystemCatalog Catalog, long NextOid)> capture)
    {
        lock (_checkpointGate)
        {
            DbVersion version;
            SystemCatalog catalog;
            long nextOid, sequence, tailStart;
            lock (_gate)
            {
                if (_disposed) throw StorageErrors.Closed(Path);
                if (_failed) throw StorageErrors.Failed(Path);
                (version, catalog, nextOid) = capture();
                sequence = _sequence;
                tailStart = _log.Length;
            }
            FaultHook?.Invoke("snapshot");
            WriteSnapshotFile(Path, version, catalog, nextOid, sequence);
            lock (_gate)
            {
                if (_disposed) return;
                SwitchLog(tailStart, sequence);
            }
        }
    }

    internal static void WriteSnapshotFile(string path, DbVersion version, SystemCatalog catalog, long nextOid, long sequence)
    {
        var tmp = path + ".tmp";
        try
        {
            using (var f = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                SnapshotFile.Write(f, version, catalog, nextOid, sequence);
                f.Flush(flushToDisk: true);
            }
            File.Move(tmp, path, overwrite: true);
            DirectorySync.Sync(System.IO.Path.GetDirectoryName(path)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(tmp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw StorageErrors.FromIo(ex, "write", tmp);
        }
    }

    /// <summary>Replaces the log by one that follows commit <paramref name="baseSequence"/>, keeping the records from <paramref name="tailStart"/> on. Caller holds the lock.</summary>
    private void SwitchLog(long tailStart, long baseSequence)
    {
        try
        {
            var tail = _log.ReadTail(tailStart);
            var next = LogFile.Create(LogPath, baseSequence, tail);
            _log.Dispose();
            _log = next;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The old log is still complete and still in place unless the rename happened; either way recovery copes.
            throw StorageErrors.FromIo(ex, "write", LogPath + ".tmp");
        }
    }

    /// <summary>
    /// Runs <paramref name="capture"/> under the append lock, so that what it reads of the
    /// committed version matches the last logged commit, which is returned with it (for a backup).
    /// </summary>
    public (T Value, long Sequence) Capture<T>(Func<T> capture)
    {
        lock (_gate)
        {
            if (_disposed) throw StorageErrors.Closed(Path);
            return (capture(), _sequence);
        }
    }

    public bool HasLogRecords { get { lock (_gate) return _log.HasRecords; } }

    /// <summary>Waits for a background checkpoint, flushes the log to disk and releases the lock.</summary>
    public void Dispose()
    {
        Task? background;
        long last;
        lock (_gate)
        {
            if (_disposed) return;
            background = _background;
            last = _failed ? 0 : _sequence;
        }
        background?.Wait();
        // Publishes (and acknowledges) what commits were appended but not yet covered by an fsync.
        if (Options.Synchronous == SynchronousMode.Full)
        {
            try
            {
                WaitDurable(last);
            }
            catch (TenonException)
            {
                // The store is failed: the waiters got the error, and the disposal below skips the sync.
            }
        }
        lock (_gate)
        {
            _disposed = true;
            try
            {
                if (!_failed) _log.Close(toDisk: Options.Synchronous != SynchronousMode.Off);
            }
            finally
            {
                _log.Dispose();
                _lock.Dispose();
            }
        }
    }
}
