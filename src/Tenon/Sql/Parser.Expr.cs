using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>Expressions (a_expr, b_expr, c_expr of gram.y) by precedence climbing (P.3).</summary>
public sealed partial class Parser
{
    private const int LevelOr = 1, LevelAnd = 2, LevelNot = 3, LevelIs = 4, LevelCmp = 5, LevelLike = 6,
        LevelOp = 7, LevelAdd = 8, LevelMul = 9, LevelExp = 10, LevelAt = 11, LevelCollate = 12, LevelUnary = 13;

    /// a_expr
    private Expr ParseExpr() => ParseExpr(LevelOr, bExpr: false);

    /// b_expr: a_expr without AND/OR/NOT/IS (except IS DISTINCT FROM)/BETWEEN/IN/LIKE/AT/COLLATE
    private Expr ParseBExpr() => ParseExpr(LevelOr, bExpr: true);

    private Expr ParseExpr(int min, bool bExpr)
    {
        Enter();
        try
        {
            var left = ParsePrefix(bExpr);
            int lastNonAssoc = 0;
            while (true)
            {
                var t = Cur;
                int level = BinaryLevel(t, bExpr);
                if (level == 0 || level < min) return left;
                if (level == lastNonAssoc) throw Error();
                lastNonAssoc = 0;
                left = ParseInfix(left, level, bExpr, ref lastNonAssoc);
            }
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>The precedence level of the operator at the current token, 0 if none.</summary>
    private int BinaryLevel(Token t, bool bExpr)
    {
        switch (t.Kind)
        {
            case TokenKind.Operator:
                return t.Text switch
                {
                    "<" or ">" or "=" or "<=" or ">=" or "<>" => LevelCmp,
                    "+" or "-" => LevelAdd,
                    "*" or "/" or "%" => LevelMul,
                    "^" => LevelExp,
                    "$" => 0,
                    _ => LevelOp,
                };
            case TokenKind.Identifier when t.Keyword != KeywordCategory.None:
                if (t.Text == "operator" && At(1).Kind == TokenKind.LParen) return LevelOp;
                if (bExpr)
                {
                    if (t.Text == "is" && (At(1).Is("distinct") || (At(1).Is("not") && At(2).Is("distinct")))) return LevelIs;
                    return 0;
                }
                return t.Text switch
                {
                    "or" => LevelOr,
                    "and" => LevelAnd,
                    "is" or "isnull" or "notnull" => LevelIs,
                    "between" or "in" or "like" or "ilike" or "similar" => LevelLike,
                    "not" when At(1).Is("between") || At(1).Is("in") || At(1).Is("like") || At(1).Is("ilike") || At(1).Is("similar") => LevelLike,
                    "at" when At(1).Is("time") => LevelAt,
                    "collate" => LevelCollate,
                    _ => 0,
                };
            default:
                return 0;
        }
    }

    private Expr ParseInfix(Expr left, int level, bool bExpr, ref int lastNonAssoc)
    {
        var t = Advance();
        if (t.Kind == TokenKind.Operator)
        {
            var op = t.Text;
            if (Cur.Is("any") || Cur.Is("some") || Cur.Is("all"))
                return ParseQuantified(op, left, t);
            int rightMin = level + 1;
            var right = ParseExpr(rightMin, bExpr);
            if (level == LevelCmp) lastNonAssoc = LevelCmp;
            return new BinaryExpr(op, left, right) { Position = t.Position };
        }
        switch (t.Text)
        {
            case "operator":
            {
                var op = ParseOperatorConstruct();
                if (Cur.Is("any") || Cur.Is("some") || Cur.Is("all")) return ParseQuantified(op, left, t);
                return new BinaryExpr(op, left, ParseExpr(LevelOp + 1, bExpr)) { Position = t.Position };
            }
            case "or":
                return new OrExpr(left, ParseExpr(LevelOr + 1, bExpr)) { Position = t.Position };
            case "and":
                return new AndExpr(left, ParseExpr(LevelAnd + 1, bExpr)) { Position = t.Position };
            case "isnull":
                return new IsNullExpr(left, false) { Position = t.Position };
            case "notnull":
                return new IsNullExpr(left, true) { Position = t.Position };
            case "is":
                return ParseIs(left, t, bExpr, ref lastNonAssoc);
            case "collate":
                return new CollateExpr(left, string.Join(".", ParseAnyName())) { Position = t.Position };
            case "at":
            {
                ExpectKw("time");
                ExpectKw("zone");
                var zone = ParseExpr(LevelAt + 1, bExpr);
                return new FunctionCall(new QualifiedName(null, "timezone"), new[] { zone, left }) { Position = t.Position };
            }
        }
        bool negated = false;
        var opTok = t;
        if (t.Text == "not")
        {
            negated = true;
            opTok = Advance();
        }
        lastNonAssoc = LevelLike;
        switch (opTok.Text)
        {
            case "between":
            {
                bool symmetric = AcceptKw("symmetric");
                if (!symmetric) AcceptKw("asymmetric");
                var low = ParseExpr(LevelOr, bExpr: true);
                ExpectKw("and");
                var high = ParseExpr(LevelLike + 1, bExpr);
                return new BetweenExpr(left, low, high, negated, symmetric) { Position = t.Position };
            }
            case "in":
            {
                lastNonAssoc = 0;
                var lp = Cur;
                if (lp.Kind != TokenKind.LParen) throw Error();
                if (LooksLikeSubquery())
                {
                    var q = ParseSelectWithParens();
                    return new InSubqueryExpr(left, q, negated) { Position = t.Position };
                }
                Advance();
                var items = ParseExprList();
                Expect(TokenKind.RParen);
                return new InListExpr(left, items, negated) { Position = t.Position };
            }
            case "like":
            case "ilike":
            {
                var op = (negated ? "!" : "") + (opTok.Text == "like" ? "~~" : "~~*");
                if (Cur.Is("any") || Cur.Is("some") || Cur.Is("all"))
                {
                    lastNonAssoc = 0;
                    return ParseQuantified(op, left, t);
                }
                var pattern = ParseExpr(LevelLike + 1, bExpr);
                if (AcceptKw("escape"))
                {
                    var esc = ParseExpr(LevelLike + 1, bExpr);
                    pattern = new FunctionCall(new QualifiedName(null, "like_escape"), new[] { pattern, esc }) { Position = pattern.Position };
                }
                return new BinaryExpr(op, left, pattern) { Position = t.Position };
            }
            case "similar":
            {
                ExpectKw("to");
                var pattern = ParseExpr(LevelLike + 1, bExpr);
                var args = new List<Expr> { pattern };
                if (AcceptKw("escape")) args.Add(ParseExpr(LevelLike + 1, bExpr));
                var fn = new FunctionCall(new QualifiedName(null, "similar_to_escape"), args) { Position = pattern.Position };
                return new BinaryExpr(negated ? "!~" : "~", left, fn) { Position = t.Position };
            }
        }
        throw ErrorAt(opTok);
    }

    /// a_expr IS [NOT] {NULL | TRUE | FALSE | UNKNOWN | DISTINCT FROM a_expr | DOCUMENT | NORMALIZED}
    private Expr ParseIs(Expr left, Token isTok, bool bExpr, ref int lastNonAssoc)
    {
        bool not = AcceptKw("not");
        var t = Cur;
        if (!bExpr)
        {
            if (AcceptKw("null")) return new IsNullExpr(left, not) { Position = isTok.Position };
            if (AcceptKw("true")) return new BooleanTestExpr(left, BooleanTestKind.True, not) { Position = isTok.Position };
            if (AcceptKw("false")) return new BooleanTestExpr(left, BooleanTestKind.False, not) { Position = isTok.Position };
            if (AcceptKw("unknown")) return new BooleanTestExpr(left, BooleanTestKind.Unknown, not) { Position = isTok.Position };
            if (t.Is("document") || t.Is("normalized") || t.Is("nfc") || t.Is("nfd") || t.Is("nfkc") || t.Is("nfkd") || t.Is("json"))
                throw SqlErrors.FeatureNotSupported($"IS {t.Text.ToUpperInvariant()} is not supported", isTok.Position);
        }
        ExpectKw("distinct");
        ExpectKw("from");
        var right = ParseExpr(LevelIs + 1, bExpr);
        lastNonAssoc = LevelIs;
        return new IsDistinctFromExpr(left, right, not) { Position = isTok.Position };
    }

    /// a_expr subquery_Op {ANY|SOME|ALL} {select_with_parens | '(' a_expr ')'}
    private Expr ParseQuantified(string op, Expr left, Token opTok)
    {
        bool all = Advance().Text == "all";
        if (Cur.Kind != TokenKind.LParen) throw Error();
        if (LooksLikeSubquery())
            return new QuantifiedExpr(op, left, all, ParseSelectWithParens(), null) { Position = opTok.Position };
        Advance();
        var arr = ParseExpr();
        Expect(TokenKind.RParen);
        return new QuantifiedExpr(op, left, all, null, arr) { Position = opTok.Position };
    }

    /// OPERATOR '(' [schema '.'] op ')' — returns the operator symbol
    private string ParseOperatorConstruct()
    {
        Expect(TokenKind.LParen);
        while (IsColId(Cur) && At(1).Kind == TokenKind.Dot)
        {
            Advance();
            Advance();
        }
        var t = Cur;
        if (t.Kind != TokenKind.Operator) throw Error();
        Advance();
        Expect(TokenKind.RParen);
        return t.Text;
    }

    /// Prefix operators: NOT a_expr, '-' a_expr, '+' a_expr, qual_Op a_expr; else c_expr with indirection and casts.
    private Expr ParsePrefix(bool bExpr)
    {
        var t = Cur;
        if (t.Kind == TokenKind.Operator)
        {
            switch (t.Text)
            {
                case "-":
                {
                    Advance();
                    var operand = ParseExpr(LevelUnary, bExpr);
                    return Negate(operand, t);
                }
                case "+":
                    Advance();
                    return new UnaryExpr("+", ParseExpr(LevelUnary, bExpr)) { Position = t.Position };
                case "<" or ">" or "=" or "<=" or ">=" or "<>" or "*" or "/" or "%" or "^" or "$":
                    throw Error();
                default:
                    Advance();
                    return new UnaryExpr(t.Text, ParseExpr(LevelOp + 1, bExpr)) { Position = t.Position };
            }
        }
        if (!bExpr && t.Is("not"))
        {
            Advance();
            return new NotExpr(ParseExpr(LevelIs, bExpr)) { Position = t.Position };
        }
        if (t.Is("operator") && At(1).Kind == TokenKind.LParen)
        {
            Advance();
            var op = ParseOperatorConstruct();
            return new UnaryExpr(op, ParseExpr(LevelOp + 1, bExpr)) { Position = t.Position };
        }
        if (!bExpr && t.Is("default"))
        {
            Advance();
            return new DefaultExpr { Position = t.Position };
        }
        return ParsePostfix(ParsePrimary());
    }

    /// <summary>PostgreSQL's doNegate: '-' applied to a numeric constant folds into the constant.</summary>
    private static Expr Negate(Expr operand, Token minus)
    {
        switch (operand)
        {
            case IntegerLiteral i when i.Value != long.MinValue:
                return new IntegerLiteral(-i.Value) { Position = minus.Position };
            case NumericLiteral n:
            {
                var text = n.Text.StartsWith('-') ? n.Text[1..] : "-" + n.Text;
                if (text.All(c => c == '-' || char.IsAsciiDigit(c)) && long.TryParse(text, out var v))
                    return new IntegerLiteral(v) { Position = minus.Position };
                return new NumericLiteral(text) { Position = minus.Position };
            }
            default:
                return new UnaryExpr("-", operand) { Position = minus.Position };
        }
    }

    /// Postfix indirection: '[' a_expr [':' a_expr] ']', '.' field, '.' '*', '::' Typename.
    private Expr ParsePostfix(Expr expr)
    {
        while (true)
        {
            var t = Cur;
            if (t.Kind == TokenKind.TypeCast)
            {
                Advance();
                expr = new CastExpr(expr, ParseTypeName()) { Position = t.Position };
                continue;
            }
            if (t.Kind == TokenKind.LBracket)
            {
                Advance();
                Expr? lower = null, upper = null;
                bool slice = false;
                if (Cur.Kind != TokenKind.Colon) lower = ParseExpr();
                if (Accept(TokenKind.Colon))
                {
                    slice = true;
                    if (Cur.Kind != TokenKind.RBracket) upper = ParseExpr();
                }
                Expect(TokenKind.RBracket);
                expr = new SubscriptExpr(expr, lower, upper, slice) { Position = t.Position };
                continue;
            }
            if (t.Kind == TokenKind.Dot && expr is not ColumnRef)
            {
                Advance();
                if (Cur.IsOp("*"))
                {
                    Advance();
                    expr = new FieldSelectExpr(expr, "*") { Position = t.Position };
                    continue;
                }
                expr = new FieldSelectExpr(expr, ParseColLabel()) { Position = t.Position };
                continue;
            }
            return expr;
        }
    }

    /// expr_list: a_expr [, a_expr …]
    private List<Expr> ParseExprList()
    {
        var list = new List<Expr> { ParseExpr() };
        while (Accept(TokenKind.Comma)) list.Add(ParseExpr());
        return list;
    }

    /// <summary>At '(': does a query start here (possibly behind more parentheses)? Decided by trial parse.</summary>
    private bool LooksLikeSubquery()
    {
        int k = 1;
        while (At(k).Kind == TokenKind.LParen) k++;
        var t = At(k);
        if (!(t.Is("select") || t.Is("values") || t.Is("with") || t.Is("table"))) return false;
        if (k == 1) return true;
        int save = _pos;
        try
        {
            ParseSelectWithParens();
            return true;
        }
        catch (Errors.TenonException)
        {
            return false;
        }
        finally
        {
            _pos = save;
        }
    }
}
