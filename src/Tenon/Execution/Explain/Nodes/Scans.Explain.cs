using Tenon.Catalog;
using Tenon.Execution.Explain;
using Tenon.Execution.Expressions;

namespace Tenon.Execution.Plan;

public sealed partial class TableScanNode
{
    /// <summary>The name the query gave the table (FROM t AS x), shown by EXPLAIN.</summary>
    public string? Alias { get; init; }

    internal override Explained Explain(ExplainBuilder b)
    {
        var table = b.Catalog.Tables[TableOid];
        b.Relations++;
        var refName = b.RefName(Alias ?? table.Name);
        var node = new ExplainNode("Seq Scan", ExplainTargets.Relation(b, table, refName)) { Measured = this, IsScan = true };
        var rows = (double)b.Context.Transaction.Rows(TableOid).Count;
        var width = ExplainBuilder.WidthOf(TableColumns);
        var (startup, total) = ExplainCosts.SeqScan(rows, width, 0);
        node.SetCosts(startup, total, rows, width);
        var columns = ExplainBuilder.RelationColumns(refName, Columns);
        if (b.Verbose) node.Output = ExplainTargets.LiveColumns(table, columns, b.OutputPrefix);
        return new Explained(node, columns);
    }
}

public sealed partial class IndexScanNode
{
    /// <summary>The name the query gave the table (FROM t AS x), shown by EXPLAIN.</summary>
    public string? Alias { get; init; }

    internal override Explained Explain(ExplainBuilder b)
    {
        var table = b.Catalog.Tables[TableOid];
        b.Relations++;
        var index = table.Indexes.First(i => i.Oid == Seek.IndexOid);
        var refName = b.RefName(Alias ?? table.Name);
        var node = new ExplainNode("Index Scan", $" using {ExplainBuilder.Quote(index.Name)}{ExplainTargets.Relation(b, table, refName)}") { IsScan = true };
        var probe = b.ProbeColumns;
        if (probe is null) node.Measured = this;
        else node.Probed = this;
        var columns = ExplainBuilder.RelationColumns(refName, Columns);

        // Index Cond: the seek, as "indexed column op value" (values from a nested loop's outer row are qualified).
        var seekValues = new List<BoundExpr>(Seek.Equal);
        var conditions = new List<string>();
        string Value(BoundExpr v) => b.Expr(v, probe ?? [], prefix: true, node);
        string Column(int k) => columns[index.Columns[k] - 1](b.Verbose);
        for (var k = 0; k < Seek.Equal.Count; k++) conditions.Add($"({Column(k)} = {Value(Seek.Equal[k])})");
        if (Seek.InList is not null) conditions.Add(b.Expr(Seek.InList, columns, b.Verbose, node));
        if (Seek.NullTest is not null) conditions.Add(b.Expr(Seek.NullTest, columns, b.Verbose, node));
        if (Seek.Lower is not null)
        {
            seekValues.Add(Seek.Lower);
            conditions.Add($"({Column(Seek.Equal.Count)} {(Seek.LowerInclusive ? ">=" : ">")} {Value(Seek.Lower)})");
        }
        if (Seek.Upper is not null)
        {
            seekValues.Add(Seek.Upper);
            conditions.Add($"({Column(Seek.Equal.Count)} {(Seek.UpperInclusive ? "<=" : "<")} {Value(Seek.Upper)})");
        }
        if (conditions.Count > 0)
            node.Details.Add(new ExplainDetail("Index Cond: " + (conditions.Count == 1 ? conditions[0] : "(" + string.Join(" AND ", conditions) + ")")));
        // Filter: the pushed conditions the seek did not use (the filter holds them all).
        var rest = ExplainBuilder.Conjuncts(Filter).Where(c => !UsedBySeek(c, seekValues) && !ReferenceEquals(c, Seek.InList) && !ReferenceEquals(c, Seek.NullTest)).ToList();
        if (rest.Count > 0) node.Details.Add(new ExplainDetail("Filter: " + b.Qual(rest, columns, b.Verbose, node)));

        var tableRows = (double)b.Context.Transaction.Rows(TableOid).Count;
        var matched = Seek is { FullKey: true, Unique: true } ? 1
            : ExplainCosts.Filtered(tableRows, ExplainBuilder.Conjuncts(Filter).Where(c => UsedBySeek(c, seekValues) || ReferenceEquals(c, Seek.InList) || ReferenceEquals(c, Seek.NullTest)));
        var rows = Seek is { FullKey: true, Unique: true } ? 1 : ExplainCosts.Filtered(matched, rest);
        var width = ExplainBuilder.WidthOf(Columns);
        var (startup, total) = ExplainCosts.IndexScan(tableRows, matched, rest.Count);
        node.SetCosts(startup, total, rows, width);
        if (b.Verbose) node.Output = ExplainTargets.LiveColumns(table, columns, b.OutputPrefix);
        return new Explained(node, columns);
    }

    private static bool UsedBySeek(BoundExpr conjunct, List<BoundExpr> seekValues) =>
        conjunct is BinaryOpExpr op && seekValues.Any(v => ReferenceEquals(op.Left, v) || ReferenceEquals(op.Right, v));
}

public sealed partial class SystemScanNode
{
    internal override Explained Explain(ExplainBuilder b)
    {
        b.Relations++;
        var name = b.Verbose ? $"pg_catalog.{relation.Name}" : relation.Name;
        var node = new ExplainNode("Seq Scan", " on " + name) { Measured = this, IsScan = true };
        var width = ExplainBuilder.WidthOf(Columns);
        node.SetCosts(0, ExplainCosts.SeqScan(1000, width, 0).Total, 1000, width);
        var columns = ExplainBuilder.RelationColumns(relation.Name, Columns);
        if (b.Verbose) node.Output = columns.Select(c => c(b.OutputPrefix)).ToList();
        return new Explained(node, columns);
    }
}

public sealed partial class FunctionScanNode
{
    /// <summary>The function's name and the query's alias for it, shown by EXPLAIN.</summary>
    public string? FunctionName { get; init; }
    public string? Alias { get; init; }

    internal override Explained Explain(ExplainBuilder b)
    {
        b.Relations++;
        var name = FunctionName ?? Columns[0].Name;
        var alias = Alias ?? name;
        var node = new ExplainNode("Function Scan", $" on {(b.Verbose ? "pg_catalog." : "")}{name}{(alias != name ? " " + ExplainBuilder.Quote(alias) : "")}")
            { Measured = this, IsScan = true };
        node.SetCosts(0, 1000 * ExplainCosts.CpuTupleCost, 1000, ExplainBuilder.WidthOf(Columns));
        var columns = ExplainBuilder.RelationColumns(alias, Columns);
        if (b.Verbose) node.Output = columns.Select(c => c(b.OutputPrefix)).ToList();
        return new Explained(node, columns);
    }
}

public sealed partial class UnnestScanNode
{
    internal override Explained Explain(ExplainBuilder b)
    {
        b.Relations++;
        var node = new ExplainNode("Function Scan", " on unnest") { Measured = this, IsScan = true };
        node.SetCosts(0, 100 * ExplainCosts.CpuTupleCost, 100, ExplainBuilder.WidthOf(Columns));
        var columns = ExplainBuilder.RelationColumns("unnest", Columns);
        if (b.Verbose) node.Output = columns.Select(c => c(b.OutputPrefix)).ToList();
        return new Explained(node, columns);
    }
}

public sealed partial class ValuesNode
{
    internal override Explained Explain(ExplainBuilder b)
    {
        // PostgreSQL computes a single-row VALUES list in a Result node.
        if (rows.Count == 1)
        {
            var result = new ExplainNode("Result") { Measured = this };
            result.SetCosts(0, ExplainCosts.CpuTupleCost, 1, ExplainBuilder.WidthOf(Columns));
            var values = rows[0].Select(e => (ColumnText)(p => b.Expr(e, [], p, result))).ToArray();
            if (b.Verbose) result.Output = values.Select(v => v(b.OutputPrefix)).ToList();
            return new Explained(result, values);
        }
        b.Relations++;
        var node = new ExplainNode("Values Scan", " on \"*VALUES*\"") { Measured = this, IsScan = true };
        node.SetCosts(0, rows.Count * (ExplainCosts.CpuOperatorCost + ExplainCosts.CpuTupleCost), rows.Count, ExplainBuilder.WidthOf(Columns));
        var columns = ExplainBuilder.RelationColumns("*VALUES*", Columns);
        if (b.Verbose) node.Output = columns.Select(c => c(b.OutputPrefix)).ToList();
        return new Explained(node, columns);
    }
}

public sealed partial class SingleRowNode
{
    internal override Explained Explain(ExplainBuilder b)
    {
        var node = new ExplainNode("Result") { Measured = this };
        node.SetCosts(0, ExplainCosts.CpuTupleCost, 1, 0);
        return new Explained(node, []);
    }
}

public sealed partial class WorkTableNode
{
    internal override Explained Explain(ExplainBuilder b)
    {
        b.Relations++;
        var node = new ExplainNode("WorkTable Scan") { Measured = this, IsScan = true };
        node.SetCosts(0, 10 * ExplainCosts.CpuTupleCost, 10, ExplainBuilder.WidthOf(Columns));
        return new Explained(node, ExplainBuilder.RelationColumns("*WORKTABLE*", Columns));
    }
}

/// <summary>How EXPLAIN names relations.</summary>
internal static class ExplainTargets
{
    /// <summary><c> on t</c>, <c> on t x</c> (an alias other than the name), <c> on public.t</c> with VERBOSE.</summary>
    public static string Relation(ExplainBuilder b, TableDef table, string refName)
    {
        var name = b.Verbose ? $"{ExplainBuilder.Quote(table.Schema)}.{ExplainBuilder.Quote(table.Name)}" : ExplainBuilder.Quote(table.Name);
        return refName != table.Name ? $" on {name} {ExplainBuilder.Quote(refName)}" : $" on {name}";
    }

    public static List<string> LiveColumns(TableDef table, IReadOnlyList<ColumnText> columns, bool prefix) =>
        table.Columns.Where(c => !c.IsDropped).Select(c => columns[c.Number - 1](prefix)).ToList();
}
