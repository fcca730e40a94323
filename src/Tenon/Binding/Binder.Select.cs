using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Expressions;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Binding;

public sealed partial class Binder
{
    /// <summary>
    /// Binds the query of INSERT … SELECT. Like PostgreSQL, a plain SELECT's untyped outputs
    /// (string literals, parameters) are left unknown, for the INSERT to coerce them to the target
    /// columns; a bare parameter $n there takes its column's type.
    /// </summary>
    public PlanNode BindInsertSource(Query q, IReadOnlyList<ColumnDef> targets)
    {
        if (q.Body is not SelectCore core) return BindQuery(q, null);
        for (var i = 0; i < core.Targets.Count && i < targets.Count; i++)
            if (core.Targets[i].Expr is ParamRef p && !ParameterTypes.ContainsKey(p.Number))
                ParameterTypes[p.Number] = targets[i].Type.WithoutModifier();
        KeepUnknownOutputsOf = core;
        try { return BindQuery(q, null); }
        finally { KeepUnknownOutputsOf = null; }
    }

    /// <summary>
    /// SELECT: FROM → WHERE → [GROUP BY/aggregates → HAVING] → select list (+ hidden ORDER BY keys)
    /// → DISTINCT → ORDER BY → LIMIT/OFFSET → drop hidden keys.
    /// </summary>
    private PlanNode BindSelectCore(SelectCore core, Scope? outer, IReadOnlyList<OrderItem> orderBy, Expr? limit, Expr? offset)
    {
        // The parser turned a statement's own SELECT … INTO into CREATE TABLE AS; any other is misplaced.
        if (core.Into is { } into)
            throw new TenonException(SqlState.SyntaxError, "SELECT ... INTO is not allowed here") { Position = into.Name.Position };
        var scope = new Scope(outer);
        var plan = BindFrom(core.From, scope);

        BoundExpr? where = null;
        if (core.Where is not null)
        {
            _clause = "WHERE";
            where = BindCondition(core.Where, scope, "WHERE");
        }
        plan = PlanWhere(plan, where);

        var targets = ExpandTargets(core.Targets, scope);
        if (Recording is { } recording) recording.Targets[core] = targets;
        var aggregating = core.GroupBy.Count > 0 || core.Having is not null
            || targets.Any(t => ContainsAnyAggregate(t.Expr)) || orderBy.Any(o => ContainsAnyAggregate(o.Expr));

        List<BoundExpr> boundTargets;
        List<SortKey> sortKeys = new();
        var hidden = new List<BoundExpr>();
        Func<BoundExpr, BoundExpr> finish = e => e;

        AggregateScope? agg = null;
        List<BoundExpr> groupKeys = new();
        if (aggregating)
        {
            _clause = "GROUP BY";
            foreach (var g in core.GroupBy)
            {
                groupKeys.Add(BindGroupKey(g, targets, scope));
                RequireEquality(groupKeys[^1].Type, g.Position);
            }
            agg = new AggregateScope(scope);
            _aggregates = agg;
        }
        else _clause = "SELECT";

        var savedWindowDefs = _windowDefs;
        Func<BoundExpr, Expr, BoundExpr>? lastAggMapper = null;
        ResolveWindowClause(core.Windows);
        var windows = new WindowScope();
        try
        {
            _windows = windows;
            _setReturning = new List<SetReturningCall>();
            boundTargets = targets.Select(t => BindExpr(t.Expr, scope)).ToList();
            _setReturning = null;
            _windows = null;
            var havingClause = _clause;
            _clause = "HAVING";
            BoundExpr? having = core.Having is null ? null : BindCondition(core.Having, scope, "HAVING");
            _clause = havingClause;
            _windows = windows;
            var orderExprs = new List<(BoundExpr Expr, OrderItem Item, int TargetIndex)>();
            _setReturning = new List<SetReturningCall>();
            foreach (var item in orderBy)
            {
                var targetIndex = FindOrderTarget(item, targets, boundTargets);
                orderExprs.Add(targetIndex >= 0
                    ? (boundTargets[targetIndex], item, targetIndex)
                    : (BindExpr(item.Expr, scope), item, -1));
            }
            _setReturning = null;
            BoundExpr[]? distinctOn = core.DistinctOn?.Select(e => BindExpr(e, scope)).ToArray();
            if (core.Distinct && core.DistinctOn is null)
                for (var i = 0; i < boundTargets.Count; i++) RequireEquality(boundTargets[i].Type, targets[i].Expr.Position);

            if (agg is not null)
            {
                plan = BuildAggregate(plan, scope, groupKeys, agg, out var mapper);
                lastAggMapper = mapper;
                boundTargets = boundTargets.Select((t, i) => mapper(t, targets[i].Expr)).ToList();
                if (having is not null) plan = new FilterNode(plan, mapper(having, core.Having!));
                orderExprs = orderExprs.Select(o => (o.TargetIndex >= 0 ? boundTargets[o.TargetIndex] : mapper(o.Expr, o.Item.Expr), o.Item, o.TargetIndex)).ToList();
                if (distinctOn is not null) distinctOn = distinctOn.Select((d, i) => mapper(d, core.DistinctOn![i])).ToArray();
            }
            _windows = null;
            if (windows.Calls.Count > 0)
            {
                Func<BoundExpr, BoundExpr>? inputMapper = null;
                if (agg is not null)
                {
                    var aggMapper = lastAggMapper!;
                    inputMapper = e => aggMapper(e, null!);
                }
                plan = BuildWindows(plan, windows, inputMapper, out var wmap);
                boundTargets = boundTargets.Select(wmap).ToList();
                orderExprs = orderExprs.Select(o => (wmap(o.Expr), o.Item, o.TargetIndex)).ToList();
                if (distinctOn is not null) distinctOn = distinctOn.Select(wmap).ToArray();
            }

            var width = boundTargets.Count;
            var projected = new List<BoundExpr>(boundTargets);
            foreach (var (expr, item, targetIndex) in orderExprs)
            {
                var index = targetIndex;
                if (index < 0) index = projected.FindIndex(p => p.Fingerprint == expr.Fingerprint);
                if (index < 0)
                {
                    if (core.Distinct && core.DistinctOn is null)
                        throw new TenonException(SqlState.InvalidColumnReference, "for SELECT DISTINCT, ORDER BY expressions must appear in select list") { Position = item.Expr.Position };
                    projected.Add(expr);
                    index = projected.Count - 1;
                }
                sortKeys.Add(MakeSortKey(new ColumnExpr(index, projected[index].Type, 0, "?"), item));
            }
            var distinctKeys = distinctOn?.Select(d =>
            {
                var i = projected.FindIndex(p => p.Fingerprint == d.Fingerprint);
                if (i < 0) { projected.Add(d); i = projected.Count - 1; }
                return (BoundExpr)new ColumnExpr(i, projected[i].Type, 0, "?");
            }).ToArray();

            var keepUnknown = ReferenceEquals(core, KeepUnknownOutputsOf) || _keepUnknown.Remove(core);
            var columns = projected.Select((e, i) => MakePlanColumn(e, i < width ? targets[i] : null, keepUnknown)).ToArray();
            (plan, projected) = PlanSetReturning(plan, projected);
            plan = new ProjectNode(plan, projected, columns);
            if (distinctKeys is not null)
            {
                // DISTINCT ON keeps the first row of each group in ORDER BY order.
                if (sortKeys.Count > 0) plan = new SortNode(plan, sortKeys);
                plan = new DistinctNode(plan, width, distinctKeys);
            }
            else
            {
                if (core.Distinct) plan = new DistinctNode(plan, width, null);
                if (sortKeys.Count > 0) plan = new SortNode(plan, sortKeys);
            }
            plan = ApplyLimit(plan, limit, offset);
            if (projected.Count > width) plan = new TrimNode(plan, width);
            return plan;
        }
        finally
        {
            _aggregates = null;
            _setReturning = null;
            _windows = null;
            _windowDefs = savedWindowDefs;
        }
    }

    /// <summary>
    /// The select list whose untyped literals keep type unknown (the SELECT of INSERT … SELECT,
    /// as PostgreSQL leaves them for the target columns to resolve: 'happy' into an enum column).
    /// </summary>
    public SelectCore? KeepUnknownOutputsOf { get; set; }

    /// <summary>Set-operation branches whose untyped literals stay unknown (see <see cref="BindBody"/>).</summary>
    private readonly HashSet<SelectCore> _keepUnknown = new(ReferenceEqualityComparer.Instance);

    private PlanColumn MakePlanColumn(BoundExpr e, SelectItem? item, bool keepUnknown = false)
    {
        var name = item?.Alias ?? (item is null ? "?column?" : ColumnLabel(item.Expr));
        var type = e.Type.Id == TypeId.Unknown && !keepUnknown ? SqlType.Text : e.Type;
        if (e is ColumnExpr { Level: 0, TableOid: > 0 } c)
            return new PlanColumn(name, type, c.TableOid, c.ColumnNumber);
        return new PlanColumn(name, type);
    }

    /// <summary>PostgreSQL's FigureColname: the label of an unaliased select-list item.</summary>
    public static string ColumnLabel(Expr e) => e switch
    {
        ColumnRef c => c.Column,
        FunctionCall f => f.Name.Name,
        Sql.Ast.CastExpr c => HasStrongLabel(c.Operand) ? ColumnLabel(c.Operand) : CastLabel(c.Type),
        TypedLiteral t => CastLabel(t.Type),
        Sql.Ast.CaseExpr => "case",
        ExistsExpr => "exists",
        ScalarSubqueryExpr s => s.Subquery.Body switch
        {
            SelectCore sc when sc.Targets.Count > 0 => sc.Targets[0].Alias ?? ColumnLabel(sc.Targets[0].Expr),
            ValuesBody => "column1",
            _ => "?column?",
        },
        ArrayExpr or ArraySubqueryExpr => "array",
        Sql.Ast.SubscriptExpr s => ColumnLabel(s.Operand),
        RowExpr => "row",
        FieldSelectExpr { Field: not "*" } f => f.Field,
        BoolLiteral => "bool",
        SqlValueFunction v => v.Kind switch
        {
            SqlValueFunctionKind.CurrentDate => "current_date",
            SqlValueFunctionKind.CurrentTime => "current_time",
            SqlValueFunctionKind.CurrentTimestamp => "current_timestamp",
            SqlValueFunctionKind.LocalTime => "localtime",
            SqlValueFunctionKind.LocalTimestamp => "localtimestamp",
            SqlValueFunctionKind.CurrentUser => "current_user",
            SqlValueFunctionKind.SessionUser => "session_user",
            SqlValueFunctionKind.User => "user",
            SqlValueFunctionKind.CurrentRole => "current_role",
            SqlValueFunctionKind.CurrentCatalog => "current_catalog",
            _ => "current_schema",
        },
        CollateExpr c => ColumnLabel(c.Operand),
        _ => "?column?",
    };

    /// <summary>
    /// Whether a cast keeps its operand's label: FigureColname lets a name from a column,
    /// function and the like win over the cast's type name, but not a weaker one from a cast,
    /// typed literal or CASE (so <c>'x'::text::inet</c> is labelled inet).
    /// </summary>
    private static bool HasStrongLabel(Expr e) => e switch
    {
        Sql.Ast.CastExpr c => HasStrongLabel(c.Operand),
        CollateExpr c => HasStrongLabel(c.Operand),
        TypedLiteral or Sql.Ast.CaseExpr or BoolLiteral => false,
        _ => ColumnLabel(e) != "?column?",
    };

    private static string CastLabel(TypeName t) => t.Name switch
    {
        "bpchar" => "bpchar",
        _ => t.Name,
    };

    private List<SelectItem> ExpandTargets(IReadOnlyList<SelectItem> items, Scope scope)
    {
        var result = new List<SelectItem>();
        foreach (var item in items)
        {
            // (t.*).* in a select list is t.*.
            var expr = item.Expr is FieldSelectExpr { Field: "*", Operand: StarExpr { Table: not null } inner } ? inner : item.Expr;
            if (expr is not StarExpr star) { result.Add(item); continue; }
            if (star.Table is null)
            {
                if (scope.Entries.Count == 0)
                    throw new TenonException(SqlState.SyntaxError, "SELECT * with no tables specified is not valid") { Position = star.Position };
                foreach (var c in scope.Star)
                    result.Add(new SelectItem(new ColumnRef(c.Alias is null ? [c.Name] : [c.Alias, c.Name]) { Position = star.Position }, null));
            }
            else
            {
                var entry = scope.FindEntry(star.Table)
                    ?? throw new TenonException(SqlState.UndefinedTable, $"missing FROM-clause entry for table \"{star.Table}\"") { Position = star.Position };
                foreach (var c in entry.Columns.Where(c => !c.Hidden))
                    result.Add(new SelectItem(new ColumnRef([star.Table, c.Name]) { Position = star.Position }, null));
            }
        }
        return result;
    }

    // ORDER BY n / ORDER BY output_name refer to select-list items, as in PostgreSQL: a name that
    // several items carry is ambiguous unless they are the same column.
    private static int FindOrderTarget(OrderItem item, List<SelectItem> targets, List<BoundExpr> bound)
    {
        if (item.Expr is IntegerLiteral lit)
        {
            if (lit.Value < 1 || lit.Value > targets.Count)
                throw new TenonException(SqlState.InvalidColumnReference, $"ORDER BY position {lit.Value} is not in select list") { Position = item.Expr.Position };
            return (int)lit.Value - 1;
        }
        if (item.Expr is ColumnRef { Names.Count: 1 } c)
        {
            var found = -1;
            for (var i = 0; i < targets.Count; i++)
            {
                var t = targets[i];
                if ((t.Alias ?? (t.Expr is ColumnRef r ? r.Column : null)) != c.Column) continue;
                if (found < 0) found = i;
                else if (!SameColumn(bound[found], bound[i]))
                    throw new TenonException(SqlState.AmbiguousColumn, $"ORDER BY \"{c.Column}\" is ambiguous") { Position = item.Expr.Position };
            }
            return found;
        }
        return -1;
    }

    private static bool SameColumn(BoundExpr a, BoundExpr b) =>
        ReferenceEquals(a, b) || (a is ColumnExpr x && b is ColumnExpr y && x.Index == y.Index && x.Level == y.Level);

    private BoundExpr BindGroupKey(Expr g, List<SelectItem> targets, Scope scope)
    {
        if (g is IntegerLiteral lit)
        {
            if (lit.Value < 1 || lit.Value > targets.Count)
                throw new TenonException(SqlState.InvalidColumnReference, $"GROUP BY position {lit.Value} is not in select list") { Position = g.Position };
            return BindExpr(targets[(int)lit.Value - 1].Expr, scope);
        }
        if (g is ColumnRef { Names.Count: 1 } c && scope.FindUnqualified(c.Column, c.Position) is null)
        {
            var target = targets.FirstOrDefault(t => t.Alias == c.Column);
            if (target is not null) return BindExpr(target.Expr, scope);
        }
        return BindExpr(g, scope);
    }

    /// <summary>
    /// Adds the aggregate node and returns a mapper that rewrites expressions bound over the input
    /// scope into expressions over the aggregate's output row, raising 42803 for ungrouped columns.
    /// Columns of a table whose primary key is grouped are allowed (functional dependency).
    /// </summary>
    private PlanNode BuildAggregate(PlanNode input, Scope scope, List<BoundExpr> groupKeys, AggregateScope agg, out Func<BoundExpr, Expr, BoundExpr> mapper)
    {
        var keys = new List<BoundExpr>(groupKeys);
        // The primary key each key added for a functional dependency comes through.
        var dependencyKeys = new List<uint>();
        // Functional dependency on a grouped primary key.
        foreach (var entry in scope.Entries)
        {
            if (entry.TableOid == 0 || !Catalog.Tables.TryGetValue(entry.TableOid, out var table) || table.PrimaryKey is not { } pk) continue;
            var pkCols = pk.Columns.Select(n => entry.Columns.First(c => c.ColumnNumber == n).Index).ToList();
            var grouped = pkCols.All(ix => groupKeys.Any(k => k is ColumnExpr { Level: 0 } ce && ce.Index == ix));
            if (!grouped) continue;
            foreach (var c in entry.Columns.Where(c => !c.Hidden))
                if (!keys.Any(k => k is ColumnExpr { Level: 0 } ce && ce.Index == c.Index))
                {
                    keys.Add(new ColumnExpr(c.Index, c.Type, 0, $"{entry.Alias}.{c.Name}"));
                    dependencyKeys.Add(pk.Oid);
                }
        }
        var keyCount = keys.Count;
        var columns = keys.Select(k => new PlanColumn("?", k.Type))
            .Concat(agg.Calls.Select(c => new PlanColumn(c.Function.Name, c.Function.ResultType))).ToArray();
        var node = (PlanNode?)TryJoinAggregate(input, keys, agg.Calls, columns) ?? new AggregateNode(input, keys, agg.Calls, columns);
        var keyPrints = keys.Select(k => k.Fingerprint).ToList();

        var width = scope.Width;
        BoundExpr? Map(BoundExpr e)
        {
            if (e is AggregateRef a && ReferenceEquals(a.Owner, agg))
                return new SlotExpr(keyCount + a.Index, a.Type, a.Fingerprint);
            var k = keyPrints.IndexOf(e.Fingerprint);
            if (k >= 0 && e is not ConstExpr)
            {
                if (k >= groupKeys.Count) Dependencies?.Constraints.Add(dependencyKeys[k - groupKeys.Count]);
                return new SlotExpr(k, e.Type, $"group#{k}");
            }
            if (e is ColumnExpr { Level: 0 } col)
                throw new TenonException(SqlState.GroupingError,
                    $"column \"{col.Name}\" must appear in the GROUP BY clause or be used in an aggregate function") { Position = col.Position };
            if (e is SubqueryExpr sq && _subqueryReferences.TryGetValue(sq.Plan, out var refs) && refs.Any(r => ReferenceEquals(r.Found, scope)))
                return sq.WithOuterRow(sq.Children.FirstOrDefault()?.Rewrite(Map), GroupedOuterRow(refs.Where(r => ReferenceEquals(r.Found, scope)), keyPrints, width));
            return null;
        }
        mapper = (bound, ast) => bound.Rewrite(Map);
        return node;
    }

    /// <summary>
    /// A subquery in a grouped query's output (or HAVING, ORDER BY) runs once per group: the columns
    /// of the grouped query it reads must be group keys, as in PostgreSQL (42803 otherwise), and it
    /// sees them at their ungrouped positions, filled from the aggregate's output row.
    /// </summary>
    private static Func<object?[], object?[]> GroupedOuterRow(IEnumerable<OuterColumnReference> refs, List<string> keyPrints, int width)
    {
        var map = new List<(int Index, int Slot)>();
        foreach (var r in refs)
        {
            var slot = keyPrints.IndexOf($"col(0:{r.Index})");
            if (slot < 0)
                throw new TenonException(SqlState.GroupingError, $"subquery uses ungrouped column \"{r.Name}\" from outer query") { Position = r.Position };
            map.Add((r.Index, slot));
        }
        return groupRow =>
        {
            var row = new object?[width];
            foreach (var (index, slot) in map) row[index] = groupRow[slot];
            return row;
        };
    }
}
