using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>ALTER TABLE / INDEX / SEQUENCE / VIEW.</summary>
public sealed partial class Parser
{
    /// ALTER {TABLE | INDEX | SEQUENCE | VIEW} … ; other objects are unsupported
    private Statement ParseAlter()
    {
        var alter = ExpectKw("alter");
        var t = Cur;
        if (t.Is("table")) return ParseAlterTable(alter);
        if (t.Is("schema"))
        {
            Advance();
            var schema = ParseColId();
            if (AcceptKw("rename"))
            {
                ExpectKw("to");
                return new AlterSchemaStatement(schema) { NewName = ParseColId(), Position = alter.Position };
            }
            if (AcceptKw("owner"))
            {
                ExpectKw("to");
                return new AlterSchemaStatement(schema) { Owner = ParseRoleSpec(), Position = alter.Position };
            }
            throw Error();
        }
        if (t.Is("type")) return ParseAlterType(alter);
        if (t.Is("materialized") && At(1).Is("view")) return ParseAlterMaterializedView(alter);
        if (t.Is("domain")) return ParseAlterDomain(alter);
        if (t.Is("index") || t.Is("sequence") || t.Is("view"))
        {
            var kind = t.Is("index") ? ObjectKind.Index : t.Is("sequence") ? ObjectKind.Sequence : ObjectKind.View;
            Advance();
            bool ifExists = false;
            if (Cur.Is("if") && At(1).Is("exists"))
            {
                _pos += 2;
                ifExists = true;
            }
            if (kind == ObjectKind.Index && !ifExists && Cur.Is("all") && At(1).Is("in")) return ParseAlterIndexAll(alter);
            var name = ParseQualifiedName();
            if (Cur.Is("rename") && At(1).Is("to"))
            {
                _pos += 2;
                var newName = ParseColId();
                return new RenameObjectStatement(kind, name, newName, ifExists) { Position = alter.Position };
            }
            if (kind == ObjectKind.Index && Cur.Is("set") && At(1).Is("schema")) throw ErrorAt(At(1));
            if (kind == ObjectKind.Index && ParseAlterIndexActions() is { } indexActions)
                return new AlterIndexStatement(name, ifExists, indexActions) { Position = alter.Position };
            if (kind != ObjectKind.Index && Cur.Is("owner") && At(1).Is("to"))
            {
                _pos += 2;
                return new AlterTableStatement(name, [new OwnerToAction(ParseRoleSpecOrPublic())]) { IfExists = ifExists, Position = alter.Position };
            }
            if (kind != ObjectKind.Index && Cur.Is("set") && At(1).Is("schema"))
            {
                _pos += 2;
                return new SetSchemaStatement(kind, name, ParseColId(), ifExists) { Position = alter.Position };
            }
            if (kind == ObjectKind.View && ParseAlterViewAction(alter, name, ifExists) is { } alterView) return alterView;
            if (kind == ObjectKind.Sequence)
            {
                var opts = ParseSequenceOptions(paren: false);
                if (opts.Count > 0) return new AlterSequenceStatement(name, opts) { IfExists = ifExists, Position = alter.Position };
            }
            if (Cur.Kind is TokenKind.Semicolon or TokenKind.EndOfInput) throw Error();
            return Unsupported("ALTER " + t.Text.ToUpperInvariant());
        }
        if (t.Is("function") || t.Is("procedure") || t.Is("routine")) return ParseAlterRoutine(alter);
        if (t.Is("role") || t.Is("group") || t.Is("user") && !At(1).Is("mapping")) return ParseAlterRole(alter);
        if (t.Is("default") && At(1).Is("privileges")) return ParseAlterDefaultPrivileges(alter);
        if (t.Is("aggregate")) return ParseAlterAggregate(alter);
        if (t.Kind == TokenKind.Identifier && t.Keyword != KeywordCategory.None && CreatableObjects.Contains(t.Text)
            || t.Is("system") || t.Is("large") || t.Is("default") || t.Is("operator") || t.Is("owned"))
        {
            var feature = "ALTER " + t.Text.ToUpperInvariant();
            if (t.Is("materialized") || t.Is("event") || t.Is("foreign") || t.Is("text") || t.Is("large") || t.Is("default"))
                feature += " " + At(1).Text.ToUpperInvariant();
            return Unsupported(feature);
        }
        throw Error();
    }

    /// ALTER TABLE [IF EXISTS] [ONLY] relation_expr {alter_table_cmd [, …] | RENAME …}
    private Statement ParseAlterTable(Token alter)
    {
        ExpectKw("table");
        bool ifExists = false;
        if (Cur.Is("if") && At(1).Is("exists"))
        {
            _pos += 2;
            ifExists = true;
        }
        if (Cur.Is("all") && At(1).Is("in")) return Unsupported("ALTER TABLE ALL IN TABLESPACE");
        var name = ParseRelationExpr(out bool only);
        if (Cur.Is("set") && At(1).Is("schema"))
        {
            _pos += 2;
            return new SetSchemaStatement(ObjectKind.Table, name, ParseColId(), ifExists) { Position = alter.Position };
        }
        var stmt = new AlterTableStatement(name, Array.Empty<AlterTableAction>()) { IfExists = ifExists, Only = only, Position = alter.Position };
        var t = Cur;
        if (AcceptKw("rename"))
        {
            AlterTableAction action;
            if (AcceptKw("to")) action = new RenameTableAction(ParseColId());
            else if (AcceptKw("constraint"))
            {
                var old = ParseColId();
                ExpectKw("to");
                action = new RenameConstraintAction(old, ParseColId());
            }
            else
            {
                AcceptKw("column");
                var old = ParseColId();
                ExpectKw("to");
                action = new RenameColumnAction(old, ParseColId());
            }
            return stmt with { Actions = new[] { action with { Position = t.Position } } };
        }
        var actions = new List<AlterTableAction>();
        do
        {
            var at = Cur;
            actions.Add(ParseAlterTableCmd() with { Position = at.Position });
        }
        while (Accept(TokenKind.Comma));
        return stmt with { Actions = actions };
    }

    /// alter_table_cmd
    private AlterTableAction ParseAlterTableCmd()
    {
        var t = Cur;
        if (Cur.Is("owner") && At(1).Is("to"))
        {
            _pos += 2;
            return new OwnerToAction(ParseRoleSpec()) { Position = t.Position };
        }
        if (AcceptKw("add"))
        {
            if (Cur.Is("constraint") || Cur.Is("check") || Cur.Is("unique") || Cur.Is("primary") || Cur.Is("foreign") || Cur.Is("exclude"))
                return new AddConstraintAction(ParseTableConstraint());
            AcceptKw("column");
            bool ifNotExists = false;
            if (Cur.Is("if") && At(1).Is("not") && At(2).Is("exists"))
            {
                _pos += 3;
                ifNotExists = true;
            }
            return new AddColumnAction(ParseColumnDefinition(), ifNotExists);
        }
        if (AcceptKw("drop"))
        {
            if (AcceptKw("constraint"))
            {
                bool ifEx = AcceptKws("if", "exists");
                var cname = ParseColId();
                return new DropConstraintAction(cname, ifEx, ParseOptDropBehavior());
            }
            AcceptKw("column");
            bool ifExists = AcceptKws("if", "exists");
            var col = ParseColId();
            return new DropColumnAction(col, ifExists, ParseOptDropBehavior());
        }
        if (Cur.Is("attach") && At(1).Is("partition"))
        {
            _pos += 2;
            var part = ParseQualifiedName();
            return new AttachPartitionAction(part, ParsePartitionBound());
        }
        if (Cur.Is("detach") && At(1).Is("partition"))
        {
            _pos += 2;
            var part = ParseQualifiedName();
            var concurrently = AcceptKw("concurrently");
            if (!concurrently) AcceptKw("finalize");
            return new DetachPartitionAction(part) { Concurrently = concurrently };
        }
        if (AcceptKw("validate"))
        {
            ExpectKw("constraint");
            return new ValidateConstraintAction(ParseColId());
        }
        if (AcceptKw("alter"))
        {
            if (AcceptKw("constraint"))
            {
                var cname = ParseColId();
                var c = ParseConstraintAttributeSpec(new ForeignKeyTableConstraint(Array.Empty<string>(), new ReferencesClause(new QualifiedName(null, ""), null)), "FOREIGN KEY", alterConstraint: true);
                return new AlterConstraintAction(cname, c.Timing);
            }
            AcceptKw("column");
            var col = ParseColId();
            return ParseAlterColumn(col);
        }
        if ((Cur.Is("enable") || Cur.Is("disable")) && (At(1).Is("trigger") || (At(1).Is("replica") || At(1).Is("always")) && At(2).Is("trigger")))
        {
            var enable = Advance().Is("enable");
            if (!AcceptKw("replica")) AcceptKw("always");
            ExpectKw("trigger");
            if (AcceptKw("all")) return new TriggerEnableAction(null, enable, false);
            if (AcceptKw("user")) return new TriggerEnableAction(null, enable, true);
            return new TriggerEnableAction(ParseColId(), enable, false);
        }
        if (AcceptKw("inherit")) return new InheritAction(ParseQualifiedName());
        if (Cur.Is("no") && At(1).Is("inherit"))
        {
            _pos += 2;
            return new NoInheritAction(ParseQualifiedName());
        }
        if (TryParseStorageAlterAction() is { } storage) return storage;
        // SET SCHEMA is a statement of its own (ParseAlterTable), never one action of a list.
        if (Cur.Is("set") && At(1).Is("schema"))
        {
            _pos++;
            throw Error();
        }
        if (Cur.Kind == TokenKind.Identifier && t.Keyword != KeywordCategory.Reserved || Cur.Is("not") && At(1).Is("of"))
        {
            var feature = t.Text.ToUpperInvariant();
            if (At(1).Kind == TokenKind.Identifier && At(1).Keyword != KeywordCategory.None) feature += " " + At(1).Text.ToUpperInvariant();
            SkipAlterAction();
            return new UnsupportedAlterAction("ALTER TABLE " + feature);
        }
        throw Error();
    }

    private void SkipAlterAction()
    {
        int depth = 0;
        while (true)
        {
            var t = Cur;
            if (t.Kind == TokenKind.EndOfInput || depth == 0 && t.Kind is TokenKind.Semicolon or TokenKind.Comma) return;
            if (t.Kind == TokenKind.LParen) depth++;
            else if (t.Kind == TokenKind.RParen && depth > 0) depth--;
            Advance();
        }
    }

    /// ALTER [COLUMN] col {SET NOT NULL | DROP NOT NULL | SET DEFAULT a_expr | DROP DEFAULT | [SET DATA] TYPE t [COLLATE c] [USING a_expr]
    ///   | ADD GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(…)] | {SET GENERATED … | SET seq_option | RESTART …} … | DROP IDENTITY [IF EXISTS]
    ///   | SET STATISTICS n | SET STORAGE s | DROP EXPRESSION …}
    private AlterTableAction ParseAlterColumn(string col)
    {
        var t = Cur;
        if (Cur.Is("set") && At(1).Is("not") && At(2).Is("null")) { _pos += 3; return new AlterColumnAction(col, AlterColumnKind.SetNotNull); }
        if (Cur.Is("drop") && At(1).Is("not") && At(2).Is("null")) { _pos += 3; return new AlterColumnAction(col, AlterColumnKind.DropNotNull); }
        if (Cur.Is("set") && At(1).Is("default")) { _pos += 2; return new AlterColumnAction(col, AlterColumnKind.SetDefault) { Default = ParseExpr() }; }
        if (Cur.Is("drop") && At(1).Is("default")) { _pos += 2; return new AlterColumnAction(col, AlterColumnKind.DropDefault); }
        if (Cur.Is("drop") && At(1).Is("expression"))
        {
            _pos += 2;
            return new AlterColumnAction(col, AlterColumnKind.DropExpression) { IfExists = AcceptKws("if", "exists") };
        }
        if (Cur.Is("type") || Cur.Is("set") && At(1).Is("data"))
        {
            if (AcceptKw("set")) ExpectKw("data");
            ExpectKw("type");
            var type = ParseTypeName();
            string? collation = null;
            if (AcceptKw("collate")) collation = string.Join(".", ParseAnyName());
            Expr? usingExpr = null;
            if (AcceptKw("using")) usingExpr = ParseExpr();
            return new AlterColumnAction(col, AlterColumnKind.SetType) { Type = type, Using = usingExpr, Collation = collation };
        }
        if (Cur.Is("add") && At(1).Is("generated"))
        {
            _pos += 2;
            bool always;
            if (AcceptKw("always")) always = true;
            else { ExpectKw("by"); ExpectKw("default"); always = false; }
            ExpectKw("as");
            ExpectKw("identity");
            var opts = ParseOptParenSequenceOptions();
            var ident = new IdentityColumnConstraint(always, opts) { Position = t.Position };
            return new AlterColumnAction(col, AlterColumnKind.AddIdentity) { Identity = ident, Options = opts };
        }
        if (Cur.Is("drop") && At(1).Is("identity"))
        {
            _pos += 2;
            bool ifExists = AcceptKws("if", "exists");
            return new AlterColumnAction(col, AlterColumnKind.DropIdentity) { IfExists = ifExists };
        }
        if (Cur.Is("set") && At(1).Is("statistics"))
        {
            _pos += 2;
            return new AlterColumnAction(col, AlterColumnKind.SetStatistics) { Statistics = ParseNumericOnly() };
        }
        if (Cur.Is("set") && At(1).Is("storage"))
        {
            _pos += 2;
            return new AlterColumnAction(col, AlterColumnKind.SetStorage) { Method = ParseColId() };
        }
        if (Cur.Is("set") && At(1).Is("compression"))
        {
            _pos += 2;
            return new AlterColumnAction(col, AlterColumnKind.SetCompression) { Method = AcceptKw("default") ? "default" : ParseColId() };
        }
        if ((Cur.Is("set") || Cur.Is("reset")) && At(1).Kind == TokenKind.LParen)
        {
            var reset = Advance().Is("reset");
            return new AlterColumnAction(col, reset ? AlterColumnKind.ResetOptions : AlterColumnKind.SetOptions) { AttributeOptions = ParseRelOptionList() };
        }
        if (Cur.Is("set") && At(1).Is("generated") || Cur.Is("restart") || Cur.Is("set") && IsSequenceOptionStart(At(1)))
        {
            IdentityColumnConstraint? ident = null;
            var opts = new List<SequenceOption>();
            while (true)
            {
                var ot = Cur;
                if (Cur.Is("set") && At(1).Is("generated"))
                {
                    _pos += 2;
                    bool always;
                    if (AcceptKw("always")) always = true;
                    else { ExpectKw("by"); ExpectKw("default"); always = false; }
                    ident = new IdentityColumnConstraint(always, Array.Empty<SequenceOption>()) { Position = ot.Position };
                }
                else if (Cur.Is("restart"))
                {
                    opts.AddRange(ParseSequenceOptions(paren: true, max: 1));
                }
                else if (Cur.Is("set") && IsSequenceOptionStart(At(1)))
                {
                    Advance();
                    var one = ParseSequenceOptions(paren: true, max: 1);
                    if (one.Count == 0) throw Error();
                    opts.Add(one[0]);
                }
                else break;
            }
            return new AlterColumnAction(col, AlterColumnKind.SetIdentity) { Identity = ident, Options = opts };
        }
        if (Cur.Kind == TokenKind.Identifier && Cur.Keyword != KeywordCategory.Reserved)
        {
            var feature = "ALTER COLUMN " + Cur.Text.ToUpperInvariant() + (At(1).Kind == TokenKind.Identifier ? " " + At(1).Text.ToUpperInvariant() : "");
            SkipAlterAction();
            return new UnsupportedAlterAction(feature);
        }
        throw Error();
    }

    private static bool IsSequenceOptionStart(Token t) =>
        t.Is("increment") || t.Is("minvalue") || t.Is("maxvalue") || t.Is("start") || t.Is("cache") || t.Is("cycle")
        || t.Is("no") || t.Is("owned") || t.Is("sequence") || t.Is("as");
}
