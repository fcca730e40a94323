using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>ALTER INDEX's actions other than RENAME.</summary>
public sealed partial class Parser
{
    /// ALTER INDEX ALL IN TABLESPACE name [OWNED BY role [, …]] SET TABLESPACE new [NOWAIT]
    private AlterIndexAllInTablespaceStatement ParseAlterIndexAll(Token alter)
    {
        ExpectKw("all");
        ExpectKw("in");
        ExpectKw("tablespace");
        var tablespace = ParseColId();
        var owners = new List<string>();
        if (AcceptKw("owned"))
        {
            ExpectKw("by");
            do owners.Add(ParseRoleSpec());
            while (Accept(TokenKind.Comma));
        }
        ExpectKw("set");
        ExpectKw("tablespace");
        var target = ParseColId();
        AcceptKw("nowait");
        return new AlterIndexAllInTablespaceStatement(tablespace, owners, target) { Position = alter.Position };
    }

    /// The actions after ALTER INDEX [IF EXISTS] name, or null when the first one is none of them:
    /// ATTACH PARTITION name | [NO] DEPENDS ON EXTENSION name
    /// | action [, …] with action: SET (…) | RESET (…) | ALTER [COLUMN] n SET STATISTICS t | SET TABLESPACE t | OWNER TO role
    private List<AlterIndexAction>? ParseAlterIndexActions()
    {
        var t = Cur;
        if (AcceptKw("attach"))
        {
            ExpectKw("partition");
            return [new AttachIndexPartitionAction(ParseQualifiedName()) { Position = t.Position }];
        }
        if (Cur.Is("depends") || Cur.Is("no") && At(1).Is("depends"))
        {
            var remove = AcceptKw("no");
            ExpectKw("depends");
            ExpectKw("on");
            ExpectKw("extension");
            return [new IndexDependsOnExtensionAction(ParseColId(), remove) { Position = t.Position }];
        }
        if (!IsIndexActionStart()) return null;
        var actions = new List<AlterIndexAction>();
        do
        {
            var start = Cur;
            if (!IsIndexActionStart()) return null;
            actions.Add(ParseAlterIndexAction() with { Position = start.Position });
        }
        while (Accept(TokenKind.Comma));
        return actions;
    }

    private bool IsIndexActionStart() =>
        Cur.Is("set") && (At(1).Kind == TokenKind.LParen || At(1).Is("tablespace")) || Cur.Is("reset") && At(1).Kind == TokenKind.LParen
        || Cur.Is("alter") || Cur.Is("owner") && At(1).Is("to");

    private AlterIndexAction ParseAlterIndexAction()
    {
        if (AcceptKw("reset")) return new IndexOptionsAction(ParseRelOptionList(), Reset: true);
        if (AcceptKw("owner"))
        {
            ExpectKw("to");
            return new IndexOwnerAction(ParseRoleSpec());
        }
        if (AcceptKw("set"))
        {
            if (AcceptKw("tablespace")) return new IndexTablespaceAction(ParseColId());
            return new IndexOptionsAction(ParseRelOptionList(), Reset: false);
        }
        ExpectKw("alter");
        AcceptKw("column");
        var at = Cur;
        int? number = null;
        string? name = null;
        if (at.Kind == TokenKind.Integer)
        {
            Advance();
            if (!int.TryParse(at.Text, out var n) || n <= 0 || n > short.MaxValue)
                throw new TenonException(SqlState.InvalidParameterValue, "column number must be in range from 1 to 32767") { Position = at.Position };
            number = n;
        }
        else name = ParseColId();
        ExpectKw("set");
        ExpectKw("statistics");
        var negative = Cur.Kind == TokenKind.Operator && Cur.Text is "-" or "+" && At(1).Kind == TokenKind.Integer && Advance().Text == "-";
        var value = Cur;
        if (value.Kind != TokenKind.Integer) throw Error();
        Advance();
        var target = int.Parse(value.Text);
        return new IndexStatisticsAction(number, name, negative ? -target : target) { Position = at.Position };
    }
}
