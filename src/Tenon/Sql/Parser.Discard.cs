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
}
