using Tenon.Execution;

namespace Tenon;

public sealed partial class Session
{
    internal PlanCounters PlanCounters { get; } = new();

    /// <summary>False after <c>SET enable_indexscan = off</c>: the planner then scans whole tables.</summary>
    internal bool IndexScansEnabled => _settings.Get("enable_indexscan")?.Value != "off";

    /// <summary>False after <c>SET enable_hashjoin = off</c>: a join then probes an index of its inner table whenever one fits.</summary>
    internal bool HashJoinsEnabled => _settings.Get("enable_hashjoin")?.Value != "off";
}
