using System.Collections.Immutable;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Storage;
using Tenon.Transactions;

namespace Tenon.Wal;

/// <summary>
/// Online backups: a committed state written as a new database file (a snapshot with an empty
/// log), and reading the committed state of a file database that another process may be
/// writing, without its lock and without changing its files.
/// </summary>
internal static class BackupFile
{
    /// <summary>
    /// Writes <paramref name="version"/> as the database <paramref name="destination"/>, which must
    /// not exist yet; its lock is held meanwhile, so nobody opens the half-written file.
    /// </summary>
    public static void Write(string destination, DbVersion version, SystemCatalog catalog, long nextOid, long sequence)
    {
        destination = Path.GetFullPath(destination);
        if (Directory.Exists(destination)) throw StorageErrors.NotAFile(destination);
        var directory = Path.GetDirectoryName(destination)!;
        if (!Directory.Exists(directory))
            throw new TenonException("58P01", $"could not create database \"{destination}\": directory \"{directory}\" does not exist");
        using var lockFile = DurableStore.AcquireLock(destination + "-lock");
        if (File.Exists(destination) || File.Exists(destination + "-wal"))
            throw new TenonException("58P02", $"could not create database file \"{destination}\": File exists");
        DurableStore.WriteSnapshotFile(destination, version, catalog, nextOid, sequence);
    }

    /// <summary>
    /// The last committed state of the file database at <paramref name="path"/> that has reached
    /// its files: the snapshot plus every complete log record after it. Works while another
    /// process has the database open and keeps committing (and checkpointing): a record still
    /// being appended ends the log here, and a checkpoint that replaced the log after the
    /// snapshot was read makes it start over.
    /// </summary>
    public static (DbVersion Version, SystemCatalog Catalog, long NextOid, long Sequence) ReadCommitted(string path)
    {
        path = Path.GetFullPath(path);
        if (Directory.Exists(path)) throw StorageErrors.NotAFile(path);
        var logPath = path + "-wal";
        for (var attempt = 0; ; attempt++)
        {
            if (!File.Exists(path))
            {
                if (File.Exists(logPath)) throw StorageErrors.MissingSnapshot(path, logPath);
                throw new TenonException("58P01", $"could not open database \"{path}\": No such file or directory");
            }
            ReplayState state;
            using (var snapshot = DurableStore.OpenRead(path))
                state = SnapshotFile.Read(snapshot, path);
            if (!ReplayLog(logPath, state))
            {
                if (attempt < 20) continue;
                throw new TenonException(SqlState.ObjectInUse, $"could not read a consistent state of database \"{path}\": it is checkpointed continuously");
            }
            state.DropTemporaryRelations();
            var data = state.Rows.ToImmutableDictionary(p => p.Key, p => new TableData(p.Value, Array.Empty<IndexStore>()));
            return (new DbVersion(state.Catalog, data), state.Catalog, state.NextOid, state.Sequence);
        }
    }

    /// <summary>Applies the complete records of the log after the snapshot; false when the log no longer continues it.</summary>
    private static bool ReplayLog(string logPath, ReplayState state)
    {
        FileStream log;
        try
        {
            log = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        }
        catch (FileNotFoundException)
        {
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw StorageErrors.FromIo(ex, "open", logPath);
        }
        using (log)
        {
            if (log.Length < FileHeader.Size) return false;
            var header = FileHeader.Read(log, FileHeader.LogMagic, logPath, "log");
            // A checkpoint finished between reading the snapshot and opening the log.
            if (header.Sequence > state.Sequence) return false;
            var expected = header.Sequence + 1;
            while (RecordFrame.TryRead(log, out var payload) == RecordFrame.ReadResult.Ok)
            {
                CommitRecord record;
                try
                {
                    record = CommitRecord.Deserialize(payload);
                }
                catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or NotSupportedException)
                {
                    break;
                }
                if (record.Sequence != expected) break;
                try
                {
                    if (record.Sequence > state.Sequence) state.Apply(record);
                }
                catch (Exception ex) when (ex is InvalidDataException or KeyNotFoundException or InvalidOperationException or ArgumentException)
                {
                    throw StorageErrors.Corrupt(logPath, $"record {expected} cannot be applied: {ex.Message}");
                }
                expected++;
            }
            // A log that ends before the snapshot's commit adds nothing (recovery keeps nothing of it either).
            return true;
        }
    }
}
