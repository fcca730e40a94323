using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>CREATE/DROP/ALTER AGGREGATE.</summary>
public sealed partial class Parser
{
    /// CREATE [OR REPLACE] AGGREGATE func_name aggr_args definition
    /// | CREATE [OR REPLACE] AGGREGATE func_name old_aggr_definition
    private Statement ParseCreateAggregate(Token create, bool orReplace)
    {
        ExpectKw("aggregate");
        var name = ParseQualifiedName();
        // The old form has its attributes where the new one has its arguments: ( name = … ).
        if (Cur.Kind == TokenKind.LParen && IsAggregateAttributeName(At(1)) && At(2).IsOp("="))
            return new CreateAggregateStatement(name, null, ParseAggregateDefinition(), orReplace) { Position = create.Position };
        if (ParseAggregateArguments() is not { } args)
            return Unsupported("ordered-set aggregates (CREATE AGGREGATE … ORDER BY)");
        var options = ParseAggregateDefinition();
        if (Cur.Kind is not (TokenKind.Semicolon or TokenKind.EndOfInput)) throw Error();
        return new CreateAggregateStatement(name, args, options, orReplace) { Position = create.Position };
    }

    private static bool IsAggregateAttributeName(Token t) => t.Kind == TokenKind.Identifier;

    /// aggr_args: '(' '*' ')' | '(' aggr_arg [, …] ')'; the empty list stands for *. Null for an
    /// ordered-set aggregate's ORDER BY list, which Tenon does not support.
    private List<RoutineParameter>? ParseAggregateArguments()
    {
        Expect(TokenKind.LParen);
        var list = new List<RoutineParameter>();
        if (Cur.IsOp("*"))
        {
            Advance();
            Expect(TokenKind.RParen);
            return list;
        }
        do
        {
            var start = Cur;
            var mode = 'i';
            if (AcceptKw("in")) mode = 'i';
            else if (AcceptKw("variadic")) mode = 'v';
            string? argName = null;
            if (IsTypeFuncName(Cur) && !Cur.Is("double") && At(1).Kind == TokenKind.Identifier && !At(1).Is("order"))
                argName = Advance().Text;
            list.Add(new RoutineParameter(argName, ParseRoutineType(), mode, null) { Position = start.Position });
        }
        while (Accept(TokenKind.Comma));
        if (Cur.Is("order")) return null;
        Expect(TokenKind.RParen);
        return list;
    }

    /// definition: '(' def_elem [, …] ')'; def_elem: ColLabel ['=' def_arg]
    private List<AggregateOption> ParseAggregateDefinition()
    {
        Expect(TokenKind.LParen);
        var options = new List<AggregateOption>();
        do
        {
            var start = Cur;
            var optName = ParseColLabel();
            TypeName? type = null;
            string? text = null;
            if (AcceptOp("="))
            {
                var v = Cur;
                if (v.Kind is TokenKind.String or TokenKind.Integer or TokenKind.Numeric) text = Advance().Text;
                else if (v.IsOp("-") && At(1).Kind is TokenKind.Integer or TokenKind.Numeric)
                {
                    Advance();
                    text = "-" + Advance().Text;
                }
                else if (v.Kind == TokenKind.Operator)
                    text = Advance().Text;
                else if (v.Is("operator") && At(1).Kind == TokenKind.LParen)
                {
                    Advance();
                    var from = Cur;
                    SkipParenthesized();
                    text = SourceText(from.Start, Prev.End);
                }
                else if (v.Kind == TokenKind.Identifier && v.Keyword == KeywordCategory.Reserved)
                    text = Advance().Text;
                else type = ParseRoutineType();
            }
            options.Add(new AggregateOption(optName.ToLowerInvariant(), type, text) { Position = start.Position });
        }
        while (Accept(TokenKind.Comma));
        Expect(TokenKind.RParen);
        return options;
    }

    /// aggregate_with_argtypes: func_name aggr_args
    private RoutineSignature? ParseAggregateSignature()
    {
        var start = Cur;
        var name = ParseQualifiedName();
        var args = ParseAggregateArguments();
        return args is null ? null : new RoutineSignature(name, args.Select(a => a.Type).ToList()) { Position = start.Position };
    }

    /// DROP AGGREGATE [IF EXISTS] aggregate_with_argtypes [, …] [CASCADE | RESTRICT]
    private Statement ParseDropAggregate(Token drop)
    {
        ExpectKw("aggregate");
        var ifExists = false;
        if (Cur.Is("if") && At(1).Is("exists"))
        {
            _pos += 2;
            ifExists = true;
        }
        var list = new List<RoutineSignature>();
        do
        {
            if (ParseAggregateSignature() is not { } sig) return Unsupported("ordered-set aggregates (DROP AGGREGATE … ORDER BY)");
            list.Add(sig);
        }
        while (Accept(TokenKind.Comma));
        var cascade = AcceptKw("cascade");
        if (!cascade) AcceptKw("restrict");
        return new DropRoutineStatement("aggregate", list, ifExists, cascade) { Position = drop.Position };
    }

    /// ALTER AGGREGATE aggregate_with_argtypes {RENAME TO name | OWNER TO role | SET SCHEMA name}
    private Statement ParseAlterAggregate(Token alter)
    {
        ExpectKw("aggregate");
        if (ParseAggregateSignature() is not { } sig) return Unsupported("ordered-set aggregates (ALTER AGGREGATE … ORDER BY)");
        return ParseAlterRoutineAction(alter, "aggregate", sig);
    }
}
