using System.Text;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// Prints a bound expression the way PostgreSQL's pg_get_expr, pg_get_constraintdef and
/// pg_get_indexdef do, so that describe commands and ORMs that read definitions back see
/// PostgreSQL's text.
///
///   D.1  Plain mode (pretty = false) puts every operator, AND/OR/NOT, IS [NOT] NULL, IS TRUE …,
///        IS DISTINCT FROM and = ANY in parentheses of its own, and a cast's operand in
///        parentheses: <c>((price &gt; (0)::numeric))</c>.
///   D.2  Pretty mode omits parentheses a reader does not need: arithmetic inside arithmetic of
///        lower precedence (or the left operand of the same precedence), AND inside OR, NOT and
///        AND inside AND/OR, and anything directly inside a function call, CASE, COALESCE and the
///        like. Everything else under an operator or a cast is parenthesized.
///   D.3  Casts the parser added are shown as <c>x::type</c> everywhere except at the top of the
///        expression (a default's conversion to its column type is not shown). Casts Tenon adds
///        only because it lacks PostgreSQL's cross-type operators (int2/int4/int8, float4/float8,
///        date/timestamp/timestamptz, name/text) are never shown, as PostgreSQL has none there.
///   D.4  Constants: non-negative integers, numerics with a decimal point and booleans bare;
///        anything else as a quoted literal with its type: <c>'-1'::integer</c>,
///        <c>'x'::character varying</c>, <c>'5000000000'::bigint</c>, <c>NULL::text</c>.
///   D.5  IN (list) is <c>= ANY (ARRAY[…])</c> when at least two items contain no column,
///        otherwise a chain of OR (NOT IN: <c>&lt;&gt; ALL</c>, AND); BETWEEN is the AND of two
///        comparisons; CASE is laid out over lines with four-space indents.
///
/// Expressions outside these forms raise 0A000 rather than print something PostgreSQL would not.
/// </summary>
/// <param name="planText">EXPLAIN's text for expressions only a plan has (aggregate results, subplans); null when it has none.</param>
public sealed class Deparser(SystemCatalog catalog, FormatSettings settings, bool pretty, Func<ColumnExpr, string> columnName,
    Func<BoundExpr, string?>? planText = null)
{
    private readonly StringBuilder _sb = new();

    /// <summary>
    /// The search_path names are printed for: regclass constants and user functions are qualified
    /// when it does not find them. Null: regclass constants as for the default path, functions unqualified.
    /// </summary>
    public SearchPath? Path { get; init; }

    /// <summary>
    /// Text for nodes a query printer knows better (aggregate and window calls, subqueries, given
    /// the current indentation), consulted before anything else; null for the rest.
    /// </summary>
    public Func<BoundExpr, int, string?>? Override { get; init; }

    /// <summary>How an <see cref="Override"/> node nests under operators: true like a function call, false like IS NULL (a sublink).</summary>
    public Func<BoundExpr, bool?>? OverrideKind { get; init; }

    /// <summary>The indentation the expression starts at (ruleutils' indentLevel; CASE lays out from it).</summary>
    public int Indent { get; init; }

    /// <summary>CASE on one line (EXPLAIN prints expressions without ruleutils' indentation).</summary>
    public bool SingleLine { get; init; }

    /// <summary>IN (constants) as one array constant, <c>= ANY ('{1,2}'::integer[])</c>, as the planner folds it (EXPLAIN).</summary>
    public bool FoldConstantArrays { get; init; }

    /// <summary>
    /// A cast of a number constant to another number type as the constant it gives,
    /// <c>'9'::bigint</c> for <c>9::bigint</c>, as the planner folds it (EXPLAIN).
    /// </summary>
    public bool FoldConstantCasts { get; init; }

    /// <summary>The constant a cast of a number constant to a number type gives (<see cref="FoldConstantCasts"/>), else the expression.</summary>
    private BoundExpr Folded(BoundExpr e)
    {
        if (!FoldConstantCasts || e is not CastExpr c || !Operators.IsNumber(c.Type.Id)) return e;
        if (Folded(c.Operand) is not ConstExpr { Value: { } value } k || !Operators.IsNumber(k.Type.Id)) return e;
        try
        {
            return new ConstExpr(ValueCast.Cast(value, k.Type, c.Type, c.Context, settings), c.Type);
        }
        catch (TenonException)
        {
            // PostgreSQL would have failed planning; the statement fails when it runs instead.
            return e;
        }
    }
    private int _indent;

    /// <summary>
    /// The text of a whole expression. Implicit casts at its top are not shown, but in pretty mode
    /// what they applied to keeps the parentheses it would need under a cast, as in PostgreSQL
    /// (a bigint column's default <c>qty * 2</c> prints as <c>(qty * 2)</c>).
    /// </summary>
    public string Print(BoundExpr e)
    {
        _sb.Clear();
        _indent = Indent;
        CastExpr? hidden = null;
        while (e is CastExpr { Context: not CastContext.Explicit } c)
        {
            hidden = c;
            e = c.Operand;
        }
        if (hidden is not null && pretty) Paren(e, hidden);
        else Write(e, null);
        return _sb.ToString();
    }

    /// <summary>True when the expression prints as a function call (index keys of that form need no parentheses).</summary>
    public static bool IsFunctionLike(BoundExpr e) =>
        e is FunctionExpr f && !IsKeywordFunction(f) || e is ConditionalExpr;

    private static bool IsKeywordFunction(FunctionExpr f) => f.Args.Count == 0 && f.Name.Length > 0 && f.Name.All(ch => char.IsAsciiLetterUpper(ch) || ch == '_');

    // ---- node printing ----------------------------------------------------------------------------

    private void Write(BoundExpr e, BoundExpr? parent)
    {
        if (Override?.Invoke(e, _indent) is { } overridden)
        {
            _sb.Append(overridden);
            return;
        }
        switch (Folded(e))
        {
            case ConstExpr k: WriteConst(k); break;
            case ColumnExpr c: _sb.Append(columnName(c)); break;
            case ParamExpr p: _sb.Append('$').Append(p.Number); break;
            case CastExpr c: WriteCast(c); break;
            case BinaryOpExpr b:
            {
                var (left, right) = AsTextOperands(b);
                // A row comparison keeps its parentheses in pretty mode too (ruleutils' RowCompareExpr).
                var rowCompare = IsRowCompare(b);
                if (rowCompare && pretty) _sb.Append('(');
                Open();
                Operand(left, b, right);
                _sb.Append(' ').Append(b.Op == "!=" ? "<>" : b.Op).Append(' ');
                Operand(right, b, left);
                Close();
                if (rowCompare && pretty) _sb.Append(')');
                break;
            }
            case UnaryOpExpr u:
                Open();
                _sb.Append(u.Op).Append(' ');
                Operand(u.Operand, u, null);
                Close();
                break;
            case LogicalExpr l:
            {
                Open();
                var first = true;
                foreach (var operand in Flatten(l))
                {
                    if (!first) _sb.Append(l.IsAnd ? " AND " : " OR ");
                    first = false;
                    Paren(operand, l);
                }
                Close();
                break;
            }
            case NotExpr n:
                Open();
                _sb.Append("NOT ");
                Paren(n.Operand, n);
                Close();
                break;
            case IsNullExpr n:
                Open();
                Paren(n.Operand, n);
                _sb.Append(n.Negated ? " IS NOT NULL" : " IS NULL");
                Close();
                break;
            case BooleanTestExpr t:
                Open();
                Paren(t.Operand, t);
                _sb.Append(t.Negated ? " IS NOT " : " IS ").Append(t.Target switch { true => "TRUE", false => "FALSE", null => "UNKNOWN" });
                Close();
                break;
            case DistinctFromExpr d:
                // IS NOT DISTINCT FROM is NOT applied to IS DISTINCT FROM, as PostgreSQL parses it.
                if (d.Negated)
                {
                    Open();
                    _sb.Append("NOT ");
                    var inner = new DistinctFromExpr(d.Left, d.Right, null!, false);
                    Paren(inner, new NotExpr(inner));
                    Close();
                    break;
                }
                Open();
                Operand(d.Left, d, d.Right);
                _sb.Append(" IS DISTINCT FROM ");
                Operand(d.Right, d, d.Left);
                Close();
                break;
            case Expressions.InListExpr i: WriteInList(i); break;
            case Expressions.CaseExpr c: WriteCase(c); break;
            case RecordFieldExpr f when f.Source.Type.Composite is { } composite && f.Index < composite.Fields.Count:
                // (row).field: the row in parentheses unless it is a subscript or another field selection.
                if (f.Source is SubscriptExpr or RecordFieldExpr) Write(f.Source, f);
                else { _sb.Append('('); Write(f.Source, f); _sb.Append(')'); }
                _sb.Append('.').Append(SqlErrors.QuoteIdentifier(composite.Fields[f.Index].Name));
                break;
            case RowConstructorExpr { FieldNames: not null } r when WholeRowAlias(r) is { } alias:
                // A whole-row reference to a table: alias.*.
                _sb.Append(SqlErrors.QuoteIdentifier(alias)).Append(".*");
                break;
            case RowConstructorExpr r:
                // ROW(…), its items as function arguments; a cast to a composite type shows, a whole-row reference's type does not.
                _sb.Append("ROW(");
                for (var i = 0; i < r.Items.Count; i++)
                {
                    if (i > 0) _sb.Append(", ");
                    Write(r.Items[i], r);
                }
                _sb.Append(')');
                if (r.RowType is { } rowType && r.FieldNames is null) _sb.Append("::").Append(rowType.DisplayName);
                break;
            case ConditionalExpr c:
                _sb.Append(c.Kind.ToUpperInvariant()).Append('(');
                for (var i = 0; i < c.Args.Count; i++)
                {
                    if (i > 0) _sb.Append(", ");
                    Write(c.Args[i], c);
                }
                _sb.Append(')');
                break;
            case FunctionExpr { Name: "text", Routine: null, Args: [{ Type.Id: TypeId.RegClass } name] } f:
                // regclass to text, a conversion through the type's output function: PostgreSQL shows it as a cast.
                if (!pretty) _sb.Append('(');
                Paren(name, f);
                if (!pretty) _sb.Append(')');
                _sb.Append("::text");
                break;
            case FunctionExpr f when IsKeywordFunction(f):
                _sb.Append(f.Name);
                break;
            case FunctionExpr f:
                if (f.Routine is { } routine && Path is { } path && !RoutineVisible(routine, path)) _sb.Append(SqlErrors.QuoteIdentifier(routine.Schema)).Append('.');
                _sb.Append(SqlErrors.QuoteIdentifier(f.Name)).Append('(');
                for (var i = 0; i < f.Args.Count; i++)
                {
                    if (i > 0) _sb.Append(", ");
                    Write(f.Args[i], f);
                }
                _sb.Append(')');
                break;
            // EXPLAIN shows some arrays as the planner folds them; its text goes first.
            case ArrayConstructorExpr a when planText?.Invoke(a) is null:
                // Items print as function arguments do; a nested ARRAY[…] keeps its keyword.
                _sb.Append("ARRAY[");
                var index = 0;
                foreach (var item in a.Children)
                {
                    if (index++ > 0) _sb.Append(", ");
                    Write(item, a);
                }
                _sb.Append(']');
                break;
            case SubscriptExpr x:
                // A column or parameter takes its subscripts as it is; anything else is parenthesized first.
                if (x.Operand is ColumnExpr or ParamExpr) Write(x.Operand, x);
                else { _sb.Append('('); Write(x.Operand, x); _sb.Append(')'); }
                foreach (var (lower, upper, isSlice) in x.Subscripts)
                {
                    _sb.Append('[');
                    if (lower is not null) Write(lower, x);
                    if (isSlice)
                    {
                        _sb.Append(':');
                        if (upper is not null) Write(upper, x);
                    }
                    _sb.Append(']');
                }
                break;
            case ArrayQuantifiedExpr q when planText?.Invoke(q) is null:
                Open();
                Write(q.Left, q);
                _sb.Append(' ').Append(q.OperatorName).Append(q.All ? " ALL (" : " ANY (");
                Write(q.Array, q);
                _sb.Append(')');
                Close();
                break;
            default:
                if (planText?.Invoke(e) is { } text) { _sb.Append(text); break; }
                throw new TenonException(SqlState.FeatureNotSupported, "this expression cannot be displayed yet");
        }
    }

    /// <summary>
    /// The FROM item a whole-row reference names, when it is a table's row (each item that table's
    /// column, named alias.column); null for anything else, which prints as ROW(…).
    /// </summary>
    private static string? WholeRowAlias(RowConstructorExpr r)
    {
        if (r.Items.Count == 0 || r.Items[0] is not ColumnExpr { TableOid: > 0 } first) return null;
        var dot = first.Name.LastIndexOf('.');
        if (dot <= 0) return null;
        var alias = first.Name[..dot];
        foreach (var item in r.Items)
            if (item is not ColumnExpr { TableOid: > 0 } c || c.TableOid != first.TableOid || !c.Name.StartsWith(alias + ".", StringComparison.Ordinal)) return null;
        return alias;
    }

    private static bool IsRowCompare(BinaryOpExpr b) =>
        b.Op is "<" or "<=" or ">" or ">=" && b.Left is RowConstructorExpr { FieldNames: null } && b.Right is RowConstructorExpr { FieldNames: null };

    // Plain mode: the node's own parentheses (D.1).
    private void Open() { if (!pretty) _sb.Append('('); }
    private void Close() { if (!pretty) _sb.Append(')'); }

    /// <summary>An operand of an operator: casts Tenon added for want of a cross-type operator are skipped (D.3).</summary>
    private void Operand(BoundExpr operand, BoundExpr op, BoundExpr? other)
    {
        while (operand is CastExpr { Context: not CastContext.Explicit } c && NeedsNoCast(c.Operand.Type, c.Type, other))
            operand = c.Operand;
        // text || anything takes the other operand as it is (anytextcat); Tenon converts it to text first.
        if (op is BinaryOpExpr { Op: "||" } && operand is CastExpr { Type.Id: TypeId.Text } tc && !tc.Operand.Type.IsString)
            operand = tc.Operand;
        Paren(operand, op);
    }

    /// <summary>
    /// PostgreSQL has no varchar operators: a varchar operand is cast to text, and a literal beside
    /// it is text (<c>v::text &lt;&gt; ''::text</c>), where Tenon compares the varchar values directly.
    /// </summary>
    private static (BoundExpr Left, BoundExpr Right) AsTextOperands(BinaryOpExpr b)
    {
        if (!(b.Left.Type.Id == TypeId.Varchar || b.Right.Type.Id == TypeId.Varchar) || !b.Left.Type.IsString || !b.Right.Type.IsString)
            return (b.Left, b.Right);
        static BoundExpr AsText(BoundExpr e) => e switch
        {
            ConstExpr { Type.Id: TypeId.Varchar, Type.HasModifier: false } k => new ConstExpr(k.Value, SqlType.Text),
            _ when e.Type.Id == TypeId.Varchar => new CastExpr(e, SqlType.Text, CastContext.Implicit),
            _ => e,
        };
        return (AsText(b.Left), AsText(b.Right));
    }

    private static bool NeedsNoCast(SqlType from, SqlType to, BoundExpr? other)
    {
        var family = Family(from.Id);
        if (family == 0 || family != Family(to.Id)) return false;
        if (other is null) return true;
        while (other is CastExpr { Context: not CastContext.Explicit } oc && Family(oc.Operand.Type.Id) == family) other = oc.Operand;
        return Family(other.Type.Id) == family;
    }

    private static int Family(TypeId id) => id switch
    {
        TypeId.Int2 or TypeId.Int4 or TypeId.Int8 => 1,
        TypeId.Float4 or TypeId.Float8 => 2,
        TypeId.Date or TypeId.Timestamp or TypeId.Timestamptz => 3,
        TypeId.Name => 4,
        _ => 0,
    };

    /// <summary>Writes a child, in parentheses when pretty mode needs them there (D.2).</summary>
    private void Paren(BoundExpr child, BoundExpr parent)
    {
        var wrap = pretty && !IsSimple(child, parent);
        if (wrap) _sb.Append('(');
        Write(child, parent);
        if (wrap) _sb.Append(')');
    }

    private bool IsSimple(BoundExpr node, BoundExpr parent)
    {
        if (OverrideKind?.Invoke(node) is { } callLike)
            return callLike || parent is LogicalExpr or NotExpr or FunctionExpr or ConditionalExpr or Expressions.CaseExpr or RowConstructorExpr;
        switch (node)
        {
            case ConstExpr or ColumnExpr or ParamExpr or FunctionExpr or ConditionalExpr or Expressions.CaseExpr or ArrayConstructorExpr or SubscriptExpr or RowConstructorExpr:
                return true;
            case CastExpr c:
                return IsSimple(c.Operand, node);
            case RecordFieldExpr:
                return parent is not RecordFieldExpr;
            case BinaryOpExpr rc when IsRowCompare(rc):
                return false;
            case BinaryOpExpr b when parent is BinaryOpExpr p:
            {
                var op = Priority(b.Op);
                var parentOp = Priority(p.Op);
                if (op == 0 || parentOp == 0) return false;
                if (op > parentOp) return true;
                if (op < parentOp) return false;
                return ReferenceEquals(node, p.Left) || IsLeftOperand(node, p);
            }
            case Expressions.InListExpr i when IsChained(i):
                return IsSimple(new LogicalExpr(i.Negated, []), parent);
            case Expressions.InListExpr:
                // = ANY (ARRAY[…]) keeps its parentheses even inside AND/OR.
                return parent is FunctionExpr or ConditionalExpr or Expressions.CaseExpr;
            case BinaryOpExpr or UnaryOpExpr or IsNullExpr or BooleanTestExpr or DistinctFromExpr or ArrayQuantifiedExpr:
                return parent is LogicalExpr or NotExpr or FunctionExpr or ConditionalExpr or Expressions.CaseExpr;
            case LogicalExpr l:
                if (parent is LogicalExpr pl) return l.IsAnd || !pl.IsAnd;
                if (parent is NotExpr) return false;
                return parent is FunctionExpr or ConditionalExpr or Expressions.CaseExpr;
            case NotExpr:
                return parent is LogicalExpr or FunctionExpr or ConditionalExpr or Expressions.CaseExpr;
            default:
                return false;
        }
    }

    // The operand may have been reached through skipped casts; compare against the unwrapped left operand.
    private static bool IsLeftOperand(BoundExpr node, BinaryOpExpr parent)
    {
        var left = parent.Left;
        while (left is CastExpr c) { if (ReferenceEquals(left, node)) return true; left = c.Operand; }
        return ReferenceEquals(left, node);
    }

    private static int Priority(string op) => op switch
    {
        "+" or "-" => 1,
        "*" or "/" or "%" => 2,
        _ => 0,
    };

    private static IEnumerable<BoundExpr> Flatten(LogicalExpr l)
    {
        // The parser makes one AND (OR) of a chain written left to right: a AND b AND c.
        if (l.Operands.Count > 0 && l.Operands[0] is LogicalExpr inner && inner.IsAnd == l.IsAnd)
            return Flatten(inner).Concat(l.Operands.Skip(1));
        return l.Operands;
    }

    private void WriteCast(CastExpr c)
    {
        if (c.Operand is ConstExpr k && k.Type.WithoutModifier() == c.Type.WithoutModifier() && !k.Type.HasModifier)
            WriteConstValue(k, out _);
        else
        {
            if (!pretty) _sb.Append('(');
            Paren(c.Operand, c);
            if (!pretty) _sb.Append(')');
        }
        _sb.Append("::").Append(c.Type.DisplayName);
    }

    private void WriteConst(ConstExpr k)
    {
        WriteConstValue(k, out var needLabel);
        // A literal is converted to the bare type; a length or precision is applied separately (and not shown).
        // An untyped literal left so (inside ROW(…)) is text to PostgreSQL, which resolves them all.
        if (needLabel) _sb.Append("::").Append(k.Type.Id == TypeId.Unknown ? "text" : k.Type.WithoutModifier().DisplayName);
    }

    /// <summary>The constant's text; whether PostgreSQL adds its type to it (D.4).</summary>
    private void WriteConstValue(ConstExpr k, out bool needLabel)
    {
        needLabel = true;
        if (k.Value is null) { _sb.Append("NULL"); return; }
        switch (k.Type.Id)
        {
            case TypeId.Bool:
                _sb.Append((bool)k.Value ? "true" : "false");
                needLabel = false;
                return;
            case TypeId.Int4 when (int)k.Value >= 0:
                _sb.Append(ValueText.Format(k.Value, k.Type, settings));
                needLabel = false;
                return;
            case TypeId.Numeric:
            {
                var text = ValueText.Format(k.Value, k.Type, settings);
                if (char.IsAsciiDigit(text[0]) && text.Contains('.'))
                {
                    _sb.Append(text);
                    needLabel = false;
                    return;
                }
                Quote(text);
                return;
            }
            case TypeId.RegClass:
                Quote(RegClassName.Format((uint)k.Value, catalog, Path ?? SearchPath.Default));
                return;
            default:
                Quote(ValueText.Format(k.Value, k.Type, settings));
                return;
        }
    }

    /// <summary>
    /// Whether <paramref name="path"/> finds the user function by its name and argument types, so that
    /// it prints unqualified (PostgreSQL's FunctionIsVisible): its schema is on the path and no
    /// function of the same name and argument types comes earlier.
    /// </summary>
    private bool RoutineVisible(RoutineDef routine, SearchPath path)
    {
        foreach (var schema in path.Effective(catalog))
        {
            if (schema == routine.Schema) return true;
            if (catalog.FunctionsNamed(routine.Name, [schema]).Any(o => o.InputTypes.SequenceEqual(routine.InputTypes))) return false;
        }
        return false;
    }

    private void Quote(string text) => _sb.Append('\'').Append(text.Replace("'", "''")).Append('\'');

    /// <summary>The items that go into one <c>ARRAY[…]</c> (those without columns, when at least two), else none (D.5).</summary>
    private static List<BoundExpr> ArrayItems(Expressions.InListExpr i)
    {
        var items = i.Items.Where(x => !x.Descendants().Any(d => d is ColumnExpr)).ToList();
        return items.Count >= 2 ? items : [];
    }

    private static bool IsChained(Expressions.InListExpr i) => i.Items.Count - Math.Max(ArrayItems(i).Count - 1, 0) > 1;

    private void WriteInList(Expressions.InListExpr i)
    {
        var op = i.Negated ? "<>" : "=";
        var arrayItems = ArrayItems(i);
        var folded = arrayItems.Select(Folded).ToList();
        var parts = new List<BoundExpr?>();
        if (arrayItems.Count > 0) parts.Add(null);
        parts.AddRange(i.Items.Where(x => !arrayItems.Contains(x)));
        var chained = parts.Count > 1;
        if (chained) Open();
        for (var n = 0; n < parts.Count; n++)
        {
            if (n > 0) _sb.Append(i.Negated ? " AND " : " OR ");
            Open();
            // The operand of an integer IN list of another width compares through PostgreSQL's
            // cross-type operators: Tenon's widening cast is not shown (D.3).
            var operand = i.Operand;
            while (operand is CastExpr { Context: not CastContext.Explicit } oc && i.Items.Count > 0 && NeedsNoCast(oc.Operand.Type, oc.Type, i.Items[0]))
                operand = oc.Operand;
            var foldable = parts[n] is null && FoldConstantArrays && folded.All(x => x is ConstExpr { Value: not null } && x.Type.Id == folded[0].Type.Id);
            // PostgreSQL has no varchar operators: the operand compares as text with a text[] constant.
            var asText = foldable && operand.Type.Id == TypeId.Varchar && folded[0].Type.Id == TypeId.Varchar;
            Paren(asText ? new CastExpr(operand, SqlType.Text, CastContext.Implicit) : operand, i);
            if (foldable)
            {
                var element = asText ? SqlType.Text : folded[0].Type;
                var array = new PgArray(element, folded.Select(x => ((ConstExpr)x).Value).ToArray(), [folded.Count], [1]);
                _sb.Append(' ').Append(op).Append(i.Negated ? " ALL (" : " ANY (");
                Quote(ValueText.Format(array, SqlType.ArrayOf(element), settings));
                _sb.Append("::").Append(SqlType.ArrayOf(element.WithoutModifier()).DisplayName).Append(')');
            }
            else if (parts[n] is null)
            {
                _sb.Append(' ').Append(op).Append(i.Negated ? " ALL (ARRAY[" : " ANY (ARRAY[");
                for (var a = 0; a < arrayItems.Count; a++)
                {
                    if (a > 0) _sb.Append(", ");
                    Write(arrayItems[a], i);
                }
                _sb.Append("])");
            }
            else
            {
                _sb.Append(' ').Append(op).Append(' ');
                Paren(parts[n]!, i);
            }
            Close();
        }
        if (chained) Close();
    }

    private void WriteCase(Expressions.CaseExpr c)
    {
        var simple = c.SimpleOperand is not null && c.Whens.All(w => w.When is BinaryOpExpr { Op: "=" });
        if (simple)
        {
            Keyword("CASE ", 0, 4);
            Write(c.SimpleOperand!, c);
        }
        else Keyword("CASE", 0, 4);
        foreach (var (when, then) in c.Whens)
        {
            Keyword("WHEN ", 0, 0);
            Write(simple ? ((BinaryOpExpr)when).Right : when, c);
            _sb.Append(" THEN ");
            Write(then, c);
        }
        Keyword("ELSE ", 0, 0);
        if (c.Else is not null) Write(c.Else, c);
        else _sb.Append("NULL::").Append(c.Type.DisplayName);
        Keyword("END", -4, 0);
    }

    /// <summary>A keyword on a line of its own, indented; trailing spaces before the line break are dropped.</summary>
    private void Keyword(string keyword, int before, int after)
    {
        while (_sb.Length > 0 && _sb[^1] == ' ') _sb.Length--;
        if (SingleLine)
        {
            if (_sb.Length > 0 && _sb[^1] != '(') _sb.Append(' ');
            _sb.Append(keyword);
            return;
        }
        _indent += before;
        _sb.Append('\n').Append(' ', Math.Max(_indent, 0)).Append(keyword);
        _indent += after;
    }
}
