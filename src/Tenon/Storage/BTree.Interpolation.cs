using System.Runtime.CompilerServices;

namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    // Interpolation before bisection, for trees of integer keys: row ids and integer index keys
    // (ScalarEntry), which are mostly dense (serial keys, row ids assigned in order). A node's
    // binary search touches a new cache line at almost every step, and in a tree larger than the
    // caches each of those is a miss; guessing the position from the key's value relative to the
    // node's first and last keys, then galloping from the guess, touches the two ends and the
    // guess's line. The result is exactly the binary search's: interpolation only narrows the
    // window the same search then runs in.

    private const int InterpolationMinimum = 16;

    /// <summary>The key as an integer that never decreases as keys increase; false for keys without one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryProject(in TKey key, out long value)
    {
        if (typeof(TKey) == typeof(long))
        {
            value = Unsafe.As<TKey, long>(ref Unsafe.AsRef(in key));
            return true;
        }
        if (typeof(TKey) == typeof(ScalarEntry))
        {
            // Entries order by rank first; within the rank of values, by the value.
            ref readonly var entry = ref Unsafe.As<TKey, ScalarEntry>(ref Unsafe.AsRef(in key));
            value = entry.Key;
            return entry.Rank == ScalarEntry.Value;
        }
        value = 0;
        return false;
    }

    /// <summary>
    /// Narrows <c>[lo, hi]</c>, where the first index whose key is not below <paramref name="key"/>
    /// (<paramref name="upper"/>: not at or below) lies, around an interpolated guess. Leaves the
    /// window as it is for other key types, short windows, and keys outside the window's ends.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Interpolate(TKey[] keys, ref int lo, ref int hi, TKey key, bool upper)
    {
        if ((typeof(TKey) != typeof(long) && typeof(TKey) != typeof(ScalarEntry)) || !_useDefaultComparer) return;
        if (hi - lo < InterpolationMinimum) return;
        if (!TryProject(key, out var k) || !TryProject(keys[lo], out var first) || !TryProject(keys[hi - 1], out var last)) return;
        if (k <= first || k >= last) return;
        NarrowAroundGuess(keys, ref lo, ref hi, key, upper, lo + (int)(((double)k - first) / ((double)last - first) * (hi - 1 - lo)));
    }

    private void NarrowAroundGuess(TKey[] keys, ref int lo, ref int hi, TKey key, bool upper, int guess)
    {
        if (guess < lo) guess = lo;
        else if (guess > hi - 1) guess = hi - 1;
        if (Below(keys[guess], key, upper))
        {
            // The answer lies right of the guess: gallop right.
            var from = guess + 1;
            for (var step = 1; ; step <<= 1)
            {
                var probe = from + step - 1;
                if (probe >= hi) break;
                if (!Below(keys[probe], key, upper))
                {
                    hi = probe;
                    break;
                }
                from = probe + 1;
            }
            lo = from;
        }
        else
        {
            // The answer is the guess or left of it: gallop left.
            var to = guess;
            for (var step = 1; ; step <<= 1)
            {
                var probe = to - step;
                if (probe < lo) break;
                if (Below(keys[probe], key, upper))
                {
                    lo = probe + 1;
                    break;
                }
                to = probe;
            }
            hi = to;
        }
    }

    // Whether a node key comes before the answer: below the key (LowerBound), or at or below it (UpperBound).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Below(TKey nodeKey, TKey key, bool upper)
    {
        var c = Compare(nodeKey, key);
        return upper ? c <= 0 : c < 0;
    }
}
