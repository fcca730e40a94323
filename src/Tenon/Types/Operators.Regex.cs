namespace Tenon.Types;

public static partial class Operators
{
    /// <summary>
    /// ~, ~* (case-insensitive) and their negations !~, !~*: POSIX regular expression match
    /// (<see cref="PosixRegex"/>). A string on the left (name and char(n) keep their own operators,
    /// other strings compare as text), a text pattern on the right.
    /// </summary>
    private static BinaryOperator? ResolveRegex(string op, SqlType l, SqlType r)
    {
        if (!IsString(l.Id) || !IsString(r.Id)) return null;
        var left = l.Id is TypeId.Bpchar or TypeId.Name ? l : SqlType.Text;
        var negated = op[0] == '!';
        var ignoreCase = op.EndsWith('*');
        return new BinaryOperator
        {
            Name = op, LeftType = left, RightType = SqlType.Text, ResultType = SqlType.Bool,
            Invoke = (a, b) => PosixRegex.IsMatch((string)a, (string)b, ignoreCase) != negated,
        };
    }
}
