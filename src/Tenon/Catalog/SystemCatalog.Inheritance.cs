namespace Tenon.Catalog;

/// <summary>The table-inheritance graph (pg_inherits without partitions), derived once per catalog version.</summary>
public sealed partial class SystemCatalog
{
    private Dictionary<uint, List<TableDef>>? _inheritanceChildren;

    /// <summary>The tables that inherit directly from <paramref name="parentOid"/>, in oid order (PostgreSQL's order).</summary>
    public IReadOnlyList<TableDef> InheritanceChildren(uint parentOid)
    {
        var map = _inheritanceChildren;
        if (map is null)
        {
            map = new Dictionary<uint, List<TableDef>>();
            foreach (var t in Tables.Values)
                foreach (var p in t.InheritsFrom)
                {
                    if (!map.TryGetValue(p, out var list)) map[p] = list = new();
                    list.Add(t);
                }
            foreach (var list in map.Values) list.Sort((a, b) => a.Oid.CompareTo(b.Oid));
            _inheritanceChildren = map;
        }
        return map.TryGetValue(parentOid, out var l) ? l : Array.Empty<TableDef>();
    }

    /// <summary>Whether some table inherits from <paramref name="oid"/>.</summary>
    public bool HasInheritanceChildren(uint oid) => InheritanceChildren(oid).Count > 0;

    /// <summary>
    /// The table and every table that inherits from it, directly or not, each once: the table
    /// first, then level by level in oid order (PostgreSQL's find_all_inheritors, which is the
    /// order a scan of the parent visits them).
    /// </summary>
    public List<TableDef> InheritanceTree(TableDef table)
    {
        var result = new List<TableDef> { table };
        var seen = new HashSet<uint> { table.Oid };
        for (var i = 0; i < result.Count; i++)
            foreach (var child in InheritanceChildren(result[i].Oid))
                if (seen.Add(child.Oid)) result.Add(Tables[child.Oid]);
        return result;
    }
}
