using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Execution.Plan;
using Tenon.Types;

namespace Tenon.Execution.Explain;

/// <summary>
/// Turns a Tenon plan into the tree EXPLAIN prints (each plan node describes itself in its
/// <c>Explain</c> method, Execution/Explain/Nodes/) and prints expressions the way PostgreSQL's
/// EXPLAIN does, through <see cref="Deparser"/> in its plain (fully parenthesized) mode.
///
///   X.1  A column of a node's input prints as whatever produced it below: a table column, or
///        the expression a projection or an aggregate computed (PostgreSQL resolves a plan's
///        references to its child's output the same way).
///   X.2  Table columns carry their relation's name where PostgreSQL's EXPLAIN puts it: in a
///        scan's own conditions only with VERBOSE; in conditions and keys of other nodes when the
///        query has more than one relation (or VERBOSE); values a nested loop passes into an index
///        scan and outer references of a subquery always.
///   X.3  A subquery inside an expression is a SubPlan (correlated: <c>(SubPlan n)</c>; an
///        uncorrelated IN/ANY: <c>(hashed SubPlan n)</c>) or, when uncorrelated and single-valued,
///        an InitPlan whose value prints as <c>$k</c>; its plan is listed under the node.
/// </summary>
public sealed class ExplainBuilder(ExecContext ctx, bool verbose, int relationCount)
{
    private int _subPlans;
    private int _params;

    public ExecContext Context => ctx;
    public bool Verbose => verbose;
    public Catalog.SystemCatalog Catalog => ctx.Transaction.Catalog;

    /// <summary>Relations (scans of tables, VALUES, functions, subqueries) met while describing: decides X.2 on a second pass.</summary>
    public int Relations { get; set; }

    /// <summary>Qualification for conditions and keys above the scans (X.2).</summary>
    public bool UpperPrefix => verbose || relationCount > 1;

    /// <summary>The columns of a nested loop's outer row while its inner index scan is described (X.2).</summary>
    public IReadOnlyList<ColumnText>? ProbeColumns { get; set; }

    public Explained Build(PlanNode node) => node.Explain(this);

    /// <summary>A relation's columns, named <c>alias.column</c> when prefixed.</summary>
    public static ColumnText[] RelationColumns(string alias, IReadOnlyList<PlanColumn> columns) =>
        columns.Select(c => (ColumnText)(prefix => prefix ? $"{Quote(alias)}.{Quote(c.Name)}" : Quote(c.Name))).ToArray();

    public static string Quote(string name) => SqlErrors.QuoteIdentifier(name);

    /// <summary>The text of an expression over a row whose columns are <paramref name="columns"/>.</summary>
    public string Expr(BoundExpr e, IReadOnlyList<ColumnText> columns, bool prefix, ExplainNode owner)
    {
        string Column(int index, string name) => index < columns.Count ? columns[index](prefix) : name;
        var deparser = new Deparser(Catalog, ctx.Settings, pretty: false,
            c => c.Level > 0 ? c.Name : Column(c.Index, c.Name),
            x => x switch
            {
                SlotExpr slot => Column(slot.Index, "?"),
                ArrayQuantifiedExpr q => $"({Expr(q.Children.First(), columns, prefix, owner)} {q.OperatorName} {(q.All ? "ALL" : "ANY")} "
                    + $"({Expr(q.Children.Last(), columns, prefix, owner)}))",
                // An array of constants is one constant to PostgreSQL's planner: '{1,2}'::integer[].
                ArrayConstructorExpr a when a.Children.All(i => i is ConstExpr) && a.Eval([], ctx) is { } array =>
                    $"'{ValueText.Format(array, a.Type, ctx.Settings).Replace("'", "''")}'::{a.Type.DisplayName}",
                ArrayConstructorExpr a => "ARRAY[" + string.Join(", ", a.Children.Select(i => Expr(i, columns, prefix, owner))) + "]",
                _ => PlanText(x, owner),
            }) { SingleLine = true, FoldConstantArrays = true, FoldConstantCasts = true };
        return deparser.Print(e);
    }

    /// <summary>
    /// An output column computed by an expression, as a node above refers to it: in parentheses
    /// unless it is a column itself (X.1; PostgreSQL prints a reference that resolves to anything
    /// but a column that way).
    /// </summary>
    public ColumnText Computed(BoundExpr e, IReadOnlyList<ColumnText> columns, ExplainNode owner) =>
        e is ColumnExpr { Level: 0 } c && c.Index < columns.Count ? columns[c.Index]
        : e is SlotExpr s && s.Index < columns.Count ? columns[s.Index]
        : prefix => "(" + Expr(e, columns, prefix, owner) + ")";

    /// <summary>An implicitly AND-ed list of conditions, as PostgreSQL prints a qual list.</summary>
    public string Qual(IReadOnlyList<BoundExpr> conjuncts, IReadOnlyList<ColumnText> columns, bool prefix, ExplainNode owner)
    {
        if (conjuncts.Count == 1) return Expr(conjuncts[0], columns, prefix, owner);
        return "(" + string.Join(" AND ", conjuncts.Select(c => Expr(c, columns, prefix, owner))) + ")";
    }

    /// <summary>The conjuncts of a condition (AND chains flattened).</summary>
    public static List<BoundExpr> Conjuncts(BoundExpr? e)
    {
        var result = new List<BoundExpr>();
        void Walk(BoundExpr x)
        {
            if (x is LogicalExpr { IsAnd: true } and)
                foreach (var o in and.Operands) Walk(o);
            else result.Add(x);
        }
        if (e is not null) Walk(e);
        return result;
    }

    private readonly Dictionary<SubqueryExpr, string> _subqueryText = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _refNames = new(StringComparer.Ordinal);

    /// <summary>A relation's name in this plan: a name used before gets <c>_1</c>, <c>_2</c>, … as PostgreSQL makes them unique.</summary>
    public string RefName(string name)
    {
        if (!_refNames.TryGetValue(name, out var seen)) { _refNames[name] = 0; return name; }
        while (true)
        {
            var candidate = $"{name}_{++seen}";
            if (_refNames.ContainsKey(candidate)) continue;
            _refNames[name] = seen;
            _refNames[candidate] = 0;
            return candidate;
        }
    }

    /// <summary>Qualification for VERBOSE Output lists: only when the query has more than one relation.</summary>
    public bool OutputPrefix => relationCount > 1;

    // X.3
    private string? PlanText(BoundExpr e, ExplainNode owner)
    {
        switch (e)
        {
            case SubqueryExpr s when _subqueryText.TryGetValue(s, out var known):
                return known;
            case SubqueryExpr s:
            {
                var text = SubPlan(s, owner);
                _subqueryText[s] = text;
                return text;
            }
        }
        return null;
    }

    private string SubPlan(SubqueryExpr s, ExplainNode owner)
    {
        var number = ++_subPlans;
        var saved = ProbeColumns;
        ProbeColumns = null;
        var plan = Build(s.Plan).Node;
        ProbeColumns = saved;
        if (!s.Correlated && s.Kind is SubqueryKind.Scalar or SubqueryKind.Exists or SubqueryKind.Array)
        {
            var param = _params++;
            owner.InitPlans.Add(($"InitPlan {number} (returns ${param})", plan));
            return $"${param}";
        }
        owner.SubPlans.Add(($"SubPlan {number}", plan));
        return !s.Correlated && s.Kind == SubqueryKind.Any ? $"(hashed SubPlan {number})" : $"(SubPlan {number})";
    }

    /// <summary>PostgreSQL's width estimate of a value of the type, in bytes (32 for variable-length types).</summary>
    public static int WidthOf(SqlType type) => type.Id switch
    {
        TypeId.Bool => 1,
        TypeId.Int2 => 2,
        TypeId.Int4 or TypeId.Float4 or TypeId.Date or TypeId.Oid => 4,
        TypeId.Int8 or TypeId.Float8 or TypeId.Timestamp or TypeId.Timestamptz or TypeId.Time => 8,
        TypeId.Uuid or TypeId.Interval => 16,
        _ => 32,
    };

    public static int WidthOf(IEnumerable<PlanColumn> columns) => columns.Sum(c => WidthOf(c.Type));
}
