namespace Tenon.Bench;

/// <summary>
/// Workload sizes: the full sizes of issue 6 multiplied by <see cref="Scale"/> (at least 1 each).
/// </summary>
public sealed record Sizes(double Scale)
{
    private long N(long full) => Math.Max(1, (long)Math.Round(full * Scale));

    /// <summary>W1: parents inserted in one transaction.</summary>
    public long Parents => N(100_000);
    /// <summary>W2: children inserted per variant.</summary>
    public long Children => N(1_000_000);
    /// <summary>W3: inserts that violate the foreign key.</summary>
    public long Violations => N(10_000);
    /// <summary>W4: point lookups by primary key.</summary>
    public long Lookups => N(1_000_000);

    /// <summary>W5: roots of the two-level cascade; each has <see cref="MidsPerRoot"/> mids, each mid <see cref="LeavesPerMid"/> leaves.</summary>
    public long CascadeRoots => N(2_000);
    public const int MidsPerRoot = 10;
    public const int LeavesPerMid = 5;
    /// <summary>W5: roots deleted per variant (each removes 10 mids and 50 leaves).</summary>
    public long CascadeDeletes => Math.Min(CascadeRoots, N(100));

    /// <summary>W6: parents of which every even one has a child; each is deleted once.</summary>
    public long RestrictParents => Math.Max(2, N(10_000));

    /// <summary>W7: natural keys updated, each referenced by <see cref="ChildrenPerKey"/> children.</summary>
    public long UpdateKeys => N(1_000);
    public const int ChildrenPerKey = 100;

    /// <summary>W8: the joined tables and how many queries run.</summary>
    public long JoinParents => N(20_000);
    public long JoinChildren => N(500_000);
    public long RangeWidth => Math.Min(JoinParents, 1_000);
    public const int RangeQueries = 20;
    public const int FullQueries = 3;

    /// <summary>W9: rows inserted, one durable commit each.</summary>
    public long DurableRows => N(1_000);
}
