using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>Queries: SELECT, VALUES, TABLE, set operations, WITH, ORDER BY, LIMIT, locking.</summary>
public sealed partial class Parser
{
    private static readonly HashSet<string> TargetListTerminators = new(StringComparer.Ordinal)
    {
        "from", "where", "group", "having", "window", "into", "union", "intersect", "except",
        "order", "limit", "offset", "fetch", "for", "on", "returning", "then", "else", "end", "when",
    };

    /// <summary>True if a query (SelectStmt) starts at the current token.</summary>
    private bool AtQueryStart() =>
        Cur.Is("select") || Cur.Is("values") || Cur.Is("table") || Cur.Is("with") || Cur.Kind == TokenKind.LParen;

    /// SelectStmt: select_no_parens | select_with_parens
    /// select_no_parens: [with_clause] select_clause [sort_clause] [select_limit] [for_locking_clause]
    private Query ParseQuery()
    {
        Enter();
        try
        {
            var start = Cur;
            WithClause? with = null;
            if (Cur.Is("with")) with = ParseWithClause();
            var body = ParseSetExpression(0);
            var query = new Query(body) { With = with, Position = start.Position };
            query = ParseQueryTail(query);
            if (query.Body is NestedQueryBody nested && with is null && query.OrderBy.Count == 0 && query.Limit is null
                && query.Offset is null && query.Locking is null && !_sawLimitAll)
                return nested.Query with { Position = start.Position };
            return query;
        }
        finally
        {
            Leave();
        }
    }

    private bool _sawLimitAll;

    /// [ORDER BY …] [LIMIT …] [OFFSET …] [FETCH …] [FOR …] in any PostgreSQL-accepted order
    private Query ParseQueryTail(Query query)
    {
        _sawLimitAll = false;
        if (Cur.Is("order") && At(1).Is("by"))
        {
            _pos += 2;
            query = query with { OrderBy = ParseSortList() };
        }
        bool limitSeen = false, offsetSeen = false, lockingSeen = false;
        while (true)
        {
            var t = Cur;
            if (t.Is("limit"))
            {
                if (limitSeen) throw SqlErrors.Syntax("multiple LIMIT clauses not allowed", t.Position);
                limitSeen = true;
                Advance();
                if (AcceptKw("all"))
                {
                    _sawLimitAll = true;
                    continue;
                }
                var lim = ParseExpr();
                if (Cur.Kind == TokenKind.Comma)
                    throw new Errors.TenonException(Errors.SqlState.SyntaxError, "LIMIT #,# syntax is not supported",
                        hint: "Use separate LIMIT and OFFSET clauses.") { Position = t.Position };
                query = query with { Limit = lim };
                continue;
            }
            if (t.Is("offset"))
            {
                if (offsetSeen) throw SqlErrors.Syntax("multiple OFFSET clauses not allowed", t.Position);
                offsetSeen = true;
                Advance();
                var off = ParseExpr();
                if (!AcceptKw("row")) AcceptKw("rows");
                query = query with { Offset = off };
                continue;
            }
            if (t.Is("fetch"))
            {
                if (limitSeen) throw SqlErrors.Syntax("multiple LIMIT clauses not allowed", t.Position);
                limitSeen = true;
                Advance();
                if (!AcceptKw("first")) ExpectKw("next");
                Expr count;
                if (Cur.Is("row") || Cur.Is("rows")) count = new IntegerLiteral(1) { Position = Cur.Position };
                else count = ParseFetchCount();
                if (!AcceptKw("row")) ExpectKw("rows");
                if (Cur.Is("with") && At(1).Is("ties"))
                    throw SqlErrors.FeatureNotSupported("FETCH FIRST … WITH TIES is not supported", Cur.Position);
                ExpectKw("only");
                query = query with { Limit = count };
                continue;
            }
            if (t.Is("for") && !lockingSeen)
            {
                lockingSeen = true;
                int start = t.Start;
                while (Cur.Is("for"))
                {
                    Advance();
                    if (AcceptKw("update")) { }
                    else if (AcceptKw("share")) { }
                    else if (AcceptKw("no")) { ExpectKw("key"); ExpectKw("update"); }
                    else if (AcceptKw("key")) ExpectKw("share");
                    else throw Error();
                    if (AcceptKw("of"))
                    {
                        ParseQualifiedName();
                        while (Accept(TokenKind.Comma)) ParseQualifiedName();
                    }
                    if (AcceptKw("nowait")) { }
                    else if (AcceptKw("skip")) ExpectKw("locked");
                }
                query = query with { Locking = SourceText(start, Prev.End) };
                continue;
            }
            return query;
        }
    }

    /// select_fetch_first_value: c_expr | '+' I_or_F_const | '-' I_or_F_const
    private Expr ParseFetchCount()
    {
        var t = Cur;
        if (t.IsOp("+") || t.IsOp("-"))
        {
            Advance();
            if (Cur.Kind is not (TokenKind.Integer or TokenKind.Numeric)) throw Error();
            var lit = ParsePrimary();
            return t.Text == "-" ? Negate(lit, t) : lit;
        }
        return ParsePostfix(ParsePrimary());
    }

    /// select_clause with UNION/EXCEPT (level 1) and INTERSECT (level 2), left-associative
    private QueryBody ParseSetExpression(int minLevel)
    {
        var left = ParseSetPrimary();
        while (true)
        {
            var t = Cur;
            int level = t.Is("union") || t.Is("except") ? 1 : t.Is("intersect") ? 2 : 0;
            if (level == 0 || level <= minLevel) return left;
            Advance();
            bool all = false;
            if (AcceptKw("all")) all = true;
            else AcceptKw("distinct");
            var right = ParseSetExpression(level);
            var op = t.Text switch { "union" => SetOperator.Union, "intersect" => SetOperator.Intersect, _ => SetOperator.Except };
            left = new SetOperationBody(op, all, left, right) { Position = t.Position };
        }
    }

    /// simple_select | select_with_parens
    private QueryBody ParseSetPrimary()
    {
        var t = Cur;
        if (t.Is("select")) return ParseSelectCore();
        if (t.Is("values")) return ParseValues();
        if (t.Is("table"))
        {
            Advance();
            var rel = ParseRelationExpr(out bool only);
            var from = new NamedTableRef(rel, null) { Only = only, Position = rel.Position };
            return new SelectCore(new[] { new SelectItem(new StarExpr(null) { Position = t.Position }, null) { Position = t.Position } })
            {
                From = new TableRef[] { from },
                Position = t.Position,
            };
        }
        if (t.Kind == TokenKind.LParen)
        {
            var q = ParseSelectWithParens();
            if (q.With is null && q.OrderBy.Count == 0 && q.Limit is null && q.Offset is null && q.Locking is null && !_sawLimitAll)
                return q.Body;
            return new NestedQueryBody(q) { Position = t.Position };
        }
        throw Error();
    }

    /// select_with_parens: '(' select_no_parens ')' | '(' select_with_parens ')'
    private Query ParseSelectWithParens()
    {
        var open = Expect(TokenKind.LParen);
        var q = ParseQuery();
        Expect(TokenKind.RParen);
        return q with { Position = open.Position };
    }

    /// values_clause: VALUES '(' expr_list ')' [, '(' expr_list ')' …]
    private ValuesBody ParseValues()
    {
        var t = ExpectKw("values");
        var rows = new List<IReadOnlyList<Expr>>();
        do
        {
            Expect(TokenKind.LParen);
            rows.Add(ParseExprList());
            Expect(TokenKind.RParen);
        }
        while (Accept(TokenKind.Comma));
        return new ValuesBody(rows) { Position = t.Position };
    }

    /// SELECT [ALL | DISTINCT [ON (…)]] [target_list] [INTO …] [FROM …] [WHERE …] [GROUP BY …] [HAVING …] [WINDOW …]
    private SelectCore ParseSelectCore()
    {
        var sel = ExpectKw("select");
        bool distinct = false;
        List<Expr>? distinctOn = null;
        if (AcceptKw("distinct"))
        {
            distinct = true;
            if (AcceptKw("on"))
            {
                Expect(TokenKind.LParen);
                distinctOn = ParseExprList();
                Expect(TokenKind.RParen);
            }
        }
        else AcceptKw("all");
        var targets = new List<SelectItem>();
        if (!AtTargetListEnd()) targets = ParseTargetList();
        else if (distinct) throw Error();
        IntoClause? into = null;
        if (AcceptKw("into")) into = ParseIntoTarget();
        var core = new SelectCore(targets) { Distinct = distinct, DistinctOn = distinctOn, Into = into, Position = sel.Position };
        if (AcceptKw("from")) core = core with { From = ParseFromList() };
        if (AcceptKw("where")) core = core with { Where = ParseExpr() };
        if (Cur.Is("group") && At(1).Is("by"))
        {
            _pos += 2;
            if (!AcceptKw("all")) AcceptKw("distinct");
            core = core with { GroupBy = ParseGroupByList() };
        }
        if (AcceptKw("having")) core = core with { Having = ParseExpr() };
        if (AcceptKw("window"))
        {
            var windows = new List<(string, WindowSpec)>();
            do
            {
                var name = ParseColId();
                ExpectKw("as");
                windows.Add((name, ParseWindowSpecification()));
            }
            while (Accept(TokenKind.Comma));
            core = core with { Windows = windows };
        }
        return core;
    }

    /// INTO [TEMPORARY | TEMP | UNLOGGED] [TABLE] qualified_name
    private IntoClause ParseIntoTarget()
    {
        var start = Cur;
        bool temporary = false, unlogged = false;
        if (AcceptKw("local") || AcceptKw("global")) { if (!AcceptKw("temporary")) ExpectKw("temp"); temporary = true; }
        else if (AcceptKw("temporary") || AcceptKw("temp")) temporary = true;
        else unlogged = AcceptKw("unlogged");
        AcceptKw("table");
        return new IntoClause(ParseQualifiedName(), temporary, unlogged) { Position = start.Position };
    }

    /// <summary>
    /// A top-level query: SELECT … INTO (in the query's first SELECT) is CREATE TABLE … AS, as in
    /// PostgreSQL's grammar; an INTO anywhere else is rejected when the query is bound.
    /// </summary>
    private Statement SelectOrSelectInto(Query query)
    {
        var body = query.Body;
        while (body is SetOperationBody set)
        {
            if (FirstInto(set.Right) is { } misplaced)
                throw new TenonException(SqlState.SyntaxError, "INTO is only allowed on first SELECT of UNION/INTERSECT/EXCEPT") { Position = misplaced.Name.Position };
            body = set.Left;
        }
        if (body is not SelectCore { Into: { } into } core) return new SelectStatement(query);
        var stripped = ReplaceLeftmost(query.Body, core with { Into = null });
        return new CreateTableStatement(into.Name, Array.Empty<ColumnDefinition>(), Array.Empty<TableConstraint>())
        {
            Temporary = into.Temporary,
            Unlogged = into.Unlogged,
            AsQuery = query with { Body = stripped },
            IsSelectInto = true,
        };
    }

    private static IntoClause? FirstInto(QueryBody body) => body switch
    {
        SelectCore core => core.Into,
        SetOperationBody set => FirstInto(set.Left) ?? FirstInto(set.Right),
        _ => null,
    };

    private static QueryBody ReplaceLeftmost(QueryBody body, SelectCore replacement) => body switch
    {
        SetOperationBody set => set with { Left = ReplaceLeftmost(set.Left, replacement) },
        _ => replacement,
    };

    private bool AtTargetListEnd()
    {
        var t = Cur;
        if (t.Kind is TokenKind.Semicolon or TokenKind.EndOfInput or TokenKind.RParen) return true;
        return t.Kind == TokenKind.Identifier && t.Keyword == KeywordCategory.Reserved && TargetListTerminators.Contains(t.Text);
    }

    /// target_list: target_el [, target_el …]
    private List<SelectItem> ParseTargetList()
    {
        var list = new List<SelectItem> { ParseTarget() };
        while (Accept(TokenKind.Comma)) list.Add(ParseTarget());
        return list;
    }

    /// target_el: a_expr [AS ColLabel | BareColLabel] | '*'
    private SelectItem ParseTarget()
    {
        var t = Cur;
        if (t.IsOp("*"))
        {
            Advance();
            return new SelectItem(new StarExpr(null) { Position = t.Position }, null) { Position = t.Position };
        }
        var e = ParseExpr();
        string? alias = null;
        if (AcceptKw("as")) alias = ParseColLabel();
        else if (IsBareColLabel(Cur)) alias = Advance().Text;
        return new SelectItem(e, alias) { Position = t.Position };
    }

    /// group_by_list: group_by_item [, …]; ROLLUP / CUBE / GROUPING SETS are not supported
    private List<Expr> ParseGroupByList()
    {
        var list = new List<Expr>();
        do
        {
            var t = Cur;
            if ((t.Is("rollup") || t.Is("cube")) && At(1).Kind == TokenKind.LParen || t.Is("grouping") && At(1).Is("sets"))
                throw SqlErrors.FeatureNotSupported($"{(t.Text == "grouping" ? "GROUPING SETS" : t.Text.ToUpperInvariant())} is not supported", t.Position);
            if (t.Kind == TokenKind.LParen && At(1).Kind == TokenKind.RParen)
                throw SqlErrors.FeatureNotSupported("empty grouping sets are not supported", t.Position);
            list.Add(ParseExpr());
        }
        while (Accept(TokenKind.Comma));
        return list;
    }

    /// sortby_list: a_expr [ASC | DESC | USING qual_all_Op] [NULLS {FIRST | LAST}] [, …]
    private List<OrderItem> ParseSortList()
    {
        var list = new List<OrderItem>();
        do
        {
            var t = Cur;
            var e = ParseExpr();
            bool desc = false;
            string? usingOp = null;
            if (AcceptKw("asc")) { }
            else if (AcceptKw("desc")) desc = true;
            else if (AcceptKw("using"))
            {
                if (Cur.Kind == TokenKind.Operator) usingOp = Advance().Text;
                else if (Cur.Is("operator") && At(1).Kind == TokenKind.LParen) { Advance(); usingOp = ParseOperatorConstruct(); }
                else throw Error();
            }
            bool? nullsFirst = null;
            if (Cur.Is("nulls") && (At(1).Is("first") || At(1).Is("last")))
            {
                Advance();
                nullsFirst = Advance().Text == "first";
            }
            list.Add(new OrderItem(e, desc, nullsFirst) { UsingOperator = usingOp, Position = t.Position });
        }
        while (Accept(TokenKind.Comma));
        return list;
    }

    /// with_clause: WITH [RECURSIVE] cte [, cte …]
    private WithClause ParseWithClause()
    {
        var t = ExpectKw("with");
        bool recursive = AcceptKw("recursive");
        var ctes = new List<CommonTableExpr>();
        do
        {
            var nameTok = Cur;
            var name = ParseColId();
            List<string>? cols = null;
            if (Cur.Kind == TokenKind.LParen) cols = ParseParenNameList();
            ExpectKw("as");
            bool? materialized = null;
            if (AcceptKw("materialized")) materialized = true;
            else if (Cur.Is("not") && At(1).Is("materialized")) { _pos += 2; materialized = false; }
            Expect(TokenKind.LParen);
            var stmtStart = Cur;
            Statement stmt;
            if (Cur.Is("insert")) stmt = ParseInsert(null);
            else if (Cur.Is("update")) stmt = ParseUpdate(null);
            else if (Cur.Is("delete")) stmt = ParseDelete(null);
            else stmt = new SelectStatement(ParseQuery());
            stmt = stmt with { Position = stmtStart.Position, EndPosition = EndOfPrevious };
            Expect(TokenKind.RParen);
            if (Cur.Is("search") || Cur.Is("cycle"))
                throw SqlErrors.FeatureNotSupported("SEARCH and CYCLE clauses are not supported", Cur.Position);
            ctes.Add(new CommonTableExpr(name, cols, stmt) { Materialized = materialized, Position = nameTok.Position });
        }
        while (Accept(TokenKind.Comma));
        return new WithClause(recursive, ctes) { Position = t.Position };
    }
}
