using Tenon.Execution.Explain;

namespace Tenon.Execution;

public sealed partial class ExecContext
{
    /// <summary>Set while EXPLAIN ANALYZE runs a statement: per-node measurements and foreign-key trigger counts.</summary>
    public ExplainStats? Explain
    {
        get => _more?.Explain;
        set
        {
            if (value is not null || _more is not null) More.Explain = value;
        }
    }
}
