using System.Text;
using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// Prints a stored query the way PostgreSQL 15's ruleutils (get_query_def) prints a view's query
/// for pg_get_viewdef. The query is bound again with a <see cref="BindRecording"/>, so each
/// expression prints from its bound form through <see cref="Deparser"/> (casts, operators,
/// constants as PostgreSQL shows them), and the clauses are laid out from the AST:
///
///   Q.1  Layout is ruleutils' appendContextKeyword: a query level indents by 8 and starts with a
///        space (" SELECT"); FROM, WHERE, GROUP BY, HAVING, WINDOW, ORDER BY, LIMIT and OFFSET
///        start a new line at the level's indentation minus 8, plus 2 (FROM), 1 (WHERE … ORDER
///        BY) or 0 (LIMIT, OFFSET); a JOIN keyword goes on its own line indented 4 more than that.
///   Q.2  Select-list items and FROM items after the first start a new line indented 4 when the
///        current line plus the item would pass the wrap column (0 by default: always), or the
///        previous item took several lines. Trailing spaces before a line break are dropped.
///   Q.3  Every column is qualified with its FROM item's name (a view's query has more than one
///        range-table entry in PostgreSQL 15: OLD and NEW); a merged FULL JOIN column is not.
///   Q.4  An item shows <c>AS name</c> unless it is a column of that same name; top-level names
///        are the view's column names.
///   Q.5  GROUP BY / ORDER BY / PARTITION BY items that are not plain columns are parenthesized in
///        pretty mode (function calls always); ORDER BY n and GROUP BY n print the select-list
///        item they name.
///   Q.6  Subqueries in expressions are sublinks: <c>(EXISTS ( SELECT …))</c>, <c>(x IN ( SELECT …))</c>,
///        <c>( SELECT …)</c>, <c>ARRAY( SELECT …)</c>; a sublink under an operator gets a
///        further pair of parentheses in pretty mode.
///   Q.7  Non-pretty mode differs only in parentheses: every operator, and every join.
/// </summary>
public sealed class QueryDeparser
{
    private const int IndentStd = 8, IndentJoin = 4, IndentVar = 4;

    private readonly ExecContext _ctx;
    private readonly BindRecording _rec;
    private readonly bool _pretty;
    private readonly int _wrap;
    private StringBuilder _sb = new();
    private int _indent;

    public QueryDeparser(ExecContext ctx, BindRecording recording, bool pretty, int wrapColumn)
    {
        _ctx = ctx;
        _rec = recording;
        _pretty = pretty;
        _wrap = wrapColumn;
    }

    private SystemCatalog Catalog => _ctx.Transaction.Catalog;

    /// <summary>pg_get_viewdef's text of a view's or materialized view's query, ending in ';'.</summary>
    public string PrintView(Query q, IReadOnlyList<string> columnNames)
    {
        _sb.Clear();
        _indent = 0;
        PrintQuery(q, columnNames);
        _sb.Append(';');
        return _sb.ToString();
    }

    // ---- layout ----------------------------------------------------------------------------------

    private void Keyword(string text, int before, int after, int plus)
    {
        _indent += before;
        TrimTrailingSpaces();
        _sb.Append('\n').Append(' ', Math.Max(_indent, 0) + plus).Append(text);
        _indent += after;
        if (_indent < 0) _indent = 0;
    }

    private void TrimTrailingSpaces()
    {
        while (_sb.Length > 0 && _sb[^1] == ' ') _sb.Length--;
    }

    /// <summary>Runs <paramref name="print"/> into a buffer of its own and returns its text (the indentation carries on).</summary>
    private string Capture(Action print)
    {
        var saved = _sb;
        _sb = new StringBuilder();
        try
        {
            print();
            return _sb.ToString();
        }
        finally { _sb = saved; }
    }

    /// <summary>Appends an item of a comma list, breaking the line before it as Q.2 says.</summary>
    private void AppendWrapped(string item, int number, ref bool lastMultiline)
    {
        if (_wrap >= 0)
        {
            var leadingNewline = item.Length > 0 && item[0] == '\n';
            if (leadingNewline) TrimTrailingSpaces();
            else
            {
                var text = _sb.ToString();
                var lineStart = text.LastIndexOf('\n') + 1;
                if (number > 1 && (text.Length - lineStart + item.Length > _wrap || lastMultiline))
                    Keyword("", -IndentStd, IndentStd, IndentVar);
            }
            lastMultiline = item.IndexOf('\n', leadingNewline ? 1 : 0) >= 0;
        }
        _sb.Append(item);
    }

    // ---- queries ---------------------------------------------------------------------------------

    /// <summary>get_query_def: one query level with its own indentation.</summary>
    private void PrintQuery(Query q, IReadOnlyList<string>? columnNames)
    {
        var saved = _indent;
        var prenamed = q.With is not null && q.Body is SelectCore;
        if (prenamed)
        {
            NameEntries(((SelectCore)q.Body).From);
            _named.Add((SelectCore)q.Body);
        }
        try
        {
            if (q.With is { } with) PrintWith(with);
            PrintBody(q.Body, columnNames);
        }
        finally
        {
            if (prenamed) _namesInUse.RemoveAt(_namesInUse.Count - 1);
        }
        if (q.OrderBy.Count > 0)
        {
            Keyword(" ORDER BY ", -IndentStd, IndentStd, 1);
            var targets = q.Body is SelectCore core ? TargetsOf(core) : null;
            for (var i = 0; i < q.OrderBy.Count; i++)
            {
                if (i > 0) _sb.Append(", ");
                PrintOrderItem(q.OrderBy[i], targets, q.Body is not SelectCore);
            }
        }
        if (q.Offset is not null)
        {
            Keyword(" OFFSET ", -IndentStd, IndentStd, 0);
            _sb.Append(ExprText(q.Offset));
        }
        if (q.Limit is not null)
        {
            Keyword(" LIMIT ", -IndentStd, IndentStd, 0);
            _sb.Append(q.Limit is NullLiteral ? "ALL" : ExprText(q.Limit));
        }
        if (q.Locking is { } locking) _sb.Append(' ').Append(locking.ToUpperInvariant());
        _indent = saved;
    }

    private void PrintWith(WithClause with)
    {
        // get_with_clause: "WITH name(cols) AS (" the query on lines of its own ")".
        _indent += IndentStd;
        _sb.Append(" WITH ");
        if (with.Recursive) _sb.Append("RECURSIVE ");
        var sep = "";
        foreach (var cte in with.Ctes)
        {
            _sb.Append(sep);
            sep = ", ";
            _sb.Append(Q(cte.Name));
            if (cte.ColumnNames is { } cols) _sb.Append('(').Append(string.Join(", ", cols.Select(Q))).Append(')');
            _sb.Append(" AS ");
            if (cte.Materialized is { } m) _sb.Append(m ? "MATERIALIZED " : "NOT MATERIALIZED ");
            _sb.Append('(');
            Keyword("", 0, 0, 0);
            if (cte.Statement is SelectStatement select) WithNamesVisible(true, () => PrintQuery(select.Query, null));
            else throw NotDisplayable();
            Keyword(")", 0, 0, 0);
        }
        _indent -= IndentStd;
        Keyword("", 0, 0, 0);
    }

    private void PrintBody(QueryBody body, IReadOnlyList<string>? columnNames)
    {
        switch (body)
        {
            case SelectCore core:
                PrintSelect(core, columnNames);
                break;
            case NestedQueryBody nested:
                PrintQuery(nested.Query, columnNames);
                break;
            case ValuesBody values:
                PrintValues(values);
                break;
            case SetOperationBody setOp:
                PrintSetOperation(setOp, columnNames);
                break;
            default:
                throw NotDisplayable();
        }
    }

    private void PrintValues(ValuesBody values)
    {
        var saved = _indent;
        _indent += IndentStd;
        _sb.Append(' ');
        _sb.Append("VALUES ");
        for (var r = 0; r < values.Rows.Count; r++)
        {
            if (r > 0) _sb.Append(", ");
            _sb.Append('(').Append(string.Join(",", values.Rows[r].Select(e => ExprText(e)))).Append(')');
        }
        _indent = saved;
    }

    // get_setop_query
    private void PrintSetOperation(SetOperationBody op, IReadOnlyList<string>? columnNames)
    {
        int subindent;
        var needParen = op.Left is SetOperationBody left && !(left.Operator == op.Operator && left.All == op.All);
        if (needParen)
        {
            _sb.Append('(');
            subindent = IndentStd;
            Keyword("", subindent, 0, 0);
        }
        else subindent = 0;
        PrintSetLeaf(op.Left, columnNames);
        if (needParen) Keyword(") ", -subindent, 0, 0);
        else Keyword("", -subindent, 0, 0);
        _sb.Append(op.Operator switch { SetOperator.Union => "UNION ", SetOperator.Intersect => "INTERSECT ", _ => "EXCEPT " });
        if (op.All) _sb.Append("ALL ");
        needParen = op.Right is SetOperationBody;
        if (needParen)
        {
            _sb.Append('(');
            subindent = IndentStd;
        }
        else subindent = 0;
        Keyword("", subindent, 0, 0);
        WithNamesVisible(false, () => PrintSetLeaf(op.Right, columnNames));
        _indent -= subindent;
        if (needParen) Keyword(")", 0, 0, 0);
    }

    private void PrintSetLeaf(QueryBody body, IReadOnlyList<string>? columnNames)
    {
        switch (body)
        {
            case SetOperationBody op:
                PrintSetOperation(op, columnNames);
                return;
            case NestedQueryBody { Query: var q } when q.With is null && q.OrderBy.Count == 0 && q.Limit is null && q.Offset is null && q.Locking is null:
                PrintSetLeaf(q.Body, columnNames);
                return;
            case NestedQueryBody { Query: var q }:
                _sb.Append('(');
                PrintQuery(q, columnNames);
                _sb.Append(')');
                return;
            default:
            {
                var saved = _indent;
                PrintBody(body, columnNames);
                _indent = saved;
                return;
            }
        }
    }

    private List<SelectItem> TargetsOf(SelectCore core) =>
        _rec.Targets.TryGetValue(core, out var expanded) ? expanded : core.Targets.ToList();

    // ---- range-table names (set_rtable_names) -----------------------------------------------------

    private readonly Dictionary<RangeEntry, string> _refNames = new(ReferenceEqualityComparer.Instance);
    /// <summary>Query levels whose FROM items were named before their WITH queries were printed.</summary>
    private readonly HashSet<SelectCore> _named = new(ReferenceEqualityComparer.Instance);
    /// <summary>
    /// The current query's output names are not visible outside (a sublink, a set operation's
    /// later branch): its unnamed items show no ?column? name (ruleutils' colNamesVisible).
    /// </summary>
    private bool _inSublink;

    private void WithNamesVisible(bool visible, Action print)
    {
        var saved = _inSublink;
        _inSublink = !visible;
        try { print(); }
        finally { _inSublink = saved; }
    }
    private readonly List<HashSet<string>> _namesInUse = new();

    /// <summary>
    /// Names this query level's FROM items: an unaliased table by its current name, anything else
    /// by its alias; a name an enclosing level or an earlier item here already uses gets _1, _2, …
    /// </summary>
    private void NameEntries(IReadOnlyList<TableRef> from)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        void Visit(TableRef item)
        {
            if (item is JoinTableRef join)
            {
                Visit(join.Left);
                Visit(join.Right);
                return;
            }
            if (!_rec.Entries.TryGetValue(item, out var entry) || entry.Alias is null) return;
            var name = item is NamedTableRef { Alias: null } named && _rec.Relations.GetValueOrDefault(named) is var oid and not 0
                ? Catalog.RelationName(oid) : entry.Alias;
            var unique = name;
            for (var i = 1; used.Contains(unique) || _namesInUse.Any(level => level.Contains(unique)); i++) unique = $"{name}_{i}";
            used.Add(unique);
            _refNames[entry] = unique;
        }
        foreach (var item in from) Visit(item);
        _namesInUse.Add(used);
    }

    private string RefName(RangeEntry entry) => _refNames.TryGetValue(entry, out var name) ? name : entry.Alias ?? "";

    // get_basic_select_query
    private void PrintSelect(SelectCore core, IReadOnlyList<string>? columnNames)
    {
        // A level with WITH names its FROM items before its WITH queries print (they are nested in it).
        if (_named.Remove(core))
        {
            PrintSelectNamed(core, columnNames);
            return;
        }
        NameEntries(core.From);
        try { PrintSelectNamed(core, columnNames); }
        finally { _namesInUse.RemoveAt(_namesInUse.Count - 1); }
    }

    private void PrintSelectNamed(SelectCore core, IReadOnlyList<string>? columnNames)
    {
        var saved = _indent;
        _indent += IndentStd;
        _sb.Append(' ');
        _sb.Append("SELECT");
        if (core.DistinctOn is { } on)
            _sb.Append(" DISTINCT ON (").Append(string.Join(", ", on.Select(e => SortGroupText(e)))).Append(')');
        else if (core.Distinct) _sb.Append(" DISTINCT");

        var targets = TargetsOf(core);
        var sep = " ";
        var lastMultiline = false;
        for (var i = 0; i < targets.Count; i++)
        {
            _sb.Append(sep);
            sep = ", ";
            var item = targets[i];
            var text = ExprText(item.Expr);
            var bound = _rec.Exprs.GetValueOrDefault(item.Expr);
            string? attname = bound is ColumnExpr c && _rec.Columns.TryGetValue(c, out var cn) ? cn.Name : null;
            var colname = columnNames is not null && i < columnNames.Count ? columnNames[i] : item.Alias ?? Binder.ColumnLabel(item.Expr);
            // A sublink's unnamed item has no name to show.
            if (attname != colname && !(_inSublink && colname == "?column?")) text += " AS " + Q(colname);
            AppendWrapped(text, i + 1, ref lastMultiline);
        }

        if (core.From.Count > 0)
        {
            lastMultiline = false;
            for (var i = 0; i < core.From.Count; i++)
            {
                if (i == 0)
                {
                    Keyword(" FROM ", -IndentStd, IndentStd, 2);
                    PrintFromItem(core.From[i]);
                }
                else
                {
                    _sb.Append(", ");
                    var text = Capture(() => PrintFromItem(core.From[i]));
                    AppendWrapped(text, i + 1, ref lastMultiline);
                }
            }
        }
        if (core.Where is not null)
        {
            Keyword(" WHERE ", -IndentStd, IndentStd, 1);
            _sb.Append(ExprText(core.Where));
        }
        if (core.GroupBy.Count > 0)
        {
            Keyword(" GROUP BY ", -IndentStd, IndentStd, 1);
            _sb.Append(string.Join(", ", core.GroupBy.Select(g => SortGroupText(GroupTarget(g, core, targets)))));
        }
        if (core.Having is not null)
        {
            Keyword(" HAVING ", -IndentStd, IndentStd, 0);
            _sb.Append(ExprText(core.Having));
        }
        var first = true;
        foreach (var (name, spec) in core.Windows)
        {
            if (first) Keyword(" WINDOW ", -IndentStd, IndentStd, 1);
            else _sb.Append(", ");
            first = false;
            _sb.Append(Q(name)).Append(" AS ").Append(WindowSpecText(spec));
        }
        _indent = saved + IndentStd;
    }

    /// <summary>The expression a GROUP BY item stands for: a position or an output name means that select-list item.</summary>
    private Expr GroupTarget(Expr g, SelectCore core, List<SelectItem> targets)
    {
        if (g is IntegerLiteral lit && lit.Value >= 1 && lit.Value <= targets.Count) return targets[(int)lit.Value - 1].Expr;
        if (g is ColumnRef { Names.Count: 1 } c && !_rec.Exprs.ContainsKey(g) && targets.FirstOrDefault(t => t.Alias == c.Column) is { } target)
            return target.Expr;
        return g;
    }

    private void PrintOrderItem(OrderItem item, List<SelectItem>? targets, bool setOperation)
    {
        var expr = item.Expr;
        if (setOperation)
        {
            // A set operation's ORDER BY names its output columns.
            _sb.Append(item.Expr is ColumnRef c ? Q(c.Column) : item.Expr is IntegerLiteral n ? n.Value.ToString() : throw NotDisplayable());
        }
        else
        {
            if (targets is not null)
            {
                if (expr is IntegerLiteral lit && lit.Value >= 1 && lit.Value <= targets.Count) expr = targets[(int)lit.Value - 1].Expr;
                else if (expr is ColumnRef { Names.Count: 1 } c && targets.FirstOrDefault(t => (t.Alias ?? (t.Expr is ColumnRef r ? r.Column : null)) == c.Column) is { } t)
                    expr = t.Expr;
            }
            _sb.Append(SortGroupText(expr));
        }
        if (item.UsingOperator is { } op) _sb.Append(" USING ").Append(op);
        else if (item.Descending)
        {
            _sb.Append(" DESC");
            if (item.NullsFirst == false) _sb.Append(" NULLS LAST");
        }
        else if (item.NullsFirst == true) _sb.Append(" NULLS FIRST");
    }

    // get_rule_sortgroupclause (Q.5)
    private string SortGroupText(Expr e)
    {
        var bound = Bound(e);
        var text = ExprText(e);
        if (bound is ColumnExpr) return text;
        if (bound is ConstExpr) return text;
        var callLike = bound is FunctionExpr or Binder.AggregateRef or Binder.WindowRef;
        return _pretty || callLike ? "(" + text + ")" : text;
    }

    // ---- FROM ------------------------------------------------------------------------------------

    private void PrintFromItem(TableRef item)
    {
        switch (item)
        {
            case NamedTableRef named:
            {
                if (named.Only) _sb.Append("ONLY ");
                var oid = _rec.Relations.GetValueOrDefault(named);
                _sb.Append(oid != 0 ? RegClassName.Format(oid, Catalog, _ctx.Session.SearchPath) : Q(named.Name.Name));
                var refName = _rec.Entries.TryGetValue(named, out var entry) ? RefName(entry) : named.Alias?.Name;
                if (named.Alias is not null || refName != (oid != 0 ? Catalog.RelationName(oid) : named.Name.Name)) _sb.Append(' ').Append(Q(refName!));
                PrintColumnAliases(named, named.Alias, oid);
                break;
            }
            case SubqueryTableRef sub:
            {
                if (sub.Lateral) _sb.Append("LATERAL ");
                _sb.Append('(');
                WithNamesVisible(true, () => PrintQuery(sub.Query, null));
                _sb.Append(')');
                if (sub.Alias is not null) _sb.Append(' ').Append(Q(_rec.Entries.TryGetValue(sub, out var subEntry) ? RefName(subEntry) : sub.Alias.Name));
                PrintColumnAliases(sub, sub.Alias, 0);
                break;
            }
            case FunctionTableRef fn:
            {
                if (fn.Lateral) _sb.Append("LATERAL ");
                _sb.Append(_rec.Exprs.ContainsKey(fn.Call) ? ExprText(fn.Call)
                    : Q(fn.Call.Name.Name) + "(" + string.Join(", ", fn.Call.Args.Select(ExprText)) + ")");
                if (fn.WithOrdinality) _sb.Append(" WITH ORDINALITY");
                var entry = _rec.Entries.GetValueOrDefault(fn);
                _sb.Append(' ').Append(Q(entry is not null ? RefName(entry) : fn.Alias?.Name ?? fn.Call.Name.Name));
                if (entry is not null)
                    _sb.Append('(').Append(string.Join(", ", entry.Columns.Where(c => !c.Hidden).Select(c => Q(c.Name)))).Append(')');
                break;
            }
            case JoinTableRef join:
                PrintJoin(join);
                break;
            default:
                throw NotDisplayable();
        }
    }

    /// <summary>The column aliases of a FROM item, all of its columns, when any was renamed.</summary>
    private void PrintColumnAliases(TableRef item, Alias? alias, uint oid)
    {
        if (alias?.Columns is not { Count: > 0 } || !_rec.Entries.TryGetValue(item, out var entry)) return;
        _sb.Append('(').Append(string.Join(", ", entry.Columns.Where(c => !c.Hidden).Select(c => Q(c.Name)))).Append(')');
    }

    // get_from_clause_item for a JoinExpr
    private void PrintJoin(JoinTableRef join)
    {
        var needParenOnRight = _pretty && join.Right is JoinTableRef { Alias: null };
        if (!_pretty) _sb.Append('(');
        PrintFromItem(join.Left);
        var conditioned = join.On is not null || join.Using is not null || join.Natural;
        var keyword = join.Kind switch
        {
            JoinKind.Left => " LEFT JOIN ",
            JoinKind.Right => " RIGHT JOIN ",
            JoinKind.Full => " FULL JOIN ",
            JoinKind.Inner when conditioned => " JOIN ",
            _ => " CROSS JOIN ",
        };
        if (join.Natural && _rec.NaturalColumns.GetValueOrDefault(join) is { Count: 0 }) keyword = join.Kind is JoinKind.Inner ? " CROSS JOIN " : keyword;
        Keyword(keyword, -IndentStd, IndentStd, IndentJoin);
        if (needParenOnRight) _sb.Append('(');
        PrintFromItem(join.Right);
        if (needParenOnRight) _sb.Append(')');
        if ((join.Natural ? _rec.NaturalColumns.GetValueOrDefault(join) : join.Using) is { } names)
        {
            _sb.Append(" USING (").Append(string.Join(", ", names.Select(Q))).Append(')');
            if (join.Alias is { } a) _sb.Append(" AS ").Append(Q(a.Name));
        }
        else if (join.On is not null)
        {
            _sb.Append(" ON ");
            if (!_pretty) _sb.Append('(');
            _sb.Append(ExprText(join.On));
            if (!_pretty) _sb.Append(')');
        }
        else if (join.Kind != JoinKind.Inner && join.Kind != JoinKind.Cross) _sb.Append(" ON TRUE");
        if (!_pretty) _sb.Append(')');
    }

    // ---- expressions -----------------------------------------------------------------------------

    private BoundExpr Bound(Expr e) =>
        _rec.Exprs.TryGetValue(e, out var bound) ? bound : throw NotDisplayable();

    private string ExprText(Expr e) => BoundText(Bound(e), _indent);

    private string BoundText(BoundExpr bound, int indent) =>
        new Deparser(Catalog, _ctx.Settings, _pretty, ColumnText)
        {
            Path = _ctx.Session.SearchPath,
            Indent = indent,
            Override = Override,
            OverrideKind = OverrideKind,
        }.Print(bound);

    private string ColumnText(ColumnExpr c)
    {
        if (_rec.Columns.TryGetValue(c, out var name))
            return name.Entry is null ? Q(name.Name) : Q(RefName(name.Entry)) + "." + Q(name.Name);
        return Q(c.Name);
    }

    private bool? OverrideKind(BoundExpr e) => e switch
    {
        Binder.AggregateRef or Binder.WindowRef or Binder.SetReturningRef => true,
        SubqueryExpr => false,
        RowConstructorExpr when _rec.Sources.GetValueOrDefault(e) is ColumnRef or StarExpr => true,
        _ => null,
    };

    private string? Override(BoundExpr e, int indent)
    {
        switch (e)
        {
            case ConstExpr { Type.Id: TypeId.Unknown } k:
                // An untyped literal the query returns is text (PostgreSQL resolves it so).
                return k.Value is null ? "NULL::text" : "'" + ((string)k.Value).Replace("'", "''") + "'::text";
            case Binder.AggregateRef or Binder.WindowRef or Binder.SetReturningRef when _rec.Sources.GetValueOrDefault(e) is FunctionCall call:
                return WithIndent(indent, () => CallText(call));
            case SubqueryExpr when _rec.Sources.GetValueOrDefault(e) is { } source:
                return WithIndent(indent, () => SublinkText(source));
            case RowConstructorExpr when _rec.Sources.GetValueOrDefault(e) is ColumnRef r:
                return Q(r.Names[^1]) + ".*";
            case RowConstructorExpr when _rec.Sources.GetValueOrDefault(e) is StarExpr { Table: { } table }:
                return Q(table) + ".*";
        }
        return null;
    }

    private string WithIndent(int indent, Func<string> print)
    {
        var saved = _indent;
        _indent = indent;
        try { return print(); }
        finally { _indent = saved; }
    }

    /// <summary>An aggregate or window call (get_agg_expr, get_windowfunc_expr).</summary>
    private string CallText(FunctionCall call)
    {
        var sb = new StringBuilder();
        sb.Append(call.Name.Schema is { } schema ? Q(schema) + "." : "").Append(Q(call.Name.Name)).Append('(');
        if (call.Distinct) sb.Append("DISTINCT ");
        if (call.Star) sb.Append('*');
        else sb.Append(string.Join(", ", call.Args.Select(a => ExprText(a))));
        if (call.OrderBy is { Count: > 0 } order && !call.WithinGroup)
            sb.Append(" ORDER BY ").Append(OrderListText(order));
        sb.Append(')');
        if (call.OrderBy is { Count: > 0 } within && call.WithinGroup)
            sb.Append(" WITHIN GROUP (ORDER BY ").Append(OrderListText(within)).Append(')');
        if (call.Filter is not null) sb.Append(" FILTER (WHERE ").Append(ExprText(call.Filter)).Append(')');
        if (call.Over is { } over)
            sb.Append(" OVER ").Append(over.Name is { } name && over.PartitionBy.Count == 0 && over.OrderBy.Count == 0 && over.FrameClause is null
                ? Q(name) : WindowSpecText(over));
        return sb.ToString();
    }

    private string OrderListText(IReadOnlyList<OrderItem> items) => Capture(() =>
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) _sb.Append(", ");
            PrintOrderItem(items[i], null, false);
        }
    });

    // get_rule_windowspec
    private string WindowSpecText(WindowSpec spec)
    {
        var sb = new StringBuilder("(");
        var needSpace = false;
        if (spec.Name is { } refName)
        {
            sb.Append(Q(refName));
            needSpace = true;
        }
        if (spec.PartitionBy.Count > 0 && spec.Name is null)
        {
            if (needSpace) sb.Append(' ');
            sb.Append("PARTITION BY ").Append(string.Join(", ", spec.PartitionBy.Select(SortGroupText)));
            needSpace = true;
        }
        if (spec.OrderBy.Count > 0)
        {
            if (needSpace) sb.Append(' ');
            sb.Append("ORDER BY ").Append(OrderListText(spec.OrderBy));
            needSpace = true;
        }
        if (spec.FrameClause is { } frame)
        {
            if (needSpace) sb.Append(' ');
            sb.Append(frame.Mode switch { FrameMode.Range => "RANGE ", FrameMode.Rows => "ROWS ", _ => "GROUPS " });
            var between = spec.Frame?.Contains("between", StringComparison.OrdinalIgnoreCase) == true;
            if (between) sb.Append("BETWEEN ");
            sb.Append(FrameBoundText(frame.Start));
            if (between) sb.Append(" AND ").Append(FrameBoundText(frame.End));
            sb.Append(frame.Exclusion switch
            {
                FrameExclusion.CurrentRow => " EXCLUDE CURRENT ROW",
                FrameExclusion.Group => " EXCLUDE GROUP",
                FrameExclusion.Ties => " EXCLUDE TIES",
                _ => "",
            });
        }
        return sb.Append(')').ToString();
    }

    private string FrameBoundText(FrameBound b) => b.Kind switch
    {
        FrameBoundKind.UnboundedPreceding => "UNBOUNDED PRECEDING",
        FrameBoundKind.UnboundedFollowing => "UNBOUNDED FOLLOWING",
        FrameBoundKind.CurrentRow => "CURRENT ROW",
        FrameBoundKind.OffsetPreceding => ExprText(b.Offset!) + " PRECEDING",
        _ => ExprText(b.Offset!) + " FOLLOWING",
    };

    // get_sublink_expr (Q.6)
    private string SublinkText(Expr source)
    {
        var (prefix, query, needParen) = source switch
        {
            ExistsExpr x => ("(EXISTS ", x.Subquery, true),
            InSubqueryExpr i => ("(" + ExprText(i.Operand) + " IN ", i.Subquery, true),
            QuantifiedExpr { Subquery: { } sq, Op: "=", All: false } q => ("(" + ExprText(q.Left) + " IN ", sq, true),
            QuantifiedExpr { Subquery: { } sq } q => ("(" + ExprText(q.Left) + " " + (q.Op == "!=" ? "<>" : q.Op) + (q.All ? " ALL " : " ANY "), sq, true),
            ScalarSubqueryExpr s => ("(", s.Subquery, false),
            ArraySubqueryExpr a => ("ARRAY(", a.Subquery, false),
            _ => throw NotDisplayable(),
        };
        var saved = _inSublink;
        _inSublink = true;
        try
        {
            return Capture(() =>
            {
                _sb.Append(prefix);
                if (needParen) _sb.Append('(');
                PrintQuery(query, null);
                _sb.Append(needParen ? "))" : ")");
            });
        }
        finally { _inSublink = saved; }
    }

    private static string Q(string name) => SqlErrors.QuoteIdentifier(name);

    private static TenonException NotDisplayable() =>
        new(SqlState.FeatureNotSupported, "this view definition cannot be displayed yet");
}
