using System.Buffers;
using System.Numerics;

namespace Tenon.Execution.Plan;

/// <summary>
/// Sorts row ids gathered from many index probes, each carrying a number (the probe it came
/// from), so that the rows can be fetched in one ordered walk of the table. Row ids of one table
/// span a narrow range, so a radix sort on the bits that vary takes a few linear passes where a
/// comparison sort would take log n of them.
/// </summary>
internal static class RowIdSort
{
    private const int DigitBits = 11;

    /// <summary>Sorts <c>ids[0..count)</c> ascending, moving each <c>tags[i]</c> (non-negative) along with its id; equal ids keep no particular order.</summary>
    public static void Sort(long[] ids, int[] tags, int count)
    {
        if (count < 2) return;
        long min = ids[0], max = ids[0];
        var maxTag = tags[0];
        var ascending = true;
        for (var i = 1; i < count; i++)
        {
            var id = ids[i];
            if (id < ids[i - 1]) ascending = false;
            if (id < min) min = id;
            else if (id > max) max = id;
            if (tags[i] > maxTag) maxTag = tags[i];
        }
        if (ascending) return;
        var idBits = 64 - BitOperations.LeadingZeroCount((ulong)(max - min));
        var tagBits = 32 - BitOperations.LeadingZeroCount((uint)maxTag);
        if (count < 64 || idBits + tagBits > 64)
        {
            Array.Sort(ids, tags, 0, count);
            return;
        }

        var pool = ArrayPool<ulong>.Shared;
        var a = pool.Rent(count);
        var b = pool.Rent(count);
        try
        {
            for (var i = 0; i < count; i++) a[i] = ((ulong)(ids[i] - min) << tagBits) | (uint)tags[i];
            Span<int> offsets = stackalloc int[1 << DigitBits];
            // Least significant digit first over the id's bits only: each pass is stable, so the
            // earlier passes' order holds among equal digits.
            for (var shift = tagBits; shift < tagBits + idBits; shift += DigitBits)
            {
                offsets.Clear();
                const ulong mask = (1UL << DigitBits) - 1;
                for (var i = 0; i < count; i++) offsets[(int)((a[i] >> shift) & mask)]++;
                var sum = 0;
                for (var d = 0; d < offsets.Length; d++)
                {
                    var n = offsets[d];
                    offsets[d] = sum;
                    sum += n;
                }
                for (var i = 0; i < count; i++) b[offsets[(int)((a[i] >> shift) & mask)]++] = a[i];
                (a, b) = (b, a);
            }
            var tagMask = (1UL << tagBits) - 1;
            for (var i = 0; i < count; i++)
            {
                ids[i] = (long)(a[i] >> tagBits) + min;
                tags[i] = (int)(a[i] & tagMask);
            }
        }
        finally
        {
            pool.Return(a);
            pool.Return(b);
        }
    }
}
