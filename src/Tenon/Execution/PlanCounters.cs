namespace Tenon.Execution;

/// <summary>
/// How often a session's statements took the planner's faster paths: tests read these to check
/// that an index was used, since EXPLAIN does not exist yet.
/// </summary>
internal sealed class PlanCounters
{
    /// <summary>Index probes started: one per index scan, one per left row of an index nested-loop join.</summary>
    public long IndexScans;

    /// <summary>Index nested-loop joins started.</summary>
    public long IndexJoins;

    /// <summary>Groupings fed straight from a join's right rows (JoinAggregateNode) run.</summary>
    public long JoinAggregates;

    /// <summary>SELECT plans run as at most one row without iterators (PlanNode.TryExecuteSingle).</summary>
    public long SingleRowRuns;

    /// <summary>Statement texts whose syntax tree came from the session's parse cache.</summary>
    public long ParseReuses;

    /// <summary>SELECT, INSERT, UPDATE and DELETE plans bound and kept (Session.PlanCache.cs).</summary>
    public long PlansBound;

    /// <summary>Executions that ran a kept plan instead of binding again.</summary>
    public long PlanReuses;
}
