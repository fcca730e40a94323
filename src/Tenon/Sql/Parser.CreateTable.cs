using Tenon.Errors;
using Tenon.Sql.Ast;
using MatchType = Tenon.Sql.Ast.MatchType;

namespace Tenon.Sql;

/// <summary>CREATE TABLE: column definitions, column and table constraints.</summary>
public sealed partial class Parser
{
    /// CREATE [TEMP | TEMPORARY | UNLOGGED] TABLE [IF NOT EXISTS] qualified_name '(' [TableElement, …] ')'
    ///   [INHERITS (…)] [PARTITION BY …] [USING m] [WITH (…) | WITHOUT OIDS] [ON COMMIT …] [TABLESPACE t]
    /// | … TABLE [IF NOT EXISTS] qualified_name ['(' names ')'] [WITH (…)] [ON COMMIT …] AS SelectStmt [WITH [NO] DATA]
    private Statement ParseCreateTable(Token create, bool temporary, bool unlogged)
    {
        ExpectKw("table");
        bool ifNotExists = false;
        if (Cur.Is("if") && At(1).Is("not") && At(2).Is("exists"))
        {
            _pos += 3;
            ifNotExists = true;
        }
        var name = ParseQualifiedName();
        if (Cur.Is("of"))
            return ParseCreateTypedTable(create, name, temporary, unlogged, ifNotExists);
        if (Cur.Is("partition") && At(1).Is("of"))
            return ParseCreatePartition(create, name, temporary, unlogged, ifNotExists);
        var stmt = new CreateTableStatement(name, Array.Empty<ColumnDefinition>(), Array.Empty<TableConstraint>())
        {
            IfNotExists = ifNotExists,
            Temporary = temporary,
            Unlogged = unlogged,
            Position = create.Position,
        };
        if (Cur.Kind == TokenKind.LParen && !IsCreateTableAs())
        {
            Advance();
            var columns = new List<ColumnDefinition>();
            var constraints = new List<TableConstraint>();
            var likes = new List<LikeTableElement>();
            var order = new List<Node>();
            if (Cur.Kind != TokenKind.RParen)
            {
                do
                {
                    var t = Cur;
                    if (t.Is("like"))
                    {
                        Advance();
                        var src = ParseQualifiedName();
                        var opts = new List<string>();
                        while (Cur.Is("including") || Cur.Is("excluding"))
                        {
                            var kind = Advance().Text;
                            var opt = Cur;
                            if (!(opt.Is("comments") || opt.Is("compression") || opt.Is("constraints") || opt.Is("defaults")
                                || opt.Is("generated") || opt.Is("identity") || opt.Is("indexes") || opt.Is("statistics")
                                || opt.Is("storage") || opt.Is("all"))) throw Error();
                            Advance();
                            opts.Add(kind + " " + opt.Text);
                        }
                        var like = new LikeTableElement(src, opts) { Position = t.Position };
                        likes.Add(like);
                        order.Add(like);
                    }
                    else if (t.Is("constraint") || t.Is("check") || t.Is("unique") || t.Is("primary") || t.Is("foreign") || t.Is("exclude"))
                    {
                        var c = ParseTableConstraint();
                        constraints.Add(c);
                        order.Add(c);
                    }
                    else
                    {
                        var col = ParseColumnDefinition();
                        columns.Add(col);
                        order.Add(col);
                    }
                }
                while (Accept(TokenKind.Comma));
            }
            Expect(TokenKind.RParen);
            stmt = stmt with { Columns = columns, Constraints = constraints, Likes = likes, ElementsInOrder = order };
            if (AcceptKw("inherits"))
            {
                Expect(TokenKind.LParen);
                var inh = new List<QualifiedName> { ParseQualifiedName() };
                while (Accept(TokenKind.Comma)) inh.Add(ParseQualifiedName());
                Expect(TokenKind.RParen);
                stmt = stmt with { Inherits = inh };
            }
            if (Cur.Is("partition") && At(1).Is("by")) stmt = stmt with { PartitionBy = ParsePartitionBy() };
            stmt = ParseTableOptions(stmt);
            return stmt;
        }
        List<string>? asCols = null;
        if (Cur.Kind == TokenKind.LParen) asCols = ParseParenNameList();
        stmt = ParseTableOptions(stmt);
        ExpectKw("as");
        if (Cur.Is("execute")) return Unsupported("CREATE TABLE AS EXECUTE");
        var query = ParseQuery();
        var noData = false;
        if (Cur.Is("with") && (At(1).Is("data") || At(1).Is("no")))
        {
            Advance();
            noData = AcceptKw("no");
            ExpectKw("data");
        }
        return stmt with { AsQuery = query, AsColumnNames = asCols, AsWithNoData = noData };
    }

    /// CREATE TABLE name OF type ['(' {col [WITH OPTIONS] ColQualList | TableConstraint} [, …] ')'] [PARTITION BY …] [table options]
    private Statement ParseCreateTypedTable(Token create, QualifiedName name, bool temporary, bool unlogged, bool ifNotExists)
    {
        ExpectKw("of");
        var type = ParseQualifiedName();
        var (columns, constraints, order) = ParseColumnsWithoutTypes();
        var stmt = new CreateTableStatement(name, columns, constraints)
        {
            IfNotExists = ifNotExists,
            Temporary = temporary,
            Unlogged = unlogged,
            ElementsInOrder = order,
            OfType = type,
            Position = create.Position,
        };
        if (Cur.Is("partition") && At(1).Is("by")) stmt = stmt with { PartitionBy = ParsePartitionBy() };
        return ParseTableOptions(stmt);
    }

    /// <summary>At '(' after the table name: is it CTAS's column name list (followed by AS …)?</summary>
    private bool IsCreateTableAs()
    {
        int depth = 0, k = 0;
        while (true)
        {
            var t = At(k);
            if (t.Kind == TokenKind.EndOfInput) return false;
            if (t.Kind == TokenKind.LParen) depth++;
            else if (t.Kind == TokenKind.RParen && --depth == 0) break;
            k++;
        }
        int j = k + 1;
        if (At(j).Is("using")) j += 2;
        if (At(j).Is("with") && At(j + 1).Kind == TokenKind.LParen)
        {
            depth = 0;
            j++;
            while (true)
            {
                var t = At(j);
                if (t.Kind == TokenKind.EndOfInput) return false;
                if (t.Kind == TokenKind.LParen) depth++;
                else if (t.Kind == TokenKind.RParen && --depth == 0) break;
                j++;
            }
            j++;
        }
        if (At(j).Is("on") && At(j + 1).Is("commit")) j += At(j + 2).Is("drop") ? 3 : 4;
        if (At(j).Is("tablespace")) j += 2;
        return At(j).Is("as");
    }

    /// [USING m] [WITH (…) | WITHOUT OIDS] [ON COMMIT {DROP | DELETE ROWS | PRESERVE ROWS}] [TABLESPACE t]
    private CreateTableStatement ParseTableOptions(CreateTableStatement stmt)
    {
        if (AcceptKw("using")) ParseColId();
        if (AcceptKw("with"))
        {
            if (Cur.Kind != TokenKind.LParen) throw Error();
            stmt = stmt with { Options = ParseRelOptionList() };
        }
        else if (Cur.Is("without") && At(1).Is("oids")) _pos += 2;
        if (Cur.Is("on") && At(1).Is("commit"))
        {
            _pos += 2;
            string action;
            if (AcceptKw("drop")) action = "drop";
            else if (AcceptKw("delete")) { ExpectKw("rows"); action = "delete rows"; }
            else { ExpectKw("preserve"); ExpectKw("rows"); action = "preserve rows"; }
            stmt = stmt with { OnCommit = action };
        }
        if (AcceptKw("tablespace")) ParseColId();
        return stmt;
    }

    /// <summary>Skips a balanced '(' … ')'.</summary>
    /// <summary>
    /// ( column WITH operator [, …] ) where every element is a plain column (optionally with ASC/DESC
    /// and NULLS FIRST/LAST) and every operator a plain operator token; null (nothing consumed) otherwise.
    /// </summary>
    private List<(string Column, string Operator)>? TryParseExcludeElements()
    {
        var save = _pos;
        var list = new List<(string, string)>();
        if (Cur.Kind != TokenKind.LParen) return null;
        Advance();
        while (true)
        {
            if (Cur.Kind != TokenKind.Identifier || Cur.Keyword == KeywordCategory.Reserved || At(1).Kind == TokenKind.LParen || At(1).Kind == TokenKind.Dot)
            { _pos = save; return null; }
            var column = ParseColId();
            if (!AcceptKw("asc")) AcceptKw("desc");
            if (AcceptKw("nulls") && !AcceptKw("first")) ExpectKw("last");
            if (!AcceptKw("with") || Cur.Kind != TokenKind.Operator) { _pos = save; return null; }
            list.Add((column, Advance().Text));
            if (Cur.Kind == TokenKind.Comma) { Advance(); continue; }
            if (Cur.Kind == TokenKind.RParen) { Advance(); return list; }
            _pos = save;
            return null;
        }
    }

    private void SkipParenthesized()
    {
        Expect(TokenKind.LParen);
        int depth = 1;
        while (depth > 0)
        {
            var t = Advance();
            if (t.Kind == TokenKind.EndOfInput) throw ErrorAt(t);
            if (t.Kind == TokenKind.LParen) depth++;
            else if (t.Kind == TokenKind.RParen) depth--;
        }
    }

    /// columnDef: ColId Typename [COMPRESSION name] [COLLATE any_name] ColQualList
    private ColumnDefinition ParseColumnDefinition()
    {
        var nameTok = Cur;
        var name = ParseColId();
        var type = ParseTypeName();
        string? compression = null;
        if (AcceptKw("compression")) compression = AcceptKw("default") ? "default" : ParseColId();
        string? collation = null;
        var constraints = ParseColumnConstraints(ref collation);
        return new ColumnDefinition(name, type, constraints) { Collation = collation, Compression = compression, Position = nameTok.Position };
    }

    /// ColQualList: { [CONSTRAINT name] ColConstraintElem | ConstraintAttr | COLLATE any_name } …
    private List<ColumnConstraint> ParseColumnConstraints(ref string? collation)
    {
        var list = new List<ColumnConstraint>();
        while (true)
        {
            var t = Cur;
            if (t.Is("collate"))
            {
                Advance();
                collation = string.Join(".", ParseAnyName());
                continue;
            }
            if (t.Is("deferrable") || t.Is("initially") || t.Is("not") && At(1).Is("deferrable"))
            {
                ApplyConstraintAttribute(list);
                continue;
            }
            // After NOT only NULL or DEFERRABLE can follow here (NOT VALID is a table-constraint attribute).
            if (t.Is("not") && !At(1).Is("null")) { Advance(); throw Error(); }
            string? cname = null;
            if (AcceptKw("constraint")) cname = ParseColId();
            var c = ParseColumnConstraintElem();
            if (c is null)
            {
                if (cname is not null) throw Error();
                return list;
            }
            list.Add(c with { Name = cname, Position = t.Position });
        }
    }

    /// ConstraintAttr: DEFERRABLE | NOT DEFERRABLE | INITIALLY DEFERRED | INITIALLY IMMEDIATE, attached to the preceding constraint
    private void ApplyConstraintAttribute(List<ColumnConstraint> list)
    {
        var t = Cur;
        bool? deferrable = null, initiallyDeferred = null;
        string clause;
        if (AcceptKw("deferrable")) { deferrable = true; clause = "DEFERRABLE"; }
        else if (AcceptKw("not")) { ExpectKw("deferrable"); deferrable = false; clause = "NOT DEFERRABLE"; }
        else
        {
            ExpectKw("initially");
            if (AcceptKw("deferred")) { initiallyDeferred = true; clause = "INITIALLY DEFERRED"; }
            else { ExpectKw("immediate"); initiallyDeferred = false; clause = "INITIALLY IMMEDIATE"; }
        }
        var last = list.Count > 0 ? list[^1] : null;
        if (last is not (PrimaryKeyColumnConstraint or UniqueColumnConstraint or ReferencesColumnConstraint))
            throw SqlErrors.Syntax($"misplaced {clause} clause", t.Position);
        var timing = last.Timing;
        if (deferrable is not null)
        {
            if (timing.Deferrable is not null)
                throw SqlErrors.Syntax("multiple DEFERRABLE/NOT DEFERRABLE clauses not allowed", t.Position);
            if (deferrable == false && timing.InitiallyDeferred == true)
                throw SqlErrors.Syntax("constraint declared INITIALLY DEFERRED must be DEFERRABLE", t.Position);
            timing = timing with { Deferrable = deferrable };
        }
        else
        {
            if (timing.InitiallyDeferred is not null)
                throw SqlErrors.Syntax("multiple INITIALLY IMMEDIATE/DEFERRED clauses not allowed", t.Position);
            if (initiallyDeferred == true && timing.Deferrable == false)
                throw SqlErrors.Syntax("constraint declared INITIALLY DEFERRED must be DEFERRABLE", t.Position);
            timing = timing with { InitiallyDeferred = initiallyDeferred };
        }
        list[^1] = last with { Timing = timing };
    }

    /// ColConstraintElem: NOT NULL | NULL | UNIQUE … | PRIMARY KEY … | CHECK (a_expr) [NO INHERIT] | DEFAULT b_expr
    ///   | GENERATED … AS IDENTITY [(…)] | GENERATED ALWAYS AS (a_expr) STORED | REFERENCES …
    private ColumnConstraint? ParseColumnConstraintElem()
    {
        var t = Cur;
        if (t.Is("not") && At(1).Is("null")) { _pos += 2; return new NotNullColumnConstraint(); }
        if (AcceptKw("null")) return new NullColumnConstraint();
        if (AcceptKw("unique"))
        {
            bool nnd = ParseOptNullsDistinct();
            ParseIndexOptions();
            return new UniqueColumnConstraint(nnd);
        }
        if (AcceptKw("primary"))
        {
            ExpectKw("key");
            ParseIndexOptions();
            return new PrimaryKeyColumnConstraint();
        }
        if (AcceptKw("check"))
        {
            var (cond, text) = ParseCheckCondition();
            bool noInherit = AcceptKws("no", "inherit");
            return new CheckColumnConstraint(cond, noInherit) { SourceText = text };
        }
        if (AcceptKw("default")) return new DefaultColumnConstraint(ParseBExpr());
        if (t.Is("generated"))
        {
            AcceptKw("generated");
            if (AcceptKw("always"))
            {
                ExpectKw("as");
                if (AcceptKw("identity")) return new IdentityColumnConstraint(true, ParseOptParenSequenceOptions());
                return ParseGenerationExpression();
            }
            var by = ExpectKw("by");
            ExpectKw("default");
            ExpectKw("as");
            if (Cur.Kind == TokenKind.LParen)
            {
                ParseGenerationExpression();
                throw new TenonException(SqlState.SyntaxError, "for a generated column, GENERATED ALWAYS must be specified") { Position = by.Position };
            }
            ExpectKw("identity");
            return new IdentityColumnConstraint(false, ParseOptParenSequenceOptions());
        }
        if (t.Is("references")) return new ReferencesColumnConstraint(ParseReferences());
        return null;
    }

    /// '(' a_expr ')' — with the condition's exact source text
    private (Expr Condition, string Text) ParseCheckCondition()
    {
        Expect(TokenKind.LParen);
        int start = Cur.Start;
        var cond = ParseExpr();
        var text = SourceText(start, Prev.End);
        Expect(TokenKind.RParen);
        return (cond, text);
    }

    /// opt_unique_null_treatment: [NULLS [NOT] DISTINCT] — true for NULLS NOT DISTINCT
    private bool ParseOptNullsDistinct()
    {
        if (!Cur.Is("nulls")) return false;
        Advance();
        bool not = AcceptKw("not");
        ExpectKw("distinct");
        return not;
    }

    /// [INCLUDE (…)] [WITH (…)] [USING INDEX TABLESPACE name] — accepted and ignored on columns
    private List<string>? ParseIndexOptions()
    {
        List<string>? include = null;
        if (AcceptKw("include")) include = ParseParenNameList();
        if (Cur.Is("with") && At(1).Kind == TokenKind.LParen)
        {
            Advance();
            SkipParenthesized();
        }
        if (Cur.Is("using") && At(1).Is("index"))
        {
            _pos += 2;
            ExpectKw("tablespace");
            ParseColId();
        }
        return include;
    }

    /// REFERENCES qualified_name ['(' cols ')'] [MATCH FULL|PARTIAL|SIMPLE] [ON DELETE action] [ON UPDATE action] (either order)
    private ReferencesClause ParseReferences()
    {
        var t = ExpectKw("references");
        var table = ParseQualifiedName();
        List<string>? cols = null;
        if (Cur.Kind == TokenKind.LParen) cols = ParseParenNameList();
        var clause = new ReferencesClause(table, cols) { Position = t.Position };
        if (Cur.Is("match"))
        {
            var match = Advance();
            if (AcceptKw("full")) clause = clause with { Match = MatchType.Full };
            // PostgreSQL's grammar itself rejects it, pointing at MATCH.
            else if (Cur.Is("partial")) throw SqlErrors.FeatureNotSupported("MATCH PARTIAL not yet implemented", match.Position);
            else { ExpectKw("simple"); clause = clause with { Match = MatchType.Simple }; }
        }
        bool deleteSeen = false, updateSeen = false;
        while (Cur.Is("on") && (At(1).Is("delete") && !deleteSeen || At(1).Is("update") && !updateSeen))
        {
            var actTok = Advance();
            bool isDelete = Advance().Text == "delete";
            var action = ParseReferentialAction(out var setCols);
            if (isDelete)
            {
                deleteSeen = true;
                clause = clause with { OnDelete = action, OnDeleteSetColumns = setCols };
            }
            else
            {
                updateSeen = true;
                if (setCols is not null)
                    throw SqlErrors.FeatureNotSupported(
                        $"a column list with {(action == ReferentialAction.SetNull ? "SET NULL" : "SET DEFAULT")} is only supported for ON DELETE actions",
                        actTok.Position);
                clause = clause with { OnUpdate = action };
            }
        }
        return clause;
    }

    /// key_action: NO ACTION | RESTRICT | CASCADE | SET NULL ['(' cols ')'] | SET DEFAULT ['(' cols ')']
    private ReferentialAction ParseReferentialAction(out List<string>? setColumns)
    {
        setColumns = null;
        if (AcceptKw("no")) { ExpectKw("action"); return ReferentialAction.NoAction; }
        if (AcceptKw("restrict")) return ReferentialAction.Restrict;
        if (AcceptKw("cascade")) return ReferentialAction.Cascade;
        ExpectKw("set");
        ReferentialAction a;
        if (AcceptKw("null")) a = ReferentialAction.SetNull;
        else { ExpectKw("default"); a = ReferentialAction.SetDefault; }
        if (Cur.Kind == TokenKind.LParen) setColumns = ParseParenNameList();
        return a;
    }

    /// TableConstraint: [CONSTRAINT name] {CHECK (…) | UNIQUE … (cols) | PRIMARY KEY (cols) | FOREIGN KEY (cols) REFERENCES … | EXCLUDE …} ConstraintAttributeSpec
    private TableConstraint ParseTableConstraint()
    {
        var start = Cur;
        string? name = null;
        if (AcceptKw("constraint")) name = ParseColId();
        var t = Cur;
        TableConstraint c;
        string kindText;
        if (AcceptKw("check"))
        {
            var (cond, text) = ParseCheckCondition();
            c = new CheckTableConstraint(cond, false) { SourceText = text };
            kindText = "CHECK";
        }
        else if (AcceptKw("unique"))
        {
            bool nnd = ParseOptNullsDistinct();
            if (Cur.Is("using") && At(1).Is("index"))
            {
                _pos += 2;
                return ParseConstraintAttributeSpec(new KeyUsingIndexConstraint(false, ParseColId()), "UNIQUE") with { Name = name, Position = start.Position };
            }
            var cols = ParseParenNameList();
            var include = ParseIndexOptions();
            c = new UniqueTableConstraint(cols, nnd) { Include = include };
            kindText = "UNIQUE";
        }
        else if (AcceptKw("primary"))
        {
            ExpectKw("key");
            if (Cur.Is("using") && At(1).Is("index"))
            {
                _pos += 2;
                return ParseConstraintAttributeSpec(new KeyUsingIndexConstraint(true, ParseColId()), "PRIMARY KEY") with { Name = name, Position = start.Position };
            }
            var cols = ParseParenNameList();
            var include = ParseIndexOptions();
            c = new PrimaryKeyTableConstraint(cols) { Include = include };
            kindText = "PRIMARY KEY";
        }
        else if (AcceptKw("foreign"))
        {
            ExpectKw("key");
            var cols = ParseParenNameList();
            c = new ForeignKeyTableConstraint(cols, ParseReferences());
            kindText = "FOREIGN KEY";
        }
        else if (AcceptKw("exclude"))
        {
            string? method = AcceptKw("using") ? ParseColId() : null;
            var elements = TryParseExcludeElements();
            if (elements is null) SkipParenthesized();
            ParseIndexOptions();
            var partial = false;
            if (Cur.Is("where") && At(1).Kind == TokenKind.LParen) { Advance(); SkipParenthesized(); partial = true; }
            c = elements is null || partial
                ? new UnsupportedTableConstraint(partial ? "EXCLUDE … WHERE" : "EXCLUDE on expressions")
                : new ExcludeTableConstraint(method, elements);
            kindText = "EXCLUDE";
        }
        else throw Error();
        c = ParseConstraintAttributeSpec(c, kindText);
        return c with { Name = name, Position = start.Position };
    }

    /// ConstraintAttributeSpec: { DEFERRABLE | NOT DEFERRABLE | INITIALLY {DEFERRED|IMMEDIATE} | NOT VALID | NO INHERIT } …
    /// As in PostgreSQL's grammar the attributes accumulate as a set: repeating one is allowed,
    /// contradicting an earlier one is "conflicting constraint properties" (column constraints,
    /// parsed elsewhere, instead reject any repetition).
    private TableConstraint ParseConstraintAttributeSpec(TableConstraint c, string kind, bool alterConstraint = false)
    {
        bool? deferrable = null, initiallyDeferred = null;
        bool notValid = false, noInherit = false;
        while (true)
        {
            var t = Cur;
            bool? setDeferrable = null, setInitially = null;
            if (AcceptKw("deferrable")) setDeferrable = true;
            else if (Cur.Is("not") && At(1).Is("deferrable")) { _pos += 2; setDeferrable = false; }
            else if (AcceptKw("initially"))
            {
                if (AcceptKw("deferred")) setInitially = true;
                else { ExpectKw("immediate"); setInitially = false; }
            }
            else if (Cur.Is("not") && At(1).Is("valid")) { _pos += 2; notValid = true; }
            else if (Cur.Is("no") && At(1).Is("inherit")) { _pos += 2; noInherit = true; }
            else break;
            if ((deferrable == false || setDeferrable == false) && (initiallyDeferred == true || setInitially == true))
                throw SqlErrors.Syntax("constraint declared INITIALLY DEFERRED must be DEFERRABLE", t.Position);
            if (setDeferrable is { } d && deferrable is { } d0 && d != d0 || setInitially is { } i && initiallyDeferred is { } i0 && i != i0)
                throw SqlErrors.Syntax("conflicting constraint properties", t.Position);
            deferrable = setDeferrable ?? deferrable;
            initiallyDeferred = setInitially ?? initiallyDeferred;
            if ((deferrable is not null || initiallyDeferred is not null) && kind == "CHECK")
                throw SqlErrors.FeatureNotSupported("CHECK constraints cannot be marked DEFERRABLE", t.Position);
            if (notValid && alterConstraint)
                throw SqlErrors.FeatureNotSupported($"{kind} constraints cannot be marked NOT VALID", 0);
            if (noInherit && alterConstraint)
                throw SqlErrors.FeatureNotSupported($"{kind} constraints cannot be marked NO INHERIT", 0);
            if (notValid && kind is "UNIQUE" or "PRIMARY KEY" or "EXCLUDE")
                throw SqlErrors.FeatureNotSupported($"{kind} constraints cannot be marked NOT VALID", 0);
            if (noInherit && kind != "CHECK")
                throw SqlErrors.FeatureNotSupported($"{kind} constraints cannot be marked NO INHERIT", t.Position);
        }
        if (c is CheckTableConstraint check && noInherit) c = check with { NoInherit = true };
        var timing = deferrable is null && initiallyDeferred is null ? ConstraintTiming.Default : new ConstraintTiming(deferrable, initiallyDeferred);
        return c with { Timing = timing, NotValid = notValid };
    }

    /// <summary>
    /// <c>(a_expr) STORED | VIRTUAL</c> after <c>GENERATED … AS</c>. PostgreSQL 18's <c>VIRTUAL</c>
    /// (which PostgreSQL 15 does not parse) is taken as STORED: Tenon computes the value whenever the
    /// row is written, so every read returns what PostgreSQL 18 computes on read. The column then
    /// shows as stored in the catalogs (attgenerated 's'). This lets PostgreSQL 18 dumps (Pagila's
    /// film.length_hours) load.
    /// </summary>
    private GeneratedColumnConstraint ParseGenerationExpression()
    {
        Expect(TokenKind.LParen);
        var e = ParseExpr();
        Expect(TokenKind.RParen);
        if (Cur is { Kind: TokenKind.Identifier, Text: "virtual" }) Advance();
        else ExpectKw("stored");
        return new GeneratedColumnConstraint(e);
    }
}
