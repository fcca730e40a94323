using System.Buffers.Binary;
using System.Text;

namespace Tenon.Wal;

/// <summary>
/// The 32-byte header at the start of both files of a database (the snapshot and the log).
///
///   OFFSET  SIZE  FIELD
///   0       8     magic: ASCII "TENONDB1" (snapshot) or "TENONWAL" (log)
///   8       4     format version (uint32, little-endian); this build writes and reads 1
///   12      4     reserved, 0
///   16      8     commit sequence number: snapshot = the last commit it contains;
///                 log = the snapshot it follows (its first record is that number + 1)
///   24      4     CRC-32C of bytes 0..23
///   28      4     reserved, 0
/// </summary>
internal readonly record struct FileHeader(string Magic, uint Version, long Sequence)
{
    public const int Size = 32;
    public const uint CurrentVersion = 1;
    public const string SnapshotMagic = "TENONDB1";
    public const string LogMagic = "TENONWAL";

    public byte[] ToBytes()
    {
        var b = new byte[Size];
        Encoding.ASCII.GetBytes(Magic, b.AsSpan(0, 8));
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8), Version);
        BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(16), Sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(24), Crc32C.Compute(b.AsSpan(0, 24)));
        return b;
    }

    /// <summary>Reads and checks a header; throws a <see cref="Errors.TenonException"/> naming the file and the problem.</summary>
    public static FileHeader Read(Stream s, string expectedMagic, string path, string what)
    {
        var b = new byte[Size];
        var got = 0;
        while (got < Size)
        {
            var n = s.Read(b, got, Size - got);
            if (n == 0) break;
            got += n;
        }
        var magic = Encoding.ASCII.GetString(b, 0, Math.Min(got, 8));
        if (got < 8 || magic != expectedMagic)
            throw StorageErrors.NotATenonFile(path, what);
        if (got < Size || BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(24)) != Crc32C.Compute(b.AsSpan(0, 24)))
            throw StorageErrors.Corrupt(path, $"its {what} header is damaged");
        var version = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(8));
        if (version > CurrentVersion) throw StorageErrors.NewerVersion(path, version);
        if (version == 0) throw StorageErrors.Corrupt(path, $"its {what} header has format version 0");
        return new FileHeader(magic, version, BinaryPrimitives.ReadInt64LittleEndian(b.AsSpan(16)));
    }
}
