using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Catalog;

/// <summary>
/// Comparisons of partition keys and bounds, and the partition tree as the catalog holds it
/// (each partition names its parent; a parent's partitions are listed in PostgreSQL's bound
/// order, which is the order a scan of the parent visits them).
/// </summary>
public static class PartitionBound
{
    /// <summary>The direct partitions of a partitioned table, in bound order (the default partition last).</summary>
    public static List<TableDef> Children(SystemCatalog catalog, TableDef parent)
    {
        var list = catalog.Tables.Values.Where(t => t.PartitionParent == parent.Oid).ToList();
        if (parent.PartitionKey is not { } key) return list.OrderBy(t => t.Oid).ToList();
        list.Sort((a, b) => CompareForOrder(key, a.PartitionBound!, b.PartitionBound!));
        return list;
    }

    /// <summary>The leaf partitions under a table, in scan order; a table that is not partitioned is its own leaf.</summary>
    public static IEnumerable<TableDef> Leaves(SystemCatalog catalog, TableDef table)
    {
        if (!table.IsPartitioned)
        {
            yield return table;
            yield break;
        }
        foreach (var child in Children(catalog, table))
            foreach (var leaf in Leaves(catalog, child))
                yield return leaf;
    }

    /// <summary>The table and every partition under it, parents before their partitions.</summary>
    public static IEnumerable<TableDef> Tree(SystemCatalog catalog, TableDef table)
    {
        yield return table;
        if (!table.IsPartitioned) yield break;
        foreach (var child in Children(catalog, table))
            foreach (var t in Tree(catalog, child))
                yield return t;
    }

    /// <summary>The tables a partition belongs to, nearest first.</summary>
    public static List<TableDef> Ancestors(SystemCatalog catalog, TableDef table)
    {
        var list = new List<TableDef>();
        for (var t = table; t.PartitionParent != 0 && catalog.Tables.TryGetValue(t.PartitionParent, out var p); t = p)
            list.Add(p);
        return list;
    }

    private static int CompareForOrder(PartitionKeyDef key, PartitionBoundDef a, PartitionBoundDef b)
    {
        if (a.IsDefault || b.IsDefault) return a.IsDefault.CompareTo(b.IsDefault);
        switch (key.Strategy)
        {
            case PartitionStrategy.Range:
                return CompareBounds(key, a.Lower, b.Lower);
            case PartitionStrategy.Hash:
                return a.Modulus != b.Modulus ? a.Modulus.CompareTo(b.Modulus) : a.Remainder.CompareTo(b.Remainder);
            default:
            {
                // By the least non-null value; a partition holding only NULL comes after those.
                var x = a.Values.Where(v => v is not null).ToList();
                var y = b.Values.Where(v => v is not null).ToList();
                if (x.Count == 0 || y.Count == 0) return (x.Count == 0).CompareTo(y.Count == 0);
                var type = key.Types[0].Id;
                var mx = x.Aggregate((m, v) => ValueComparer.Compare(v!, m!, type) < 0 ? v : m);
                var my = y.Aggregate((m, v) => ValueComparer.Compare(v!, m!, type) < 0 ? v : m);
                return ValueComparer.Compare(mx!, my!, type);
            }
        }
    }

    /// <summary>Compares two range bounds datum by datum (MINVALUE below and MAXVALUE above every value).</summary>
    public static int CompareBounds(PartitionKeyDef key, IReadOnlyList<PartitionDatum> a, IReadOnlyList<PartitionDatum> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            var c = CompareDatum(key.Types[i].Id, a[i], b[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    public static int CompareDatum(PartitionKeyDef key, int part, PartitionDatum a, PartitionDatum b) => CompareDatum(key.Types[part].Id, a, b);

    private static int CompareDatum(TypeId type, PartitionDatum a, PartitionDatum b)
    {
        if (a.Infinity != 0 || b.Infinity != 0) return a.Infinity.CompareTo(b.Infinity);
        return ValueComparer.Compare(a.Value!, b.Value!, type);
    }

    /// <summary>Compares a key (no NULLs) with a range bound.</summary>
    public static int CompareKey(PartitionKeyDef key, object?[] values, IReadOnlyList<PartitionDatum> bound)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (bound[i].Infinity != 0) return -bound[i].Infinity;
            var c = ValueComparer.Compare(values[i]!, bound[i].Value!, key.Types[i].Id);
            if (c != 0) return c;
        }
        return 0;
    }

    /// <summary>
    /// Whether a (non-default) bound accepts a key. <paramref name="hash"/> is the key's combined
    /// hash, needed for hash bounds only.
    /// </summary>
    public static bool Accepts(PartitionKeyDef key, PartitionBoundDef bound, object?[] values, ulong hash = 0)
    {
        switch (bound.Kind)
        {
            case PartitionBoundKind.List:
            {
                var v = values[0];
                foreach (var b in bound.Values)
                {
                    if (b is null) { if (v is null) return true; continue; }
                    if (v is not null && ValueComparer.Equal(v, b, key.Types[0].Id)) return true;
                }
                return false;
            }
            case PartitionBoundKind.Range:
                if (values.Any(v => v is null)) return false;
                return CompareKey(key, values, bound.Lower) >= 0 && CompareKey(key, values, bound.Upper) < 0;
            case PartitionBoundKind.Hash:
                return (int)(hash % (ulong)bound.Modulus) == bound.Remainder;
            default:
                return false;
        }
    }

    /// <summary>A range bound as PostgreSQL prints it in messages: <c>(1, MINVALUE)</c>.</summary>
    public static string Format(IReadOnlyList<PartitionDatum> bound, Func<object, int, string> format) =>
        "(" + string.Join(", ", bound.Select((d, i) => d.Infinity < 0 ? "MINVALUE" : d.Infinity > 0 ? "MAXVALUE" : format(d.Value!, i))) + ")";
}
