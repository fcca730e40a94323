using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Catalog;

/// <summary>
/// A partitioned table's key (pg_partitioned_table): the strategy and, per key part, either a
/// column number or an expression over the table's row (column number 0). <see cref="Types"/>
/// are the parts' types, which bound values are coerced to.
/// </summary>
public sealed record PartitionKeyDef(PartitionStrategy Strategy, IReadOnlyList<short> Columns, IReadOnlyList<Expr?> Expressions, IReadOnlyList<SqlType> Types)
{
    /// <summary>The expressions' source text, for pg_get_partkeydef and error details.</summary>
    public IReadOnlyList<string?> ExpressionTexts { get; init; } = Array.Empty<string?>();

    /// <summary>Per key part, the oid of the user-defined operator class written for it (<see cref="OpClassDef"/>), or 0 for a built-in class; empty when no part names a user class.</summary>
    public IReadOnlyList<uint> OpClasses { get; init; } = Array.Empty<uint>();

    /// <summary>The user-defined operator class of a key part, or 0.</summary>
    public uint OpClass(int part) => part < OpClasses.Count ? OpClasses[part] : 0;

    public int Count => Columns.Count;

    public string StrategyName => Strategy switch
    {
        PartitionStrategy.Range => "RANGE",
        PartitionStrategy.List => "LIST",
        _ => "HASH",
    };
}

/// <summary>
/// A partition's bound (pg_class.relpartbound). A list bound's <see cref="Values"/> may hold a
/// null (the partition accepts NULL keys); a range bound's <see cref="Lower"/> (inclusive) and
/// <see cref="Upper"/> (exclusive) have one datum per key part.
/// </summary>
public sealed record PartitionBoundDef(PartitionBoundKind Kind)
{
    public IReadOnlyList<object?> Values { get; init; } = Array.Empty<object?>();
    public IReadOnlyList<PartitionDatum> Lower { get; init; } = Array.Empty<PartitionDatum>();
    public IReadOnlyList<PartitionDatum> Upper { get; init; } = Array.Empty<PartitionDatum>();
    public int Modulus { get; init; }
    public int Remainder { get; init; }
    public bool IsDefault => Kind == PartitionBoundKind.Default;
}

/// <summary>One datum of a range bound: MINVALUE (-1), a value (0) or MAXVALUE (1).</summary>
public sealed record PartitionDatum(int Infinity, object? Value)
{
    public static readonly PartitionDatum MinValue = new(-1, null);
    public static readonly PartitionDatum MaxValue = new(1, null);
}
