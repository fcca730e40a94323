using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>CREATE TYPE … AS ENUM, CREATE DOMAIN, ALTER TYPE, ALTER DOMAIN.</summary>
public sealed partial class Parser
{
    /// CREATE TYPE any_name AS ENUM '(' [Sconst [, …]] ')' | AS '(' [ColId Typename [COLLATE any_name], …] ')'; the other CREATE TYPE forms are unsupported
    private Statement ParseCreateType(Token create)
    {
        ExpectKw("type");
        var first = Cur;
        var name = MakeQualifiedName(ParseAnyName(), first);
        if (Cur.Is("as") && At(1).Kind == TokenKind.LParen)
        {
            _pos += 2;
            var fields = new List<(string Name, TypeName Type, int Position)>();
            if (Cur.Kind != TokenKind.RParen)
            {
                do
                {
                    var at = Cur.Position;
                    var field = ParseColId();
                    var type = ParseTypeName();
                    if (AcceptKw("collate")) ParseAnyName();
                    fields.Add((field, type, at));
                }
                while (Accept(TokenKind.Comma));
            }
            Expect(TokenKind.RParen);
            return new CreateCompositeTypeStatement(name, fields) { Position = create.Position };
        }
        if (!(Cur.Is("as") && At(1).Is("enum"))) return Unsupported("CREATE TYPE");
        _pos += 2;
        Expect(TokenKind.LParen);
        var labels = new List<string>();
        if (Cur.Kind != TokenKind.RParen)
        {
            do labels.Add(ParseStringConst());
            while (Accept(TokenKind.Comma));
        }
        Expect(TokenKind.RParen);
        return new CreateEnumStatement(name, labels) { Position = create.Position };
    }

    /// CREATE DOMAIN any_name [AS] Typename ColQualList
    private Statement ParseCreateDomain(Token create)
    {
        ExpectKw("domain");
        var first = Cur;
        var name = MakeQualifiedName(ParseAnyName(), first);
        AcceptKw("as");
        var type = ParseTypeName();
        string? collation = null;
        var constraints = ParseColumnConstraints(ref collation);
        return new CreateDomainStatement(name, type, constraints) { Collation = collation, Position = create.Position };
    }

    /// ALTER TYPE any_name {ADD VALUE [IF NOT EXISTS] Sconst [{BEFORE | AFTER} Sconst] | RENAME VALUE Sconst TO Sconst | RENAME TO name | OWNER TO role}
    private Statement ParseAlterType(Token alter)
    {
        ExpectKw("type");
        var first = Cur;
        var name = MakeQualifiedName(ParseAnyName(), first);
        if (AcceptKws("set", "schema"))
            return new AlterTypeStatement(ObjectKind.Type, name, AlterTypeAction.SetSchema) { NewName = ParseColId(), Position = alter.Position };
        if (AcceptKws("add", "value"))
        {
            var ifNotExists = AcceptKws("if", "not", "exists");
            var label = ParseStringConst();
            string? neighbor = null;
            var after = false;
            if (AcceptKw("before")) neighbor = ParseStringConst();
            else if (AcceptKw("after"))
            {
                neighbor = ParseStringConst();
                after = true;
            }
            return new AlterTypeStatement(ObjectKind.Type, name, AlterTypeAction.AddValue)
                { Label = label, Neighbor = neighbor, After = after, IfNotExists = ifNotExists, Position = alter.Position };
        }
        if (AcceptKws("rename", "value"))
        {
            var label = ParseStringConst();
            ExpectKw("to");
            var newLabel = ParseStringConst();
            return new AlterTypeStatement(ObjectKind.Type, name, AlterTypeAction.RenameValue) { Label = label, NewName = newLabel, Position = alter.Position };
        }
        if (AcceptKws("rename", "to"))
            return new AlterTypeStatement(ObjectKind.Type, name, AlterTypeAction.Rename) { NewName = ParseColId(), Position = alter.Position };
        if (Cur.Is("add") && At(1).Is("attribute") || Cur.Is("drop") && At(1).Is("attribute") || Cur.Is("alter") && At(1).Is("attribute"))
        {
            var actions = new List<AlterTypeStatement>();
            do actions.Add(ParseAlterTypeAttributeAction(name, alter));
            while (Accept(TokenKind.Comma));
            return actions[0] with { Following = actions.Skip(1).ToList() };
        }
        if (AcceptKws("rename", "attribute"))
        {
            var attr = ParseColId();
            ExpectKw("to");
            var newName = ParseColId();
            var cascade = AcceptKw("cascade");
            if (!cascade) AcceptKw("restrict");
            return new AlterTypeStatement(ObjectKind.Type, name, AlterTypeAction.RenameAttribute) { Label = attr, NewName = newName, Cascade = cascade, Position = alter.Position };
        }
        if (AcceptKws("owner", "to"))
            return new AlterTypeStatement(ObjectKind.Type, name, AlterTypeAction.OwnerTo) { NewName = ParseRoleSpec(), Position = alter.Position };
        if (Cur.Kind is TokenKind.Semicolon or TokenKind.EndOfInput) throw Error();
        return Unsupported("ALTER TYPE");
    }

    /// ADD ATTRIBUTE name type [COLLATE c] | DROP ATTRIBUTE [IF EXISTS] name | ALTER ATTRIBUTE name [SET DATA] TYPE type [COLLATE c],
    /// each with [CASCADE | RESTRICT]
    private AlterTypeStatement ParseAlterTypeAttributeAction(QualifiedName name, Token alter)
    {
        AlterTypeStatement stmt;
        if (AcceptKws("add", "attribute"))
        {
            var attr = ParseColId();
            var type = ParseTypeName();
            if (AcceptKw("collate")) ParseAnyName();
            stmt = new AlterTypeStatement(ObjectKind.Type, name, AlterTypeAction.AddAttribute) { Label = attr, AttributeType = type, Position = alter.Position };
        }
        else if (AcceptKws("drop", "attribute"))
        {
            var ifExists = AcceptKws("if", "exists");
            var attr = ParseColId();
            stmt = new AlterTypeStatement(ObjectKind.Type, name, AlterTypeAction.DropAttribute) { Label = attr, IfExists = ifExists, Position = alter.Position };
        }
        else
        {
            ExpectKw("alter");
            ExpectKw("attribute");
            var attr = ParseColId();
            if (AcceptKw("set")) ExpectKw("data");
            ExpectKw("type");
            var type = ParseTypeName();
            if (AcceptKw("collate")) ParseAnyName();
            stmt = new AlterTypeStatement(ObjectKind.Type, name, AlterTypeAction.AlterAttributeType) { Label = attr, AttributeType = type, Position = alter.Position };
        }
        var cascade = AcceptKw("cascade");
        if (!cascade) AcceptKw("restrict");
        return stmt with { Cascade = cascade };
    }

    /// ALTER DOMAIN any_name {SET DEFAULT a_expr | DROP DEFAULT | {SET | DROP} NOT NULL | ADD TableConstraint [NOT VALID]
    ///   | DROP CONSTRAINT [IF EXISTS] name [RESTRICT | CASCADE] | VALIDATE CONSTRAINT name | RENAME TO name
    ///   | RENAME CONSTRAINT name TO name | OWNER TO role}
    private Statement ParseAlterDomain(Token alter)
    {
        ExpectKw("domain");
        var first = Cur;
        var name = MakeQualifiedName(ParseAnyName(), first);
        AlterTypeStatement Make(AlterTypeAction action) => new(ObjectKind.Domain, name, action) { Position = alter.Position };
        if (AcceptKws("set", "schema")) return Make(AlterTypeAction.SetSchema) with { NewName = ParseColId() };
        if (AcceptKws("set", "default")) return Make(AlterTypeAction.SetDefault) with { Default = ParseExpr() };
        if (AcceptKws("drop", "default")) return Make(AlterTypeAction.DropDefault);
        if (AcceptKws("set", "not", "null")) return Make(AlterTypeAction.SetNotNull);
        if (AcceptKws("drop", "not", "null")) return Make(AlterTypeAction.DropNotNull);
        if (AcceptKw("add")) return Make(AlterTypeAction.AddConstraint) with { Constraint = ParseTableConstraint() };
        if (AcceptKws("drop", "constraint"))
        {
            var ifExists = AcceptKws("if", "exists");
            var constraint = ParseColId();
            return Make(AlterTypeAction.DropConstraint) with { Label = constraint, IfExists = ifExists, Cascade = ParseOptDropBehavior() };
        }
        if (AcceptKws("validate", "constraint")) return Make(AlterTypeAction.ValidateConstraint) with { Label = ParseColId() };
        if (AcceptKws("rename", "to")) return Make(AlterTypeAction.Rename) with { NewName = ParseColId() };
        if (AcceptKws("owner", "to")) return Make(AlterTypeAction.OwnerTo) with { NewName = ParseRoleSpec() };
        if (AcceptKws("rename", "constraint"))
        {
            var constraint = ParseColId();
            ExpectKw("to");
            return Make(AlterTypeAction.RenameConstraint) with { Label = constraint, NewName = ParseColId() };
        }
        if (Cur.Kind is TokenKind.Semicolon or TokenKind.EndOfInput) throw Error();
        return Unsupported("ALTER DOMAIN");
    }

    private bool AcceptKws(string w1, string w2, string w3)
    {
        if (!Cur.Is(w1) || !At(1).Is(w2) || !At(2).Is(w3)) return false;
        _pos += 3;
        return true;
    }
}
