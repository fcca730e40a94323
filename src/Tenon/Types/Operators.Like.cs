namespace Tenon.Types;

public static partial class Operators
{
    /// <summary>
    /// ~~ (LIKE), ~~* (ILIKE) and their negations: a string on the left (char(n) keeps its padding,
    /// as bpcharlike does), a text pattern on the right.
    /// </summary>
    private static BinaryOperator? ResolveLike(string op, SqlType l, SqlType r)
    {
        if (!IsString(l.Id) || !IsString(r.Id)) return null;
        var left = l.Id is TypeId.Bpchar or TypeId.Name ? l : SqlType.Text;
        var negated = op[0] == '!';
        var ignoreCase = op.EndsWith('*');
        return new BinaryOperator
        {
            Name = op, LeftType = left, RightType = SqlType.Text, ResultType = SqlType.Bool,
            Invoke = (a, b) => LikePattern.Matches((string)a, (string)b, ignoreCase) != negated,
        };
    }
}
