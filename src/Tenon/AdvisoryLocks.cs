namespace Tenon;

/// <summary>
/// Session-level advisory locks (pg_try_advisory_lock, pg_advisory_unlock …): exclusive locks on
/// application-chosen bigint keys, shared by every session of a <see cref="Database"/>. A session
/// may take a key several times and must release it as often; its locks outlive transactions and
/// go when it ends or runs DISCARD ALL. (Migration tools such as ActiveRecord's take one around a
/// migration run.)
/// </summary>
internal sealed class AdvisoryLocks
{
    private readonly object _gate = new();
    private readonly Dictionary<long, (Session Owner, int Count)> _held = new();

    /// <summary>Takes <paramref name="key"/> for <paramref name="owner"/> unless another session holds it.</summary>
    public bool TryLock(Session owner, long key)
    {
        lock (_gate)
        {
            if (_held.TryGetValue(key, out var h))
            {
                if (!ReferenceEquals(h.Owner, owner)) return false;
                _held[key] = (owner, h.Count + 1);
            }
            else _held[key] = (owner, 1);
            return true;
        }
    }

    /// <summary>Releases one hold of <paramref name="key"/>; false when <paramref name="owner"/> holds none.</summary>
    public bool Unlock(Session owner, long key)
    {
        lock (_gate)
        {
            if (!_held.TryGetValue(key, out var h) || !ReferenceEquals(h.Owner, owner)) return false;
            if (h.Count == 1) _held.Remove(key);
            else _held[key] = (owner, h.Count - 1);
            return true;
        }
    }

    public void UnlockAll(Session owner)
    {
        lock (_gate)
        {
            foreach (var key in _held.Where(kv => ReferenceEquals(kv.Value.Owner, owner)).Select(kv => kv.Key).ToList())
                _held.Remove(key);
        }
    }
}
