namespace Tenon.Types;

/// <summary>
/// Orders and hashes composite keys (one value per column) with <see cref="ValueComparer"/>.
/// By default nulls sort after non-nulls (PostgreSQL's ASC NULLS LAST) and null equals null
/// here; whether a key with nulls may match is the caller's business.
/// </summary>
public sealed class KeyComparer : IComparer<object?[]>, IEqualityComparer<object?[]>
{
    private readonly TypeId[] _types;
    private readonly bool[]? _descending;
    private readonly bool[]? _nullsFirst;

    public KeyComparer(TypeId[] types, bool[]? descending = null, bool[]? nullsFirst = null)
    {
        _types = types;
        _descending = descending;
        _nullsFirst = nullsFirst;
    }

    public IReadOnlyList<TypeId> Types => _types;

    public int Compare(object?[]? x, object?[]? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        for (var i = 0; i < _types.Length; i++)
        {
            var a = x[i];
            var b = y[i];
            int c;
            if (a is null || b is null)
            {
                if (a is null && b is null) continue;
                var nullsFirst = _nullsFirst is not null ? _nullsFirst[i] : _descending is not null && _descending[i];
                c = a is null ? (nullsFirst ? -1 : 1) : (nullsFirst ? 1 : -1);
                return c;
            }
            c = ValueComparer.Compare(a, b, _types[i]);
            if (c != 0) return _descending is not null && _descending[i] ? -c : c;
        }
        return 0;
    }

    public bool Equals(object?[]? x, object?[]? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null) return false;
        for (var i = 0; i < _types.Length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a is null || b is null)
            {
                if (a is null && b is null) continue;
                return false;
            }
            if (!ValueComparer.Equal(a, b, _types[i])) return false;
        }
        return true;
    }

    public int GetHashCode(object?[] obj)
    {
        var hash = 17;
        for (var i = 0; i < _types.Length; i++)
        {
            var v = obj[i];
            hash = hash * 31 + (v is null ? 0x2d3 : ValueComparer.Hash(v, _types[i]));
        }
        return hash;
    }
}
