using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>CREATE / DROP STATISTICS.</summary>
public sealed partial class Parser
{
    /// CREATE STATISTICS [IF NOT EXISTS] any_name ['(' name_list ')'] ON stats_params FROM from_list
    private Statement ParseCreateStatistics(Token create)
    {
        ExpectKw("statistics");
        var ifNotExists = false;
        if (Cur.Is("if") && At(1).Is("not") && At(2).Is("exists"))
        {
            _pos += 3;
            ifNotExists = true;
        }
        var name = ParseQualifiedName();
        List<string>? kinds = null;
        if (Accept(TokenKind.LParen))
        {
            kinds = new List<string>();
            do kinds.Add(ParseColId());
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen);
        }
        ExpectKw("on");
        var elements = new List<StatisticsElement>();
        do
        {
            var start = Cur;
            var parenthesized = Cur.Kind == TokenKind.LParen;
            var e = ParseExpr();
            elements.Add(!parenthesized && e is ColumnRef { Names.Count: 1 } c
                ? new StatisticsElement(c.Names[0], null) { Position = start.Position }
                : new StatisticsElement(null, e) { Position = start.Position });
        }
        while (Accept(TokenKind.Comma));
        ExpectKw("from");
        var from = ParseFromList();
        return new CreateStatisticsStatement(name, ifNotExists, kinds, elements, from) { Position = create.Position };
    }

    /// DROP STATISTICS [IF EXISTS] any_name [, …] [CASCADE | RESTRICT]
    private Statement ParseDropStatistics(Token drop)
    {
        ExpectKw("statistics");
        var ifExists = false;
        if (Cur.Is("if") && At(1).Is("exists"))
        {
            _pos += 2;
            ifExists = true;
        }
        var names = new List<QualifiedName>();
        do names.Add(ParseQualifiedName());
        while (Accept(TokenKind.Comma));
        if (!AcceptKw("cascade")) AcceptKw("restrict");
        return new DropStatisticsStatement(names, ifExists) { Position = drop.Position };
    }
}
