using System.Globalization;
using System.Text;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>
/// Prints a parsed expression back as SQL that parses to the same tree: every operator
/// application in parentheses, literals quoted, identifiers quoted when needed. This is the text
/// Tenon keeps in the pg_node_tree columns (pg_attrdef.adbin, pg_index.indpred, …): where
/// PostgreSQL stores its node tree, Tenon stores the expression, and pg_get_expr binds it again
/// against the relation to print it (Execution/Deparse). It is not meant for display.
/// </summary>
public static class ExprSource
{
    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr e)
    {
        switch (e)
        {
            case IntegerLiteral i:
                // A negative literal is parenthesized so that a following :: applies to all of it.
                if (i.Value < 0) sb.Append('(').Append(i.Value.ToString(CultureInfo.InvariantCulture)).Append(')');
                else sb.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case NumericLiteral n:
                if (n.Text.StartsWith('-')) sb.Append('(').Append(n.Text).Append(')');
                else sb.Append(n.Text);
                break;
            case StringLiteral s: Quote(sb, s.Value); break;
            case TypedLiteral t: WriteType(sb, t.Type); sb.Append(' '); Quote(sb, t.Value); break;
            case BoolLiteral b: sb.Append(b.Value ? "true" : "false"); break;
            case NullLiteral: sb.Append("NULL"); break;
            case ColumnRef c: sb.Append(string.Join(".", c.Names.Select(Errors.SqlErrors.QuoteIdentifier))); break;
            case ParamRef p: sb.Append('$').Append(p.Number.ToString(CultureInfo.InvariantCulture)); break;
            case BinaryExpr b:
                sb.Append('(');
                Write(sb, b.Left);
                sb.Append(' ').Append(b.Op).Append(' ');
                Write(sb, b.Right);
                sb.Append(')');
                break;
            case UnaryExpr u:
                sb.Append('(').Append(u.Op).Append(' ');
                Write(sb, u.Operand);
                sb.Append(')');
                break;
            case AndExpr a: Infix(sb, a.Left, " AND ", a.Right); break;
            case OrExpr o: Infix(sb, o.Left, " OR ", o.Right); break;
            case NotExpr n: sb.Append("(NOT "); Write(sb, n.Operand); sb.Append(')'); break;
            case IsNullExpr n: sb.Append('('); Write(sb, n.Operand); sb.Append(n.Negated ? " IS NOT NULL)" : " IS NULL)"); break;
            case BooleanTestExpr t:
                sb.Append('(');
                Write(sb, t.Operand);
                sb.Append(t.Negated ? " IS NOT " : " IS ").Append(t.Kind.ToString().ToUpperInvariant()).Append(')');
                break;
            case IsDistinctFromExpr d: Infix(sb, d.Left, d.Negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ", d.Right); break;
            case BetweenExpr b:
                sb.Append('(');
                Write(sb, b.Operand);
                sb.Append(b.Negated ? " NOT BETWEEN " : " BETWEEN ").Append(b.Symmetric ? "SYMMETRIC " : "");
                Write(sb, b.Low);
                sb.Append(" AND ");
                Write(sb, b.High);
                sb.Append(')');
                break;
            case InListExpr i:
                sb.Append('(');
                Write(sb, i.Operand);
                sb.Append(i.Negated ? " NOT IN (" : " IN (");
                List(sb, i.Items);
                sb.Append("))");
                break;
            case CaseExpr c:
                sb.Append("CASE");
                if (c.Operand is not null) { sb.Append(' '); Write(sb, c.Operand); }
                foreach (var w in c.Whens)
                {
                    sb.Append(" WHEN ");
                    Write(sb, w.Condition);
                    sb.Append(" THEN ");
                    Write(sb, w.Result);
                }
                if (c.Else is not null) { sb.Append(" ELSE "); Write(sb, c.Else); }
                sb.Append(" END");
                break;
            case CastExpr c: sb.Append("CAST("); Write(sb, c.Operand); sb.Append(" AS "); WriteType(sb, c.Type); sb.Append(')'); break;
            case NamedArgExpr n: sb.Append(n.Name).Append(" => "); Write(sb, n.Value); break;
            case FunctionCall f when f.Over is null && f.Filter is null && f.OrderBy is null && !f.Distinct:
                if (f.Name.Schema is not null) sb.Append(Errors.SqlErrors.QuoteIdentifier(f.Name.Schema)).Append('.');
                sb.Append(Errors.SqlErrors.QuoteIdentifier(f.Name.Name)).Append('(');
                if (f.Star) sb.Append('*');
                List(sb, f.Args);
                sb.Append(')');
                break;
            case SqlValueFunction v: sb.Append(ValueFunction(v)); break;
            case RowExpr r: sb.Append("ROW("); List(sb, r.Items); sb.Append(')'); break;
            case ArrayExpr a: sb.Append("ARRAY["); List(sb, a.Items); sb.Append(']'); break;
            case CollateExpr c: sb.Append('('); Write(sb, c.Operand); sb.Append(" COLLATE ").Append(c.Collation).Append(')'); break;
            case SubscriptExpr x:
                sb.Append('(');
                Write(sb, x.Operand);
                sb.Append(")[");
                if (x.Lower is not null) Write(sb, x.Lower);
                if (x.IsSlice)
                {
                    sb.Append(':');
                    if (x.Upper is not null) Write(sb, x.Upper);
                }
                sb.Append(']');
                break;
            case FieldSelectExpr f:
                sb.Append('(');
                Write(sb, f.Operand);
                sb.Append(").").Append(f.Field == "*" ? "*" : Errors.SqlErrors.QuoteIdentifier(f.Field));
                break;
            case QuantifiedExpr q when q.Array is not null:
                sb.Append('(');
                Write(sb, q.Left);
                sb.Append(' ').Append(q.Op).Append(q.All ? " ALL (" : " ANY (");
                Write(sb, q.Array);
                sb.Append("))");
                break;
            default:
                throw new TenonException(SqlState.FeatureNotSupported, $"{e.GetType().Name} cannot be stored in the catalog yet");
        }
    }

    private static void Infix(StringBuilder sb, Expr l, string op, Expr r)
    {
        sb.Append('(');
        Write(sb, l);
        sb.Append(op);
        Write(sb, r);
        sb.Append(')');
    }

    private static void List(StringBuilder sb, IReadOnlyList<Expr> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            Write(sb, items[i]);
        }
    }

    private static void Quote(StringBuilder sb, string s) => sb.Append('\'').Append(s.Replace("'", "''")).Append('\'');

    private static void WriteType(StringBuilder sb, TypeName t)
    {
        if (t.Schema is not null) sb.Append(Errors.SqlErrors.QuoteIdentifier(t.Schema)).Append('.');
        // Type names are written as the parser keeps them (int4, varchar, …), which it accepts back.
        var plain = t.Name.Length > 0 && t.Name.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '_' or ' ');
        sb.Append(plain ? t.Name : Errors.SqlErrors.QuoteIdentifier(t.Name));
        if (t.Modifiers.Count > 0) sb.Append('(').Append(string.Join(",", t.Modifiers)).Append(')');
        if (t.IntervalFields is not null) sb.Append(' ').Append(t.IntervalFields);
        if (t.IsArray) sb.Append("[]");
    }

    private static string ValueFunction(SqlValueFunction v)
    {
        var name = v.Kind switch
        {
            SqlValueFunctionKind.CurrentDate => "CURRENT_DATE",
            SqlValueFunctionKind.CurrentTime => "CURRENT_TIME",
            SqlValueFunctionKind.CurrentTimestamp => "CURRENT_TIMESTAMP",
            SqlValueFunctionKind.LocalTime => "LOCALTIME",
            SqlValueFunctionKind.LocalTimestamp => "LOCALTIMESTAMP",
            SqlValueFunctionKind.CurrentUser => "CURRENT_USER",
            SqlValueFunctionKind.SessionUser => "SESSION_USER",
            SqlValueFunctionKind.User => "USER",
            SqlValueFunctionKind.CurrentRole => "CURRENT_ROLE",
            SqlValueFunctionKind.CurrentCatalog => "CURRENT_CATALOG",
            _ => "CURRENT_SCHEMA",
        };
        return v.Precision >= 0 ? $"{name}({v.Precision})" : name;
    }
}
