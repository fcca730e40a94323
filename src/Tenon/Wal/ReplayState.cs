using Tenon.Catalog;
using Tenon.Storage;

namespace Tenon.Wal;

/// <summary>
/// The database as recovery rebuilds it: catalog, rows per table, the oid counter and the last
/// commit applied. Loaded from the snapshot, then advanced by each log record. Indexes are not
/// part of it: they are rebuilt from the rows once, at the end (<see cref="IndexRebuilder"/>).
/// </summary>
internal sealed class ReplayState
{
    private readonly WriteToken _token = new();

    public ReplayState(SystemCatalog catalog, long nextOid, long sequence)
    {
        Catalog = catalog;
        NextOid = nextOid;
        Sequence = sequence;
    }

    public SystemCatalog Catalog { get; private set; }
    public long NextOid { get; private set; }
    public long Sequence { get; private set; }
    public Dictionary<uint, RowStore> Rows { get; } = new();

    public WriteToken Token => _token;

    /// <summary>Applies one committed transaction; throws <see cref="InvalidDataException"/> if it does not fit the state.</summary>
    public void Apply(CommitRecord record)
    {
        if (record.Sequence != Sequence + 1)
            throw new InvalidDataException($"record {record.Sequence} follows commit {Sequence}");
        if (record.Catalog is not null) SetCatalog(record.Catalog, record.NextOid);
        foreach (var t in record.Tables)
        {
            if (!Rows.TryGetValue(t.TableOid, out var rows))
                throw new InvalidDataException($"record {record.Sequence} changes table {t.TableOid}, which does not exist");
            if (t.Reset) rows = RowStore.Empty;
            foreach (var (id, row) in t.Puts) rows = rows.Put(id, row, _token);
            foreach (var id in t.Removes) rows = rows.Delete(id, _token);
            Rows[t.TableOid] = rows.WithNextRowId(t.NextRowId);
        }
        foreach (var s in record.Sequences)
        {
            // A sequence created by a transaction that had not committed yet is not in the catalog.
            if (!Catalog.Sequences.TryGetValue(s.Oid, out var seq)) continue;
            lock (seq.State.Gate)
            {
                seq.State.LastValue = s.LastValue;
                seq.State.IsCalled = s.IsCalled;
                seq.State.Initialized = s.Initialized;
            }
        }
        Sequence = record.Sequence;
    }

    public void SetCatalog(SystemCatalog catalog, long nextOid)
    {
        Catalog = catalog;
        NextOid = Math.Max(NextOid, nextOid);
        foreach (var oid in Rows.Keys.ToList())
            if (!catalog.Tables.ContainsKey(oid)) Rows.Remove(oid);
        foreach (var oid in catalog.Tables.Keys)
            Rows.TryAdd(oid, RowStore.Empty);
    }

    /// <summary>
    /// Drops temporary relations: they belong to sessions, which do not survive a restart
    /// (PostgreSQL drops them at session end). A table's indexes go with it.
    /// </summary>
    public void DropTemporaryRelations()
    {
        Catalog = Catalog.WithoutTemporary();
        foreach (var oid in Rows.Keys.Where(o => !Catalog.Tables.ContainsKey(o)).ToList()) Rows.Remove(oid);
    }
}
