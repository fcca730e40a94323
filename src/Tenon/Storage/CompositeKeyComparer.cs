namespace Tenon.Storage;

/// <summary>
/// Orders <c>object?[]</c> keys column by column with one comparer per column, as
/// <see cref="IndexStore"/> requires: only the columns both keys have are compared, so a shorter
/// key (a prefix) compares equal to every key that starts with it. NULL handling, collation and
/// direction (ASC/DESC, NULLS FIRST/LAST) belong to the column comparers.
/// </summary>
public sealed class CompositeKeyComparer : IComparer<object?[]>
{
    private readonly IComparer<object?>[] _columns;

    /// <summary>A comparer for keys of up to <c>columns.Count</c> columns.</summary>
    public CompositeKeyComparer(IReadOnlyList<IComparer<object?>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns.ToArray();
    }

    /// <inheritdoc/>
    public int Compare(object?[]? x, object?[]? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int n = Math.Min(Math.Min(x.Length, y.Length), _columns.Length);
        for (int i = 0; i < n; i++)
        {
            int c = _columns[i].Compare(x[i], y[i]);
            if (c != 0) return c;
        }
        return 0;
    }
}
