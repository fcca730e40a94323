namespace Tenon.Types;

/// <summary>
/// Orders and hashes composite keys (one value per column) with <see cref="ValueComparer"/>.
/// By default nulls sort after non-nulls (PostgreSQL's ASC NULLS LAST) and null equals null
/// here; whether a key with nulls may match is the caller's business. Ordering compares only the
/// columns both keys have, so a shorter key (a prefix) equals every key that starts with it, as
/// index prefix seeks need.
/// </summary>
public sealed class KeyComparer : IComparer<object?[]>, IEqualityComparer<object?[]>, Storage.IKeyOrderSource
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

    /// <summary>A comparer for keys whose columns have <paramref name="types"/>, ascending, nulls last.</summary>
    public KeyComparer(IEnumerable<SqlType> types) : this(types.Select(t => t.Id).ToArray())
    {
    }

    public IReadOnlyList<TypeId> Types => _types;

    private bool AscendingNullsLast =>
        (_descending is null || !_descending.Contains(true)) && (_nullsFirst is null || !_nullsFirst.Contains(true));

    /// <summary>The integer mapping of this order's one column, when it has one (ScalarKeyCodecs.cs).</summary>
    Storage.IScalarKeyCodec? Storage.IKeyOrderSource.ScalarCodec() =>
        _types.Length == 1 && AscendingNullsLast ? ScalarKeyCodecs.For(_types[0]) : null;

    /// <summary>An index's comparer of this order specialized to its column types (TypedKeyOrders.cs), when there is one.</summary>
    Storage.IndexEntryComparer? Storage.IKeyOrderSource.EntryComparer() =>
        AscendingNullsLast ? TypedKeyOrders.EntryComparer(_types, this) : null;

    public int Compare(object?[]? x, object?[]? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var n = Math.Min(Math.Min(x.Length, y.Length), _types.Length);
        for (var i = 0; i < n; i++)
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
