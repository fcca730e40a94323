using Tenon.Catalog;

namespace Tenon.Execution;

public sealed partial class DdlExecutor
{
    /// <summary>True when the temporary schema holds any relation (DISCARD TEMP has something to drop).</summary>
    public static bool HasTemporaryRelations(SystemCatalog catalog) => TemporaryRelations(catalog).Any();

    /// <summary>
    /// DISCARD TEMP: drops every relation of the temporary schema, as PostgreSQL does when a
    /// session ends: views first, then tables with what belongs to them (indexes, owned
    /// sequences), then the remaining sequences. Nothing is reported.
    /// </summary>
    public void DiscardTemporaryRelations()
    {
        var temp = TemporaryRelations(Catalog).ToHashSet();
        foreach (var oid in temp.Where(Catalog.Views.ContainsKey).Order()) Catalog = Catalog.RemoveView(oid);
        foreach (var oid in temp.Where(Catalog.Tables.ContainsKey).Order())
            if (Catalog.Tables.ContainsKey(oid)) DropTable(oid, cascade: true, temp);
        foreach (var oid in temp.Where(Catalog.Sequences.ContainsKey).Order())
            if (Catalog.Sequences.TryGetValue(oid, out var seq)) DropSequence(seq, cascade: true);
    }

    private static IEnumerable<uint> TemporaryRelations(SystemCatalog catalog) =>
        catalog.RelationsByName.Where(kv => kv.Key.StartsWith(SystemCatalog.TempSchema + ".", StringComparison.Ordinal)).Select(kv => kv.Value);
}
