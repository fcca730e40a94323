using Tenon.Types;
using System.Collections.Immutable;
using Tenon.Constraints;
using Tenon.Execution;
using Tenon.Execution.Plan;
using Tenon.Storage;
using Tenon.Transactions;

namespace Tenon.Wal;

/// <summary>
/// Turns recovered rows into a <see cref="DbVersion"/> by building every index from its table's
/// rows, the way CREATE INDEX builds one (same key comparer, same partial-index and expression
/// evaluation). Files hold rows only: an index is derived data, so not storing it keeps the
/// format small and can never leave an index that disagrees with its table.
/// </summary>
internal static class IndexRebuilder
{
    public static DbVersion Build(Database database, ReplayState state)
    {
        var catalog = state.Catalog;
        var bare = new DbVersion(catalog, state.Rows.ToImmutableDictionary(p => p.Key,
            p => new TableData(p.Value, Array.Empty<IndexStore>())));
        using var session = database.CreateSession();
        var tx = new Transaction(bare, isExplicit: false);
        var writer = new RowWriter(new ExecContext(session, tx, null));
        var data = ImmutableDictionary.CreateBuilder<uint, TableData>();
        foreach (var (oid, rows) in state.Rows)
        {
            var table = catalog.Tables[oid];
            var indexes = new IndexStore[table.Indexes.Count];
            for (var i = 0; i < indexes.Length; i++)
            {
                var index = table.Indexes[i];
                var comparer = new KeyComparer(index.Columns.Select((_, k) => index.KeyType(table, k)));
                var entries = new List<(object?[] Key, long RowId)>(rows.Count);
                foreach (var (rowId, row) in rows.Scan())
                    if (writer.IndexCovers(table, index, row)) entries.Add((writer.IndexKey(table, index, row), rowId));
                indexes[i] = IndexStore.Build(entries, comparer, state.Token);
            }
            data[oid] = new TableData(rows, indexes);
        }
        return new DbVersion(catalog, data.ToImmutable());
    }
}
