using Tenon.Execution.Plan;

namespace Tenon.Execution.Explain;

/// <summary>The text of one output column of a plan node, with or without its relation's name in front.</summary>
public delegate string ColumnText(bool prefix);

/// <summary>A plan node as EXPLAIN shows it, with the columns its parent's expressions read.</summary>
public sealed record Explained(ExplainNode Node, IReadOnlyList<ColumnText> Columns)
{
    /// <summary>The columns as the node's own conditions read them (an aggregate's HAVING: <c>count(*) &gt; 3</c>, no parentheses).</summary>
    public IReadOnlyList<ColumnText>? OwnColumns { get; init; }
}

/// <summary>One line of a node's details; <see cref="Removed"/> marks a filter whose removed rows ANALYZE counts.</summary>
public sealed record ExplainDetail(string Text, RemovedRows? Removed = null);

/// <summary>
/// The rows a filter dropped: the rows <see cref="Below"/> produced minus those <see cref="Above"/>
/// produced, shown by ANALYZE as <c>Rows Removed by {Label}</c>.
/// </summary>
public sealed record RemovedRows(string Label, PlanNode Below, PlanNode Above);

/// <summary>
/// A node of the plan tree EXPLAIN prints, PostgreSQL's way: Tenon's plan nodes that PostgreSQL
/// has no node for (projections, renames, a filter over a scan) fold into the node below them,
/// and PostgreSQL's nodes that Tenon has no node for (the Hash under a Hash Join) are added.
/// </summary>
public sealed class ExplainNode(string name, string target = "")
{
    public string Name { get; set; } = name;
    /// <summary>What follows the name: <c> on t</c>, <c> using t_pkey on t</c>.</summary>
    public string Target { get; set; } = target;
    /// <summary>The VERBOSE Output line's items.</summary>
    public IReadOnlyList<string>? Output { get; set; }
    public List<ExplainDetail> Details { get; } = new();
    /// <summary>A scan: a filter above it becomes its own Filter line.</summary>
    public bool IsScan { get; init; }
    /// <summary>An inner or cross join: a condition above it is a Join Filter.</summary>
    public bool IsInnerJoin { get; init; }
    public List<ExplainNode> Children { get; } = new();
    /// <summary>InitPlans (printed before the children) and SubPlans (after), with their header lines.</summary>
    public List<(string Header, ExplainNode Plan)> InitPlans { get; } = new();
    public List<(string Header, ExplainNode Plan)> SubPlans { get; } = new();

    public double StartupCost { get; set; }
    public double TotalCost { get; set; }
    public double Rows { get; set; }
    public int Width { get; set; }

    /// <summary>The Tenon node whose output rows and time ANALYZE reports for this node (none: not measured).</summary>
    public PlanNode? Measured { get; set; }
    /// <summary>True when this node's figures come from index probes of a nested loop (one loop per probe).</summary>
    public IndexScanNode? Probed { get; set; }

    public void SetCosts(double startup, double total, double rows, int width)
    {
        StartupCost = startup;
        TotalCost = total;
        Rows = Math.Max(rows, 0);
        Width = width;
    }
}
