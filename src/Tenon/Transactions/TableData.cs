using Tenon.Storage;

namespace Tenon.Transactions;

/// <summary>
/// The stored contents of one table: its rows and one index store per entry of
/// <c>TableDef.Indexes</c> (same order). Immutable once published in a <see cref="DbVersion"/>;
/// a transaction writes through a <see cref="WorkingTable"/>.
/// </summary>
public sealed record TableData(RowStore Rows, IReadOnlyList<IndexStore> Indexes);
