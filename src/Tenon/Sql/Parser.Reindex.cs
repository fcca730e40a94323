using Tenon.Sql.Ast;

namespace Tenon.Sql;

public sealed partial class Parser
{
    /// REINDEX ['(' utility_option_list ')'] {INDEX | TABLE} [CONCURRENTLY] qualified_name
    /// | REINDEX ['(' …')'] {SCHEMA | SYSTEM | DATABASE} [CONCURRENTLY] name
    private ReindexStatement ParseReindex()
    {
        var start = ExpectKw("reindex");
        var options = new List<(string Name, string? Value, int Position)>();
        if (Accept(TokenKind.LParen))
        {
            do
            {
                if (!IsColLabel(Cur)) throw Error();
                var position = Cur.Position;
                var name = Advance().Text;
                string? value = null;
                if (Cur.Kind is not (TokenKind.Comma or TokenKind.RParen)) value = ParseVarValue();
                options.Add((name, value, position));
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen);
        }
        ReindexTarget target;
        if (AcceptKw("index")) target = ReindexTarget.Index;
        else if (AcceptKw("table")) target = ReindexTarget.Table;
        else if (AcceptKw("schema")) target = ReindexTarget.Schema;
        else if (AcceptKw("system")) target = ReindexTarget.System;
        else if (AcceptKw("database")) target = ReindexTarget.Database;
        else throw Error();
        if (Cur.Is("concurrently")) options.Add(("concurrently", null, Advance().Position));
        if (target is ReindexTarget.Index or ReindexTarget.Table)
            return new ReindexStatement(target, ParseQualifiedName(), null, options) { Position = start.Position };
        return new ReindexStatement(target, null, ParseColId(), options) { Position = start.Position };
    }
}
