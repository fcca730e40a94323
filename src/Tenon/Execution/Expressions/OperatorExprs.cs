using Tenon.Types;

namespace Tenon.Execution.Expressions;

/// <summary>An explicit or implicit cast (<see cref="ValueCast"/>).</summary>
public sealed class CastExpr(BoundExpr operand, SqlType type, CastContext context) : BoundExpr
{
    public BoundExpr Operand { get; } = operand;
    public CastContext Context { get; } = context;
    public override SqlType Type { get; } = type;
    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var v = Operand.Eval(row, ctx);
        return v is null ? null : ValueCast.Cast(v, Operand.Type, Type, Context, ctx.Settings);
    }
    public override IEnumerable<BoundExpr> Children => [Operand];
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new CastExpr(c[0], Type, Context);
    public override string Fingerprint => $"cast({Operand.Fingerprint}:{Type.DisplayName})";
}

/// <summary>A binary operator resolved by <see cref="Operators.ResolveBinary"/>; strict (NULL in, NULL out).</summary>
public sealed class BinaryOpExpr(string op, BoundExpr left, BoundExpr right, BinaryOperator impl) : BoundExpr
{
    public string Op { get; } = op;
    public BoundExpr Left { get; } = left;
    public BoundExpr Right { get; } = right;
    public BinaryOperator Impl { get; } = impl;
    public override SqlType Type => Impl.ResultType;
    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var l = Left.Eval(row, ctx);
        if (l is null) return null;
        var r = Right.Eval(row, ctx);
        if (r is null) return null;
        return Impl.Invoke(l, r);
    }
    public override IEnumerable<BoundExpr> Children => [Left, Right];
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new BinaryOpExpr(Op, c[0], c[1], Impl);
    public override string Fingerprint => $"({Left.Fingerprint} {Op} {Right.Fingerprint})";
}

/// <summary>A prefix operator; strict.</summary>
public sealed class UnaryOpExpr(string op, BoundExpr operand, UnaryOperator impl) : BoundExpr
{
    public string Op => op;
    public BoundExpr Operand { get; } = operand;
    public UnaryOperator Impl { get; } = impl;
    public override SqlType Type => Impl.ResultType;
    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var v = Operand.Eval(row, ctx);
        return v is null ? null : Impl.Invoke(v);
    }
    public override IEnumerable<BoundExpr> Children => [Operand];
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new UnaryOpExpr(op, c[0], Impl);
    public override string Fingerprint => $"({op}{Operand.Fingerprint})";
}

/// <summary>AND / OR with SQL three-valued logic.</summary>
public sealed class LogicalExpr(bool isAnd, IReadOnlyList<BoundExpr> operands) : BoundExpr
{
    public bool IsAnd { get; } = isAnd;
    public IReadOnlyList<BoundExpr> Operands { get; } = operands;
    public override SqlType Type => SqlType.Bool;
    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var sawNull = false;
        foreach (var o in Operands)
        {
            var v = o.Eval(row, ctx);
            if (v is null) { sawNull = true; continue; }
            var b = (bool)v;
            if (IsAnd && !b) return BoolBox.False;
            if (!IsAnd && b) return BoolBox.True;
        }
        return sawNull ? null : BoolBox.Of(IsAnd);
    }
    public override IEnumerable<BoundExpr> Children => Operands;
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new LogicalExpr(IsAnd, c.ToArray());
    public override string Fingerprint => (IsAnd ? "and(" : "or(") + string.Join(",", Operands.Select(o => o.Fingerprint)) + ")";
}

public sealed class NotExpr(BoundExpr operand) : BoundExpr
{
    public BoundExpr Operand { get; } = operand;
    public override SqlType Type => SqlType.Bool;
    public override object? Eval(object?[] row, ExecContext ctx) => Operand.Eval(row, ctx) is bool b ? BoolBox.Of(!b) : null;
    public override IEnumerable<BoundExpr> Children => [Operand];
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new NotExpr(c[0]);
    public override string Fingerprint => $"not({Operand.Fingerprint})";
}

/// <summary>IS [NOT] NULL. For a row value, IS NULL means all fields null and IS NOT NULL all fields non-null.</summary>
public sealed class IsNullExpr(BoundExpr operand, bool negated) : BoundExpr
{
    public BoundExpr Operand => operand;
    public bool Negated => negated;
    public override SqlType Type => SqlType.Bool;
    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var v = operand.Eval(row, ctx);
        if (v is PgRecord record)
            return BoolBox.Of(negated ? record.Fields.All(f => f is not null) : record.Fields.All(f => f is null));
        return BoolBox.Of(negated ? v is not null : v is null);
    }
    public override IEnumerable<BoundExpr> Children => [operand];
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new IsNullExpr(c[0], negated);
    public override string Fingerprint => $"isnull({operand.Fingerprint},{negated})";
}

/// <summary>IS [NOT] TRUE / FALSE / UNKNOWN.</summary>
public sealed class BooleanTestExpr(BoundExpr operand, bool? target, bool negated) : BoundExpr
{
    public BoundExpr Operand => operand;
    /// <summary>TRUE, FALSE, or null for UNKNOWN.</summary>
    public bool? Target => target;
    public bool Negated => negated;
    public override SqlType Type => SqlType.Bool;
    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var v = operand.Eval(row, ctx) as bool?;
        var result = target is null ? v is null : v == target;
        return negated ? !result : result;
    }
    public override IEnumerable<BoundExpr> Children => [operand];
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new BooleanTestExpr(c[0], target, negated);
    public override string Fingerprint => $"is({operand.Fingerprint},{target},{negated})";
}

/// <summary>IS [NOT] DISTINCT FROM: equality where NULL equals NULL.</summary>
public sealed class DistinctFromExpr(BoundExpr left, BoundExpr right, BinaryOperator equals, bool negated) : BoundExpr
{
    public BoundExpr Left => left;
    public BoundExpr Right => right;
    public bool Negated => negated;
    public override SqlType Type => SqlType.Bool;
    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var l = left.Eval(row, ctx);
        var r = right.Eval(row, ctx);
        bool distinct = l is null || r is null ? !(l is null && r is null) : !(bool)equals.Invoke(l, r)!;
        return negated ? !distinct : distinct;
    }
    public override IEnumerable<BoundExpr> Children => [left, right];
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new DistinctFromExpr(c[0], c[1], equals, negated);
    public override string Fingerprint => $"distinct({left.Fingerprint},{right.Fingerprint},{negated})";
}

/// <summary>x [NOT] IN (a, b, …): OR of equalities with SQL null semantics.</summary>
public sealed class InListExpr(BoundExpr operand, IReadOnlyList<BoundExpr> items, IReadOnlyList<BinaryOperator> equals, bool negated) : BoundExpr
{
    public BoundExpr Operand => operand;
    public IReadOnlyList<BoundExpr> Items => items;
    /// <summary>The <c>=</c> between the operand and each item.</summary>
    public IReadOnlyList<BinaryOperator> EqualityOperators => equals;
    public bool Negated => negated;
    public override SqlType Type => SqlType.Bool;
    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var v = operand.Eval(row, ctx);
        if (v is null) return null;
        var sawNull = false;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i].Eval(row, ctx);
            if (item is null) { sawNull = true; continue; }
            if ((bool)equals[i].Invoke(v, item)!) return !negated;
        }
        return sawNull ? null : negated;
    }
    public override IEnumerable<BoundExpr> Children => items.Prepend(operand);
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new InListExpr(c[0], c.Skip(1).ToArray(), equals, negated);
    public override string Fingerprint => $"in({operand.Fingerprint};{string.Join(",", items.Select(i => i.Fingerprint))};{negated})";
}

/// <summary>CASE WHEN … THEN … ELSE … END (the operand form is bound to equality conditions).</summary>
public sealed class CaseExpr(IReadOnlyList<(BoundExpr When, BoundExpr Then)> whens, BoundExpr? elseExpr, SqlType type) : BoundExpr
{
    public IReadOnlyList<(BoundExpr When, BoundExpr Then)> Whens => whens;
    public BoundExpr? Else => elseExpr;
    /// <summary>The operand of a simple CASE (<c>CASE x WHEN 1 …</c>, whose conditions are <c>x = 1</c> …), for display only.</summary>
    public BoundExpr? SimpleOperand { get; init; }
    public override SqlType Type { get; } = type;
    public override object? Eval(object?[] row, ExecContext ctx)
    {
        foreach (var (w, t) in whens)
            if (w.Eval(row, ctx) is true) return t.Eval(row, ctx);
        return elseExpr?.Eval(row, ctx);
    }
    public override IEnumerable<BoundExpr> Children =>
        whens.SelectMany(w => new[] { w.When, w.Then }).Concat(elseExpr is null ? [] : [elseExpr]);
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c)
    {
        var ws = new List<(BoundExpr, BoundExpr)>();
        for (var i = 0; i < whens.Count; i++) ws.Add((c[2 * i], c[2 * i + 1]));
        return new CaseExpr(ws, elseExpr is null ? null : c[^1], Type);
    }
    public override string Fingerprint =>
        "case(" + string.Join(";", whens.Select(w => w.When.Fingerprint + "=>" + w.Then.Fingerprint)) + ";" + elseExpr?.Fingerprint + ")";
}

/// <summary>COALESCE / GREATEST / LEAST / NULLIF: evaluated lazily where SQL says so.</summary>
public sealed class ConditionalExpr(string kind, IReadOnlyList<BoundExpr> args, SqlType type, BinaryOperator? compare) : BoundExpr
{
    /// <summary>coalesce, greatest, least or nullif.</summary>
    public string Kind => kind;
    public IReadOnlyList<BoundExpr> Args => args;
    public override SqlType Type { get; } = type;
    public override object? Eval(object?[] row, ExecContext ctx)
    {
        switch (kind)
        {
            case "coalesce":
                foreach (var a in args)
                {
                    var v = a.Eval(row, ctx);
                    if (v is not null) return v;
                }
                return null;
            case "nullif":
            {
                var l = args[0].Eval(row, ctx);
                var r = args[1].Eval(row, ctx);
                if (l is not null && r is not null && compare!.Invoke(l, r) is true) return null;
                return l;
            }
            default: // greatest, least: ignore nulls
            {
                object? best = null;
                foreach (var a in args)
                {
                    var v = a.Eval(row, ctx);
                    if (v is null) continue;
                    if (best is null || compare!.Invoke(v, best) is true) best = v;
                }
                return best;
            }
        }
    }
    public override IEnumerable<BoundExpr> Children => args;
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new ConditionalExpr(kind, c.ToArray(), Type, compare);
    public override string Fingerprint => $"{kind}({string.Join(",", args.Select(a => a.Fingerprint))})";
}

/// <summary>A function call with a fixed implementation.</summary>
public sealed class FunctionExpr(string name, IReadOnlyList<BoundExpr> args, SqlType type, Func<object?[], ExecContext, object?> impl, bool strict, bool volatileFn) : BoundExpr
{
    public string Name { get; } = name;
    public IReadOnlyList<BoundExpr> Args { get; } = args;
    public bool Volatile { get; } = volatileFn;
    /// <summary>The user function called, when it is one (its declared volatility and body decide whether an index or partition key may use it).</summary>
    public Catalog.RoutineDef? Routine { get; init; }
    /// <summary>The implementation called (tells which built-in a call is).</summary>
    internal Func<object?[], ExecContext, object?> Impl => impl;
    public override SqlType Type { get; } = type;
    public override object? Eval(object?[] row, ExecContext ctx)
    {
        var values = new object?[Args.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Args[i].Eval(row, ctx);
            if (strict && values[i] is null) return null;
        }
        return impl(values, ctx);
    }
    public override IEnumerable<BoundExpr> Children => Args;
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new FunctionExpr(Name, c.ToArray(), Type, impl, strict, Volatile);
    public override string Fingerprint => Volatile
        ? $"{Name}#{GetHashCode()}"
        : $"{Name}({string.Join(",", Args.Select(a => a.Fingerprint))})";
}

/// <summary>A row constructor (a, b, …); evaluates to object?[].</summary>
public sealed class RowConstructorExpr(IReadOnlyList<BoundExpr> items) : BoundExpr
{
    public IReadOnlyList<BoundExpr> Items { get; } = items;
    /// <summary>Field names when the row is a whole-row reference (<c>t.*</c>), for field selection.</summary>
    public IReadOnlyList<string>? FieldNames { get; init; }
    /// <summary>The composite type the row was coerced to (its items already coerced to the attribute types); null for an anonymous record.</summary>
    public SqlType? RowType { get; init; }
    public override SqlType Type => RowType ?? SqlType.Record;
    public override object? Eval(object?[] row, ExecContext ctx) =>
        new PgRecord(Items.Select(i => i.Eval(row, ctx)).ToArray(), RowType?.Composite?.FieldTypes ?? Items.Select(i => i.Type).ToArray()) { FieldNames = FieldNames };
    public override IEnumerable<BoundExpr> Children => Items;
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) => new RowConstructorExpr(c.ToArray()) { FieldNames = FieldNames, RowType = RowType };
    public override string Fingerprint => $"row({string.Join(",", Items.Select(i => i.Fingerprint))})";
}
