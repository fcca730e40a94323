namespace Tenon.Bench.Workloads;

/// <summary>The workloads' titles and units, in report order.</summary>
public static class WorkloadCatalog
{
    public static readonly IReadOnlyList<(string Key, string Title, string Unit)> All =
    [
        ("W1", "parent inserts (serial key + UNIQUE), one transaction", "rows"),
        ("W2a", "child inserts checked against parent, no index on FK column", "rows"),
        ("W2b", "child inserts checked against parent, index on FK column", "rows"),
        ("W3", "inserts violating the FK, each rejected (autocommit)", "rows"),
        ("W4", "point lookups by primary key", "lookups"),
        ("W5a", "ON DELETE CASCADE over two levels, child keys indexed", "root deletes"),
        ("W5b", "ON DELETE CASCADE over two levels, no child-key indexes", "root deletes"),
        ("W6", "ON DELETE RESTRICT deletes, half must fail (savepoint each)", "deletes"),
        ("W7", "ON UPDATE CASCADE of a natural key, 100 children each", "key updates"),
        ("W8a", "join + GROUP BY + top-10, key range of 1,000 parents", "queries"),
        ("W8b", "join + GROUP BY + top-10, all keys", "queries"),
        ("W9", "one durable commit per row (autocommit inserts)", "commits"),
    ];

    public static (string Title, string Unit) Describe(string key)
    {
        foreach (var w in All)
            if (w.Key == key) return (w.Title, w.Unit);
        throw new ArgumentException("unknown workload " + key);
    }
}
