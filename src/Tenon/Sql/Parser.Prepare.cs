using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>SQL-level prepared statements: PREPARE, EXECUTE, DEALLOCATE.</summary>
public sealed partial class Parser
{
    /// PREPARE name ['(' type_list ')'] AS PreparableStmt (SELECT, INSERT, UPDATE, DELETE, MERGE, VALUES)
    private Statement ParsePrepare()
    {
        var prepare = ExpectKw("prepare");
        var name = ParseColId();
        var types = new List<TypeName>();
        if (Accept(TokenKind.LParen))
        {
            do types.Add(ParseTypeName());
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen);
        }
        ExpectKw("as");
        var start = Cur;
        if (!(Cur.Is("select") || Cur.Is("values") || Cur.Is("table") || Cur.Is("with") || Cur.Kind == TokenKind.LParen
              || Cur.Is("insert") || Cur.Is("update") || Cur.Is("delete") || Cur.Is("merge"))) throw Error();
        var inner = ParseStatementBody();
        inner = inner with { Position = start.Position, EndPosition = EndOfPrevious };
        return new PrepareStatement(name, types, inner, SourceText(start.Start, Prev.End)) { Position = prepare.Position };
    }

    /// EXECUTE name ['(' expr_list ')']
    private Statement ParseExecute()
    {
        var execute = ExpectKw("execute");
        var name = ParseColId();
        var args = new List<Expr>();
        if (Accept(TokenKind.LParen))
        {
            do args.Add(ParseExpr());
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen);
        }
        return new ExecutePreparedStatement(name, args) { Position = execute.Position };
    }

    /// DEALLOCATE [PREPARE] {name | ALL}
    private Statement ParseDeallocate()
    {
        var deallocate = ExpectKw("deallocate");
        AcceptKw("prepare");
        if (AcceptKw("all")) return new DeallocateStatement(null) { Position = deallocate.Position };
        return new DeallocateStatement(ParseColId()) { Position = deallocate.Position };
    }
}
