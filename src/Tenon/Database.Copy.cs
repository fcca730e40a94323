using System.Collections.Immutable;
using Tenon.Catalog;
using Tenon.Transactions;
using Tenon.Wal;

namespace Tenon;

/// <summary>
/// Copies of a database's committed state (CREATE DATABASE … TEMPLATE, online backups). A
/// committed version is immutable, so taking one needs no lock and stops no writer: an in-memory
/// copy simply shares it, and a file copy writes it out while commits go on.
/// </summary>
public sealed partial class Database
{
    /// <summary>
    /// A new in-memory database holding this one's committed state. The tables and indexes are
    /// shared, not copied (both databases then write copy-on-write versions of their own), so the
    /// cost does not depend on the size. Sequences get values of their own; temporary relations
    /// (which belong to sessions) are left out.
    /// </summary>
    public Database CopyInMemory()
    {
        var (version, catalog, nextOid) = CaptureCommitted();
        var state = new ReplayState(catalog, nextOid, 0);
        foreach (var (oid, table) in version.Data) state.Rows[oid] = table.Rows;
        state.DropTemporaryRelations();
        var data = version.Data.Where(p => state.Rows.ContainsKey(p.Key)).ToImmutableDictionary();
        var copy = new Database { _nextOid = nextOid };
        copy._committed = new DbVersion(state.Catalog, data);
        return copy;
    }

    /// <summary>
    /// Writes this database's committed state as a new file database at <paramref name="destination"/>
    /// (which must not exist), without stopping writers: what was committed when the backup began
    /// is copied, later commits are not. Open the copy with <see cref="Open"/>.
    /// </summary>
    public void Backup(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var ((version, catalog, nextOid), sequence) = _store is { } store ? store.Capture(() => CaptureCommitted(logged: true)) : (CaptureCommitted(), 0);
        BackupFile.Write(destination, version, catalog, nextOid, sequence);
    }

    /// <summary>
    /// Copies the file database at <paramref name="source"/> to a new one at
    /// <paramref name="destination"/> without opening it: the source may be open in another
    /// process (tenon serve) that keeps writing; the copy holds every transaction committed to
    /// its files when the copy began. The source's files are not changed.
    /// </summary>
    public static void Backup(string source, string destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var (version, catalog, nextOid, sequence) = BackupFile.ReadCommitted(source);
        BackupFile.Write(destination, version, catalog, nextOid, sequence);
    }

    /// <summary>
    /// The committed version, its catalog with sequence values as of now (copied: they keep
    /// changing), and the oid counter. <paramref name="logged"/>: the newest logged version (taken
    /// under the store's append lock, so it matches the last record), which may still wait for its fsync.
    /// </summary>
    private (DbVersion Version, SystemCatalog Catalog, long NextOid) CaptureCommitted(bool logged = false)
    {
        var version = logged ? WriterBase : Committed;
        var catalog = version.Catalog;
        foreach (var seq in catalog.Sequences.Values)
            lock (seq.State.Gate)
                catalog = catalog.PutSequence(seq with
                {
                    State = new SequenceState { LastValue = seq.State.LastValue, IsCalled = seq.State.IsCalled, Initialized = seq.State.Initialized },
                });
        return (version, catalog, Interlocked.Read(ref _nextOid));
    }
}
