namespace Tenon.Sql.Ast;

public enum PartitionStrategy { Range, List, Hash }

/// <summary><c>PARTITION BY {RANGE | LIST | HASH} (element, …)</c>; elements are columns or expressions.</summary>
public sealed record PartitionBySpec(PartitionStrategy Strategy, IReadOnlyList<IndexElement> Elements) : Node;

/// <summary>
/// A partition bound as written: <c>FOR VALUES IN (…)</c>, <c>FROM (…) TO (…)</c> (MINVALUE and
/// MAXVALUE are plain column references, as in PostgreSQL's grammar), <c>WITH (MODULUS m,
/// REMAINDER r)</c> or <c>DEFAULT</c>.
/// </summary>
public sealed record PartitionBoundSpec(PartitionBoundKind Kind) : Node
{
    public IReadOnlyList<Expr> Values { get; init; } = Array.Empty<Expr>();
    public IReadOnlyList<Expr> From { get; init; } = Array.Empty<Expr>();
    public IReadOnlyList<Expr> To { get; init; } = Array.Empty<Expr>();
    public int Modulus { get; init; }
    public int Remainder { get; init; }
}

public enum PartitionBoundKind { List, Range, Hash, Default }

/// <summary><c>PARTITION OF parent [(column options)] bound</c> of CREATE TABLE.</summary>
public sealed record PartitionOfClause(QualifiedName Parent, PartitionBoundSpec Bound) : Node;

/// <summary><c>ATTACH PARTITION name bound</c>.</summary>
public sealed record AttachPartitionAction(QualifiedName Partition, PartitionBoundSpec Bound) : AlterTableAction;

/// <summary><c>DETACH PARTITION name [CONCURRENTLY | FINALIZE]</c>.</summary>
public sealed record DetachPartitionAction(QualifiedName Partition) : AlterTableAction
{
    /// <summary>DETACH … CONCURRENTLY (Tenon detaches at once either way; PostgreSQL's restrictions apply).</summary>
    public bool Concurrently { get; init; }
}
