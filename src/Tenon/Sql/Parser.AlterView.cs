using Tenon.Sql.Ast;

namespace Tenon.Sql;

public sealed partial class Parser
{
    /// <summary>The ALTER VIEW actions after the view's name (see <see cref="AlterViewStatement"/>); null when none starts here.</summary>
    private Statement? ParseAlterViewAction(Token alter, QualifiedName name, bool ifExists)
    {
        var t = Cur;
        AlterTableAction action;
        if (Cur.Is("rename"))
        {
            Advance();
            AcceptKw("column");
            var old = ParseColId();
            ExpectKw("to");
            action = new RenameColumnAction(old, ParseColId());
        }
        else if ((Cur.Is("set") || Cur.Is("reset")) && At(1).Kind == TokenKind.LParen)
        {
            var reset = Advance().Is("reset");
            action = new RelOptionsAction(ParseRelOptionList(), reset);
        }
        else if (Cur.Is("alter"))
            return Unsupported("ALTER VIEW … ALTER COLUMN");
        else return null;
        return new AlterViewStatement(name, ifExists, action with { Position = t.Position }) { Position = alter.Position };
    }
}
