using System.Buffers.Binary;
using System.Numerics;

namespace Tenon.Wal;

/// <summary>
/// CRC-32C (Castagnoli), the checksum of every log record and snapshot section.
/// <see cref="BitOperations.Crc32C(uint, ulong)"/> uses the CPU's instruction where there is one.
/// The value stored is the finished CRC (initial value and final xor 0xFFFFFFFF), as iSCSI and ext4 use it.
/// </summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Start, data));

    public const uint Start = 0xFFFFFFFFu;

    public static uint Finish(uint state) => state ^ 0xFFFFFFFFu;

    public static uint Append(uint state, ReadOnlySpan<byte> data)
    {
        var i = 0;
        for (; i + 8 <= data.Length; i += 8)
            state = BitOperations.Crc32C(state, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
        for (; i < data.Length; i++)
            state = BitOperations.Crc32C(state, data[i]);
        return state;
    }
}
