using Tenon.Catalog;
using Tenon.Storage;
using Tenon.Transactions;

namespace Tenon.Wal;

/// <summary>
/// The payload of one log record: everything one committed transaction changed, as logical
/// after-images. A record is applied whole or not at all (it is one checksummed frame), which is
/// what makes a transaction atomic across a crash.
///
///   FIELD             ENCODING
///   kind              1 byte: 1 = commit
///   sequence          8 bytes: commit sequence number (each record is the previous one + 1)
///   operations        any number of the operations below, then 1 byte 0 (end)
///
///   OPERATION         ENCODING
///   1 catalog         the whole new catalog (<see cref="CatalogCodec"/>): the transaction ran DDL.
///                     Tables no longer in it are dropped; new ones start empty.
///   2 table rows      4 bytes table oid; 8 bytes next row id; 1 byte reset (1 = the table is
///                     emptied first); varint n, n × (8 bytes row id, row as <see cref="ValueCodec"/>)
///                     stored under that id (insert or replace); varint m, m × 8 bytes row id removed
///   3 sequences       varint n, n × (4 bytes sequence oid, 8 bytes last value, 1 byte flags:
///                     1 = is_called, 2 = initialized): non-transactional sequence state
///   4 user types      right after a catalog that has enum types or domains: the catalog's
///                     <see cref="SystemCatalog.UserTypes"/> (<see cref="CatalogCodec.WriteUserTypes"/>)
///   5 routines        right after a catalog that has user functions or triggers (<see cref="CatalogCodec.WriteRoutines"/>)
///   6 roles           after a catalog that has roles or object privileges (<see cref="CatalogCodec.WriteAuth"/>)
///   7 operator classes after those, when the catalog has operator classes or families (<see cref="CatalogCodec.WriteOperatorClasses"/>)
///
/// Operations appear in the order catalog, tables, sequences, and are applied in that order.
/// </summary>
internal sealed class CommitRecord
{
    public long Sequence { get; init; }
    public SystemCatalog? Catalog { get; set; }
    public long NextOid { get; set; }
    public List<TableChange> Tables { get; } = new();
    public List<SequenceValue> Sequences { get; } = new();

    public bool IsEmpty => Catalog is null && Tables.Count == 0 && Sequences.Count == 0;

    public sealed record TableChange(uint TableOid, long NextRowId, bool Reset, List<KeyValuePair<long, object?[]>> Puts, List<long> Removes);

    public readonly record struct SequenceValue(uint Oid, long LastValue, bool IsCalled, bool Initialized);

    /// <summary>
    /// The changes from <paramref name="before"/> (the committed version the writer started from)
    /// to <paramref name="after"/>; <paramref name="sinceTokenId"/> is the newest write token
    /// that existed when the writer started (see <see cref="BTree{TKey, TValue}.Diff"/>).
    /// </summary>
    public static CommitRecord Between(long sequence, DbVersion before, DbVersion after, long sinceTokenId, long nextOid)
    {
        var record = new CommitRecord { Sequence = sequence };
        if (!ReferenceEquals(before.Catalog, after.Catalog))
        {
            record.Catalog = after.Catalog;
            record.NextOid = nextOid;
        }
        foreach (var (oid, data) in after.Data.OrderBy(p => p.Key))
        {
            // Temporary tables are never logged: they end with their session.
            if (after.Catalog.Tables.TryGetValue(oid, out var table) && table.Temporary) continue;
            before.Data.TryGetValue(oid, out var old);
            var oldRows = old?.Rows;
            if (ReferenceEquals(oldRows, data.Rows)) continue;
            if (oldRows is null)
            {
                // New in this transaction: replay creates it empty with the catalog.
                if (data.Rows.Count > 0 || data.Rows.NextRowId != 1)
                    record.Tables.Add(new TableChange(oid, data.Rows.NextRowId, false, data.Rows.Scan().ToList(), new List<long>()));
                continue;
            }
            var puts = new List<KeyValuePair<long, object?[]>>();
            var removes = new List<long>();
            var exact = data.Rows.Rows.Diff(oldRows.Rows, sinceTokenId, (id, row) => puts.Add(new(id, row)), id => removes.Add(id));
            // Rewritten (TRUNCATE, a column type change, ...): the new contents are cheaper than the difference.
            // A smaller next row id means the table was replaced by a new, empty one (TRUNCATE) first.
            if (!exact || removes.Count + puts.Count > data.Rows.Count + 16 || data.Rows.NextRowId < oldRows.NextRowId)
                record.Tables.Add(new TableChange(oid, data.Rows.NextRowId, true, data.Rows.Scan().ToList(), new List<long>()));
            else if (puts.Count > 0 || removes.Count > 0 || data.Rows.NextRowId != oldRows.NextRowId)
                record.Tables.Add(new TableChange(oid, data.Rows.NextRowId, false, puts, removes));
        }
        return record;
    }

    public byte[] Serialize()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write((byte)1);
            w.Write(Sequence);
            if (Catalog is not null)
            {
                w.Write((byte)1);
                CatalogCodec.Write(w, Catalog, NextOid);
                if (!Catalog.UserTypes.IsEmpty)
                {
                    w.Write((byte)4);
                    CatalogCodec.WriteUserTypes(w, Catalog);
                }
                if (!Catalog.Routines.Functions.IsEmpty || !Catalog.Routines.Triggers.IsEmpty)
                {
                    w.Write((byte)5);
                    CatalogCodec.WriteRoutines(w, Catalog);
                }
                if (!Catalog.Auth.IsEmpty)
                {
                    w.Write((byte)6);
                    CatalogCodec.WriteAuth(w, Catalog);
                }
                if (Catalog.Routines.HasOperatorClasses)
                {
                    w.Write((byte)7);
                    CatalogCodec.WriteOperatorClasses(w, Catalog);
                }
            }
            foreach (var t in Tables)
            {
                w.Write((byte)2);
                w.Write(t.TableOid);
                w.Write(t.NextRowId);
                w.Write(t.Reset);
                w.Write7BitEncodedInt(t.Puts.Count);
                foreach (var (id, row) in t.Puts)
                {
                    w.Write(id);
                    ValueCodec.WriteRow(w, row);
                }
                w.Write7BitEncodedInt(t.Removes.Count);
                foreach (var id in t.Removes) w.Write(id);
            }
            if (Sequences.Count > 0)
            {
                w.Write((byte)3);
                w.Write7BitEncodedInt(Sequences.Count);
                foreach (var s in Sequences)
                {
                    w.Write(s.Oid);
                    w.Write(s.LastValue);
                    w.Write((byte)((s.IsCalled ? 1 : 0) | (s.Initialized ? 2 : 0)));
                }
            }
            w.Write((byte)0);
        }
        return ms.ToArray();
    }

    public static CommitRecord Deserialize(byte[] payload)
    {
        using var r = new BinaryReader(new MemoryStream(payload, writable: false));
        if (r.ReadByte() != 1) throw new InvalidDataException("unknown record kind");
        var record = new CommitRecord { Sequence = r.ReadInt64() };
        while (true)
        {
            var op = r.ReadByte();
            switch (op)
            {
                case 0:
                    if (r.BaseStream.Position != payload.Length) throw new InvalidDataException("bytes after the end of a record");
                    return record;
                case 1:
                    record.Catalog = CatalogCodec.Read(r, out var nextOid);
                    record.NextOid = nextOid;
                    break;
                case 4:
                    record.Catalog = CatalogCodec.ReadUserTypes(r, record.Catalog ?? throw new InvalidDataException("user types without a catalog"));
                    break;
                case 5:
                    record.Catalog = CatalogCodec.ReadRoutines(r, record.Catalog ?? throw new InvalidDataException("routines without a catalog"));
                    break;
                case 6:
                    record.Catalog = CatalogCodec.ReadAuth(r, record.Catalog ?? throw new InvalidDataException("roles without a catalog"));
                    break;
                case 7:
                    record.Catalog = CatalogCodec.ReadOperatorClasses(r, record.Catalog ?? throw new InvalidDataException("operator classes without a catalog"));
                    break;
                case 2:
                {
                    var oid = r.ReadUInt32();
                    var nextRowId = r.ReadInt64();
                    var reset = r.ReadBoolean();
                    var n = r.Read7BitEncodedInt();
                    var puts = new List<KeyValuePair<long, object?[]>>(Math.Min(n, 1 << 16));
                    for (var i = 0; i < n; i++)
                    {
                        var id = r.ReadInt64();
                        puts.Add(new(id, ValueCodec.ReadRow(r)));
                    }
                    var m = r.Read7BitEncodedInt();
                    var removes = new List<long>(Math.Min(m, 1 << 16));
                    for (var i = 0; i < m; i++) removes.Add(r.ReadInt64());
                    record.Tables.Add(new TableChange(oid, nextRowId, reset, puts, removes));
                    break;
                }
                case 3:
                {
                    var n = r.Read7BitEncodedInt();
                    for (var i = 0; i < n; i++)
                    {
                        var oid = r.ReadUInt32();
                        var last = r.ReadInt64();
                        var flags = r.ReadByte();
                        record.Sequences.Add(new SequenceValue(oid, last, (flags & 1) != 0, (flags & 2) != 0));
                    }
                    break;
                }
                default: throw new InvalidDataException($"unknown operation {op}");
            }
        }
    }
}
