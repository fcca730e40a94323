using Tenon.Execution;

namespace Tenon;

public sealed partial class Session
{
    internal PlanCounters PlanCounters { get; } = new();

    /// <summary>False after <c>SET enable_indexscan = off</c>: the planner then scans whole tables.</summary>
    internal bool IndexScansEnabled => _settings.Get("enable_indexscan")?.Value != "off";
}
