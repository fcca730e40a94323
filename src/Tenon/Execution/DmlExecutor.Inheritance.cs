using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Execution.Plan;

namespace Tenon.Execution;

/// <summary>
/// UPDATE and DELETE through a table with inheritance children: unless ONLY is written, the target
/// scan (a <see cref="Plan.PartitionScanNode"/>) gives the parent's rows and every descendant's,
/// each with the oid of the table that stores it. INSERT into the parent stores in the parent only.
/// </summary>
public sealed partial class DmlExecutor
{
    /// <summary>Whether an UPDATE or DELETE of <paramref name="table"/> also visits rows stored in other tables (partitions or inheritance children).</summary>
    private static bool ScansDescendants(SystemCatalog catalog, TableDef table, bool only) =>
        !only && (table.IsPartitioned || catalog.HasInheritanceChildren(table.Oid));

    /// <summary>
    /// Updates one row stored in <paramref name="storedIn"/> (the target or one of its descendants)
    /// to <paramref name="newRow"/>, given in the target's layout: the row keeps the values of the
    /// columns the target does not have, and is checked against the constraints of the table
    /// storing it. Returns the new row id, or null when a BEFORE ROW trigger skipped it.
    /// </summary>
    private (long RowId, uint Table)? UpdateInherited(RowWriter writer, TableDef target, uint storedIn, long rowId, object?[] newRow)
    {
        var table = Catalog.Table(storedIn);
        // Gone since the scan: what ran for an earlier row of this statement deleted or updated it.
        if (!ctx.Transaction.Rows(table.Oid).TryGet(rowId, out var current)) throw RowWriter.ChangedByTrigger();
        object?[] row;
        if (table.Oid == target.Oid) row = newRow;
        else
        {
            row = (object?[])current.Clone();
            foreach (var c in target.Columns)
                if (!c.IsDropped && table.FindColumn(c.Name) is { } own)
                    row[own.Number - 1] = newRow[c.Number - 1];
        }
        var id = writer.Update(table, rowId, current, row);
        return id < 0 ? null : (id, table.Oid);
    }

    /// <summary>Notes on an UPDATE's target scan whether its SET values need computing (for EXPLAIN).</summary>
    private static void NoteUpdateProjection(PlanNode plan, List<(ColumnDef Col, Expressions.BoundExpr? Expr)> sets)
    {
        var scan = plan as PartitionScanNode ?? (plan as FilterNode)?.Input as PartitionScanNode;
        if (scan is not null) scan.UpdateComputesValues = sets.Any(s => s.Expr is not Expressions.ColumnExpr { Level: 0 });
    }
}
