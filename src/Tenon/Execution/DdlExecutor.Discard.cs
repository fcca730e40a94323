using Tenon.Catalog;

namespace Tenon.Execution;

public sealed partial class DdlExecutor
{
    /// <summary>True when the session's temporary schema holds any relation (DISCARD TEMP has something to drop).</summary>
    public static bool HasTemporaryRelations(SystemCatalog catalog, string tempSchema) => catalog.RelationsInSchema(tempSchema).Any();

    /// <summary>
    /// DISCARD TEMP: drops every relation of the session's temporary schema, as PostgreSQL does
    /// when a session ends. Nothing is reported.
    /// </summary>
    public void DiscardTemporaryRelations() => DropRelationsSilently(Catalog.RelationsInSchema(Path.TempSchema).ToList());

    /// <summary>
    /// Drops relations and whatever depends on them without a word: views first, then tables
    /// with what belongs to them (indexes, owned sequences), then the remaining sequences.
    /// </summary>
    private void DropRelationsSilently(IReadOnlyCollection<uint> oids)
    {
        var set = oids.ToHashSet();
        foreach (var v in ViewsDependingOn(set)) set.Add(v);
        foreach (var oid in set.Where(Catalog.Views.ContainsKey).OrderDescending())
            if (Catalog.Views.ContainsKey(oid)) Catalog = Catalog.RemoveView(oid);
        foreach (var oid in set.Where(Catalog.Tables.ContainsKey).Order())
            if (Catalog.Tables.ContainsKey(oid)) DropTable(oid, cascade: true, set, quiet: true);
        foreach (var oid in set.Where(Catalog.Sequences.ContainsKey).Order())
            if (Catalog.Sequences.TryGetValue(oid, out var seq)) DropSequence(seq, cascade: true);
    }
}
