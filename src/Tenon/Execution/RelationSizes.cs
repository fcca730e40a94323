using Tenon.Catalog;

namespace Tenon.Execution;

/// <summary>
/// pg_relation_size, pg_table_size, pg_indexes_size and pg_total_relation_size (what psql's \dt+
/// and \di+ show as Size). Tenon has no pages, so a relation's size is the room its contents take
/// in Tenon's own storage encoding: a table's rows as the snapshot file writes them, an index's
/// entries as their key values so encoded plus an 8-byte row id. A view and a partitioned table
/// or index hold nothing (0, as in PostgreSQL); a sequence is one 8 kB page, as PostgreSQL's.
/// NULL for an oid that is no relation. Computing a size reads the whole relation.
/// </summary>
internal static class RelationSizes
{
    private const long SequenceBytes = 8192;

    public static long? Relation(ExecContext ctx, uint oid)
    {
        var catalog = ctx.Transaction.Catalog;
        if (catalog.Tables.TryGetValue(oid, out var table)) return table.IsPartitioned ? 0 : RowBytes(ctx, table);
        if (IndexOwner(catalog, oid) is var (owner, position)) return owner.IsPartitioned ? 0 : IndexBytes(ctx, owner, position);
        return catalog.RelationKind(oid) switch
        {
            'S' => SequenceBytes,
            '\0' => null,
            _ => 0,
        };
    }

    /// <summary>pg_table_size: the relation without its indexes (Tenon has no TOAST, free space or visibility maps).</summary>
    public static long? Table(ExecContext ctx, uint oid) => Relation(ctx, oid);

    public static long? Indexes(ExecContext ctx, uint oid)
    {
        var catalog = ctx.Transaction.Catalog;
        if (!catalog.Tables.TryGetValue(oid, out var table)) return catalog.RelationKind(oid) == '\0' ? null : 0;
        if (table.IsPartitioned) return 0;
        long sum = 0;
        for (var i = 0; i < table.Indexes.Count; i++) sum += IndexBytes(ctx, table, i);
        return sum;
    }

    public static long? Total(ExecContext ctx, uint oid) => Table(ctx, oid) is { } t ? t + (Indexes(ctx, oid) ?? 0) : null;

    private static (TableDef Table, int Position)? IndexOwner(SystemCatalog catalog, uint oid)
    {
        foreach (var table in catalog.Tables.Values)
            for (var i = 0; i < table.Indexes.Count; i++)
                if (table.Indexes[i].Oid == oid) return (table, i);
        return null;
    }

    private static long RowBytes(ExecContext ctx, TableDef table)
    {
        var counter = new CountingStream();
        using var writer = new BinaryWriter(counter);
        foreach (var (_, row) in ctx.Transaction.Rows(table.Oid).Scan()) Wal.ValueCodec.WriteRow(writer, row);
        writer.Flush();
        return counter.Length;
    }

    private static long IndexBytes(ExecContext ctx, TableDef table, int position)
    {
        var counter = new CountingStream();
        using var writer = new BinaryWriter(counter);
        long entries = 0;
        foreach (var (key, _) in ctx.Transaction.Index(table.Oid, position).All())
        {
            foreach (var v in key) Wal.ValueCodec.WriteValue(writer, v);
            entries++;
        }
        writer.Flush();
        return counter.Length + entries * sizeof(long);
    }

    /// <summary>A stream that keeps nothing but the number of bytes written to it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override void WriteByte(byte value) => _length++;
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
