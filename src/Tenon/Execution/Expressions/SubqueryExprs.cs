using Tenon.Errors;
using Tenon.Execution.Plan;
using Tenon.Types;

namespace Tenon.Execution.Expressions;

public enum SubqueryKind { Scalar, Exists, Any, All, Array, Row }

/// <summary>
/// A subquery used as a value: scalar (first column of at most one row), EXISTS, or
/// <c>x op ANY/ALL (subquery)</c> (which is also how IN is bound). The current row is pushed
/// onto <see cref="ExecContext.OuterRows"/> while the subquery runs, so correlated references
/// (level ≥ 1) see it. Uncorrelated subqueries run once per statement.
/// </summary>
public sealed class SubqueryExpr(PlanNode plan, SubqueryKind kind, bool correlated, BoundExpr? left, BinaryOperator? compare, SqlType type) : BoundExpr
{
    public override SqlType Type { get; } = type;

    public PlanNode Plan => plan;
    public SubqueryKind Kind => kind;
    public bool Correlated => correlated;

    /// <summary>This subquery over another plan for the same query (EXPLAIN ANALYZE's measured copy).</summary>
    public SubqueryExpr WithPlan(PlanNode other) => new(other, kind, correlated, left, compare, Type) { OuterRow = OuterRow, RowCompare = RowCompare };

    /// <summary>
    /// Builds the row the subquery sees as its enclosing row from the current one; null means the
    /// current row itself. A subquery in a grouped query's output reads the group's key values this
    /// way, placed where its correlated references expect the columns of the ungrouped row.
    /// </summary>
    public Func<object?[], object?[]>? OuterRow { get; init; }

    /// <summary>This subquery with <paramref name="newLeft"/> as its left operand, reading its enclosing row through <paramref name="outerRow"/>.</summary>
    public SubqueryExpr WithOuterRow(BoundExpr? newLeft, Func<object?[], object?[]> outerRow) =>
        new(plan, kind, correlated, newLeft, compare, Type) { OuterRow = outerRow, RowCompare = RowCompare };

    public override object? Eval(object?[] row, ExecContext ctx)
    {
        if (kind == SubqueryKind.Scalar) return ScalarValue(row, ctx);
        if (kind == SubqueryKind.Row) return RowValue(row, ctx);
        if (kind == SubqueryKind.Exists) return Rows(row, ctx, 1).Count > 0;
        if (kind == SubqueryKind.Array) return ArrayValue(Rows(row, ctx, int.MaxValue));
        if (RowCompare is not null) return RowQuantified(row, ctx);
        var l = left!.Eval(row, ctx);
        var rows = Rows(row, ctx, int.MaxValue);
        if (rows.Count == 0) return kind == SubqueryKind.All;
        if (l is null) return null;
        var sawNull = false;
        foreach (var r in rows)
        {
            var v = r[0];
            if (v is null) { sawNull = true; continue; }
            var match = (bool)compare!.Invoke(l, v)!;
            if (kind == SubqueryKind.Any && match) return true;
            if (kind == SubqueryKind.All && !match) return false;
        }
        return sawNull ? null : kind == SubqueryKind.All;
    }

    /// <summary>
    /// <c>(a, b) op ANY/ALL (subquery)</c>: the row constructor's fields (<see cref="RowLeft"/>)
    /// against each row's columns, one operator per field (<see cref="RowCompare"/>; for an
    /// ordering operator the equality operators decides which field settles it), as PostgreSQL's
    /// row comparison: NULL when a field that matters is NULL.
    /// </summary>
    public (BoundExpr[] Left, BinaryOperator[] Compare, BinaryOperator[]? FieldEquals, string Op)? RowCompare { get; init; }

    private object? RowQuantified(object?[] row, ExecContext ctx)
    {
        var (leftItems, compare, equals, op) = RowCompare!.Value;
        var l = new object?[leftItems.Length];
        for (var i = 0; i < l.Length; i++) l[i] = leftItems[i].Eval(row, ctx);
        var rows = Rows(row, ctx, int.MaxValue);
        var sawNull = false;
        foreach (var r in rows)
        {
            bool? match;
            if (op == "=" || op == "<>")
            {
                // = : all fields equal; <> : some field unequal; NULL when undecided.
                var decided = false;
                var anyNull = false;
                for (var i = 0; i < l.Length && !decided; i++)
                {
                    if (l[i] is null || r[i] is null) { anyNull = true; continue; }
                    var m = (bool)compare[i].Invoke(l[i]!, r[i]!)!;
                    if (op == "=" ? !m : m) decided = true;
                }
                match = decided ? op == "<>" : anyNull ? null : op == "=";
            }
            else
            {
                match = op is "<=" or ">=";
                for (var i = 0; i < l.Length; i++)
                {
                    if (l[i] is null || r[i] is null) { match = null; break; }
                    if ((bool)equals![i].Invoke(l[i]!, r[i]!)!) continue;
                    match = (bool)compare[i].Invoke(l[i]!, r[i]!)!;
                    break;
                }
            }
            if (match is null) { sawNull = true; continue; }
            if (kind == SubqueryKind.Any && match.Value) return true;
            if (kind == SubqueryKind.All && !match.Value) return false;
        }
        return sawNull ? null : kind == SubqueryKind.All;
    }

    /// <summary>ARRAY(subquery): the column's values in row order; array values become one more dimension.</summary>
    private PgArray ArrayValue(List<object?[]> rows)
    {
        var values = rows.Select(r => r[0]).ToArray();
        if (!ElementIsArray) return PgArray.Of(Type.Element!, values);
        return ArrayConstructorExpr.Stack(Type.Element!, values, accumulating: true);
    }

    /// <summary>Set for ARRAY(subquery) over an array column: the result has one more dimension and the same type.</summary>
    public bool ElementIsArray { get; init; }

    private object? ScalarValue(object?[] row, ExecContext ctx)
    {
        var rows = Rows(row, ctx, 2);
        if (rows.Count > 1)
            throw new TenonException(SqlState.CardinalityViolation, "more than one row returned by a subquery used as an expression");
        return rows.Count == 0 ? null : rows[0][0];
    }

    /// <summary>The one row (all its columns) of a multiple-column UPDATE's sub-select; null when there is none.</summary>
    private PgRecord? RowValue(object?[] row, ExecContext ctx)
    {
        var rows = Rows(row, ctx, 2);
        if (rows.Count > 1)
            throw new TenonException(SqlState.CardinalityViolation, "more than one row returned by a subquery used as an expression");
        return rows.Count == 0 ? null : new PgRecord((object?[])rows[0].Clone(), plan.Columns.Select(c => c.Type).ToArray());
    }

    private List<object?[]> Rows(object?[] row, ExecContext ctx, int limit)
    {
        if (!correlated && ctx.Cache.TryGetValue(this, out var cached))
        {
            var all = (List<object?[]>)cached!;
            return all.Count > limit ? all.GetRange(0, limit) : all;
        }
        var result = new List<object?[]>();
        ctx.OuterRows.Add(OuterRow is null ? row : OuterRow(row));
        try
        {
            var max = correlated ? limit : int.MaxValue;
            foreach (var r in plan.Execute(ctx))
            {
                result.Add(r);
                if (result.Count >= max) break;
            }
        }
        finally
        {
            ctx.OuterRows.RemoveAt(ctx.OuterRows.Count - 1);
        }
        if (!correlated)
        {
            ctx.Cache[this] = result;
            if (result.Count > limit) return result.GetRange(0, limit);
        }
        return result;
    }

    public override IEnumerable<BoundExpr> Children => RowCompare is { } rc ? rc.Left : left is null ? [] : [left];
    public override BoundExpr WithChildren(IReadOnlyList<BoundExpr> c) =>
        RowCompare is { } rc ? new SubqueryExpr(plan, kind, correlated, null, null, Type) { OuterRow = OuterRow, RowCompare = rc with { Left = c.ToArray() } }
        : left is null ? this : new SubqueryExpr(plan, kind, correlated, c[0], compare, Type) { OuterRow = OuterRow };
    public override string Fingerprint => $"subquery#{GetHashCode()}";
}
