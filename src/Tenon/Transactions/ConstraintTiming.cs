using System.Collections.Immutable;
using Tenon.Catalog;
using Tenon.Constraints;

namespace Tenon.Transactions;

/// <summary>
/// A transaction's deferred-constraint state: the events waiting for COMMIT and the SET
/// CONSTRAINTS settings. Immutable, so a statement or savepoint captures it in O(1) and an error
/// or ROLLBACK TO restores it exactly (PostgreSQL restores both at subtransaction abort, and events
/// fired by a failed SET CONSTRAINTS … IMMEDIATE become pending again).
/// </summary>
public sealed record ConstraintTiming(ImmutableList<ConstraintEvent> Pending, ImmutableDictionary<uint, bool> Overrides, bool? AllDeferred)
{
    public static readonly ConstraintTiming Initial = new(ImmutableList<ConstraintEvent>.Empty, ImmutableDictionary<uint, bool>.Empty, null);

    /// <summary>Whether a deferrable constraint's events currently wait for COMMIT.</summary>
    public bool IsDeferred(ConstraintDef c)
    {
        if (!c.Deferrable) return false;
        if (Overrides.TryGetValue(c.Oid, out var d)) return d;
        return AllDeferred ?? c.InitiallyDeferred;
    }
}
