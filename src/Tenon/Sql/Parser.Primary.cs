using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>Primary expressions (c_expr): constants, names, calls, special forms, parentheses.</summary>
public sealed partial class Parser
{
    private static readonly HashSet<string> ConstTypeKeywords = new(StringComparer.Ordinal)
    {
        "int", "integer", "smallint", "bigint", "real", "float", "double", "decimal", "dec", "numeric", "boolean",
        "bit", "char", "character", "varchar", "nchar", "national", "time", "timestamp", "interval",
    };

    /// c_expr
    private Expr ParsePrimary()
    {
        var t = Cur;
        switch (t.Kind)
        {
            case TokenKind.Integer:
                Advance();
                return long.TryParse(t.Text, out var l)
                    ? new IntegerLiteral(l) { Position = t.Position }
                    : new NumericLiteral(t.Text) { Position = t.Position };
            case TokenKind.Numeric:
                Advance();
                return new NumericLiteral(t.Text) { Position = t.Position };
            case TokenKind.String:
                Advance();
                return new StringLiteral(t.Text) { Position = t.Position };
            case TokenKind.BitString:
                Advance();
                return new TypedLiteral(new TypeName("bit", Array.Empty<int>()) { Position = t.Position }, t.Text) { Position = t.Position };
            case TokenKind.HexString:
                Advance();
                return new TypedLiteral(new TypeName("bit", Array.Empty<int>()) { Position = t.Position }, "x" + t.Text) { Position = t.Position };
            case TokenKind.Param:
                Advance();
                if (!int.TryParse(t.Text, out var n) || n == 0 && t.Text.Length > 9) throw ErrorAt(t);
                return new ParamRef(n) { Position = t.Position };
            case TokenKind.LParen:
                return ParseParenthesized();
            case TokenKind.Identifier:
                return ParseNameOrKeywordExpr();
            default:
                throw Error();
        }
    }

    /// '(' a_expr ')' | '(' a_expr ',' … ')' (implicit row) | select_with_parens [indirection]
    private Expr ParseParenthesized()
    {
        var open = Cur;
        if (LooksLikeSubquery())
        {
            var q = ParseSelectWithParens();
            return new ScalarSubqueryExpr(q) { Position = open.Position };
        }
        Advance();
        var first = ParseExpr();
        if (Cur.Kind == TokenKind.Comma)
        {
            var items = new List<Expr> { first };
            while (Accept(TokenKind.Comma)) items.Add(ParseExpr());
            Expect(TokenKind.RParen);
            return new RowExpr(items, false) { Position = open.Position };
        }
        Expect(TokenKind.RParen);
        // '(' a_expr ')' opt_indirection: field selection is allowed right after the parenthesis.
        while (Cur.Kind == TokenKind.Dot)
        {
            var dot = Advance();
            if (Cur.IsOp("*"))
            {
                Advance();
                first = new FieldSelectExpr(first, "*") { Position = dot.Position };
            }
            else first = new FieldSelectExpr(first, ParseColLabel()) { Position = dot.Position };
        }
        return first;
    }

    private Expr ParseNameOrKeywordExpr()
    {
        var t = Cur;
        if (t.Keyword != KeywordCategory.None)
        {
            var special = ParseKeywordExpr(t);
            if (special is not null) return special;
        }
        return ParseNameExpr();
    }

    /// <summary>Keyword-introduced expressions; null if the keyword is just a name here.</summary>
    private Expr? ParseKeywordExpr(Token t)
    {
        switch (t.Text)
        {
            case "true": Advance(); return new BoolLiteral(true) { Position = t.Position };
            case "false": Advance(); return new BoolLiteral(false) { Position = t.Position };
            case "null": Advance(); return new NullLiteral { Position = t.Position };
            case "case": return ParseCase();
            case "cast":
            {
                Advance();
                Expect(TokenKind.LParen);
                var e = ParseExpr();
                ExpectKw("as");
                var type = ParseTypeName();
                Expect(TokenKind.RParen);
                return new CastExpr(e, type) { Position = t.Position };
            }
            case "array":
            {
                Advance();
                if (Cur.Kind == TokenKind.LParen)
                {
                    var q = ParseSelectWithParens();
                    return new ArraySubqueryExpr(q) { Position = t.Position };
                }
                return ParseArrayBrackets(t);
            }
            case "exists":
                if (At(1).Kind != TokenKind.LParen) return null;
                Advance();
                return new ExistsExpr(ParseSelectWithParens()) { Position = t.Position };
            case "row":
                if (At(1).Kind != TokenKind.LParen) return null;
                Advance();
                Advance();
                var rowItems = Cur.Kind == TokenKind.RParen ? new List<Expr>() : ParseExprList();
                Expect(TokenKind.RParen);
                return new RowExpr(rowItems, true) { Position = t.Position };
            case "current_date": Advance(); return new SqlValueFunction(SqlValueFunctionKind.CurrentDate) { Position = t.Position };
            case "current_time": return ParseSqlValueWithPrecision(SqlValueFunctionKind.CurrentTime);
            case "current_timestamp": return ParseSqlValueWithPrecision(SqlValueFunctionKind.CurrentTimestamp);
            case "localtime": return ParseSqlValueWithPrecision(SqlValueFunctionKind.LocalTime);
            case "localtimestamp": return ParseSqlValueWithPrecision(SqlValueFunctionKind.LocalTimestamp);
            case "current_role": Advance(); return new SqlValueFunction(SqlValueFunctionKind.CurrentRole) { Position = t.Position };
            case "current_user": Advance(); return new SqlValueFunction(SqlValueFunctionKind.CurrentUser) { Position = t.Position };
            case "session_user": Advance(); return new SqlValueFunction(SqlValueFunctionKind.SessionUser) { Position = t.Position };
            case "user": Advance(); return new SqlValueFunction(SqlValueFunctionKind.User) { Position = t.Position };
            case "current_catalog": Advance(); return new SqlValueFunction(SqlValueFunctionKind.CurrentCatalog) { Position = t.Position };
            case "current_schema":
                if (At(1).Kind == TokenKind.LParen) return null;
                Advance();
                return new SqlValueFunction(SqlValueFunctionKind.CurrentSchema) { Position = t.Position };
            case "coalesce":
            case "greatest":
            case "least":
            {
                if (At(1).Kind != TokenKind.LParen) return null;
                Advance();
                Advance();
                var args = ParseExprList();
                Expect(TokenKind.RParen);
                return new FunctionCall(new QualifiedName(null, t.Text), args) { Position = t.Position };
            }
            case "nullif":
            {
                if (At(1).Kind != TokenKind.LParen) return null;
                Advance();
                Advance();
                var a = ParseExpr();
                Expect(TokenKind.Comma);
                var b = ParseExpr();
                Expect(TokenKind.RParen);
                return new FunctionCall(new QualifiedName(null, "nullif"), new[] { a, b }) { Position = t.Position };
            }
            case "grouping":
            {
                if (At(1).Kind != TokenKind.LParen) return null;
                Advance();
                Advance();
                var args = ParseExprList();
                Expect(TokenKind.RParen);
                return new FunctionCall(new QualifiedName(null, "grouping"), args) { Position = t.Position };
            }
            case "extract": return At(1).Kind == TokenKind.LParen ? ParseExtract() : null;
            case "position": return At(1).Kind == TokenKind.LParen ? ParsePosition() : null;
            case "substring": return At(1).Kind == TokenKind.LParen ? ParseSubstring() : null;
            case "trim": return At(1).Kind == TokenKind.LParen ? ParseTrim() : null;
            case "overlay": return At(1).Kind == TokenKind.LParen ? ParseOverlay() : null;
            case "collation" when At(1).Is("for"):
            {
                Advance();
                Advance();
                Expect(TokenKind.LParen);
                var e = ParseExpr();
                Expect(TokenKind.RParen);
                return new FunctionCall(new QualifiedName("pg_catalog", "pg_collation_for"), new[] { e }) { Position = t.Position };
            }
            case "interval":
            {
                var type = ParseTypeNameForLiteral(out var str);
                return new TypedLiteral(type, str.Text) { Position = str.Position };
            }
            case "double" when At(1).Is("precision"):
            {
                var type = ParseTypeNameForLiteral(out var str);
                return new TypedLiteral(type, str.Text) { Position = str.Position };
            }
        }
        if (t.Keyword == KeywordCategory.ColName && ConstTypeKeywords.Contains(t.Text) && t.Text != "double")
        {
            // A column-name keyword that names a type: "int '5'", "timestamp(3) '…'", "varchar(3) 'abc'".
            if (LooksLikeConstTypeLiteral())
            {
                var type = ParseTypeNameForLiteral(out var str);
                return new TypedLiteral(type, str.Text) { Position = str.Position };
            }
            return null;
        }
        if (t.Keyword == KeywordCategory.Reserved) throw Error();
        return null;
    }

    /// <summary>Is the current col-name type keyword followed (after its modifiers) by a string constant?</summary>
    private bool LooksLikeConstTypeLiteral()
    {
        int save = _pos;
        try
        {
            ParseTypeName(allowArray: false);
            return Cur.Kind == TokenKind.String;
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

    private TypeName ParseTypeNameForLiteral(out Token str)
    {
        int typeStart = _pos;
        var type = ParseTypeName(allowArray: false);
        if (Cur.Kind != TokenKind.String) throw Error();
        // CHAR 'x' / NCHAR 'x' without a length is bpchar unrestricted, not char(1) as in a column.
        if (type.Name == "bpchar" && !_tokens.Skip(typeStart).Take(_pos - typeStart).Any(tk => tk.Kind == TokenKind.LParen))
            type = type with { Modifiers = Array.Empty<int>() };
        str = Advance();
        if (type.Name == "interval" && type.IntervalFields is null && type.Modifiers.Count == 0)
        {
            var fields = ParseOptInterval(out var secPrecision);
            if (fields is not null)
                type = type with { IntervalFields = fields, Modifiers = secPrecision is int p ? new[] { p } : Array.Empty<int>() };
        }
        return type;
    }

    private Expr ParseSqlValueWithPrecision(SqlValueFunctionKind kind)
    {
        var t = Advance();
        int precision = -1;
        if (Cur.Kind == TokenKind.LParen)
        {
            Advance();
            precision = ParseIntConst();
            Expect(TokenKind.RParen);
        }
        return new SqlValueFunction(kind, precision) { Position = t.Position };
    }

    /// ARRAY '[' [elements] ']' where elements are a_expr or nested '[' … ']'
    private Expr ParseArrayBrackets(Token at)
    {
        Expect(TokenKind.LBracket);
        var items = new List<Expr>();
        if (Cur.Kind != TokenKind.RBracket)
        {
            do
            {
                items.Add(Cur.Kind == TokenKind.LBracket ? ParseArrayBrackets(Cur) : ParseExpr());
            }
            while (Accept(TokenKind.Comma));
        }
        Expect(TokenKind.RBracket);
        return new ArrayExpr(items) { Position = at.Position };
    }

    /// CASE [a_expr] WHEN a_expr THEN a_expr … [ELSE a_expr] END
    private Expr ParseCase()
    {
        var t = Advance();
        Expr? operand = null;
        if (!Cur.Is("when")) operand = ParseExpr();
        var whens = new List<CaseWhen>();
        if (!Cur.Is("when")) throw Error();
        while (AcceptKw("when"))
        {
            var cond = ParseExpr();
            ExpectKw("then");
            whens.Add(new CaseWhen(cond, ParseExpr()));
        }
        Expr? els = null;
        if (AcceptKw("else")) els = ParseExpr();
        ExpectKw("end");
        return new CaseExpr(operand, whens, els) { Position = t.Position };
    }

    /// EXTRACT '(' {IDENT | YEAR | MONTH | DAY | HOUR | MINUTE | SECOND | Sconst} FROM a_expr ')'
    private Expr ParseExtract()
    {
        var t = Advance();
        Expect(TokenKind.LParen);
        var f = Cur;
        string field;
        if (f.Kind == TokenKind.String) field = f.Text;
        else if (f.Kind == TokenKind.Identifier && (f.Keyword == KeywordCategory.None || f.Text is "year" or "month" or "day" or "hour" or "minute" or "second"))
            field = f.Text;
        else throw Error();
        Advance();
        ExpectKw("from");
        var e = ParseExpr();
        Expect(TokenKind.RParen);
        return new FunctionCall(new QualifiedName(null, "extract"), new Expr[] { new StringLiteral(field) { Position = f.Position }, e }) { Position = t.Position };
    }

    /// POSITION '(' b_expr IN b_expr ')' → position(haystack, needle)
    private Expr ParsePosition()
    {
        var t = Advance();
        Expect(TokenKind.LParen);
        var needle = ParseBExpr();
        ExpectKw("in");
        var haystack = ParseBExpr();
        Expect(TokenKind.RParen);
        return new FunctionCall(new QualifiedName(null, "position"), new[] { haystack, needle }) { Position = t.Position };
    }

    /// SUBSTRING '(' a_expr [FROM a_expr] [FOR a_expr] | a_expr SIMILAR a_expr ESCAPE a_expr | expr_list ')'
    private Expr ParseSubstring()
    {
        var t = Advance();
        Expect(TokenKind.LParen);
        if (Cur.Kind == TokenKind.RParen)
        {
            Advance();
            return new FunctionCall(new QualifiedName(null, "substring"), Array.Empty<Expr>()) { Position = t.Position };
        }
        var s = ParseExpr();
        var args = new List<Expr> { s };
        if (AcceptKw("from"))
        {
            args.Add(ParseExpr());
            if (AcceptKw("for")) args.Add(ParseExpr());
        }
        else if (AcceptKw("for"))
        {
            var len = ParseExpr();
            if (AcceptKw("from")) { args.Add(ParseExpr()); args.Add(len); }
            else { args.Add(new IntegerLiteral(1)); args.Add(len); }
        }
        else if (AcceptKw("similar"))
        {
            args.Add(ParseExpr());
            ExpectKw("escape");
            args.Add(ParseExpr());
        }
        else
        {
            while (Accept(TokenKind.Comma)) args.Add(ParseExpr());
        }
        Expect(TokenKind.RParen);
        return new FunctionCall(new QualifiedName(null, "substring"), args) { Position = t.Position };
    }

    /// TRIM '(' [BOTH | LEADING | TRAILING] trim_list ')' → btrim / ltrim / rtrim(source, chars)
    private Expr ParseTrim()
    {
        var t = Advance();
        Expect(TokenKind.LParen);
        string fn = "btrim";
        if (AcceptKw("both")) fn = "btrim";
        else if (AcceptKw("leading")) fn = "ltrim";
        else if (AcceptKw("trailing")) fn = "rtrim";
        List<Expr> args;
        if (AcceptKw("from"))
        {
            args = ParseExprList();
        }
        else
        {
            var first = ParseExpr();
            if (AcceptKw("from"))
            {
                args = ParseExprList();
                args.Add(first);
            }
            else
            {
                args = new List<Expr> { first };
                while (Accept(TokenKind.Comma)) args.Add(ParseExpr());
            }
        }
        Expect(TokenKind.RParen);
        return new FunctionCall(new QualifiedName(null, fn), args) { Position = t.Position };
    }

    /// OVERLAY '(' a_expr PLACING a_expr FROM a_expr [FOR a_expr] | func_arg_list ')'
    private Expr ParseOverlay()
    {
        var t = Advance();
        Expect(TokenKind.LParen);
        var args = new List<Expr> { ParseExpr() };
        if (AcceptKw("placing"))
        {
            args.Add(ParseExpr());
            ExpectKw("from");
            args.Add(ParseExpr());
            if (AcceptKw("for")) args.Add(ParseExpr());
        }
        else
        {
            while (Accept(TokenKind.Comma)) args.Add(ParseExpr());
        }
        Expect(TokenKind.RParen);
        return new FunctionCall(new QualifiedName(null, "overlay"), args) { Position = t.Position };
    }

    /// columnref | func_application | func_name Sconst (typed literal)
    private Expr ParseNameExpr()
    {
        var first = Cur;
        if (!IsColId(first) && !IsTypeFuncName(first)) throw Error();
        Advance();
        var names = new List<string> { first.Text };
        while (Cur.Kind == TokenKind.Dot)
        {
            if (!IsColId(first)) throw Error();
            Advance();
            if (Cur.IsOp("*"))
            {
                Advance();
                return names.Count switch
                {
                    1 => new StarExpr(names[0]) { Position = first.Position },
                    2 => new StarExpr(names[1]) { Schema = names[0], Position = first.Position },
                    _ => new StarExpr(names[^1]) { Schema = names[^2], Position = first.Position },
                };
            }
            if (!IsColLabel(Cur)) throw Error();
            names.Add(Advance().Text);
        }
        if (Cur.Kind == TokenKind.LParen)
        {
            if (names.Count == 1 && !IsTypeFuncName(first)) throw Error();
            return ParseFunctionCall(MakeQualifiedName(names, first), first);
        }
        if (Cur.Kind == TokenKind.String && (names.Count > 1 || IsTypeFuncName(first)))
        {
            var str = Advance();
            var type = CanonicalGenericType(names, first);
            return new TypedLiteral(type, str.Text) { Position = str.Position };
        }
        // A type/function-name keyword (LEFT, JOIN, …) can only start a call or a typed literal.
        if (!IsColId(first)) throw Error();
        return new ColumnRef(names) { Position = first.Position };
    }

    /// func_application: func_name '(' [ALL | DISTINCT] [args] [ORDER BY …] | '*' ')' [WITHIN GROUP (…)] [FILTER (WHERE …)] [OVER …]
    private Expr ParseFunctionCall(QualifiedName name, Token first)
    {
        Expect(TokenKind.LParen);
        var args = new List<Expr>();
        bool star = false, distinct = false;
        IReadOnlyList<OrderItem>? orderBy = null;
        if (Cur.IsOp("*"))
        {
            Advance();
            star = true;
        }
        else if (Cur.Kind != TokenKind.RParen)
        {
            if (AcceptKw("distinct")) distinct = true;
            else AcceptKw("all");
            if (Cur.Is("variadic")) throw SqlErrors.FeatureNotSupported("VARIADIC arguments are not supported", Cur.Position);
            args.Add(ParseFuncArg());
            while (Accept(TokenKind.Comma)) args.Add(ParseFuncArg());
            CheckArgumentNotation(args);
            if (Cur.Is("order") && At(1).Is("by"))
            {
                _pos += 2;
                orderBy = ParseSortList();
            }
        }
        Expect(TokenKind.RParen);
        bool withinGroup = false;
        if (Cur.Is("within") && At(1).Is("group"))
        {
            _pos += 2;
            Expect(TokenKind.LParen);
            ExpectKw("order");
            ExpectKw("by");
            orderBy = ParseSortList();
            Expect(TokenKind.RParen);
            withinGroup = true;
        }
        Expr? filter = null;
        if (Cur.Is("filter") && At(1).Kind == TokenKind.LParen)
        {
            _pos += 2;
            ExpectKw("where");
            filter = ParseExpr();
            Expect(TokenKind.RParen);
        }
        WindowSpec? over = null;
        if (Cur.Is("over"))
        {
            var overTok = Advance();
            if (Cur.Kind == TokenKind.LParen) over = ParseWindowSpecification();
            else { var nameTok = Cur; over = new WindowSpec(ParseColId(), Array.Empty<Expr>(), Array.Empty<OrderItem>()) { Position = nameTok.Position }; }
        }
        return new FunctionCall(name, args)
        {
            Position = first.Position,
            Star = star,
            Distinct = distinct,
            OrderBy = orderBy,
            Filter = filter,
            Over = over,
            WithinGroup = withinGroup,
        };
    }

    /// func_arg_expr: a_expr | param_name {:= | =>} a_expr
    private Expr ParseFuncArg()
    {
        if (IsTypeFuncName(Cur) && At(1).Kind is TokenKind.ColonEquals or TokenKind.EqualsGreater)
        {
            var nameTok = Advance();
            Advance();
            return new NamedArgExpr(nameTok.Text, ParseExpr()) { Position = nameTok.Position };
        }
        return ParseExpr();
    }

    /// <summary>Mixed notation puts every positional argument first, and names each parameter once.</summary>
    private static void CheckArgumentNotation(List<Expr> args)
    {
        var named = new HashSet<string>();
        foreach (var arg in args)
        {
            if (arg is NamedArgExpr n)
            {
                if (!named.Add(n.Name))
                    throw SqlErrors.Syntax($"argument name \"{n.Name}\" used more than once", n.Position);
            }
            else if (named.Count > 0)
            {
                throw SqlErrors.Syntax("positional argument cannot follow named argument", arg.Position);
            }
        }
    }

    /// window_specification: '(' [existing_window_name] [PARTITION BY …] [ORDER BY …] [frame_clause] ')'
    private WindowSpec ParseWindowSpecification()
    {
        var open = Expect(TokenKind.LParen);
        string? name = null;
        if (IsColId(Cur) && !Cur.Is("partition") && !Cur.Is("range") && !Cur.Is("rows") && !Cur.Is("groups"))
            name = Advance().Text;
        var partition = new List<Expr>();
        if (AcceptKw("partition"))
        {
            ExpectKw("by");
            partition = ParseExprList();
        }
        IReadOnlyList<OrderItem> order = Array.Empty<OrderItem>();
        if (Cur.Is("order") && At(1).Is("by"))
        {
            _pos += 2;
            order = ParseSortList();
        }
        string? frame = null;
        WindowFrame? frameClause = null;
        if (Cur.Is("rows") || Cur.Is("range") || Cur.Is("groups"))
        {
            var modeTok = Advance();
            int start = modeTok.Start;
            var mode = modeTok.Text switch { "rows" => FrameMode.Rows, "range" => FrameMode.Range, _ => FrameMode.Groups };
            FrameBound first, second;
            if (AcceptKw("between"))
            {
                first = ParseFrameBound();
                ExpectKw("and");
                second = ParseFrameBound();
            }
            else
            {
                first = ParseFrameBound();
                second = new FrameBound(FrameBoundKind.CurrentRow, null) { Position = first.Position };
            }
            var exclusion = FrameExclusion.NoOthers;
            if (AcceptKw("exclude"))
            {
                if (AcceptKw("current")) { ExpectKw("row"); exclusion = FrameExclusion.CurrentRow; }
                else if (AcceptKw("group")) exclusion = FrameExclusion.Group;
                else if (AcceptKw("ties")) exclusion = FrameExclusion.Ties;
                else { ExpectKw("no"); ExpectKw("others"); }
            }
            frame = SourceText(start, Prev.End);
            frameClause = new WindowFrame(mode, first, second, exclusion) { Position = modeTok.Position };
        }
        Expect(TokenKind.RParen);
        return new WindowSpec(name, partition, order) { Frame = frame, FrameClause = frameClause, Position = open.Position };
    }

    /// frame_bound: UNBOUNDED {PRECEDING|FOLLOWING} | CURRENT ROW | a_expr {PRECEDING|FOLLOWING}
    private FrameBound ParseFrameBound()
    {
        var t = Cur;
        if (Cur.Is("unbounded") && (At(1).Is("preceding") || At(1).Is("following")))
        {
            _pos += 2;
            return new FrameBound(Prev.Is("preceding") ? FrameBoundKind.UnboundedPreceding : FrameBoundKind.UnboundedFollowing, null) { Position = t.Position };
        }
        if (Cur.Is("current") && At(1).Is("row")) { _pos += 2; return new FrameBound(FrameBoundKind.CurrentRow, null) { Position = t.Position }; }
        var offset = ParseExpr();
        if (AcceptKw("preceding")) return new FrameBound(FrameBoundKind.OffsetPreceding, offset) { Position = t.Position };
        ExpectKw("following");
        return new FrameBound(FrameBoundKind.OffsetFollowing, offset) { Position = t.Position };
    }
}
