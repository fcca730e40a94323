namespace Tenon.Sql.Ast;

/// <summary>
/// Rebuilds a parsed expression bottom-up through a replacement function, sharing every subtree
/// the function leaves alone. It walks the expressions a catalog expression (a DEFAULT, a CHECK)
/// can hold; subqueries, window clauses and aggregate ORDER BY are not entered, since such
/// expressions cannot contain them.
/// </summary>
public static class ExprRewriter
{
    /// <param name="replace">Called for each node after its children, with the node as parsed and
    /// the node rebuilt over rewritten children (the same instance when none changed); returns the
    /// node to use.</param>
    public static Expr Rewrite(Expr e, Func<Expr, Expr, Expr> replace)
    {
        var rebuilt = e switch
        {
            BinaryExpr b => Same(b.Left, b.Right, replace, out var l, out var r) ? b : b with { Left = l, Right = r },
            AndExpr a => Same(a.Left, a.Right, replace, out var l, out var r) ? a : a with { Left = l, Right = r },
            OrExpr o => Same(o.Left, o.Right, replace, out var l, out var r) ? o : o with { Left = l, Right = r },
            IsDistinctFromExpr d => Same(d.Left, d.Right, replace, out var l, out var r) ? d : d with { Left = l, Right = r },
            QuantifiedExpr { Array: { } array } q => Same(q.Left, array, replace, out var l, out var r) ? q : q with { Left = l, Array = r },
            UnaryExpr u => Rewrite(u.Operand, replace) is var x && ReferenceEquals(x, u.Operand) ? u : u with { Operand = x },
            NotExpr n => Rewrite(n.Operand, replace) is var x && ReferenceEquals(x, n.Operand) ? n : n with { Operand = x },
            IsNullExpr n => Rewrite(n.Operand, replace) is var x && ReferenceEquals(x, n.Operand) ? n : n with { Operand = x },
            BooleanTestExpr t => Rewrite(t.Operand, replace) is var x && ReferenceEquals(x, t.Operand) ? t : t with { Operand = x },
            CastExpr c => Rewrite(c.Operand, replace) is var x && ReferenceEquals(x, c.Operand) ? c : c with { Operand = x },
            CollateExpr c => Rewrite(c.Operand, replace) is var x && ReferenceEquals(x, c.Operand) ? c : c with { Operand = x },
            FieldSelectExpr f => Rewrite(f.Operand, replace) is var x && ReferenceEquals(x, f.Operand) ? f : f with { Operand = x },
            NamedArgExpr n => Rewrite(n.Value, replace) is var x && ReferenceEquals(x, n.Value) ? n : n with { Value = x },
            BetweenExpr b => Rewrite(b.Operand, replace) is var o & Rewrite(b.Low, replace) is var lo & Rewrite(b.High, replace) is var hi
                && ReferenceEquals(o, b.Operand) && ReferenceEquals(lo, b.Low) && ReferenceEquals(hi, b.High) ? b : b with { Operand = o, Low = lo, High = hi },
            SubscriptExpr s => Rewrite(s.Operand, replace) is var o & Optional(s.Lower, replace) is var lo & Optional(s.Upper, replace) is var hi
                && ReferenceEquals(o, s.Operand) && ReferenceEquals(lo, s.Lower) && ReferenceEquals(hi, s.Upper) ? s : s with { Operand = o, Lower = lo, Upper = hi },
            InListExpr i => Rewrite(i.Operand, replace) is var o & List(i.Items, replace) is var items
                && ReferenceEquals(o, i.Operand) && ReferenceEquals(items, i.Items) ? i : i with { Operand = o, Items = items },
            ArrayExpr a => List(a.Items, replace) is var items && ReferenceEquals(items, a.Items) ? a : a with { Items = items },
            RowExpr r => List(r.Items, replace) is var items && ReferenceEquals(items, r.Items) ? r : r with { Items = items },
            FunctionCall f when f.Over is null && f.OrderBy is null && f.Filter is null =>
                List(f.Args, replace) is var args && ReferenceEquals(args, f.Args) ? f : f with { Args = args },
            CaseExpr c => RewriteCase(c, replace),
            _ => e,
        };
        return replace(e, rebuilt);
    }

    private static bool Same(Expr left, Expr right, Func<Expr, Expr, Expr> replace, out Expr l, out Expr r)
    {
        l = Rewrite(left, replace);
        r = Rewrite(right, replace);
        return ReferenceEquals(l, left) && ReferenceEquals(r, right);
    }

    private static Expr? Optional(Expr? e, Func<Expr, Expr, Expr> replace) => e is null ? null : Rewrite(e, replace);

    /// <summary>The items rewritten, or <paramref name="items"/> itself when none changed.</summary>
    private static IReadOnlyList<Expr> List(IReadOnlyList<Expr> items, Func<Expr, Expr, Expr> replace)
    {
        Expr[]? changed = null;
        for (var i = 0; i < items.Count; i++)
        {
            var x = Rewrite(items[i], replace);
            if (ReferenceEquals(x, items[i]) && changed is null) continue;
            changed ??= items.ToArray();
            changed[i] = x;
        }
        return changed ?? items;
    }

    private static CaseExpr RewriteCase(CaseExpr c, Func<Expr, Expr, Expr> replace)
    {
        var operand = Optional(c.Operand, replace);
        var otherwise = Optional(c.Else, replace);
        var whens = c.Whens.Select(w => Rewrite(w.Condition, replace) is var cond & Rewrite(w.Result, replace) is var result
            && ReferenceEquals(cond, w.Condition) && ReferenceEquals(result, w.Result) ? w : w with { Condition = cond, Result = result }).ToList();
        return ReferenceEquals(operand, c.Operand) && ReferenceEquals(otherwise, c.Else) && whens.Zip(c.Whens).All(p => ReferenceEquals(p.First, p.Second))
            ? c : c with { Operand = operand, Else = otherwise, Whens = whens };
    }
}
