using Tenon.Errors;
using Tenon.Sql;

namespace Tenon.PlPgSql;

/// <summary>
/// Parser for PL/pgSQL function bodies (pl_gram.y's statements), over the main lexer's tokens.
/// Embedded SQL is cut out as source text between the PL/pgSQL keywords that end it (THEN, LOOP,
/// ';' …), counting parentheses and CASE … END so those words inside an expression do not end it.
/// </summary>
public sealed class PlParser
{
    private readonly string _src;
    private readonly IReadOnlyList<Token> _t;
    private int _p;

    private PlParser(string src)
    {
        _src = src;
        _t = Lexer.Tokenize(src);
    }

    /// <summary>Parses a whole function body: one block, optionally followed by ';'.</summary>
    public static PlBlock ParseFunction(string body)
    {
        var p = new PlParser(body);
        try
        {
            var block = p.ParseBlock(null);
            p.Accept(TokenKind.Semicolon);
            if (p.Cur.Kind != TokenKind.EndOfInput) throw p.Error();
            return block;
        }
        catch (TenonException ex) when (ex.Where is null)
        {
            ex.Where = $"compilation of PL/pgSQL function near line {p.LineOf(p.Cur)}";
            throw;
        }
    }

    private Token Cur => At(0);
    private Token At(int k) => _p + k < _t.Count ? _t[_p + k] : _t[^1];
    private Token Advance() => _t[Math.Min(_p++, _t.Count - 1)];

    private static bool IsWord(Token t, string w) => t.Kind == TokenKind.Identifier && !t.Quoted && t.Text == w;
    private bool W(string w, int k = 0) => IsWord(At(k), w);

    private bool AcceptW(string w)
    {
        if (!W(w)) return false;
        _p++;
        return true;
    }

    private void ExpectW(string w)
    {
        if (!AcceptW(w)) throw Error();
    }

    private bool Accept(TokenKind k)
    {
        if (Cur.Kind != k) return false;
        _p++;
        return true;
    }

    private void Expect(TokenKind k)
    {
        if (!Accept(k)) throw Error();
    }

    private int LineOf(Token t) => 1 + _src.AsSpan(0, Math.Min(t.Start, _src.Length)).Count('\n');

    private TenonException Error()
    {
        var t = Cur;
        return t.Kind == TokenKind.EndOfInput
            ? new TenonException(SqlState.SyntaxError, "syntax error at end of input") { Position = _src.Length + 1 }
            : new TenonException(SqlState.SyntaxError, $"syntax error at or near \"{_src[t.Start..t.End]}\"") { Position = t.Position };
    }

    private string Ident()
    {
        if (Cur.Kind != TokenKind.Identifier) throw Error();
        return Advance().Text;
    }

    private string? ParseLabel()
    {
        if (!Cur.IsOp("<<")) return null;
        Advance();
        var name = Ident();
        if (!Cur.IsOp(">>")) throw Error();
        Advance();
        return name;
    }

    /// [DECLARE decls] BEGIN stmts [EXCEPTION handlers] END [label]
    private PlBlock ParseBlock(string? label)
    {
        label ??= ParseLabel();
        var line = LineOf(Cur);
        var decls = new List<PlDecl>();
        if (AcceptW("declare"))
        {
            while (!W("begin"))
            {
                if (AcceptW("declare")) continue;
                if (Cur.IsOp("<<")) { ParseLabel(); continue; }
                decls.Add(ParseDecl());
            }
        }
        ExpectW("begin");
        var body = ParseStatements("end", "exception");
        List<PlHandler>? handlers = null;
        if (AcceptW("exception"))
        {
            handlers = new List<PlHandler>();
            while (AcceptW("when"))
            {
                var conds = new List<string>();
                do
                {
                    if (AcceptW("sqlstate")) conds.Add("sqlstate:" + ParseString());
                    else conds.Add(Ident());
                }
                while (AcceptW("or"));
                ExpectW("then");
                handlers.Add(new PlHandler(conds, ParseStatements("end", "when")));
            }
        }
        ExpectW("end");
        if (Cur.Kind == TokenKind.Identifier && !W("loop")) Advance();
        return new PlBlock(label, decls, body, handlers) { Line = line };
    }

    private string ParseString()
    {
        if (Cur.Kind != TokenKind.String) throw Error();
        return Advance().Text;
    }

    /// name [CONSTANT] type [COLLATE c] [NOT NULL] [{DEFAULT | := | =} expr] ; | name ALIAS FOR {$n | name} ;
    private PlDecl ParseDecl()
    {
        var line = LineOf(Cur);
        var name = Ident();
        if (AcceptW("alias"))
        {
            ExpectW("for");
            var target = Cur.Kind == TokenKind.Param ? "$" + Advance().Text : Ident();
            Expect(TokenKind.Semicolon);
            return new PlDecl(name, null, false, false, null) { AliasFor = target, Line = line };
        }
        if (W("cursor") || W("scroll") || W("no") && W("scroll", 1))
            throw new TenonException(SqlState.FeatureNotSupported, "cursor variables are not supported by Tenon yet");
        var constant = AcceptW("constant");
        var typeStart = Cur;
        while (!(Cur.Kind is TokenKind.Semicolon or TokenKind.ColonEquals or TokenKind.EndOfInput || Cur.IsOp("=") || W("default")
                 || W("not") && W("null", 1) || W("collate")))
            Advance();
        var typeText = Slice(typeStart, _p);
        if (typeText.Length == 0) throw Error();
        if (AcceptW("collate")) Ident();
        var notNull = false;
        if (W("not") && W("null", 1))
        {
            _p += 2;
            notNull = true;
        }
        string? def = null;
        if (Accept(TokenKind.ColonEquals) || AcceptW("default") || Cur.IsOp("=") && Advance().Kind == TokenKind.Operator)
            def = ReadUntil(_ => Cur.Kind == TokenKind.Semicolon);
        Expect(TokenKind.Semicolon);
        return new PlDecl(name, typeText, constant, notNull, def) { Line = line };
    }

    /// <summary>Source text of tokens [from, _p).</summary>
    private string Slice(Token from, int endExclusive)
    {
        var startIndex = IndexOf(from);
        if (endExclusive <= startIndex) return "";
        return _src[from.Start.._t[endExclusive - 1].End];
    }

    private int IndexOf(Token t)
    {
        for (var i = 0; i < _t.Count; i++)
            if (_t[i].Start == t.Start && _t[i].Kind == t.Kind) return i;
        return _t.Count - 1;
    }

    /// <summary>
    /// Reads an embedded expression or statement up to (not including) the first token at nesting
    /// depth 0 for which <paramref name="stop"/> holds; returns its source text.
    /// </summary>
    private string ReadUntil(Func<Token, bool> stop)
    {
        var start = _p;
        var depth = 0;
        var caseDepth = 0;
        while (true)
        {
            var t = Cur;
            if (t.Kind == TokenKind.EndOfInput) break;
            if (depth == 0 && caseDepth == 0 && stop(t)) break;
            if (t.Kind == TokenKind.Semicolon && depth == 0) break;
            if (t.Kind is TokenKind.LParen or TokenKind.LBracket) depth++;
            else if (t.Kind is TokenKind.RParen or TokenKind.RBracket) depth--;
            else if (IsWord(t, "case") && depth == 0) caseDepth++;
            else if (IsWord(t, "end") && depth == 0 && caseDepth > 0) caseDepth--;
            Advance();
        }
        if (_p == start) throw Error();
        return _src[_t[start].Start.._t[_p - 1].End];
    }

    private List<PlStmt> ParseStatements(params string[] terminators)
    {
        var list = new List<PlStmt>();
        while (true)
        {
            if (Cur.Kind == TokenKind.EndOfInput) throw Error();
            if (terminators.Any(w => W(w))) return list;
            if (Accept(TokenKind.Semicolon)) continue;
            list.Add(ParseStatement());
        }
    }

    private PlStmt ParseStatement()
    {
        var line = LineOf(Cur);
        var label = ParseLabel();
        var s = ParseStatementCore(label);
        return s with { Line = line };
    }

    private PlStmt ParseStatementCore(string? label)
    {
        if (W("begin") || W("declare"))
        {
            var b = ParseBlock(label);
            Expect(TokenKind.Semicolon);
            return b;
        }
        if (AcceptW("if")) return ParseIf();
        if (W("case") ) { Advance(); return ParseCase(); }
        if (AcceptW("loop"))
        {
            var body = ParseStatements("end");
            EndLoop();
            return new PlLoop(label, body);
        }
        if (AcceptW("while"))
        {
            var cond = ReadUntil(t => IsWord(t, "loop"));
            ExpectW("loop");
            var body = ParseStatements("end");
            EndLoop();
            return new PlWhile(label, cond, body);
        }
        if (AcceptW("for")) return ParseFor(label);
        if (AcceptW("foreach"))
        {
            var targets = ParseTargets();
            var slice = 0;
            if (AcceptW("slice"))
            {
                if (Cur.Kind != TokenKind.Integer) throw Error();
                slice = int.Parse(Advance().Text, System.Globalization.CultureInfo.InvariantCulture);
            }
            ExpectW("in");
            ExpectW("array");
            var arr = ReadUntil(t => IsWord(t, "loop"));
            ExpectW("loop");
            var body = ParseStatements("end");
            EndLoop();
            return new PlForeach(label, targets, slice, arr, body);
        }
        if (W("exit") || W("continue"))
        {
            var isContinue = Advance().Text == "continue";
            string? target = null, when = null;
            if (Cur.Kind == TokenKind.Identifier && !W("when")) target = Ident();
            if (AcceptW("when")) when = ReadUntil(_ => false);
            Expect(TokenKind.Semicolon);
            return new PlExit(isContinue, target, when);
        }
        if (AcceptW("return"))
        {
            if (AcceptW("next"))
            {
                string? e = Cur.Kind == TokenKind.Semicolon ? null : ReadUntil(_ => false);
                Expect(TokenKind.Semicolon);
                return new PlReturnNext(e);
            }
            if (AcceptW("query"))
            {
                if (AcceptW("execute"))
                {
                    var dyn = ReadUntil(t => IsWord(t, "using"));
                    var usingList = AcceptW("using") ? ParseExprList() : null;
                    Expect(TokenKind.Semicolon);
                    return new PlReturnQuery(null, dyn, usingList);
                }
                var q = ReadUntil(_ => false);
                Expect(TokenKind.Semicolon);
                return new PlReturnQuery(q, null, null);
            }
            string? expr = Cur.Kind == TokenKind.Semicolon ? null : ReadUntil(_ => false);
            Expect(TokenKind.Semicolon);
            return new PlReturn(expr);
        }
        if (AcceptW("raise")) return ParseRaise();
        if (AcceptW("perform"))
        {
            var q = ReadUntil(_ => false);
            Expect(TokenKind.Semicolon);
            return new PlSql("SELECT " + q, null, false, true);
        }
        if (W("execute") && !(At(1).Kind is TokenKind.ColonEquals || At(1).IsOp("=")))
        {
            Advance();
            var e = ReadUntil(t => IsWord(t, "into") || IsWord(t, "using"));
            List<string>? into = null;
            var strict = false;
            List<string>? usingList = null;
            while (true)
            {
                if (AcceptW("into"))
                {
                    strict = AcceptW("strict");
                    into = ParseTargets();
                }
                else if (AcceptW("using")) usingList = ParseExprList(t => IsWord(t, "into"));
                else break;
            }
            Expect(TokenKind.Semicolon);
            return new PlDynamic(e, into, strict, usingList);
        }
        if (W("get") && (W("diagnostics", 1) || W("current", 1) || W("stacked", 1)))
        {
            Advance();
            var stacked = AcceptW("stacked");
            AcceptW("current");
            ExpectW("diagnostics");
            var items = new List<(string, string)>();
            do
            {
                var target = ReadTarget();
                if (!Accept(TokenKind.ColonEquals) && !(Cur.IsOp("=") && Advance().Kind == TokenKind.Operator)) throw Error();
                items.Add((target, Ident()));
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.Semicolon);
            return new PlGetDiagnostics(items, stacked);
        }
        if (W("null") && At(1).Kind == TokenKind.Semicolon)
        {
            _p += 2;
            return new PlNull();
        }
        if (AcceptW("assert"))
        {
            var cond = ReadUntil(t => t.Kind == TokenKind.Comma);
            string? msg = Accept(TokenKind.Comma) ? ReadUntil(_ => false) : null;
            Expect(TokenKind.Semicolon);
            return new PlAssert(cond, msg);
        }
        if (W("commit") || W("rollback") || W("open") || W("fetch") || W("close") || W("move"))
            throw new TenonException(SqlState.FeatureNotSupported, $"PL/pgSQL {Cur.Text.ToUpperInvariant()} is not supported by Tenon yet");
        if (IsAssignment()) return ParseAssignment();
        return ParseSql();
    }

    private void EndLoop()
    {
        ExpectW("end");
        ExpectW("loop");
        if (Cur.Kind == TokenKind.Identifier) Advance();
        Expect(TokenKind.Semicolon);
    }

    private PlStmt ParseIf()
    {
        var branches = new List<(string, IReadOnlyList<PlStmt>)>();
        var cond = ReadUntil(t => IsWord(t, "then"));
        ExpectW("then");
        branches.Add((cond, ParseStatements("elsif", "elseif", "else", "end")));
        IReadOnlyList<PlStmt>? elseBody = null;
        while (true)
        {
            if (AcceptW("elsif") || AcceptW("elseif"))
            {
                var c = ReadUntil(t => IsWord(t, "then"));
                ExpectW("then");
                branches.Add((c, ParseStatements("elsif", "elseif", "else", "end")));
            }
            else if (AcceptW("else")) elseBody = ParseStatements("end");
            else break;
        }
        ExpectW("end");
        ExpectW("if");
        Expect(TokenKind.Semicolon);
        return new PlIf(branches, elseBody);
    }

    private PlStmt ParseCase()
    {
        string? subject = W("when") ? null : ReadUntil(t => IsWord(t, "when"));
        var whens = new List<(string, IReadOnlyList<PlStmt>)>();
        while (AcceptW("when"))
        {
            var e = ReadUntil(t => IsWord(t, "then"));
            ExpectW("then");
            whens.Add((e, ParseStatements("when", "else", "end")));
        }
        IReadOnlyList<PlStmt>? elseBody = AcceptW("else") ? ParseStatements("end") : null;
        ExpectW("end");
        ExpectW("case");
        Expect(TokenKind.Semicolon);
        return new PlCase(subject, whens, elseBody);
    }

    private PlStmt ParseFor(string? label)
    {
        var targets = ParseTargets();
        ExpectW("in");
        if (AcceptW("execute"))
        {
            var e = ReadUntil(t => IsWord(t, "loop") || IsWord(t, "using"));
            var usingList = AcceptW("using") ? ParseExprList(t => IsWord(t, "loop")) : null;
            ExpectW("loop");
            var b = ParseStatements("end");
            EndLoop();
            return new PlForQuery(label, targets, null, e, usingList, b);
        }
        var reverse = AcceptW("reverse");
        // An integer range has ".." at depth 0 before LOOP.
        var save = _p;
        var isRange = false;
        var depth = 0;
        for (var i = _p; i < _t.Count; i++)
        {
            var t = _t[i];
            if (t.Kind is TokenKind.LParen or TokenKind.LBracket) depth++;
            else if (t.Kind is TokenKind.RParen or TokenKind.RBracket) depth--;
            else if (depth == 0 && t.Kind == TokenKind.DotDot) { isRange = true; break; }
            else if (depth == 0 && (IsWord(t, "loop") || t.Kind == TokenKind.Semicolon)) break;
        }
        _p = save;
        if (isRange || reverse)
        {
            var lower = ReadUntil(t => t.Kind == TokenKind.DotDot);
            Expect(TokenKind.DotDot);
            var upper = ReadUntil(t => IsWord(t, "loop") || IsWord(t, "by"));
            string? by = AcceptW("by") ? ReadUntil(t => IsWord(t, "loop")) : null;
            ExpectW("loop");
            var b = ParseStatements("end");
            EndLoop();
            return new PlForInt(label, targets[0], reverse, lower, upper, by, b);
        }
        var q = ReadUntil(t => IsWord(t, "loop"));
        ExpectW("loop");
        var body = ParseStatements("end");
        EndLoop();
        return new PlForQuery(label, targets, q, null, null, body);
    }

    private List<string> ParseTargets()
    {
        var list = new List<string> { ReadTarget() };
        while (Accept(TokenKind.Comma)) list.Add(ReadTarget());
        return list;
    }

    /// <summary>A variable, record field or array element target: name [. name …] ['[' expr ']' …].</summary>
    private string ReadTarget()
    {
        var start = Cur;
        if (Cur.Kind == TokenKind.Param) Advance();
        else Ident();
        while (true)
        {
            if (Cur.Kind == TokenKind.Dot)
            {
                Advance();
                Ident();
            }
            else if (Cur.Kind == TokenKind.LBracket)
            {
                Advance();
                ReadUntil(t => t.Kind == TokenKind.RBracket);
                Expect(TokenKind.RBracket);
            }
            else break;
        }
        return _src[start.Start.._t[_p - 1].End];
    }

    private List<string> ParseExprList(Func<Token, bool>? stop = null)
    {
        var list = new List<string>();
        do list.Add(ReadUntil(t => t.Kind == TokenKind.Comma || (stop?.Invoke(t) ?? false)));
        while (Accept(TokenKind.Comma));
        return list;
    }

    private bool IsAssignment()
    {
        if (Cur.Kind is not (TokenKind.Identifier or TokenKind.Param)) return false;
        var save = _p;
        try
        {
            ReadTarget();
            return Cur.Kind == TokenKind.ColonEquals || Cur.IsOp("=");
        }
        catch (TenonException)
        {
            return false;
        }
        finally
        {
            _p = save;
        }
    }

    private PlStmt ParseAssignment()
    {
        var target = ReadTarget();
        Advance();
        var e = ReadUntil(_ => false);
        Expect(TokenKind.Semicolon);
        return new PlAssign(target, e);
    }

    /// RAISE [level] [condition | 'format' [, expr …]] [USING option = expr [, …]]
    private PlStmt ParseRaise()
    {
        var level = "exception";
        foreach (var l in new[] { "debug", "log", "info", "notice", "warning", "exception" })
            if (AcceptW(l)) { level = l; break; }
        string? format = null, condition = null;
        var args = new List<string>();
        if (Cur.Kind == TokenKind.String)
        {
            format = Advance().Text;
            while (Accept(TokenKind.Comma)) args.Add(ReadUntil(t => t.Kind == TokenKind.Comma || IsWord(t, "using")));
        }
        else if (AcceptW("sqlstate")) condition = "sqlstate:" + ParseString();
        else if (Cur.Kind == TokenKind.Identifier && !W("using")) condition = Ident();
        var options = new List<(string, string)>();
        if (AcceptW("using"))
        {
            do
            {
                var opt = Ident();
                if (!Accept(TokenKind.ColonEquals) && !(Cur.IsOp("=") && Advance().Kind == TokenKind.Operator)) throw Error();
                options.Add((opt, ReadUntil(t => t.Kind == TokenKind.Comma)));
            }
            while (Accept(TokenKind.Comma));
        }
        Expect(TokenKind.Semicolon);
        if (format is null && condition is null && options.Count == 0 && level == "exception") return new PlRaise(level, null, args, options, null);
        return new PlRaise(level, format, args, options, condition);
    }

    /// <summary>A SQL statement; SELECT … INTO and … RETURNING … INTO have their INTO clause cut out.</summary>
    private PlStmt ParseSql()
    {
        var start = _p;
        var first = Cur;
        var isSelect = IsWord(first, "select") || IsWord(first, "with") || first.Kind == TokenKind.LParen;
        var seenReturning = false;
        var depth = 0;
        int intoAt = -1, intoEnd = -1;
        var strict = false;
        List<string>? targets = null;
        while (Cur.Kind is not (TokenKind.Semicolon or TokenKind.EndOfInput))
        {
            var t = Cur;
            if (t.Kind is TokenKind.LParen or TokenKind.LBracket) depth++;
            else if (t.Kind is TokenKind.RParen or TokenKind.RBracket) depth--;
            else if (depth == 0 && IsWord(t, "returning")) seenReturning = true;
            else if (depth == 0 && targets is null && IsWord(t, "into") && (isSelect || seenReturning)
                     && !(_p > 0 && (IsWord(_t[_p - 1], "insert") || IsWord(_t[_p - 1], "merge"))))
            {
                intoAt = _p;
                Advance();
                strict = AcceptW("strict");
                targets = ParseTargets();
                intoEnd = _p;
                continue;
            }
            Advance();
        }
        if (_p == start) throw Error();
        var endTok = _t[_p - 1];
        string sql;
        if (intoAt < 0) sql = _src[first.Start..endTok.End];
        else
        {
            var before = _src[first.Start.._t[intoAt].Start];
            var after = intoEnd <= _p - 1 ? _src[_t[intoEnd - 1].End..endTok.End] : "";
            sql = before + " " + after;
        }
        Expect(TokenKind.Semicolon);
        return new PlSql(sql, targets, strict, false);
    }
}
