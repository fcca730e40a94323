using Tenon.Execution.Explain;

namespace Tenon.Constraints;

public sealed partial class RowWriter
{
    /// <summary>Notes an event the statement queued, for EXPLAIN ANALYZE's trigger lines (<see cref="ExplainStats"/>).</summary>
    private ConstraintEvent Counted(ConstraintEvent e) => _ctx.Explain is { } explain ? explain.Queued(e) : e;
}
