using Tenon.Catalog;
using Tenon.Transactions;

namespace Tenon.Wal;

/// <summary>
/// The database file proper: one committed version, written whole by a checkpoint (to a temporary
/// file that is renamed over the old one once it is complete and on disk, so the file is always
/// either the old snapshot or the new one). Readers of a committed version never block writers,
/// so a checkpoint runs while commits go on.
///
///   PART        CONTENT
///   header      <see cref="FileHeader"/>, magic "TENONDB1", sequence = last commit included
///   sections    frames (<see cref="RecordFrame"/>), each payload starting with a kind byte:
///     1 catalog   <see cref="CatalogCodec"/> (sequence values as of the snapshot)
///     2 table     4 bytes table oid, 8 bytes next row id, 8 bytes row count
///     3 rows      4 bytes table oid, varint n, n × (8 bytes row id, row as <see cref="ValueCodec"/>);
///                 a table's rows in ascending id order, split into frames of about 1 MiB
///     4 end       8 bytes number of tables, 8 bytes total rows; nothing may follow
///
/// The catalog comes first, then each table (header, then its rows), then the end. A file
/// without its end section, with a bad checksum anywhere, or whose counts disagree is corrupt:
/// snapshots are never torn (see above), so that means damage, and opening fails.
/// </summary>
internal static class SnapshotFile
{
    private const int ChunkBytes = 1 << 20;

    public static void Write(Stream s, DbVersion version, SystemCatalog catalog, long nextOid, long sequence)
    {
        catalog = catalog.WithoutTemporary();
        s.Write(new FileHeader(FileHeader.SnapshotMagic, FileHeader.CurrentVersion, sequence).ToBytes());
        WriteSection(s, w =>
        {
            w.Write((byte)1);
            CatalogCodec.Write(w, catalog, nextOid);
            var auth = !catalog.Auth.IsEmpty;
            var opclasses = catalog.Routines.HasOperatorClasses;
            var routines = !catalog.Routines.Functions.IsEmpty || !catalog.Routines.Triggers.IsEmpty || auth || opclasses;
            if (!catalog.UserTypes.IsEmpty || routines) CatalogCodec.WriteUserTypes(w, catalog);
            if (routines) CatalogCodec.WriteRoutines(w, catalog);
            // Sections in a fixed order: roles (written, maybe empty, whenever operator classes follow), then operator classes.
            if (auth || opclasses) CatalogCodec.WriteAuth(w, catalog);
            if (opclasses) CatalogCodec.WriteOperatorClasses(w, catalog);
        });
        long totalRows = 0;
        var tables = version.Data.Where(p => catalog.Tables.ContainsKey(p.Key)).OrderBy(p => p.Key).ToList();
        foreach (var (oid, data) in tables)
        {
            var rows = data.Rows;
            WriteSection(s, w =>
            {
                w.Write((byte)2);
                w.Write(oid);
                w.Write(rows.NextRowId);
                w.Write((long)rows.Count);
            });
            using var e = rows.Scan().GetEnumerator();
            var more = e.MoveNext();
            while (more)
            {
                // The rows go to a buffer first: the frame starts with their count.
                using var body = new MemoryStream();
                var count = 0;
                using (var bw = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
                    while (more && body.Length < ChunkBytes)
                    {
                        bw.Write(e.Current.Key);
                        ValueCodec.WriteRow(bw, e.Current.Value);
                        count++;
                        more = e.MoveNext();
                    }
                WriteSection(s, w =>
                {
                    w.Write((byte)3);
                    w.Write(oid);
                    w.Write7BitEncodedInt(count);
                    w.Write(body.GetBuffer(), 0, (int)body.Length);
                });
                totalRows += count;
            }
        }
        WriteSection(s, w =>
        {
            w.Write((byte)4);
            w.Write((long)tables.Count);
            w.Write(totalRows);
        });
    }

    private static void WriteSection(Stream s, Action<BinaryWriter> body)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true)) body(w);
        s.Write(RecordFrame.Build(ms.ToArray()));
    }

    /// <summary>Reads a whole snapshot; any damage is reported as a corrupt database file.</summary>
    public static ReplayState Read(Stream s, string path)
    {
        var header = FileHeader.Read(s, FileHeader.SnapshotMagic, path, "snapshot");
        try
        {
            ReplayState? state = null;
            uint currentTable = 0;
            long expectedRows = 0, tables = 0, totalRows = 0;
            while (true)
            {
                var result = RecordFrame.TryRead(s, out var payload);
                if (result != RecordFrame.ReadResult.Ok)
                    throw new InvalidDataException(result == RecordFrame.ReadResult.End ? "it ends before its end marker"
                        : $"a section at offset {s.Position} is {(result == RecordFrame.ReadResult.Torn ? "cut short" : "damaged (checksum mismatch)")}");
                using var r = new BinaryReader(new MemoryStream(payload, writable: false));
                var kind = r.ReadByte();
                if (state is null && kind != 1) throw new InvalidDataException("it does not start with the catalog");
                switch (kind)
                {
                    case 1:
                        if (state is not null) throw new InvalidDataException("it has two catalogs");
                        var catalog = CatalogCodec.Read(r, out var nextOid);
                        if (r.BaseStream.Position < r.BaseStream.Length) catalog = CatalogCodec.ReadUserTypes(r, catalog);
                        if (r.BaseStream.Position < r.BaseStream.Length) catalog = CatalogCodec.ReadRoutines(r, catalog);
                        if (r.BaseStream.Position < r.BaseStream.Length) catalog = CatalogCodec.ReadAuth(r, catalog);
                        if (r.BaseStream.Position < r.BaseStream.Length) catalog = CatalogCodec.ReadOperatorClasses(r, catalog);
                        state = new ReplayState(SystemCatalog.Empty, nextOid, header.Sequence);
                        state.SetCatalog(catalog, nextOid);
                        break;
                    case 2:
                    {
                        if (currentTable != 0 && state!.Rows[currentTable].Count != expectedRows)
                            throw new InvalidDataException($"table {currentTable} has fewer rows than its header says");
                        currentTable = r.ReadUInt32();
                        if (!state!.Rows.ContainsKey(currentTable)) throw new InvalidDataException($"table {currentTable} is not in the catalog");
                        state.Rows[currentTable] = Storage.RowStore.Empty.WithNextRowId(r.ReadInt64());
                        expectedRows = r.ReadInt64();
                        tables++;
                        break;
                    }
                    case 3:
                    {
                        var oid = r.ReadUInt32();
                        if (oid != currentTable) throw new InvalidDataException($"rows of table {oid} outside its section");
                        var n = r.Read7BitEncodedInt();
                        var rows = state!.Rows[oid];
                        var nextRowId = rows.NextRowId;
                        for (var i = 0; i < n; i++)
                        {
                            var id = r.ReadInt64();
                            if (id >= nextRowId || (rows.Rows.TryGetMax(out var max, out _) && id <= max))
                                throw new InvalidDataException($"row id {id} of table {oid} is out of order");
                            rows = rows.Put(id, ValueCodec.ReadRow(r), state.Token);
                        }
                        state.Rows[oid] = rows.WithNextRowId(nextRowId);
                        totalRows += n;
                        break;
                    }
                    case 4:
                    {
                        if (currentTable != 0 && state!.Rows[currentTable].Count != expectedRows)
                            throw new InvalidDataException($"table {currentTable} has fewer rows than its header says");
                        if (r.ReadInt64() != tables || r.ReadInt64() != totalRows)
                            throw new InvalidDataException("its end marker's counts disagree with its contents");
                        if (s.Position != s.Length) throw new InvalidDataException("bytes follow its end marker");
                        return state!;
                    }
                    default: throw new InvalidDataException($"unknown section kind {kind}");
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or NotSupportedException or ArgumentException or KeyNotFoundException or System.Reflection.TargetInvocationException or InvalidCastException)
        {
            throw StorageErrors.Corrupt(path, ex.Message);
        }
    }
}
