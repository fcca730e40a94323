using Tenon.Types;

namespace Tenon.Execution.Expressions;

/// <summary>
/// A bound, typed expression ready to evaluate against a row. Rows are flat <c>object?[]</c>
/// arrays laid out by the binder; SQL NULL is CLR null. Subclasses are small and immutable.
/// <see cref="Fingerprint"/> gives structural identity, used to match expressions against
/// GROUP BY keys and DISTINCT/ORDER BY items.
/// </summary>
public abstract class BoundExpr
{
    public abstract SqlType Type { get; }
    public abstract object? Eval(object?[] row, ExecContext ctx);
    public abstract string Fingerprint { get; }

    /// <summary>Children, for tree walks (aggregate detection, column-use analysis).</summary>
    public virtual IEnumerable<BoundExpr> Children => Array.Empty<BoundExpr>();

    /// <summary>Rebuilds this node with its children replaced (same order as <see cref="Children"/>).</summary>
    public virtual BoundExpr WithChildren(IReadOnlyList<BoundExpr> children) => this;

    public BoundExpr Rewrite(Func<BoundExpr, BoundExpr?> f)
    {
        var replaced = f(this);
        if (replaced is not null) return replaced;
        var kids = Children.ToList();
        if (kids.Count == 0) return this;
        var changed = false;
        var next = new BoundExpr[kids.Count];
        for (var i = 0; i < kids.Count; i++)
        {
            next[i] = kids[i].Rewrite(f);
            changed |= !ReferenceEquals(next[i], kids[i]);
        }
        return changed ? WithChildren(next) : this;
    }

    public IEnumerable<BoundExpr> Descendants()
    {
        yield return this;
        foreach (var c in Children)
            foreach (var d in c.Descendants())
                yield return d;
    }

    public override string ToString() => Fingerprint;
}

/// <summary>A constant.</summary>
public sealed class ConstExpr(object? value, SqlType type) : BoundExpr
{
    public object? Value { get; } = value;
    public override SqlType Type { get; } = type;
    public override object? Eval(object?[] row, ExecContext ctx) => Value;
    public override string Fingerprint => $"const({Type.DisplayName}:{Value?.ToString() ?? "null"})";
}

/// <summary>A column of the current row (level 0) or of an enclosing query's row (level k).</summary>
public sealed class ColumnExpr(int index, SqlType type, int level, string name) : BoundExpr
{
    public int Index { get; } = index;
    public int Level { get; } = level;
    /// <summary>The column as PostgreSQL names it in messages: <c>alias.column</c>.</summary>
    public string Name { get; } = name;
    public int Position { get; init; }
    public uint TableOid { get; init; }
    public short ColumnNumber { get; init; }
    public override SqlType Type { get; } = type;
    public override object? Eval(object?[] row, ExecContext ctx) =>
        Level == 0 ? row[Index] : ctx.OuterRows[^Level][Index];
    public override string Fingerprint => $"col({Level}:{Index})";
}

/// <summary>A parameter $n.</summary>
public sealed class ParamExpr(int number, SqlType type) : BoundExpr
{
    public int Number { get; } = number;
    public override SqlType Type { get; } = type;
    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var ps = ctx.Parameters;
        if (ps is null || Number > ps.Count)
            throw new Errors.TenonException(Errors.SqlState.UndefinedParameter, $"there is no parameter ${Number}");
        return ParameterValues.Normalize(ps[Number - 1], Type, ctx.Settings);
    }
    public override string Fingerprint => $"param({Number})";
}

/// <summary>A placeholder read from a fixed slot of the row (group keys and aggregate results after grouping).</summary>
public sealed class SlotExpr(int index, SqlType type, string fingerprint) : BoundExpr
{
    public int Index { get; } = index;
    public override SqlType Type { get; } = type;
    public override object? Eval(object?[] row, ExecContext ctx) => row[Index];
    public override string Fingerprint { get; } = fingerprint;
}
