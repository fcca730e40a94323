using Tenon.Execution.Expressions;

namespace Tenon.Execution.Plan;

/// <summary>Scans a table's rows as of the moment execution starts; optionally appends the row id.</summary>
public sealed partial class TableScanNode(uint tableOid, IReadOnlyList<PlanColumn> columns, bool includeRowId) : PlanNode
{
    public uint TableOid { get; } = tableOid;
    public bool IncludeRowId { get; } = includeRowId;
    /// <summary>The table's columns, without the row id column.</summary>
    public IReadOnlyList<PlanColumn> TableColumns { get; } = columns;
    // The row id is a real output column, so nodes above (joins for UPDATE … FROM) place the next input after it.
    public override IReadOnlyList<PlanColumn> Columns { get; } =
        includeRowId ? [.. columns, new PlanColumn("ctid", Types.SqlType.Int8)] : columns;
    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var session = ctx.Session;
        foreach (var (rowId, row) in StoredRows(ctx))
        {
            session.CheckForInterrupts();
            if (!IncludeRowId) { yield return row; continue; }
            var withId = new object?[row.Length + 1];
            Array.Copy(row, withId, row.Length);
            withId[^1] = rowId;
            yield return withId;
        }
    }

    /// <summary>The table's stored rows by row id, its read noted for the transaction: what <see cref="Execute"/> yields, for a consumer that walks them itself.</summary>
    internal Storage.BTree<long, object?[]>.RangeEnumerable StoredRows(ExecContext ctx)
    {
        var rows = ctx.ReadRows(TableOid);
        ctx.Transaction.Reads?.Table(TableOid);
        return rows.Scan();
    }
}

/// <summary>One row with no columns: the FROM of a SELECT without FROM.</summary>
public sealed partial class SingleRowNode : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns => Array.Empty<PlanColumn>();
    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        yield return Array.Empty<object?>();
    }

    internal override bool TryExecuteSingle(ExecContext ctx, out object?[]? row)
    {
        row = Array.Empty<object?>();
        return true;
    }
}

/// <summary>Rows that satisfy a boolean condition (NULL counts as false).</summary>
public sealed partial class FilterNode(PlanNode input, BoundExpr condition) : PlanNode
{
    public PlanNode Input { get; } = input;
    public override IReadOnlyList<PlanColumn> Columns => Input.Columns;
    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        foreach (var row in Input.Execute(ctx))
            if (condition.Eval(row, ctx) is true) yield return row;
    }

    internal override bool TryExecuteSingle(ExecContext ctx, out object?[]? row)
    {
        if (!Input.TryExecuteSingle(ctx, out var r))
        {
            row = null;
            return false;
        }
        row = r is not null && condition.Eval(r, ctx) is true ? r : null;
        return true;
    }
}

/// <summary>Computes a new row from expressions over each input row.</summary>
public sealed partial class ProjectNode(PlanNode input, IReadOnlyList<BoundExpr> exprs, IReadOnlyList<PlanColumn> columns) : PlanNode
{
    public IReadOnlyList<BoundExpr> Exprs { get; } = exprs;
    public override IReadOnlyList<PlanColumn> Columns { get; } = columns;
    public override IEnumerable<object?[]> Execute(ExecContext ctx) => Run(ctx, transient: false);

    internal override IEnumerable<object?[]> ExecuteTransient(ExecContext ctx) => Run(ctx, transient: true);

    internal override bool TryExecuteSingle(ExecContext ctx, out object?[]? row)
    {
        if (!input.TryExecuteSingle(ctx, out var r))
        {
            row = null;
            return false;
        }
        row = null;
        if (r is null) return true;
        var output = new object?[Exprs.Count];
        for (var i = 0; i < output.Length; i++) output[i] = Exprs[i].Eval(r, ctx);
        row = output;
        return true;
    }

    private IEnumerable<object?[]> Run(ExecContext ctx, bool transient)
    {
        var buffer = transient ? new object?[Exprs.Count] : null;
        foreach (var row in input.Execute(ctx))
        {
            var output = buffer ?? new object?[Exprs.Count];
            for (var i = 0; i < output.Length; i++) output[i] = Exprs[i].Eval(row, ctx);
            yield return output;
        }
    }
}

/// <summary>Rows given as expression lists (VALUES).</summary>
public sealed partial class ValuesNode(IReadOnlyList<IReadOnlyList<BoundExpr>> rows, IReadOnlyList<PlanColumn> columns) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } = columns;
    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var empty = Array.Empty<object?>();
        foreach (var exprs in rows)
        {
            ctx.Session.CheckForInterrupts();
            var output = new object?[exprs.Count];
            for (var i = 0; i < output.Length; i++) output[i] = exprs[i].Eval(empty, ctx);
            yield return output;
        }
    }
}

/// <summary>OFFSET then LIMIT.</summary>
public sealed partial class LimitNode(PlanNode input, BoundExpr? limit, BoundExpr? offset) : PlanNode
{
    /// <summary>Up to this many rows (OFFSET + LIMIT) a sort below keeps only its best rows in a heap.</summary>
    private const long TopRows = 10_000;

    private static IEnumerable<object?[]> ExecuteTop(PlanNode input, ExecContext ctx, int count) => input switch
    {
        SortNode sort => sort.ExecuteTop(ctx, count),
        TrimNode trim => trim.ExecuteTop(ctx, count),
        _ => input.Execute(ctx),
    };

    public override IReadOnlyList<PlanColumn> Columns => input.Columns;
    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var empty = Array.Empty<object?>();
        long? max = limit?.Eval(empty, ctx) is { } l ? Convert.ToInt64(l) : null;
        long skip = offset?.Eval(empty, ctx) is { } o ? Convert.ToInt64(o) : 0;
        if (max < 0)
            throw new Errors.TenonException(Errors.SqlState.InvalidRowCountInLimitClause, "LIMIT must not be negative");
        if (skip < 0)
            throw new Errors.TenonException(Errors.SqlState.InvalidRowCountInResultOffsetClause, "OFFSET must not be negative");
        if (max == 0) yield break;
        long seen = 0, produced = 0;
        // ORDER BY … LIMIT: only the first OFFSET + LIMIT rows of the sort are ever read.
        var rows = max is { } m && m <= TopRows && skip <= TopRows ? ExecuteTop(input, ctx, (int)(m + skip)) : input.Execute(ctx);
        foreach (var row in rows)
        {
            if (seen++ < skip) continue;
            yield return row;
            if (max is not null && ++produced >= max) yield break;
        }
    }
}

/// <summary>Keeps only the first <paramref name="width"/> columns (drops hidden sort keys).</summary>
public sealed partial class TrimNode(PlanNode input, int width) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } = input.Columns.Take(width).ToArray();
    public override IEnumerable<object?[]> Execute(ExecContext ctx) => Trim(input.Execute(ctx));

    /// <summary>The first <paramref name="count"/> rows, read through a top-N sort when the input is a sort.</summary>
    internal IEnumerable<object?[]> ExecuteTop(ExecContext ctx, int count) =>
        input is SortNode sort ? Trim(sort.ExecuteTop(ctx, count)) : Execute(ctx);

    private IEnumerable<object?[]> Trim(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
            yield return row.Length == width ? row : row[..width];
    }
}

/// <summary>Runs its input once per statement and replays the rows (CTEs referenced several times).</summary>
public sealed partial class MaterializeNode(PlanNode input) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns => input.Columns;
    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        if (!ctx.Cache.TryGetValue(this, out var cached))
        {
            cached = input.Execute(ctx).ToList();
            ctx.Cache[this] = cached;
        }
        return (List<object?[]>)cached!;
    }
}

/// <summary>Re-labels the columns of its input (subquery and CTE aliases).</summary>
public sealed partial class RenameNode(PlanNode input, IReadOnlyList<PlanColumn> columns) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns { get; } = columns;
    public override IEnumerable<object?[]> Execute(ExecContext ctx) => input.Execute(ctx);
}
