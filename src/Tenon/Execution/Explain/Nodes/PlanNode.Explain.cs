using Tenon.Execution.Explain;

namespace Tenon.Execution.Plan;

public abstract partial class PlanNode
{
    /// <summary>
    /// This node as EXPLAIN shows it. Nodes without a PostgreSQL counterpart return their input's
    /// description (possibly amended); a node that does not describe itself shows its own name.
    /// </summary>
    internal virtual Explained Explain(ExplainBuilder b)
    {
        var node = new ExplainNode(GetType().Name.Replace("Node", "")) { Measured = this };
        node.SetCosts(0, 0, 1, ExplainBuilder.WidthOf(Columns));
        return new Explained(node, ExplainBuilder.RelationColumns("?", Columns));
    }

    /// <summary>A copy of this node over measured inputs (EXPLAIN ANALYZE); a node without inputs returns itself.</summary>
    internal virtual PlanNode Instrumented(Func<PlanNode, PlanNode> wrap, ExplainStats stats) => this;

    /// <summary>EXPLAIN's name for a join of this kind: <c>Hash Left Join</c>, <c>Nested Loop Full Join</c>.</summary>
    internal static string JoinName(string method, Sql.Ast.JoinKind kind)
    {
        var kindText = kind switch
        {
            Sql.Ast.JoinKind.Left => "Left",
            Sql.Ast.JoinKind.Right => "Right",
            Sql.Ast.JoinKind.Full => "Full",
            _ => null,
        };
        if (method == "Nested Loop") return kindText is null ? method : $"{method} {kindText} Join";
        return kindText is null ? $"{method} Join" : $"{method} {kindText} Join";
    }
}
