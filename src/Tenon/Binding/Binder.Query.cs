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
    private readonly List<Dictionary<string, CteBinding>> _ctes = new();
    private readonly List<SubqueryFrame> _subqueries = new();

    private sealed class CteBinding(string name, PlanNode plan)
    {
        public string Name { get; } = name;
        public PlanNode Plan { get; set; } = plan;
        /// <summary>A data-modifying WITH query without RETURNING, which cannot be read.</summary>
        public bool WithoutReturning { get; init; }
    }

    private sealed class SubqueryFrame(Scope? root)
    {
        public Scope? Root { get; } = root;
        public bool Correlated { get; set; }
        public List<OuterColumnReference> References { get; } = new();
    }

    /// <summary>A column of an enclosing query's scope that a subquery (or one nested in it) reads.</summary>
    private sealed record OuterColumnReference(Scope Found, int Index, string Name, int Position);

    /// <summary>The outer columns each bound subquery reads, by its plan (see <see cref="BuildAggregate"/>).</summary>
    private readonly Dictionary<PlanNode, List<OuterColumnReference>> _subqueryReferences = new(ReferenceEqualityComparer.Instance);

    /// <summary>Binds a subquery used in an expression; reports whether it reads enclosing rows.</summary>
    public (PlanNode Plan, bool Correlated) BindSubquery(Query q, Scope? scope)
    {
        var frame = new SubqueryFrame(scope);
        _subqueries.Add(frame);
        var savedAgg = _aggregates;
        var savedClause = _clause;
        var (savedWindows, savedWindowError, savedWindowDefs) = (_windows, _windowError, _windowDefs);
        _aggregates = null;
        _windows = null;
        _windowError = null;
        try
        {
            var plan = BindQuery(q, scope);
            if (frame.References.Count > 0) _subqueryReferences[plan] = frame.References;
            return (plan, frame.Correlated);
        }
        finally
        {
            _subqueries.RemoveAt(_subqueries.Count - 1);
            _aggregates = savedAgg;
            _clause = savedClause;
            (_windows, _windowError, _windowDefs) = (savedWindows, savedWindowError, savedWindowDefs);
        }
    }

    /// <summary>
    /// Marks enclosing subqueries as correlated when a column resolves in scope <paramref name="found"/>
    /// above them, and notes which column (<paramref name="column"/>; null for a constant such as tableoid).
    /// </summary>
    private void NoteOuterReference(Scope found, ColumnExpr? column = null)
    {
        foreach (var frame in _subqueries)
            for (var s = frame.Root; s is not null; s = s.Parent)
                if (ReferenceEquals(s, found))
                {
                    frame.Correlated = true;
                    if (column is not null) frame.References.Add(new OuterColumnReference(found, column.Index, column.Name, column.Position));
                    break;
                }
    }

    /// <summary>Binds a full query (WITH, body, ORDER BY, LIMIT/OFFSET) whose outer scope is <paramref name="outer"/>.</summary>
    public PlanNode BindQuery(Query q, Scope? outer)
    {
        var pushed = false;
        var topLevel = _topLevelQuery;
        _topLevelQuery = false;
        if (q.With is not null) { BindWith(q.With, outer, topLevel); pushed = true; }
        try
        {
            PlanNode plan;
            if (q.Body is SelectCore core)
                plan = BindSelectCore(core, outer, q.OrderBy, q.Limit, q.Offset);
            else
            {
                plan = BindBody(q.Body, outer);
                if (q.OrderBy.Count > 0) plan = BindOutputOrder(plan, q.OrderBy);
                plan = ApplyLimit(plan, q.Limit, q.Offset);
            }
            return plan;
        }
        finally
        {
            if (pushed) _ctes.RemoveAt(_ctes.Count - 1);
        }
    }

    /// <summary>
    /// The WITH of an INSERT, UPDATE or DELETE: its queries are visible to the whole statement
    /// (data-modifying ones included).
    /// </summary>
    public void BindStatementWith(WithClause? with)
    {
        if (with is not null) BindWith(with, null, topLevel: true);
    }

    private void BindWith(WithClause with, Scope? outer, bool topLevel)
    {
        var frame = new Dictionary<string, CteBinding>();
        _ctes.Add(frame);
        foreach (var cte in with.Ctes)
        {
            if (frame.ContainsKey(cte.Name))
                throw new TenonException(SqlState.DuplicateAlias, $"WITH query name \"{cte.Name}\" specified more than once") { Position = cte.Position };
            if (cte.Statement is not SelectStatement sel)
            {
                frame[cte.Name] = BindDataModifyingCte(cte, topLevel);
                continue;
            }
            PlanNode plan;
            if (with.Recursive && sel.Query.Body is SetOperationBody { Operator: SetOperator.Union } union && ReferencesName(union.Right, cte.Name))
            {
                var seed = BindBody(union.Left, outer);
                var columns = RenameColumns(seed.Columns, cte.ColumnNames, cte.Position);
                var work = new WorkTableNode(columns);
                var binding = new CteBinding(cte.Name, work);
                frame[cte.Name] = binding;
                var recursive = BindBody(union.Right, outer);
                if (recursive.Columns.Count != columns.Count)
                    throw new TenonException(SqlState.SyntaxError, "each UNION query must have the same number of columns") { Position = union.Right.Position };
                var casts = new List<BoundExpr>();
                for (var i = 0; i < columns.Count; i++)
                {
                    var col = new ColumnExpr(i, recursive.Columns[i].Type, 0, recursive.Columns[i].Name);
                    var c = TryCoerce(col, columns[i].Type, CastContext.Implicit);
                    if (c is null)
                        throw new TenonException(SqlState.DatatypeMismatch,
                            $"recursive query \"{cte.Name}\" column {i + 1} has type {columns[i].Type.DisplayName} in non-recursive term but type {recursive.Columns[i].Type.DisplayName} overall",
                            hint: "Cast the output of the non-recursive term to the correct type.") { Position = union.Left.Position };
                    casts.Add(c);
                }
                recursive = new ProjectNode(recursive, casts, columns);
                plan = new RecursiveUnionNode(new RenameNode(seed, columns), recursive, work, union.All);
                plan = ApplyQueryTail(plan, sel.Query);
            }
            else
            {
                plan = BindQuery(sel.Query, outer);
                plan = new RenameNode(plan, RenameColumns(plan.Columns, cte.ColumnNames, cte.Position));
            }
            frame[cte.Name] = new CteBinding(cte.Name, new MaterializeNode(plan));
        }
    }

    private PlanNode ApplyQueryTail(PlanNode plan, Query q)
    {
        if (q.OrderBy.Count > 0) plan = BindOutputOrder(plan, q.OrderBy);
        return ApplyLimit(plan, q.Limit, q.Offset);
    }

    private static bool ReferencesName(QueryBody body, string name) => body switch
    {
        SelectCore c => c.From.Any(f => TableRefReferences(f, name)),
        SetOperationBody s => ReferencesName(s.Left, name) || ReferencesName(s.Right, name),
        NestedQueryBody n => ReferencesName(n.Query.Body, name),
        _ => false,
    };

    private static bool TableRefReferences(TableRef t, string name) => t switch
    {
        NamedTableRef n => n.Name.Schema is null && n.Name.Name == name,
        JoinTableRef j => TableRefReferences(j.Left, name) || TableRefReferences(j.Right, name),
        SubqueryTableRef s => ReferencesName(s.Query.Body, name),
        _ => false,
    };

    private static IReadOnlyList<PlanColumn> RenameColumns(IReadOnlyList<PlanColumn> columns, IReadOnlyList<string>? names, int position)
    {
        if (names is null) return columns;
        if (names.Count > columns.Count)
            throw new TenonException(SqlState.InvalidColumnReference, $"table \"?\" has {columns.Count} columns available but {names.Count} columns specified") { Position = position };
        return columns.Select((c, i) => i < names.Count ? c with { Name = names[i] } : c).ToArray();
    }

    /// <summary>Binds a query body without its own ORDER BY/LIMIT (set-operation operands, VALUES).</summary>
    private PlanNode BindBody(QueryBody body, Scope? outer)
    {
        switch (body)
        {
            case SelectCore core:
                return BindSelectCore(core, outer, Array.Empty<OrderItem>(), null, null);
            case NestedQueryBody nested:
                return BindQuery(nested.Query, outer);
            case ValuesBody values:
                return BindValues(values, outer, null);
            case SetOperationBody set:
            {
                // Untyped literals of a branch's select list stay unknown until the branches meet
                // ('happy' beside an enum column becomes the enum, as in PostgreSQL).
                if (set.Left is SelectCore leftCore) _keepUnknown.Add(leftCore);
                if (set.Right is SelectCore rightCore) _keepUnknown.Add(rightCore);
                var left = BindBody(set.Left, outer);
                var right = BindBody(set.Right, outer);
                var opName = set.Operator.ToString().ToUpperInvariant();
                if (left.Columns.Count != right.Columns.Count)
                    throw new TenonException(SqlState.SyntaxError, $"each {opName} query must have the same number of columns") { Position = set.Right.Position };
                var leftExprs = new List<BoundExpr>();
                var rightExprs = new List<BoundExpr>();
                var columns = new List<PlanColumn>();
                for (var i = 0; i < left.Columns.Count; i++)
                {
                    var l = new ColumnExpr(i, left.Columns[i].Type, 0, left.Columns[i].Name);
                    var r = new ColumnExpr(i, right.Columns[i].Type, 0, right.Columns[i].Name);
                    var unified = UnifyTypes([l, r], opName, [set.Left.Position, set.Right.Position], out var type);
                    if (type.Id == TypeId.Unknown)
                    {
                        type = SqlType.Text;
                        unified = [TryCoerce(unified[0], type, CastContext.Implicit)!, TryCoerce(unified[1], type, CastContext.Implicit)!];
                    }
                    // Without ALL the rows are compared, which json cannot be.
                    if (!set.All)
                        RequireEquality(type, set.Left is SelectCore lc && i < lc.Targets.Count ? lc.Targets[i].Expr.Position : set.Left.Position);
                    leftExprs.Add(unified[0]);
                    rightExprs.Add(unified[1]);
                    columns.Add(new PlanColumn(left.Columns[i].Name, type));
                }
                return new SetOperationNode(set.Operator, set.All,
                    new ProjectNode(left, leftExprs, columns), new ProjectNode(right, rightExprs, columns), columns);
            }
        }
        throw new TenonException(SqlState.FeatureNotSupported, "unsupported query form") { Position = body.Position };
    }

    /// <summary>VALUES lists: one type per column, unified across rows (or taken from <paramref name="targetTypes"/>).</summary>
    public PlanNode BindValues(ValuesBody values, Scope? outer, IReadOnlyList<SqlType>? targetTypes)
    {
        var width = values.Rows[0].Count;
        // The rows are a query level of their own: a name of an enclosing query (a correlated or
        // LATERAL VALUES) is an outer reference, read from the outer row at run time.
        var rowScope = new Scope(outer);
        var bound = new List<List<BoundExpr>>();
        foreach (var row in values.Rows)
        {
            if (row.Count != width)
                throw new TenonException(SqlState.SyntaxError, "VALUES lists must all be the same length") { Position = row.Count > 0 ? row[0].Position : values.Position };
            bound.Add(row.Select(e => BindExpr(e, rowScope)).ToList());
        }
        var columns = new List<PlanColumn>();
        for (var c = 0; c < width; c++)
        {
            var column = bound.Select(r => r[c]).ToList();
            var unified = UnifyTypes(column, "VALUES", values.Rows.Select(r => r[c].Position).ToList(), out var type);
            if (type.Id == TypeId.Unknown)
            {
                type = SqlType.Text;
                unified = unified.Select(u => TryCoerce(u, type, CastContext.Implicit)!).ToList();
            }
            for (var r = 0; r < bound.Count; r++) bound[r][c] = unified[r];
            columns.Add(new PlanColumn($"column{c + 1}", type));
        }
        return new ValuesNode(bound, columns);
    }

    private PlanNode ApplyLimit(PlanNode plan, Expr? limit, Expr? offset)
    {
        if (limit is null && offset is null) return plan;
        BoundExpr? Bind(Expr? e, string clause)
        {
            if (e is null) return null;
            if (ContainsColumnRef(e))
                throw new TenonException(SqlState.InvalidColumnReference, $"argument of {clause} must not contain variables") { Position = e.Position };
            var b = BindExpr(e, null);
            return TryCoerce(b, SqlType.Int8, CastContext.Implicit, e.Position)
                ?? throw new TenonException(SqlState.DatatypeMismatch, $"argument of {clause} must be type bigint, not type {b.Type.DisplayName}") { Position = e.Position };
        }
        return new LimitNode(plan, Bind(limit, "LIMIT"), Bind(offset, "OFFSET"));
    }

    private static bool ContainsColumnRef(Expr e) => e switch
    {
        ColumnRef => true,
        BinaryExpr b => ContainsColumnRef(b.Left) || ContainsColumnRef(b.Right),
        UnaryExpr u => ContainsColumnRef(u.Operand),
        Sql.Ast.CastExpr c => ContainsColumnRef(c.Operand),
        NamedArgExpr n => ContainsColumnRef(n.Value),
        _ => false,
    };

    /// <summary>ORDER BY over the output of a set operation or VALUES: output names and ordinals only.</summary>
    private PlanNode BindOutputOrder(PlanNode plan, IReadOnlyList<OrderItem> orderBy)
    {
        var scope = new Scope(null);
        var cols = plan.Columns.Select((c, i) => new ScopeColumn(c.Name, c.Type, i)).ToList();
        scope.Add(new RangeEntry(null, cols));
        var keys = new List<SortKey>();
        foreach (var item in orderBy)
        {
            BoundExpr key;
            if (item.Expr is IntegerLiteral lit)
            {
                if (lit.Value < 1 || lit.Value > plan.Columns.Count)
                    throw new TenonException(SqlState.InvalidColumnReference, $"ORDER BY position {lit.Value} is not in select list") { Position = item.Expr.Position };
                var i = (int)lit.Value - 1;
                key = new ColumnExpr(i, plan.Columns[i].Type, 0, plan.Columns[i].Name);
            }
            else key = BindExpr(item.Expr, scope);
            keys.Add(MakeSortKey(key, item));
        }
        return new SortNode(plan, keys);
    }

    private SortKey MakeSortKey(BoundExpr key, OrderItem item)
    {
        if (key.Type.Id == TypeId.Unknown) key = TryCoerce(key, SqlType.Text, CastContext.Implicit)!;
        RequireOrdering(key.Type, item.Expr.Position);
        if (item.UsingOperator is not null)
        {
            var desc = item.UsingOperator is ">" or ">=";
            return new SortKey(key, desc, item.NullsFirst ?? desc);
        }
        return new SortKey(key, item.Descending, item.NullsFirst ?? item.Descending);
    }
}
