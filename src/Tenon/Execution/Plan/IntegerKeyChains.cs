namespace Tenon.Execution.Plan;

/// <summary>
/// For a hash join on one integer key: per key value, the first and last row of its chain, in an
/// open-addressing table of the values themselves (linear probing, a power-of-two size at most
/// two thirds full). Unlike a dictionary of boxed keys, a probe compares plain longs and touches no
/// object of the hashed side, which matters when every row of a large input probes it.
/// </summary>
internal sealed class IntegerKeyChains
{
    private long[] _keys;
    /// <summary>Per slot: the first row of the key's chain, or -1 for an empty slot.</summary>
    private int[] _first;
    private int[] _last;
    private int _count;
    private int _shift;

    public IntegerKeyChains(int expected)
    {
        var size = 16;
        while (size * 2L < expected * 3L && size < 1 << 30) size <<= 1;
        _keys = new long[size];
        _first = new int[size];
        _last = new int[size];
        Array.Fill(_first, -1);
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
    }

    private int Slot(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _shift);

    /// <summary>Appends <paramref name="row"/> to the chain of <paramref name="key"/>; returns the previous last row, or -1 for a new key.</summary>
    public int Append(long key, int row)
    {
        var mask = _keys.Length - 1;
        for (var i = Slot(key); ; i = (i + 1) & mask)
        {
            if (_first[i] < 0)
            {
                _keys[i] = key;
                _first[i] = _last[i] = row;
                if (++_count * 3L > _keys.Length * 2L) Grow();
                return -1;
            }
            if (_keys[i] == key)
            {
                var previous = _last[i];
                _last[i] = row;
                return previous;
            }
        }
    }

    /// <summary>The first row of the chain of <paramref name="key"/>, or -1.</summary>
    public int First(long key)
    {
        var mask = _keys.Length - 1;
        for (var i = Slot(key); ; i = (i + 1) & mask)
        {
            var first = _first[i];
            if (first < 0 || _keys[i] == key) return first;
        }
    }

    private void Grow()
    {
        var (keys, first, last) = (_keys, _first, _last);
        _keys = new long[keys.Length * 2];
        _first = new int[keys.Length * 2];
        _last = new int[keys.Length * 2];
        Array.Fill(_first, -1);
        _shift--;
        var mask = _keys.Length - 1;
        for (var j = 0; j < keys.Length; j++)
        {
            if (first[j] < 0) continue;
            var i = Slot(keys[j]);
            while (_first[i] >= 0) i = (i + 1) & mask;
            _keys[i] = keys[j];
            _first[i] = first[j];
            _last[i] = last[j];
        }
    }
}
