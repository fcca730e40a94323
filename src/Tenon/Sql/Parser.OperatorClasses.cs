using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>CREATE / DROP OPERATOR CLASS and OPERATOR FAMILY.</summary>
public sealed partial class Parser
{
    /// CREATE OPERATOR CLASS any_name [DEFAULT] FOR TYPE Typename USING name [FAMILY any_name] AS opclass_item [, …]
    /// CREATE OPERATOR FAMILY any_name USING name
    private Statement ParseCreateOpClass(Token create)
    {
        ExpectKw("operator");
        if (AcceptKw("family"))
        {
            var family = ParseQualifiedName();
            ExpectKw("using");
            return new CreateOpFamilyStatement(family, ParseColId()) { Position = create.Position };
        }
        ExpectKw("class");
        var name = ParseQualifiedName();
        var isDefault = AcceptKw("default");
        ExpectKw("for");
        ExpectKw("type");
        var type = ParseTypeName();
        ExpectKw("using");
        var method = ParseColId();
        QualifiedName? familyName = null;
        if (AcceptKw("family")) familyName = ParseQualifiedName();
        ExpectKw("as");
        var items = new List<OpClassItem>();
        do items.Add(ParseOpClassItem());
        while (Accept(TokenKind.Comma));
        return new CreateOpClassStatement(name, isDefault, type, method, familyName, items) { Position = create.Position };
    }

    private OpClassItem ParseOpClassItem()
    {
        var start = Cur;
        if (AcceptKw("storage")) return new OpClassItem(0) { Storage = ParseTypeName(), Position = start.Position };
        var isOperator = AcceptKw("operator");
        if (!isOperator) ExpectKw("function");
        var number = (int)ParseIntConst();
        if (isOperator)
        {
            string op;
            if (AcceptKw("operator"))
            {
                // OPERATOR(schema.op)
                Expect(TokenKind.LParen);
                var parts = new List<string>();
                while (Cur.Kind == TokenKind.Identifier && At(1).Kind == TokenKind.Dot)
                {
                    parts.Add(ParseColId());
                    Advance();
                }
                parts.Add(Expect(TokenKind.Operator).Text);
                Expect(TokenKind.RParen);
                op = string.Join(".", parts);
            }
            else
            {
                var parts = new List<string>();
                while (Cur.Kind == TokenKind.Identifier && At(1).Kind == TokenKind.Dot)
                {
                    parts.Add(ParseColId());
                    Advance();
                }
                parts.Add(Expect(TokenKind.Operator).Text);
                op = string.Join(".", parts);
            }
            List<TypeName>? types = null;
            if (Accept(TokenKind.LParen))
            {
                types = new List<TypeName> { ParseTypeName() };
                Expect(TokenKind.Comma);
                types.Add(ParseTypeName());
                Expect(TokenKind.RParen);
            }
            if (AcceptKw("for"))
            {
                if (AcceptKw("order"))
                {
                    ExpectKw("by");
                    ParseQualifiedName();
                }
                else ExpectKw("search");
            }
            return new OpClassItem(number) { Operator = op, Types = types, Position = start.Position };
        }
        List<TypeName>? operands = null;
        if (Accept(TokenKind.LParen))
        {
            operands = new List<TypeName> { ParseTypeName() };
            if (Accept(TokenKind.Comma)) operands.Add(ParseTypeName());
            Expect(TokenKind.RParen);
        }
        return new OpClassItem(number) { Types = operands, Function = ParseRoutineSignature(), Position = start.Position };
    }

    /// DROP OPERATOR {CLASS | FAMILY} [IF EXISTS] any_name USING name [CASCADE | RESTRICT]
    private Statement ParseDropOpClass(Token drop)
    {
        ExpectKw("operator");
        var isFamily = AcceptKw("family");
        if (!isFamily) ExpectKw("class");
        var ifExists = false;
        if (Cur.Is("if") && At(1).Is("exists"))
        {
            _pos += 2;
            ifExists = true;
        }
        var name = ParseQualifiedName();
        ExpectKw("using");
        var method = ParseColId();
        var cascade = AcceptKw("cascade");
        if (!cascade) AcceptKw("restrict");
        return new DropOpClassStatement(isFamily, name, method, ifExists, cascade) { Position = drop.Position };
    }
}
