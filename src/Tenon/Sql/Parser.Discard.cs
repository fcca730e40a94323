using Tenon.Sql.Ast;

namespace Tenon.Sql;

public sealed partial class Parser
{
    /// DISCARD {ALL | PLANS | SEQUENCES | TEMP | TEMPORARY}
    private Statement ParseDiscard()
    {
        var discard = ExpectKw("discard");
        DiscardTarget target;
        if (AcceptKw("all")) target = DiscardTarget.All;
        else if (AcceptKw("plans")) target = DiscardTarget.Plans;
        else if (AcceptKw("sequences")) target = DiscardTarget.Sequences;
        else if (AcceptKw("temp") || AcceptKw("temporary")) target = DiscardTarget.Temp;
        else throw Error();
        return new DiscardStatement(target) { Position = discard.Position };
    }

    /// CLOSE {cursor_name | ALL}
    private Statement ParseClose()
    {
        var close = ExpectKw("close");
        if (AcceptKw("all")) return new CloseCursorStatement(null) { Position = close.Position };
        return new CloseCursorStatement(ParseColId()) { Position = close.Position };
    }

    /// UNLISTEN {ColId | '*'}
    private Statement ParseUnlisten()
    {
        var unlisten = ExpectKw("unlisten");
        if (AcceptOp("*")) return new UnlistenStatement(null) { Position = unlisten.Position };
        return new UnlistenStatement(ParseColId()) { Position = unlisten.Position };
    }
}
