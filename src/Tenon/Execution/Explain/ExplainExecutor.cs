using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tenon.Binding;
using Tenon.Errors;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution.Explain;

/// <summary>
/// EXPLAIN [ANALYZE]: binds the statement (and with ANALYZE runs it, writes included, as
/// PostgreSQL does), then prints the plan in PostgreSQL's text format, one result row per line
/// in a single text column "QUERY PLAN".
/// </summary>
public sealed class ExplainExecutor(ExecContext ctx)
{
    public StatementResult Explain(ExplainStatement stmt)
    {
        var options = ExplainOptions.From(stmt);
        var stats = new ExplainStats { Analyze = options.Analyze, Timing = options.Timing };
        var clock = Stopwatch.StartNew();
        double planning, execution = 0;
        PlanNode? plan = null;
        long returned = 0;
        switch (stmt.Statement)
        {
            case SelectStatement s:
            {
                plan = new Binder(ctx).BindQuery(s.Query, null);
                planning = clock.Elapsed.TotalMilliseconds;
                if (options.Analyze)
                {
                    clock.Restart();
                    ctx.Explain = stats;
                    try
                    {
                        foreach (var _ in stats.Instrument(plan).Execute(ctx)) returned++;
                    }
                    finally
                    {
                        ctx.Explain = null;
                    }
                    execution = clock.Elapsed.TotalMilliseconds;
                }
                break;
            }
            case InsertStatement or UpdateStatement or DeleteStatement:
            {
                ctx.Explain = stats;
                StatementResult result;
                try
                {
                    var dml = new DmlExecutor(ctx);
                    result = stmt.Statement switch
                    {
                        InsertStatement i => dml.Insert(i),
                        UpdateStatement u => dml.Update(u),
                        _ => dml.Delete((DeleteStatement)stmt.Statement),
                    };
                }
                finally
                {
                    ctx.Explain = null;
                }
                // Planning ends where the executor handed its plan over.
                var end = Stopwatch.GetTimestamp();
                var started = end - clock.ElapsedTicks;
                var captured = stats.CapturedAt == 0 ? end : stats.CapturedAt;
                planning = (captured - started) * 1000.0 / Stopwatch.Frequency;
                execution = (end - captured) * 1000.0 / Stopwatch.Frequency;
                returned = result.Rows?.Count ?? 0;
                // The write node: its rows are the RETURNING rows; its time is the statement's without the triggers'.
                if (options.Analyze && stats.Operation is not null)
                    stats.RecordModify(returned, end - captured - stats.Triggers.Where(t => t.User is not { Timing: not 'A' }).Sum(t => t.Ticks));
                break;
            }
            default:
                throw new TenonException(SqlState.FeatureNotSupported,
                    $"EXPLAIN of {stmt.Statement.GetType().Name.Replace("Statement", "").ToUpperInvariant()} is not supported by Tenon yet")
                    { Position = stmt.Statement.Position };
        }

        var root = Describe(plan, stats, options);
        var lines = new List<string>();
        new ExplainPrinter(options, options.Analyze ? stats : null, lines).Print(root);
        if (options.Summary) lines.Add($"Planning Time: {Ms(planning)} ms");
        if (options.Analyze)
        {
            var tables = stats.TriggerTablesShown;
            foreach (var t in stats.Triggers)
            {
                var time = options.Timing ? $"time={Ms(t.Ticks * 1000.0 / Stopwatch.Frequency)} " : "";
                var on = tables && ctx.Transaction.Catalog.Tables.TryGetValue(t.TableOid, out var table) ? " on " + table.Name : "";
                var name = t.User switch
                {
                    null => $"Trigger for constraint {t.Constraint!.Name}",
                    { IsConstraint: true } u => options.Verbose ? $"Trigger {u.Name} for constraint {u.Name}" : $"Trigger for constraint {u.Name}",
                    var u => $"Trigger {u.Name}",
                };
                lines.Add($"{name}{on}: {time}calls={t.Calls}");
            }
        }
        if (options.Summary && options.Analyze) lines.Add($"Execution Time: {Ms(execution)} ms");
        return new StatementResult("EXPLAIN", [new ResultColumn("QUERY PLAN", SqlType.Text)], lines.Select(l => new object?[] { l }).ToList());
    }

    internal static string Ms(double ms) => ms.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The printed tree: described twice, the first time only to count the relations (X.2).</summary>
    private ExplainNode Describe(PlanNode? plan, ExplainStats stats, ExplainOptions options)
    {
        var counting = new ExplainBuilder(ctx, options.Verbose, 0);
        DescribeWith(counting, plan, stats);
        return DescribeWith(new ExplainBuilder(ctx, options.Verbose, counting.Relations), plan, stats);
    }

    private static ExplainNode DescribeWith(ExplainBuilder b, PlanNode? plan, ExplainStats stats)
    {
        if (stats.Operation is null) return b.Build(plan!).Node;
        // INSERT/UPDATE/DELETE: PostgreSQL's ModifyTable node over the rows it writes.
        var table = stats.Target!;
        b.Relations++;
        // UPDATE and DELETE scan the target itself (one relation); INSERT … SELECT reads others.
        var refName = stats.Source is not null && stats.Operation != "Insert" ? stats.TargetAlias ?? table.Name : b.RefName(stats.TargetAlias ?? table.Name);
        var name = b.Verbose ? $"{ExplainBuilder.Quote(table.Schema)}.{ExplainBuilder.Quote(table.Name)}" : ExplainBuilder.Quote(table.Name);
        var node = new ExplainNode(stats.Operation, $" on {name}{(refName != table.Name ? " " + ExplainBuilder.Quote(refName) : "")}");
        ExplainNode child;
        if (stats.Source is { } source)
        {
            // The target's own scan is the same relation as the target (one range table entry).
            if (stats.Operation != "Insert") b.Relations--;
            child = stats.Operation == "Insert" ? b.Build(source).Node : PartitionScanNode.DescribeModifyTarget(b, stats.Operation, source, node);
        }
        else if (stats.ValuesRows == 1)
        {
            child = new ExplainNode("Result") { Measured = stats.ValuesKey };
            child.SetCosts(0, ExplainCosts.CpuTupleCost, 1, ExplainBuilder.WidthOf(table.LiveColumns.Select(c => new PlanColumn(c.Name, c.Type))));
        }
        else
        {
            b.Relations++;
            child = new ExplainNode("Values Scan", " on \"*VALUES*\"") { Measured = stats.ValuesKey };
            child.SetCosts(0, stats.ValuesRows * (ExplainCosts.CpuOperatorCost + ExplainCosts.CpuTupleCost), stats.ValuesRows,
                ExplainBuilder.WidthOf(table.LiveColumns.Select(c => new PlanColumn(c.Name, c.Type))));
        }
        if (stats.Conflict is { } conflict)
        {
            b.Relations++;
            node.Details.Add(new ExplainDetail("Conflict Resolution: " + (conflict.DoNothing ? "NOTHING" : "UPDATE")));
            if (conflict.Arbiters.Count > 0) node.Details.Add(new ExplainDetail("Conflict Arbiter Indexes: " + string.Join(", ", conflict.Arbiters)));
            if (conflict.Where is { } where)
            {
                var columns = ExplainBuilder.RelationColumns(refName, table.Columns.Select(c => new PlanColumn(c.Name, c.Type)).ToList())
                    .Concat(ExplainBuilder.RelationColumns("excluded", table.Columns.Select(c => new PlanColumn(c.Name, c.Type)).ToList())).ToArray();
                node.Details.Add(new ExplainDetail("Conflict Filter: " + b.Qual(ExplainBuilder.Conjuncts(where), columns, b.UpperPrefix, node)));
            }
        }
        node.Children.Add(child);
        node.Measured = stats.ModifyKey;
        node.SetCosts(child.StartupCost, child.TotalCost, 0, 0);
        return node;
    }
}

/// <summary>
/// Prints the tree as PostgreSQL's text format does: the top node flush left, its details two
/// spaces in; each child on a line starting <c>-&gt;  </c>, its details six spaces further in;
/// InitPlans before the children and SubPlans after them, each under a header line.
/// </summary>
internal sealed class ExplainPrinter(ExplainOptions options, ExplainStats? stats, List<string> lines)
{
    public void Print(ExplainNode root) => Node(root, 0, null);

    private void Node(ExplainNode n, int indent, string? header)
    {
        if (header is not null)
        {
            lines.Add(Spaces(indent) + header);
            indent++;
        }
        var sb = new StringBuilder(Spaces(indent));
        if (indent > 0)
        {
            sb.Append("->  ");
            indent += 2;
        }
        sb.Append(n.Name).Append(n.Target);
        if (options.Costs)
            sb.Append(CultureInfo.InvariantCulture, $"  (cost={n.StartupCost:0.00}..{n.TotalCost:0.00} rows={n.Rows:0} width={n.Width})");
        if (stats is not null) sb.Append(Actual(n));
        lines.Add(sb.ToString());
        indent++;
        var pad = Spaces(indent);
        if (options.Verbose && n.Output is { } output) lines.Add(pad + "Output: " + string.Join(", ", output));
        foreach (var d in n.Details)
        {
            lines.Add(pad + d.Text);
            if (stats is not null && d.Removed is { } removed && stats.Of(removed.Below) is { } below && stats.Of(removed.Above) is { } above
                && below.Loops > 0 && below.Rows - above.Rows > 0)
                lines.Add(pad + $"Rows Removed by {removed.Label}: {Math.Round((double)(below.Rows - above.Rows) / below.Loops):0}");
        }
        foreach (var (h, plan) in n.InitPlans) Node(plan, indent, h);
        foreach (var child in n.Children) Node(child, indent, null);
        foreach (var (h, plan) in n.SubPlans) Node(plan, indent, h);
    }

    private string Actual(ExplainNode n)
    {
        var measured = (PlanNode?)n.Probed ?? n.Measured;
        if (n.Probed is null && measured is not null && !stats!.Measures(measured)) return "";
        var s = measured is null ? Appended(n) : stats!.Of(measured);
        if (s is null || s.Loops == 0) return " (never executed)";
        var rows = Math.Round((double)s.Rows / s.Loops);
        if (!options.Timing) return string.Create(CultureInfo.InvariantCulture, $" (actual rows={rows:0} loops={s.Loops})");
        var startup = s.StartupTicks * 1000.0 / Stopwatch.Frequency / s.Loops;
        var total = s.TotalTicks * 1000.0 / Stopwatch.Frequency / s.Loops;
        return $" (actual time={ExplainExecutor.Ms(startup)}..{ExplainExecutor.Ms(total)} rows={rows.ToString("0", CultureInfo.InvariantCulture)} loops={s.Loops})";
    }

    /// <summary>An Append that Tenon has no node for: its inputs' rows, one loop, the longest input's time.</summary>
    private NodeStats? Appended(ExplainNode n)
    {
        var inputs = n.Children.Select(c => (PlanNode?)c.Probed ?? c.Measured).Select(m => m is null ? null : stats!.Of(m)).ToList();
        if (inputs.Count == 0 || inputs.Any(i => i is null)) return null;
        return new NodeStats
        {
            Loops = inputs.Max(i => i!.Loops),
            Rows = inputs.Sum(i => i!.Rows),
            StartupTicks = inputs.Min(i => i!.StartupTicks),
            TotalTicks = inputs.Sum(i => i!.TotalTicks),
        };
    }

    private static string Spaces(int indent) => new(' ', indent * 2);
}
