using Tenon.Catalog;
using Tenon.Execution.Explain;
using Tenon.Execution.Expressions;

namespace Tenon.Execution.Plan;

/// <summary>
/// EXPLAIN of a scan of a partitioned table or of an inheritance parent: PostgreSQL's Append of
/// one Seq Scan per table read (the parent itself first for inheritance), each named after the
/// query's name for the parent with a number (<c>Seq Scan on c1 p_2</c>); a partitioned table with
/// one partition is that partition's Seq Scan alone. A WHERE condition is each scan's Filter.
/// Tenon prunes neither partitions nor children, so every table is listed.
/// </summary>
public sealed partial class PartitionScanNode
{
    /// <summary>The name the query gave the table (FROM t AS x), shown by EXPLAIN.</summary>
    public string? Alias { get; init; }

    /// <summary>The scans of the Append, each with its table, reference name and columns as EXPLAIN names them.</summary>
    private readonly List<(ExplainNode Node, ColumnText[] Columns, TableDef Table, string RefName)> _explained = new();

    /// <summary>
    /// For the target scan of an UPDATE: whether a SET value is more than a column of the row
    /// (PostgreSQL then projects in a Result above an inheritance Append, which cannot project).
    /// </summary>
    internal bool UpdateComputesValues { get; set; }

    /// <summary>Set while EXPLAIN describes this scan as the rows an UPDATE or DELETE writes: every table gets a numbered name.</summary>
    private bool _explainAsTarget;

    internal override Explained Explain(ExplainBuilder b)
    {
        var parent = b.Catalog.Tables[TableOid];
        var sources = parent.IsPartitioned ? PartitionBound.Leaves(b.Catalog, parent).ToList() : b.Catalog.InheritanceTree(parent);
        var name = Alias ?? parent.Name;
        var refName = b.RefName(name);
        var width = ExplainBuilder.WidthOf(Columns);
        _explained.Clear();
        if (sources.Count == 0) return base.Explain(b);
        foreach (var source in sources)
        {
            b.Relations++;
            var childRef = sources.Count == 1 && !_explainAsTarget ? refName : b.RefName(name);
            var scan = new ExplainNode("Seq Scan", ExplainTargets.Relation(b, source, childRef)) { IsScan = true };
            var rows = (double)b.Context.Transaction.Rows(source.Oid).Count;
            var (startup, total) = ExplainCosts.SeqScan(rows, width, 0);
            scan.SetCosts(startup, total, rows, width);
            var columns = ExplainBuilder.RelationColumns(childRef, Columns);
            if (b.Verbose) scan.Output = ExplainTargets.LiveColumns(parent, columns, b.OutputPrefix);
            _explained.Add((scan, columns, source, childRef));
        }
        var parentColumns = ExplainBuilder.RelationColumns(refName, Columns);
        if (_explained.Count == 1)
        {
            _explained[0].Node.Measured = this;
            return new Explained(_explained[0].Node, parentColumns);
        }
        var append = new ExplainNode("Append") { Measured = this };
        append.Children.AddRange(_explained.Select(e => e.Node));
        append.SetCosts(0, _explained.Sum(e => e.Node.TotalCost), _explained.Sum(e => e.Node.Rows), width);
        return new Explained(append, parentColumns);
    }

    /// <summary>
    /// EXPLAIN of a filter over this scan: the condition is each scan's Filter, as PostgreSQL
    /// pushes it into the Append's members. Null when there is no Append to push it into.
    /// </summary>
    internal Explained? ExplainFiltered(ExplainBuilder b, BoundExpr condition, FilterNode filter)
    {
        var explained = Explain(b);
        if (_explained.Count == 0) return null;
        var conjuncts = ExplainBuilder.Conjuncts(condition);
        foreach (var (scan, columns, _, _) in _explained)
        {
            scan.Details.Add(new ExplainDetail("Filter: " + b.Qual(conjuncts, columns, b.Verbose, scan)));
            scan.SetCosts(scan.StartupCost, scan.TotalCost + conjuncts.Count * ExplainCosts.CpuOperatorCost * scan.Rows,
                ExplainCosts.Filtered(scan.Rows, conjuncts), scan.Width);
        }
        explained.Node.Measured = filter;
        if (explained.Node.Name == "Append")
            explained.Node.SetCosts(0, _explained.Sum(e => e.Node.TotalCost), _explained.Sum(e => e.Node.Rows), explained.Node.Width);
        return explained;
    }

    /// <summary>
    /// EXPLAIN UPDATE/DELETE whose rows come from such a scan (directly or through its WHERE
    /// filter): PostgreSQL's ModifyTable lists each table written ("Update on c1 p_2"), and an
    /// UPDATE through an inheritance parent has a Result between it and the Append.
    /// </summary>
    internal static ExplainNode DescribeModifyTarget(ExplainBuilder b, string operation, PlanNode source, ExplainNode modify)
    {
        var scan = source as PartitionScanNode ?? (source as FilterNode)?.Input as PartitionScanNode;
        if (scan is null) return b.Build(source).Node;
        scan._explainAsTarget = true;
        ExplainNode child;
        try
        {
            child = b.Build(source).Node;
        }
        finally
        {
            scan._explainAsTarget = false;
        }
        foreach (var (_, _, table, refName) in scan._explained)
        {
            var name = b.Verbose ? $"{ExplainBuilder.Quote(table.Schema)}.{ExplainBuilder.Quote(table.Name)}" : ExplainBuilder.Quote(table.Name);
            modify.Details.Add(new ExplainDetail($"{operation} on {name} {ExplainBuilder.Quote(refName)}"));
        }
        if (operation != "Update" || !scan.UpdateComputesValues || b.Catalog.Tables[scan.TableOid].IsPartitioned || child.Name != "Append") return child;
        var result = new ExplainNode("Result");
        result.Children.Add(child);
        result.SetCosts(child.StartupCost, child.TotalCost, child.Rows, child.Width);
        return result;
    }

    /// <summary>
    /// The node a projection over <paramref name="input"/> shows its output on: an Append of this
    /// scan cannot project, so PostgreSQL computes expressions in a Result above it (a list of
    /// plain columns needs none, and the Append shows no Output).
    /// </summary>
    internal static ExplainNode ProjectionAbove(PlanNode input, ExplainNode node, IReadOnlyList<BoundExpr> exprs)
    {
        var scan = input as PartitionScanNode ?? (input as FilterNode)?.Input as PartitionScanNode;
        if (scan is null || node.Name != "Append" || exprs.All(e => e is ColumnExpr { Level: 0 })) return node;
        var result = new ExplainNode("Result");
        result.Children.Add(node);
        result.SetCosts(node.StartupCost, node.TotalCost, node.Rows, node.Width);
        return result;
    }
}
