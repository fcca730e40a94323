using System.Buffers.Binary;

namespace Tenon.Wal;

/// <summary>
/// The framing of every log record and snapshot section: a length and a checksum in front of the
/// payload, so a reader can tell a complete, intact record from a torn or damaged one.
///
///   OFFSET  SIZE  FIELD
///   0       4     payload length N (uint32, little-endian), at most <see cref="MaxPayload"/>
///   4       4     CRC-32C of bytes 0..3 (the length) followed by the N payload bytes
///   8       N     payload
///
/// Eight zero bytes where a header belongs are no frame (the CRC of a zero length is not 0): they
/// are the zero-filled space a log preallocates after its last record (<see cref="LogFile"/>).
/// </summary>
internal static class RecordFrame
{
    public const int HeaderSize = 8;
    public const int MaxPayload = int.MaxValue - 64;

    public static byte[] Build(ReadOnlySpan<byte> payload)
    {
        var frame = new byte[HeaderSize + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(HeaderSize));
        var crc = Crc32C.Append(Crc32C.Start, frame.AsSpan(0, 4));
        crc = Crc32C.Finish(Crc32C.Append(crc, payload));
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), crc);
        return frame;
    }

    public enum ReadResult { Ok, End, Zeros, Torn, Corrupt }

    /// <summary>
    /// Reads one frame at the stream's position. End: no bytes left. Zeros: a header of eight zero
    /// bytes (preallocated space). Torn: the file ends inside the frame. Corrupt: the checksum
    /// does not match (or the length is impossible).
    /// </summary>
    public static ReadResult TryRead(Stream s, out byte[] payload)
    {
        payload = Array.Empty<byte>();
        Span<byte> header = stackalloc byte[HeaderSize];
        var got = ReadFully(s, header);
        if (got == 0) return ReadResult.End;
        if (got < HeaderSize) return ReadResult.Torn;
        if (BinaryPrimitives.ReadUInt64LittleEndian(header) == 0) return ReadResult.Zeros;
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (length > MaxPayload) return ReadResult.Corrupt;
        if (length > s.Length - s.Position) return ReadResult.Torn;
        payload = new byte[length];
        if (ReadFully(s, payload) < length) return ReadResult.Torn;
        var crc = Crc32C.Append(Crc32C.Start, header[..4]);
        crc = Crc32C.Finish(Crc32C.Append(crc, payload));
        return crc == BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) ? ReadResult.Ok : ReadResult.Corrupt;
    }

    private static int ReadFully(Stream s, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = s.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
