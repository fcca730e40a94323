namespace Tenon.Types;

public static partial class Operators
{
    /// <summary>The geometric operators (<see cref="GeoCatalog"/>): an operand of a geometric type on either side.</summary>
    private static BinaryOperator? ResolveGeometry(string op, SqlType l, SqlType r)
    {
        if (GeoCatalog.ResolveOperator(op, l, r) is not { } e) return null;
        var body = e.Body;
        return new BinaryOperator
        {
            Name = op, LeftType = e.Args[0], RightType = e.Args[1], ResultType = e.Result,
            Invoke = (a, b) => body([a, b]),
        };
    }

    /// <summary>The geometric prefix operators: @-@ length, @@ center, # number of points, ?- ?| horizontal and vertical.</summary>
    private static UnaryOperator? ResolveGeometryPrefix(string op, SqlType t)
    {
        if (GeoCatalog.ResolveOperator(op, null, t) is not { } e) return null;
        var body = e.Body;
        return new UnaryOperator { Name = op, OperandType = e.Args[0], ResultType = e.Result, Invoke = v => body([v]) };
    }
}
