using Tenon.Types;

namespace Tenon.Execution.Plan;

/// <summary>
/// Equality and ordering of whole rows or key tuples under SQL grouping semantics: values are
/// compared with their type's ordering, and NULL equals NULL (as in GROUP BY, DISTINCT and
/// set operations; NULLs sort last).
/// </summary>
public sealed class RowKeyComparer : IEqualityComparer<object?[]>, IComparer<object?[]>
{
    private readonly TypeId[] _types;

    public RowKeyComparer(IEnumerable<Types.SqlType> types) => _types = types.Select(t => t.Id).ToArray();

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
        var h = new HashCode();
        for (var i = 0; i < _types.Length; i++)
            h.Add(obj[i] is null ? 0 : ValueComparer.Hash(obj[i]!, _types[i]));
        return h.ToHashCode();
    }

    /// <summary>
    /// Orders keys column by column over the columns both keys have, so a shorter key (a prefix)
    /// compares equal to every key that starts with it, as index prefix seeks require.
    /// </summary>
    public int Compare(object?[]? x, object?[]? y)
    {
        var n = Math.Min(Math.Min(x!.Length, y!.Length), _types.Length);
        for (var i = 0; i < n; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a is null || b is null)
            {
                if (a is null && b is null) continue;
                return a is null ? 1 : -1;
            }
            var c = ValueComparer.Compare(a, b, _types[i]);
            if (c != 0) return c;
        }
        return 0;
    }
}
