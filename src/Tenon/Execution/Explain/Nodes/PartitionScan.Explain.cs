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

    /// <summary>The scans of the Append, each with its columns as EXPLAIN names them.</summary>
    private readonly List<(ExplainNode Node, ColumnText[] Columns)> _explained = new();

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
            var childRef = sources.Count == 1 ? refName : b.RefName(name);
            var scan = new ExplainNode("Seq Scan", ExplainTargets.Relation(b, source, childRef)) { IsScan = true };
            var rows = (double)b.Context.Transaction.Rows(source.Oid).Count;
            var (startup, total) = ExplainCosts.SeqScan(rows, width, 0);
            scan.SetCosts(startup, total, rows, width);
            var columns = ExplainBuilder.RelationColumns(childRef, Columns);
            if (b.Verbose) scan.Output = ExplainTargets.LiveColumns(parent, columns, b.OutputPrefix);
            _explained.Add((scan, columns));
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
        foreach (var (scan, columns) in _explained)
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
}
