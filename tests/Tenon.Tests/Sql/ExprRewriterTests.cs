using Tenon.Sql;
using Tenon.Sql.Ast;
using static Tenon.Tests.Sql.ParseHelpers;

namespace Tenon.Tests.Sql;

public sealed class ExprRewriterTests
{
    [Fact]
    public void Unchanged_trees_are_returned_as_they_are()
    {
        var e = Expr("CASE WHEN a BETWEEN 1 AND 2 THEN f(x, -y) ELSE g(ARRAY[1, 2], (a).b IS NULL) END");
        Assert.Same(e, ExprRewriter.Rewrite(e, (_, rebuilt) => rebuilt));
    }

    [Fact]
    public void Replaced_nodes_are_rebuilt_up_to_the_root_and_siblings_are_shared()
    {
        var root = Assert.IsType<BinaryExpr>(Expr("nextval('q') + length('q' || 'r')"));
        var target = Assert.IsType<FunctionCall>(root.Left).Args[0];
        var rewritten = Assert.IsType<BinaryExpr>(ExprRewriter.Rewrite(root, (original, rebuilt) =>
            ReferenceEquals(original, target) ? new StringLiteral("16384") : rebuilt));
        Assert.Equal("(nextval('16384') + length(('q' || 'r')))", ExprSource.Print(rewritten));
        Assert.Same(root.Right, rewritten.Right);
        Assert.Equal("(nextval('q') + length(('q' || 'r')))", ExprSource.Print(root));
    }

    [Fact]
    public void Calls_inside_ANY_and_subscripts_are_reached()
    {
        var e = Expr("x = ANY (ARRAY[f(1)]) AND (g(2))[1] > 0");
        var seen = new List<string>();
        ExprRewriter.Rewrite(e, (original, rebuilt) =>
        {
            if (original is FunctionCall f) seen.Add(f.Name.Name);
            return rebuilt;
        });
        Assert.Equal(["f", "g"], seen);
    }
}
