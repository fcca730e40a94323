using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>CREATE (other than TABLE), DROP, COMMENT ON.</summary>
public sealed partial class Parser
{
    /// CREATE [OR REPLACE] [TEMP | UNLOGGED] {TABLE | INDEX | SEQUENCE | VIEW | SCHEMA | EXTENSION | …}
    private Statement ParseCreate()
    {
        var create = ExpectKw("create");
        bool orReplace = false;
        if (Cur.Is("or") && At(1).Is("replace"))
        {
            _pos += 2;
            orReplace = true;
        }
        bool temporary = false, unlogged = false;
        if ((Cur.Is("local") || Cur.Is("global")) && (At(1).Is("temp") || At(1).Is("temporary")))
        {
            _pos += 2;
            temporary = true;
        }
        else if (AcceptKw("temp") || AcceptKw("temporary")) temporary = true;
        else if (AcceptKw("unlogged")) unlogged = true;

        var t = Cur;
        if (t.Is("table") && !orReplace) return ParseCreateTable(create, temporary, unlogged);
        if ((t.Is("index") || t.Is("unique") && At(1).Is("index")) && !orReplace && !temporary && !unlogged) return ParseCreateIndex(create);
        if (t.Is("sequence") && !orReplace) return ParseCreateSequence(create, temporary, unlogged);
        if ((t.Is("view") || t.Is("recursive") && At(1).Is("view")) && unlogged)
            throw new TenonException(SqlState.SyntaxError, "views cannot be unlogged because they do not have storage");
        if (t.Is("view") || t.Is("recursive") && At(1).Is("view")) return ParseCreateView(create, orReplace, temporary);
        if (t.Is("materialized") && At(1).Is("view"))
            return orReplace || temporary ? throw Error() : ParseCreateMaterializedView(create, unlogged);
        if (t.Is("schema") && !orReplace && !temporary && !unlogged) return ParseCreateSchema(create);
        if (t.Is("extension") && !orReplace && !temporary && !unlogged) return ParseCreateExtension(create);
        if (t.Is("database") && !orReplace && !temporary && !unlogged) return ParseCreateDatabase(create);
        if (t.Is("type") && !orReplace && !temporary && !unlogged) return ParseCreateType(create);
        if ((t.Is("role") || t.Is("user") && !At(1).Is("mapping") || t.Is("group")) && !orReplace && !temporary && !unlogged) return ParseCreateRole(create);
        if (t.Is("domain") && !orReplace && !temporary && !unlogged) return ParseCreateDomain(create);
        if ((t.Is("function") || t.Is("procedure")) && !temporary && !unlogged) return ParseCreateFunction(create, orReplace);
        if (t.Is("aggregate") && !temporary && !unlogged) return ParseCreateAggregate(create, orReplace);
        if ((t.Is("trigger") || t.Is("constraint") && At(1).Is("trigger")) && !temporary && !unlogged) return ParseCreateTrigger(create, orReplace);
        if (t.Is("operator") && (At(1).Is("class") || At(1).Is("family")) && !orReplace && !temporary && !unlogged) return ParseCreateOpClass(create);
        if (t.Is("statistics") && !orReplace && !temporary && !unlogged) return ParseCreateStatistics(create);
        return UnsupportedCreate(orReplace);
    }

    private static readonly HashSet<string> CreatableObjects = new(StringComparer.Ordinal)
    {
        "function", "procedure", "trigger", "type", "domain", "rule", "policy", "role", "user", "group", "aggregate",
        "operator", "cast", "collation", "conversion", "database", "event", "foreign", "language", "materialized",
        "publication", "server", "statistics", "subscription", "tablespace", "text", "transform", "access", "constraint",
        "default", "trusted", "procedural",
    };

    private Statement UnsupportedCreate(bool orReplace)
    {
        var t = Cur;
        if (!t.Is("view") && !(t.Kind == TokenKind.Identifier && t.Keyword != KeywordCategory.None && CreatableObjects.Contains(t.Text)))
            throw Error();
        var feature = "CREATE " + t.Text.ToUpperInvariant();
        if (t.Is("materialized") || t.Is("event") || t.Is("foreign") || t.Is("text") || t.Is("access") || t.Is("constraint") || t.Is("default"))
            feature += " " + At(1).Text.ToUpperInvariant();
        _ = orReplace;
        return Unsupported(feature);
    }

    /// CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] relation [USING method] '(' index_params ')'
    ///   [INCLUDE (…)] [NULLS [NOT] DISTINCT] [WITH (…)] [TABLESPACE t] [WHERE a_expr]
    private CreateIndexStatement ParseCreateIndex(Token create)
    {
        bool unique = AcceptKw("unique");
        ExpectKw("index");
        bool concurrently = AcceptKw("concurrently");
        bool ifNotExists = false;
        string? name = null;
        if (Cur.Is("if") && At(1).Is("not") && At(2).Is("exists"))
        {
            _pos += 3;
            ifNotExists = true;
            name = ParseColId();
        }
        else if (!Cur.Is("on")) name = ParseColId();
        ExpectKw("on");
        var table = ParseRelationExpr(out var only);
        string? method = null;
        if (AcceptKw("using")) method = ParseColId();
        var elements = ParseIndexParams();
        List<string>? include = null;
        if (AcceptKw("include")) include = ParseIncludeColumns();
        bool nnd = ParseOptNullsDistinct();
        List<RelOption>? options = null;
        if (Cur.Is("with") && At(1).Kind == TokenKind.LParen)
        {
            Advance();
            options = ParseRelOptionList();
        }
        string? tablespace = null;
        if (AcceptKw("tablespace")) tablespace = ParseColId();
        Expr? where = null;
        if (AcceptKw("where")) where = ParseExpr();
        return new CreateIndexStatement(name, table, elements)
        {
            Options = options,
            Tablespace = tablespace,
            Unique = unique,
            IfNotExists = ifNotExists,
            Concurrently = concurrently,
            Method = method,
            Include = include,
            NullsNotDistinct = nnd,
            Where = where,
            Only = only,
            Position = create.Position,
        };
    }

    /// '(' index_elem [, …] ')' ; index_elem: {ColId | func_expr | '(' a_expr ')'} [COLLATE c] [opclass] [ASC|DESC] [NULLS FIRST|LAST]
    /// <summary>
    /// CREATE INDEX's INCLUDE list: index elements in the grammar, but only plain columns without
    /// options are allowed (PostgreSQL's DefineIndex errors, without a position).
    /// </summary>
    private List<string> ParseIncludeColumns()
    {
        var names = new List<string>();
        foreach (var e in ParseIndexParams())
        {
            if (e.Column is null) throw new TenonException(SqlState.FeatureNotSupported, "expressions are not supported in included columns");
            if (e.Collation is not null) throw new TenonException(SqlState.FeatureNotSupported, "including column does not support a collation");
            if (e.OpClass is not null) throw new TenonException(SqlState.FeatureNotSupported, "including column does not support an operator class");
            if (e.Descending) throw new TenonException(SqlState.FeatureNotSupported, "including column does not support ASC/DESC options");
            if (e.NullsFirst is not null) throw new TenonException(SqlState.FeatureNotSupported, "including column does not support NULLS FIRST/LAST options");
            names.Add(e.Column);
        }
        return names;
    }

    private List<IndexElement> ParseIndexParams()
    {
        Expect(TokenKind.LParen);
        var list = new List<IndexElement>();
        do
        {
            var t = Cur;
            string? column = null;
            Expr? expr = null;
            if (t.Kind == TokenKind.LParen)
            {
                Advance();
                expr = ParseExpr();
                Expect(TokenKind.RParen);
            }
            else if (IsColId(t) && At(1).Kind != TokenKind.LParen && At(1).Kind != TokenKind.Dot)
            {
                column = Advance().Text;
            }
            else
            {
                expr = ParseNameOrKeywordExpr();
                if (expr is not FunctionCall) throw ErrorAt(Cur);
            }
            string? collation = null;
            if (AcceptKw("collate")) collation = string.Join(".", ParseAnyName());
            string? opclass = null;
            if (IsColId(Cur) && !Cur.Is("nulls"))
            {
                opclass = string.Join(".", ParseAnyName());
                if (Cur.Kind == TokenKind.LParen) SkipParenthesized();
            }
            bool desc = false;
            if (AcceptKw("asc")) { }
            else if (AcceptKw("desc")) desc = true;
            bool? nullsFirst = null;
            if (Cur.Is("nulls") && (At(1).Is("first") || At(1).Is("last")))
            {
                Advance();
                nullsFirst = Advance().Text == "first";
            }
            list.Add(new IndexElement(column, expr)
            {
                Collation = collation,
                OpClass = opclass,
                Descending = desc,
                NullsFirst = nullsFirst,
                Position = t.Position,
            });
        }
        while (Accept(TokenKind.Comma));
        Expect(TokenKind.RParen);
        return list;
    }

    /// CREATE [TEMP] SEQUENCE [IF NOT EXISTS] qualified_name [SeqOptElem …]
    private CreateSequenceStatement ParseCreateSequence(Token create, bool temporary, bool unlogged)
    {
        ExpectKw("sequence");
        bool ifNotExists = false;
        if (Cur.Is("if") && At(1).Is("not") && At(2).Is("exists"))
        {
            _pos += 3;
            ifNotExists = true;
        }
        var name = ParseQualifiedName();
        var options = ParseSequenceOptions(paren: false);
        return new CreateSequenceStatement(name, options) { IfNotExists = ifNotExists, Temporary = temporary, Unlogged = unlogged, Position = create.Position };
    }

    /// ['(' SeqOptList ')']
    private IReadOnlyList<SequenceOption> ParseOptParenSequenceOptions()
    {
        if (Cur.Kind != TokenKind.LParen) return Array.Empty<SequenceOption>();
        Advance();
        var list = ParseSequenceOptions(paren: true);
        if (list.Count == 0) throw Error();
        Expect(TokenKind.RParen);
        return list;
    }

    /// SeqOptElem: AS SimpleTypename | CACHE n | [NO] CYCLE | INCREMENT [BY] n | MAXVALUE n | NO MAXVALUE | MINVALUE n | NO MINVALUE
    ///   | OWNED BY any_name | SEQUENCE NAME any_name | START [WITH] n | RESTART [[WITH] n] | LOGGED | UNLOGGED
    private List<SequenceOption> ParseSequenceOptions(bool paren, int max = int.MaxValue)
    {
        var list = new List<SequenceOption>();
        while (list.Count < max)
        {
            var t = Cur;
            SequenceOption opt;
            if (AcceptKw("as")) opt = new SequenceOption("as", null) { Type = ParseSimpleTypeName() with { Position = Prev.Position } };
            else if (AcceptKw("cache")) opt = new SequenceOption("cache", ParseNumericOnly());
            else if (AcceptKw("cycle")) opt = new SequenceOption("cycle", null);
            else if (AcceptKw("increment")) { AcceptKw("by"); opt = new SequenceOption("increment", ParseNumericOnly()); }
            else if (AcceptKw("maxvalue")) opt = new SequenceOption("maxvalue", ParseNumericOnly());
            else if (AcceptKw("minvalue")) opt = new SequenceOption("minvalue", ParseNumericOnly());
            else if (Cur.Is("no") && (At(1).Is("maxvalue") || At(1).Is("minvalue") || At(1).Is("cycle")))
            {
                Advance();
                opt = new SequenceOption(Advance().Text, null, false);
            }
            else if (Cur.Is("owned") && At(1).Is("by"))
            {
                _pos += 2;
                var first = Cur;
                var parts = ParseAnyName();
                opt = parts.Count == 1 && parts[0] == "none"
                    ? new SequenceOption("owned_by", null, false)
                    : new SequenceOption("owned_by", null)
                    {
                        // OWNED BY [schema.]table.column: the column is the target's name, the table its schema part.
                        Target = MakeQualifiedName(parts, first),
                        TargetTableSchema = parts.Count == 3 ? parts[0] : null,
                    };
            }
            else if (Cur.Is("sequence") && At(1).Is("name"))
            {
                _pos += 2;
                var first = Cur;
                opt = new SequenceOption("sequence_name", null) { Target = MakeQualifiedName(ParseAnyName(), first) };
            }
            else if (AcceptKw("start")) { AcceptKw("with"); opt = new SequenceOption("start", ParseNumericOnly()); }
            else if (AcceptKw("restart"))
            {
                long? v = null;
                if (AcceptKw("with")) v = ParseNumericOnly();
                else if (Cur.Kind is TokenKind.Integer or TokenKind.Numeric || Cur.IsOp("-") || Cur.IsOp("+")) v = ParseNumericOnly();
                opt = new SequenceOption("restart", v);
            }
            else if (paren && (Cur.Is("logged") || Cur.Is("unlogged"))) { Advance(); continue; }
            else return list;
            list.Add(opt with { Position = t.Position });
        }
        return list;
    }

    /// NumericOnly: ['+' | '-'] {ICONST | FCONST}, as an int8
    private long ParseNumericOnly()
    {
        var t = Cur;
        bool neg = false;
        if (AcceptOp("-")) neg = true;
        else AcceptOp("+");
        var n = Cur;
        if (n.Kind is not (TokenKind.Integer or TokenKind.Numeric)) throw Error();
        Advance();
        var text = (neg ? "-" : "") + n.Text;
        if (n.Kind == TokenKind.Integer && long.TryParse(text, out var v)) return v;
        if (decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            && d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue)
            return (long)d;
        throw new Errors.TenonException(Errors.SqlState.NumericValueOutOfRange, $"value \"{text}\" is out of range for type bigint") { Position = t.Position };
    }

    /// CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW qualified_name ['(' names ')'] [WITH (…)] AS SelectStmt [WITH [CASCADED|LOCAL] CHECK OPTION]
    private Statement ParseCreateView(Token create, bool orReplace, bool temporary)
    {
        if (AcceptKw("recursive")) return Unsupported("CREATE RECURSIVE VIEW");
        ExpectKw("view");
        var name = ParseQualifiedName();
        List<string>? cols = null;
        if (Cur.Kind == TokenKind.LParen) cols = ParseParenNameList();
        IReadOnlyList<RelOption> options = Array.Empty<RelOption>();
        if (Cur.Is("with") && At(1).Kind == TokenKind.LParen)
        {
            Advance();
            options = ParseRelOptionList();
        }
        ExpectKw("as");
        int start = Cur.Start;
        var query = ParseQuery();
        var text = SourceText(start, Prev.End);
        string? checkOption = null;
        if (Cur.Is("with") && (At(1).Is("check") || At(1).Is("cascaded") || At(1).Is("local")))
        {
            Advance();
            checkOption = AcceptKw("local") ? "local" : "cascaded";
            AcceptKw("cascaded");
            ExpectKw("check");
            ExpectKw("option");
        }
        return new CreateViewStatement(name, cols, query, orReplace)
        {
            Temporary = temporary, QueryText = text, Position = create.Position, Options = options, CheckOption = checkOption,
        };
    }

    /// CREATE SCHEMA [IF NOT EXISTS] {name [AUTHORIZATION role] | AUTHORIZATION role} [schema_element …]
    private Statement ParseCreateSchema(Token create)
    {
        ExpectKw("schema");
        bool ifNotExists = false;
        if (Cur.Is("if") && At(1).Is("not") && At(2).Is("exists"))
        {
            _pos += 3;
            ifNotExists = true;
        }
        string name;
        string? role = null;
        if (AcceptKw("authorization")) name = role = ParseRoleSpec();
        else
        {
            name = ParseColId();
            if (AcceptKw("authorization")) role = ParseRoleSpec();
        }
        var elements = new List<Statement>();
        while (Cur.Kind is not (TokenKind.Semicolon or TokenKind.EndOfInput))
        {
            if (!(Cur.Is("create") || Cur.Is("grant"))) throw Error();
            if (ifNotExists)
                throw SqlErrors.FeatureNotSupported("CREATE SCHEMA IF NOT EXISTS cannot include schema elements", Cur.Position);
            if (Cur.Is("grant")) return Unsupported("GRANT");
            // schema_stmt: CreateStmt | IndexStmt | CreateSeqStmt | CreateTrigStmt | ViewStmt
            var kind = At(1);
            bool allowed = kind.Is("table") || kind.Is("index") || kind.Is("unique") || kind.Is("sequence") || kind.Is("view")
                || kind.Is("trigger") || kind.Is("constraint") || kind.Is("recursive") || kind.Is("temp") || kind.Is("temporary")
                || kind.Is("local") || kind.Is("global") || kind.Is("unlogged") || kind.Is("or");
            if (!allowed) { _pos++; throw Error(); }
            var element = ParseCreate();
            if (element is not (CreateTableStatement or CreateIndexStatement or CreateSequenceStatement or CreateViewStatement or CreateTriggerStatement))
                throw Error();
            elements.Add(element);
        }
        return new CreateSchemaStatement(name, ifNotExists) { Authorization = role, Elements = elements, Position = create.Position };
    }

    /// RoleSpec: NonReservedWord | CURRENT_ROLE | CURRENT_USER | SESSION_USER
    private string ParseRoleSpec()
    {
        if (Cur.Is("current_role") || Cur.Is("current_user") || Cur.Is("session_user")) return Advance().Text;
        return ParseNonReservedWord();
    }

    /// CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]
    private CreateExtensionStatement ParseCreateExtension(Token create)
    {
        ExpectKw("extension");
        bool ifNotExists = false;
        if (Cur.Is("if") && At(1).Is("not") && At(2).Is("exists"))
        {
            _pos += 3;
            ifNotExists = true;
        }
        var name = ParseColId();
        AcceptKw("with");
        while (true)
        {
            if (AcceptKw("schema")) ParseColId();
            else if (AcceptKw("version"))
            {
                if (Cur.Kind == TokenKind.String) Advance();
                else ParseNonReservedWord();
            }
            else if (AcceptKw("cascade")) { }
            else break;
        }
        return new CreateExtensionStatement(name, ifNotExists) { Position = create.Position };
    }

    /// DROP {TABLE | SEQUENCE | VIEW | INDEX [CONCURRENTLY] | SCHEMA | EXTENSION | TYPE | DOMAIN | DATABASE} [IF EXISTS] names [CASCADE | RESTRICT]
    private Statement ParseDrop()
    {
        var drop = ExpectKw("drop");
        var t = Cur;
        ObjectKind kind;
        switch (t.Kind == TokenKind.Identifier && t.Keyword != KeywordCategory.None ? t.Text : "")
        {
            case "table": kind = ObjectKind.Table; break;
            case "sequence": kind = ObjectKind.Sequence; break;
            case "view": kind = ObjectKind.View; break;
            case "materialized" when At(1).Is("view"): kind = ObjectKind.MaterializedView; Advance(); break;
            case "index": kind = ObjectKind.Index; break;
            case "schema": kind = ObjectKind.Schema; break;
            case "extension": kind = ObjectKind.Extension; break;
            case "type": kind = ObjectKind.Type; break;
            case "domain": kind = ObjectKind.Domain; break;
            case "database": kind = ObjectKind.Database; break;
            case "function": case "procedure": case "routine": return ParseDropRoutine(drop);
            case "trigger": return ParseDropTrigger(drop);
            case "aggregate": return ParseDropAggregate(drop);
            case "role": case "group": return ParseDropRole(drop);
            case "user" when !At(1).Is("mapping"): return ParseDropRole(drop);
            case "operator" when At(1).Is("class") || At(1).Is("family"): return ParseDropOpClass(drop);
            case "statistics": return ParseDropStatistics(drop);
            case "rule": case "policy":
            case "user": case "operator": case "cast": case "collation": case "conversion":
            case "event": case "foreign": case "language": case "materialized": case "publication": case "server":
            case "subscription": case "tablespace": case "text": case "transform": case "access":
            case "owned": case "procedural":
            {
                var feature = "DROP " + t.Text.ToUpperInvariant();
                if (t.Is("materialized") || t.Is("event") || t.Is("foreign") || t.Is("text") || t.Is("access") || t.Is("owned"))
                    feature += " " + At(1).Text.ToUpperInvariant();
                return Unsupported(feature);
            }
            default: throw Error();
        }
        Advance();
        bool concurrently = kind == ObjectKind.Index && AcceptKw("concurrently");
        bool ifExists = false;
        if (Cur.Is("if") && At(1).Is("exists"))
        {
            _pos += 2;
            ifExists = true;
        }
        var names = new List<QualifiedName>();
        do
        {
            var first = Cur;
            if (kind is ObjectKind.Schema or ObjectKind.Extension or ObjectKind.Database)
                names.Add(new QualifiedName(null, ParseColId()) { Position = first.Position });
            else names.Add(MakeQualifiedName(ParseAnyName(), first));
        }
        while (kind != ObjectKind.Database && Accept(TokenKind.Comma));
        if (kind == ObjectKind.Database)
        {
            // [ [ WITH ] ( FORCE [, ...] ) ]: FORCE is the only option PostgreSQL 15 knows.
            var force = false;
            if (Cur.Kind == TokenKind.LParen || Cur.Is("with"))
            {
                AcceptKw("with");
                Expect(TokenKind.LParen);
                do
                {
                    if (!Cur.Is("force")) throw Error();
                    Advance();
                    force = true;
                }
                while (Accept(TokenKind.Comma));
                Expect(TokenKind.RParen);
            }
            return new DropStatement(kind, names, ifExists, false) { Force = force, Position = drop.Position };
        }
        bool cascade = ParseOptDropBehavior();
        return new DropStatement(kind, names, ifExists, cascade) { Concurrently = concurrently, Position = drop.Position };
    }

    /// COMMENT ON {TABLE | COLUMN | INDEX | SEQUENCE | VIEW | SCHEMA | EXTENSION | TYPE | DOMAIN | DATABASE} name IS {Sconst | NULL}
    ///   | COMMENT ON CONSTRAINT name ON table IS … — ObjectName is the table's parts followed by the constraint name
    private Statement ParseComment()
    {
        var c = ExpectKw("comment");
        ExpectKw("on");
        var t = Cur;
        string kind;
        List<string> name;
        if (t.Is("table") || t.Is("column") || t.Is("index") || t.Is("sequence") || t.Is("view") || t.Is("type") || t.Is("domain"))
        {
            kind = Advance().Text;
            name = ParseAnyName();
        }
        else if (t.Is("materialized") && At(1).Is("view"))
        {
            _pos += 2;
            kind = "materialized view";
            name = ParseAnyName();
        }
        else if (t.Is("statistics"))
        {
            kind = Advance().Text;
            name = ParseAnyName();
        }
        else if (t.Is("schema") || t.Is("extension") || t.Is("database"))
        {
            kind = Advance().Text;
            name = new List<string> { ParseColId() };
        }
        else if (t.Is("constraint"))
        {
            kind = Advance().Text;
            var cname = ParseColId();
            ExpectKw("on");
            if (AcceptKw("domain")) kind = "domain constraint";
            name = ParseAnyName();
            name.Add(cname);
        }
        else if (t.Kind == TokenKind.Identifier && t.Keyword != KeywordCategory.Reserved)
        {
            return Unsupported("COMMENT ON " + t.Text.ToUpperInvariant());
        }
        else throw Error();
        ExpectKw("is");
        string? text;
        if (AcceptKw("null")) text = null;
        else text = ParseStringConst();
        return new CommentStatement(kind, name, text) { Position = c.Position };
    }
}
