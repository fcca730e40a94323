using Tenon.Sql.Ast;

namespace Tenon.Sql;

public sealed partial class Parser
{
    /// ANALYZE [VERBOSE] [table [(column, …)], …] | ANALYZE (option [value], …) [table …]
    /// | VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [table [(column, …)], …] | VACUUM (option [value], …) [table …]
    private Statement ParseVacuum()
    {
        var start = Advance();
        var isVacuum = start.Is("vacuum");
        var options = new List<(string Name, string? Value, int Position)>();
        if (Cur.Kind == TokenKind.LParen)
        {
            Advance();
            do
            {
                if (!IsColLabel(Cur)) throw Error();
                var position = Cur.Position;
                var name = Advance().Text;
                string? value = null;
                if (Cur.Kind is not (TokenKind.Comma or TokenKind.RParen)) value = ParseVarValue();
                options.Add((name == "analyse" ? "analyze" : name, value, position));
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen);
        }
        else
        {
            foreach (var word in isVacuum ? new[] { "full", "freeze", "verbose", "analyze" } : new[] { "verbose" })
            {
                if (word == "analyze" && (Cur.Is("analyze") || Cur.Is("analyse"))) { options.Add(("analyze", null, Advance().Position)); continue; }
                if (Cur.Is(word)) options.Add((word, null, Advance().Position));
            }
        }
        var tables = new List<(QualifiedName Name, IReadOnlyList<string> Columns)>();
        if (Cur.Kind is not (TokenKind.Semicolon or TokenKind.EndOfInput))
            do
            {
                var name = ParseQualifiedName();
                var columns = new List<string>();
                if (Accept(TokenKind.LParen))
                {
                    do columns.Add(ParseColId());
                    while (Accept(TokenKind.Comma));
                    Expect(TokenKind.RParen);
                }
                tables.Add((name, columns));
            }
            while (Accept(TokenKind.Comma));
        return new VacuumStatement(isVacuum, options, tables) { Position = start.Position };
    }
}
