namespace Tenon.Types;

/// <summary>
/// A resolved binary operator: the caller casts its operands to <see cref="LeftType"/> and
/// <see cref="RightType"/> (with <see cref="ValueCast"/>, explicit context), never passes
/// nulls, and gets a value of <see cref="ResultType"/>.
/// </summary>
public sealed class BinaryOperator
{
    public required string Name { get; init; }
    public required SqlType LeftType { get; init; }
    public required SqlType RightType { get; init; }
    public required SqlType ResultType { get; init; }
    public required Func<object, object, object?> Invoke { get; init; }

    /// <summary>
    /// True for the built-in <c>=</c> of two values of one type: it is exactly
    /// <see cref="ValueComparer.Equal"/> on <see cref="LeftType"/>, so a hash of that type decides it.
    /// </summary>
    public bool IsValueEquality { get; init; }

    public override string ToString() => $"{LeftType} {Name} {RightType} → {ResultType}";
}
