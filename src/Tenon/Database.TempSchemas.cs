namespace Tenon;

/// <summary>
/// Numbers for the sessions' temporary schemas (pg_temp_N). As PostgreSQL numbers them by
/// backend slot, a number is held by one open session and reused after it closes; the first is
/// 3, the number a lone psql session gets in a fresh PostgreSQL 15 cluster.
/// </summary>
public sealed partial class Database
{
    private readonly SortedSet<int> _tempSlots = new();

    internal int TakeTempSlot()
    {
        lock (_tempSlots)
        {
            var n = 3;
            while (_tempSlots.Contains(n)) n++;
            _tempSlots.Add(n);
            return n;
        }
    }

    internal void ReleaseTempSlot(int slot)
    {
        lock (_tempSlots) _tempSlots.Remove(slot);
    }
}
