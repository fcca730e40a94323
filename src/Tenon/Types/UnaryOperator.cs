namespace Tenon.Types;

/// <summary>A resolved prefix operator (unary - or +); the caller casts to <see cref="OperandType"/> first.</summary>
public sealed class UnaryOperator
{
    public required string Name { get; init; }
    public required SqlType OperandType { get; init; }
    public required SqlType ResultType { get; init; }
    public required Func<object, object?> Invoke { get; init; }

    public override string ToString() => $"{Name} {OperandType} → {ResultType}";
}
