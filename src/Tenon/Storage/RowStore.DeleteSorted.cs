namespace Tenon.Storage;

public sealed partial class RowStore
{
    /// <summary>
    /// Removes the rows <paramref name="rowIds"/> (ascending, no repeats), one descent per leaf
    /// they share; throws <see cref="KeyNotFoundException"/> if one is missing.
    /// </summary>
    public RowStore DeleteSorted(ReadOnlySpan<long> rowIds, WriteToken token)
    {
        var rows = Rows.RemoveSorted(rowIds, token, out var removed);
        if (removed != rowIds.Length) throw new KeyNotFoundException($"{rowIds.Length - removed} of {rowIds.Length} rows to delete are missing");
        return With(rows, NextRowId);
    }
}
