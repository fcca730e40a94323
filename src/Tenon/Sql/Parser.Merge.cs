using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>MERGE (PostgreSQL 15).</summary>
public sealed partial class Parser
{
    /// MERGE INTO relation_expr_opt_alias USING table_ref ON a_expr merge_when_clause …
    private MergeStatement ParseMerge(WithClause? with)
    {
        var merge = ExpectKw("merge");
        ExpectKw("into");
        var target = ParseRelationExpr(out var only);
        string? alias = null;
        if (AcceptKw("as")) alias = ParseColId();
        else if (IsColId(Cur) && !Cur.Is("using")) alias = ParseColId();
        ExpectKw("using");
        var source = ParseTableRef();
        ExpectKw("on");
        var on = ParseExpr();
        var whens = new List<MergeWhen>();
        do whens.Add(ParseMergeWhen());
        while (Cur.Is("when"));
        return new MergeStatement(target, alias, source, on, whens) { With = with, Only = only, Position = merge.Position };
    }

    /// WHEN MATCHED [AND a_expr] THEN {UPDATE SET … | DELETE | DO NOTHING}
    /// | WHEN NOT MATCHED [AND a_expr] THEN {INSERT … | DO NOTHING}
    private MergeWhen ParseMergeWhen()
    {
        var when = ExpectKw("when");
        var matched = !AcceptKw("not");
        ExpectKw("matched");
        Expr? condition = null;
        if (AcceptKw("and")) condition = ParseExpr();
        ExpectKw("then");
        if (AcceptKw("do"))
        {
            ExpectKw("nothing");
            return new MergeWhen(matched, condition, MergeActionKind.DoNothing) { Position = when.Position };
        }
        if (matched)
        {
            if (AcceptKw("delete")) return new MergeWhen(true, condition, MergeActionKind.Delete) { Position = when.Position };
            ExpectKw("update");
            ExpectKw("set");
            return new MergeWhen(true, condition, MergeActionKind.Update) { Set = ParseSetClauseList(), Position = when.Position };
        }
        ExpectKw("insert");
        List<string>? cols = null;
        List<int>? positions = null;
        if (Cur.Kind == TokenKind.LParen)
        {
            Advance();
            cols = new List<string>();
            positions = new List<int>();
            do
            {
                positions.Add(Cur.Position);
                cols.Add(ParseColId());
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen);
        }
        var overriding = ParseOverriding();
        List<Expr>? values = null;
        if (AcceptKw("default")) ExpectKw("values");
        else
        {
            ExpectKw("values");
            Expect(TokenKind.LParen);
            values = new List<Expr>();
            do
            {
                if (Cur.Is("default") && At(1).Kind is TokenKind.Comma or TokenKind.RParen)
                    values.Add(new DefaultExpr { Position = Advance().Position });
                else values.Add(ParseExpr());
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen);
        }
        return new MergeWhen(false, condition, MergeActionKind.Insert)
        {
            Columns = cols, ColumnPositions = positions, Overriding = overriding, Values = values, Position = when.Position,
        };
    }
}
