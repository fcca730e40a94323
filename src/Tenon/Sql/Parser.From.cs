using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>FROM items: relations, subqueries, functions, joins.</summary>
public sealed partial class Parser
{
    /// from_list: table_ref [, table_ref …]
    private List<TableRef> ParseFromList()
    {
        var list = new List<TableRef> { ParseTableRef() };
        while (Accept(TokenKind.Comma)) list.Add(ParseTableRef());
        return list;
    }

    /// table_ref with any joins that follow it (left-associative)
    private TableRef ParseTableRef()
    {
        Enter();
        try
        {
            return ParseJoins(ParseTablePrimary());
        }
        finally
        {
            Leave();
        }
    }

    private bool AtJoinKeyword()
    {
        var t = Cur;
        return t.Is("join") || t.Is("cross") || t.Is("natural") || t.Is("inner") || t.Is("left") || t.Is("right") || t.Is("full");
    }

    /// joined_table: table_ref CROSS JOIN table_ref | table_ref [NATURAL] [join_type] JOIN table_ref [join_qual]
    private TableRef ParseJoins(TableRef left)
    {
        while (AtJoinKeyword())
        {
            var t = Cur;
            if (AcceptKw("cross"))
            {
                ExpectKw("join");
                var r = ParseTablePrimary();
                left = new JoinTableRef(JoinKind.Cross, left, r, null, null, false) { Position = t.Position };
                continue;
            }
            bool natural = AcceptKw("natural");
            var kind = JoinKind.Inner;
            if (AcceptKw("inner")) kind = JoinKind.Inner;
            else if (AcceptKw("left")) { kind = JoinKind.Left; AcceptKw("outer"); }
            else if (AcceptKw("right")) { kind = JoinKind.Right; AcceptKw("outer"); }
            else if (AcceptKw("full")) { kind = JoinKind.Full; AcceptKw("outer"); }
            ExpectKw("join");
            var right = ParseTablePrimary();
            if (natural)
            {
                left = new JoinTableRef(kind, left, right, null, null, true) { Position = t.Position };
                continue;
            }
            if (AtJoinKeyword()) right = ParseJoins(right);
            if (AcceptKw("on"))
            {
                var on = ParseExpr();
                left = new JoinTableRef(kind, left, right, on, null, false) { Position = t.Position };
            }
            else if (AcceptKw("using"))
            {
                var cols = ParseParenNameList();
                Alias? alias = null;
                if (AcceptKw("as")) alias = new Alias(ParseColId());
                left = new JoinTableRef(kind, left, right, null, cols, false) { Alias = alias, Position = t.Position };
            }
            else throw Error();
        }
        return left;
    }

    /// relation_expr [alias] | [LATERAL] func_table [func_alias] | [LATERAL] select_with_parens [alias] | '(' joined_table ')' [alias]
    private TableRef ParseTablePrimary()
    {
        var t = Cur;
        bool lateral = AcceptKw("lateral");
        if (Cur.Kind == TokenKind.LParen)
        {
            if (LooksLikeSubquery())
            {
                var open = Cur;
                var q = ParseSelectWithParens();
                var alias = ParseOptAlias();
                if (alias is null)
                {
                    bool isValues = q.Body is ValuesBody;
                    throw new Errors.TenonException(Errors.SqlState.SyntaxError,
                        isValues ? "VALUES in FROM must have an alias" : "subquery in FROM must have an alias",
                        hint: isValues ? "For example, FROM (VALUES ...) [AS] foo." : "For example, FROM (SELECT ...) [AS] foo.")
                    { Position = open.Position };
                }
                return new SubqueryTableRef(q, alias, lateral) { Position = t.Position };
            }
            if (lateral) throw Error();
            Advance();
            var inner = ParseTableRef();
            if (inner is not JoinTableRef join) throw Error();
            Expect(TokenKind.RParen);
            var jalias = ParseOptAlias();
            return jalias is null ? join : join with { Alias = jalias };
        }
        if (Cur.Is("rows") && At(1).Is("from"))
            throw SqlErrors.FeatureNotSupported("ROWS FROM is not supported", Cur.Position);
        if (!lateral && Cur.Is("only"))
        {
            var rel = ParseRelationExpr(out bool only);
            return new NamedTableRef(rel, ParseOptAlias()) { Only = only, Position = t.Position };
        }
        // A name: a relation, or a function call if '(' follows.
        var start = _pos;
        var first = Cur;
        if (!IsColId(first) && !IsTypeFuncName(first) && !(first.Keyword == KeywordCategory.ColName)) throw Error();
        int k = 1;
        while (At(k).Kind == TokenKind.Dot && At(k + 1).Kind == TokenKind.Identifier) k += 2;
        if (At(k).Kind == TokenKind.LParen)
        {
            var expr = ParseNameOrKeywordExpr();
            if (expr is not FunctionCall call) throw SqlErrors.FeatureNotSupported("this function form is not supported in FROM", first.Position);
            bool ordinality = false;
            if (Cur.Is("with") && At(1).Is("ordinality"))
            {
                _pos += 2;
                ordinality = true;
            }
            var alias = ParseOptAlias(allowColumnDefs: true);
            return new FunctionTableRef(call, alias, lateral) { WithOrdinality = ordinality, Position = t.Position };
        }
        if (lateral) throw Error();
        _pos = start;
        var name = ParseRelationExpr(out bool only2);
        if (Cur.Is("tablesample")) throw SqlErrors.FeatureNotSupported("TABLESAMPLE is not supported", Cur.Position);
        return new NamedTableRef(name, ParseOptAlias()) { Only = only2, Position = t.Position };
    }

    /// relation_expr: qualified_name ['*'] | ONLY qualified_name | ONLY '(' qualified_name ')'
    private QualifiedName ParseRelationExpr(out bool only)
    {
        only = false;
        if (AcceptKw("only"))
        {
            only = true;
            if (Accept(TokenKind.LParen))
            {
                var n = ParseQualifiedName();
                Expect(TokenKind.RParen);
                return n;
            }
            return ParseQualifiedName();
        }
        var name = ParseQualifiedName();
        AcceptOp("*");
        return name;
    }

    /// opt_alias_clause: [AS] ColId ['(' name_list ')']
    private Alias? ParseOptAlias(bool allowColumnDefs = false)
    {
        string name;
        if (AcceptKw("as"))
        {
            if (allowColumnDefs && Cur.Kind == TokenKind.LParen)
                throw SqlErrors.FeatureNotSupported("column definition lists are not supported", Cur.Position);
            name = ParseColId();
        }
        else if (IsColId(Cur)) name = Advance().Text;
        else return null;
        List<string>? cols = null;
        if (Cur.Kind == TokenKind.LParen)
        {
            if (allowColumnDefs && IsColId(At(1)) && At(2).Kind == TokenKind.Identifier)
                throw SqlErrors.FeatureNotSupported("column definition lists are not supported", Cur.Position);
            cols = ParseParenNameList();
        }
        return new Alias(name, cols);
    }
}
