using Tenon.Types;

namespace Tenon.Execution.Plan;

/// <summary>An output column of a plan node.</summary>
public sealed record PlanColumn(string Name, SqlType Type, uint TableOid = 0, short ColumnNumber = 0);

/// <summary>
/// A node of an executable plan: a pull-based iterator of flat rows. Nodes are built by the
/// binder, immutable, and may be executed many times (correlated subqueries). Rows a node yields
/// must not be modified by consumers (scans yield the stored arrays themselves).
/// </summary>
public abstract partial class PlanNode
{
    public abstract IReadOnlyList<PlanColumn> Columns { get; }
    public abstract IEnumerable<object?[]> Execute(ExecContext ctx);

    /// <summary>
    /// The rows of <see cref="Execute"/> for a consumer that reads each row at once and keeps
    /// neither it nor a reference to it: a node may then yield one array again and again,
    /// overwritten for every row (joins, which would otherwise build a new array per row).
    /// </summary>
    internal virtual IEnumerable<object?[]> ExecuteTransient(ExecContext ctx) => Execute(ctx);

    /// <summary>
    /// The whole of <see cref="Execute"/> for a node that yields at most one row and can say so
    /// before running (a lookup by a unique key): true, with the row or null when there is none.
    /// False, having done nothing, for every other node. Spares a point query its iterators.
    /// </summary>
    internal virtual bool TryExecuteSingle(ExecContext ctx, out object?[]? row)
    {
        row = null;
        return false;
    }
}
