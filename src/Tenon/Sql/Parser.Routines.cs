using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>CREATE/DROP/ALTER FUNCTION and PROCEDURE, DO, CALL, CREATE/DROP TRIGGER.</summary>
public sealed partial class Parser
{
    /// CREATE [OR REPLACE] {FUNCTION | PROCEDURE} func_name func_args_with_defaults [RETURNS …] createfunc_opt_list [sql_body]
    private Statement ParseCreateFunction(Token create, bool orReplace)
    {
        var isProcedure = Advance().Is("procedure");
        var name = ParseQualifiedName();
        var parameters = ParseRoutineParameters(withDefaults: true);
        TypeName? returns = null;
        var setOf = false;
        List<RoutineParameter>? table = null;
        if (!isProcedure && AcceptKw("returns"))
        {
            if (Cur.Is("table") && At(1).Kind == TokenKind.LParen)
            {
                Advance();
                Advance();
                table = new List<RoutineParameter>();
                do
                {
                    var colStart = Cur;
                    var colName = ParseColLabel();
                    table.Add(new RoutineParameter(colName, ParseRoutineType(), 't', null) { Position = colStart.Position });
                }
                while (Accept(TokenKind.Comma));
                Expect(TokenKind.RParen);
                setOf = true;
            }
            else
            {
                setOf = AcceptKw("setof");
                returns = ParseRoutineType();
            }
        }
        string? language = null, body = null;
        var bodyPosition = 0;
        char volatility = 'v';
        bool strict = false, definer = false;
        while (true)
        {
            var t = Cur;
            if (AcceptKw("language"))
            {
                language = Cur.Kind == TokenKind.String ? Advance().Text : ParseNonReservedWord();
                language = language.ToLowerInvariant();
            }
            else if (AcceptKw("as"))
            {
                bodyPosition = BodyContentPosition(Cur);
                body = ParseStringConst();
                if (Accept(TokenKind.Comma)) ParseStringConst();
            }
            else if (AcceptKw("immutable")) volatility = 'i';
            else if (AcceptKw("stable")) volatility = 's';
            else if (AcceptKw("volatile")) volatility = 'v';
            else if (AcceptKw("strict")) strict = true;
            else if (Cur.Is("called") && At(1).Is("on"))
            {
                _pos += 2;
                ExpectKw("null");
                ExpectKw("input");
                strict = false;
            }
            else if (Cur.Is("returns") && At(1).Is("null"))
            {
                _pos += 2;
                ExpectKw("on");
                ExpectKw("null");
                ExpectKw("input");
                strict = true;
            }
            else if (Cur.Is("external") || Cur.Is("security"))
            {
                AcceptKw("external");
                ExpectKw("security");
                if (AcceptKw("definer")) definer = true;
                else ExpectKw("invoker");
            }
            else if (AcceptKw("leakproof")) { }
            else if (Cur.Is("not") && At(1).Is("leakproof")) _pos += 2;
            else if (AcceptKw("window")) { }
            else if (AcceptKw("parallel")) ParseNonReservedWord();
            else if (AcceptKw("cost") || AcceptKw("rows"))
            {
                if (Cur.Kind is TokenKind.Integer or TokenKind.Numeric) Advance();
                else throw Error();
            }
            else if (AcceptKw("support")) ParseAnyName();
            else if (Cur.Is("set"))
            {
                Advance();
                ParseAnyName();
                if (Cur.Is("from") && At(1).Is("current")) _pos += 2;
                else
                {
                    if (!AcceptKw("to")) ExpectOp("=");
                    do Advance(); while (Accept(TokenKind.Comma));
                }
            }
            else if (Cur.Is("return"))
            {
                // RETURN a_expr: a SQL-standard body, kept as the equivalent query.
                var start = Advance();
                var exprStart = Cur;
                ParseExpr();
                bodyPosition = exprStart.Position;
                body = "SELECT " + SourceText(exprStart.Start, Prev.End);
                language ??= "sql";
            }
            else if (Cur.Is("begin") && At(1).Is("atomic"))
            {
                _pos += 2;
                var start = Cur;
                var depth = 0;
                while (!(Cur.Is("end") && depth == 0))
                {
                    if (Cur.Kind == TokenKind.EndOfInput) throw Error();
                    if (Cur.Is("case") || Cur.Is("begin")) depth++;
                    else if (Cur.Is("end")) depth--;
                    Advance();
                }
                bodyPosition = start.Position;
                body = SourceText(start.Start, Cur.Start);
                Advance();
                language ??= "sql";
            }
            else break;
            _ = t;
        }
        if (Cur.Kind is not (TokenKind.Semicolon or TokenKind.EndOfInput)) throw Error();
        return new CreateFunctionStatement(name, parameters, orReplace, isProcedure)
        {
            ReturnType = returns,
            ReturnsSet = setOf,
            TableColumns = table,
            Language = language,
            Body = body,
            BodyPosition = bodyPosition,
            Volatility = volatility,
            Strict = strict,
            SecurityDefiner = definer,
            Position = create.Position,
        };
    }

    /// <summary>Where a string constant's text starts (after its opening quote or $tag$); 0 when escapes shift offsets.</summary>
    private int BodyContentPosition(Token t)
    {
        if (t.Kind != TokenKind.String) return 0;
        var raw = _sql[t.Start..t.End];
        if (raw.StartsWith('$')) return t.Position + raw.IndexOf('$', 1) + 1;
        if (raw.StartsWith('\'') && raw.Length - 2 == t.Text.Length) return t.Position + 1;
        return 0;
    }

    /// func_type: Typename | [SETOF] type_function_name attrs '%' TYPE
    private TypeName ParseRoutineType()
    {
        var start = Cur;
        if (IsTypeFuncName(Cur) && At(1).Kind == TokenKind.Dot && At(3).IsOp("%"))
        {
            // table.column%TYPE: resolved when the routine is created.
            var parts = ParseAnyName();
            ExpectOp("%");
            ExpectKw("type");
            return new TypeName(string.Join(".", parts) + "%type", Array.Empty<int>()) { Position = start.Position };
        }
        return ParseTypeName();
    }

    /// '(' [func_arg [DEFAULT a_expr] [, …]] ')'
    private List<RoutineParameter> ParseRoutineParameters(bool withDefaults)
    {
        Expect(TokenKind.LParen);
        var list = new List<RoutineParameter>();
        if (Accept(TokenKind.RParen)) return list;
        do
        {
            var start = Cur;
            var mode = 'i';
            if (AcceptKw("in")) mode = AcceptKw("out") ? 'b' : 'i';
            else if (AcceptKw("out")) mode = 'o';
            else if (AcceptKw("inout")) mode = 'b';
            else if (AcceptKw("variadic")) mode = 'v';
            string? name = null;
            // param_name func_type: a name is followed by the start of a type.
            if (IsTypeFuncName(Cur) && !Cur.Is("double") && At(1).Kind == TokenKind.Identifier && !At(1).Is("default"))
                name = Advance().Text;
            var type = ParseRoutineType();
            Expr? def = null;
            if (withDefaults && (AcceptKw("default") || AcceptOp("="))) def = ParseExpr();
            list.Add(new RoutineParameter(name, type, mode, def) { Position = start.Position });
        }
        while (Accept(TokenKind.Comma));
        Expect(TokenKind.RParen);
        return list;
    }

    /// function_with_argtypes: func_name [ '(' [func_args] ')' ]
    private RoutineSignature ParseRoutineSignature()
    {
        var start = Cur;
        var name = ParseQualifiedName();
        List<TypeName>? types = null;
        if (Cur.Kind == TokenKind.LParen)
            types = ParseRoutineParameters(withDefaults: false).Where(p => p.Mode != 'o').Select(p => p.Type).ToList();
        return new RoutineSignature(name, types) { Position = start.Position };
    }

    /// DROP {FUNCTION | PROCEDURE | ROUTINE} [IF EXISTS] function_with_argtypes [, …] [CASCADE | RESTRICT]
    private Statement ParseDropRoutine(Token drop)
    {
        var kind = Advance().Text;
        var ifExists = false;
        if (Cur.Is("if") && At(1).Is("exists"))
        {
            _pos += 2;
            ifExists = true;
        }
        var list = new List<RoutineSignature>();
        do list.Add(ParseRoutineSignature());
        while (Accept(TokenKind.Comma));
        var cascade = AcceptKw("cascade");
        if (!cascade) AcceptKw("restrict");
        return new DropRoutineStatement(kind, list, ifExists, cascade) { Position = drop.Position };
    }

    /// ALTER {FUNCTION | PROCEDURE | ROUTINE} function_with_argtypes {OWNER TO role | RENAME TO name | options}
    private Statement ParseAlterRoutine(Token alter)
    {
        var kind = Advance().Text;
        return ParseAlterRoutineAction(alter, kind, ParseRoutineSignature());
    }

    /// {OWNER TO role | RENAME TO name | SET SCHEMA name} after ALTER {FUNCTION | PROCEDURE | ROUTINE | AGGREGATE} signature
    private Statement ParseAlterRoutineAction(Token alter, string kind, RoutineSignature sig)
    {
        string? rename = null, schema = null, owner = null;
        if (AcceptKw("owner"))
        {
            ExpectKw("to");
            owner = ParseRoleSpecOrPublic();
        }
        else if (AcceptKws("rename", "to")) rename = ParseColId();
        else if (AcceptKws("set", "schema")) schema = ParseColId();
        else return Unsupported("ALTER " + kind.ToUpperInvariant());
        return new AlterRoutineStatement(kind, sig) { RenameTo = rename, SetSchema = schema, NewOwner = owner, Position = alter.Position };
    }

    /// DO [LANGUAGE l] 'code' [LANGUAGE l]
    private Statement ParseDo()
    {
        var start = ExpectKw("do");
        string language = "plpgsql";
        string? body = null;
        while (true)
        {
            if (AcceptKw("language")) language = (Cur.Kind == TokenKind.String ? Advance().Text : ParseNonReservedWord()).ToLowerInvariant();
            else if (Cur.Kind == TokenKind.String && body is null) body = Advance().Text;
            else break;
        }
        if (body is null) throw Error();
        return new DoStatement(body, language) { Position = start.Position };
    }

    /// CALL func_application
    private Statement ParseCall()
    {
        var start = ExpectKw("call");
        var e = ParseExpr();
        if (e is not FunctionCall f) throw SqlErrors.Syntax("syntax error at or near \"" + Cur.Text + "\"", Cur.Position);
        return new CallStatement(f) { Position = start.Position };
    }

    /// CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name {BEFORE | AFTER | INSTEAD OF} events ON qualified_name …
    private Statement ParseCreateTrigger(Token create, bool orReplace)
    {
        var isConstraint = AcceptKw("constraint");
        ExpectKw("trigger");
        var name = ParseColId();
        char timing;
        if (AcceptKw("before")) timing = 'B';
        else if (AcceptKw("after")) timing = 'A';
        else if (AcceptKws("instead", "of")) timing = 'I';
        else throw Error();
        var events = new List<string>();
        List<string>? updateColumns = null;
        do
        {
            var ev = Cur;
            if (!(ev.Is("insert") || ev.Is("update") || ev.Is("delete") || ev.Is("truncate"))) throw Error();
            Advance();
            events.Add(ev.Text);
            if (ev.Is("update") && AcceptKw("of")) updateColumns = ParseNameList();
        }
        while (AcceptKw("or"));
        ExpectKw("on");
        var table = ParseQualifiedName();
        bool deferrable = false, initiallyDeferred = false, transition = false;
        if (AcceptKw("from")) ParseQualifiedName();
        while (true)
        {
            if (AcceptKw("deferrable")) deferrable = true;
            else if (AcceptKws("not", "deferrable")) deferrable = false;
            else if (AcceptKws("initially", "deferred")) initiallyDeferred = true;
            else if (AcceptKws("initially", "immediate")) initiallyDeferred = false;
            else break;
        }
        if (AcceptKw("referencing"))
        {
            transition = true;
            while (Cur.Is("old") || Cur.Is("new"))
            {
                Advance();
                if (!AcceptKw("table")) ExpectKw("row");
                AcceptKw("as");
                ParseColId();
            }
        }
        var forEachRow = false;
        if (AcceptKw("for"))
        {
            AcceptKw("each");
            if (AcceptKw("row")) forEachRow = true;
            else ExpectKw("statement");
        }
        Expr? when = null;
        string? whenText = null;
        if (AcceptKw("when"))
        {
            Expect(TokenKind.LParen);
            var ws = Cur;
            when = ParseExpr();
            whenText = SourceText(ws.Start, Prev.End);
            Expect(TokenKind.RParen);
        }
        ExpectKw("execute");
        if (!AcceptKw("function")) ExpectKw("procedure");
        var fn = ParseQualifiedName();
        Expect(TokenKind.LParen);
        var args = new List<string>();
        if (Cur.Kind != TokenKind.RParen)
        {
            do
            {
                var a = Cur;
                if (a.Kind is TokenKind.String or TokenKind.Integer or TokenKind.Numeric || a.Kind == TokenKind.Identifier) args.Add(Advance().Text);
                else if (a.IsOp("-") && At(1).Kind is TokenKind.Integer or TokenKind.Numeric)
                {
                    Advance();
                    args.Add("-" + Advance().Text);
                }
                else throw Error();
            }
            while (Accept(TokenKind.Comma));
        }
        Expect(TokenKind.RParen);
        return new CreateTriggerStatement(name, table, timing, events, fn, args)
        {
            OrReplace = orReplace,
            IsConstraint = isConstraint,
            ForEachRow = forEachRow,
            UpdateColumns = updateColumns,
            When = when,
            WhenText = whenText,
            Deferrable = deferrable,
            InitiallyDeferred = initiallyDeferred,
            HasTransitionTables = transition,
            Position = create.Position,
        };
    }

    /// DROP TRIGGER [IF EXISTS] name ON any_name [CASCADE | RESTRICT]
    private Statement ParseDropTrigger(Token drop)
    {
        ExpectKw("trigger");
        var ifExists = false;
        if (Cur.Is("if") && At(1).Is("exists"))
        {
            _pos += 2;
            ifExists = true;
        }
        var name = ParseColId();
        ExpectKw("on");
        var table = ParseQualifiedName();
        if (!AcceptKw("cascade")) AcceptKw("restrict");
        return new DropTriggerStatement(name, table, ifExists) { Position = drop.Position };
    }
}
