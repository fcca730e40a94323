using Tenon.Storage;

namespace Tenon.Transactions;

/// <summary>
/// A table written since the last savepoint: mutable references to its row and index
/// stores, folded back into an immutable <see cref="TableData"/> at the next savepoint.
/// Keeping these mutable avoids rebuilding the version's dictionary for every row.
/// </summary>
public sealed class WorkingTable
{
    public WorkingTable(TableData data)
    {
        Rows = data.Rows;
        Indexes = data.Indexes.ToArray();
    }

    public RowStore Rows { get; set; }
    public IndexStore[] Indexes { get; set; }

    public TableData Freeze() => new(Rows, Indexes.ToArray());
}
