namespace Tenon.Sql.Ast;

/// <summary><c>CREATE TYPE name AS ENUM ('label', …)</c>.</summary>
public sealed record CreateEnumStatement(QualifiedName Name, IReadOnlyList<string> Labels) : Statement;

/// <summary><c>CREATE TYPE name AS (attribute type, …)</c>.</summary>
public sealed record CreateCompositeTypeStatement(QualifiedName Name, IReadOnlyList<(string Name, TypeName Type, int Position)> Fields) : Statement;

/// <summary><c>CREATE DOMAIN name [AS] type [COLLATE c] [constraint …]</c>.</summary>
public sealed record CreateDomainStatement(QualifiedName Name, TypeName BaseType, IReadOnlyList<ColumnConstraint> Constraints) : Statement
{
    public string? Collation { get; init; }
}

public enum AlterTypeAction
{
    AddValue, RenameValue, Rename, OwnerTo, SetSchema, AddAttribute, DropAttribute, RenameAttribute, AlterAttributeType,
    SetDefault, DropDefault, SetNotNull, DropNotNull, AddConstraint, DropConstraint, ValidateConstraint, RenameConstraint,
}

/// <summary>
/// <c>ALTER TYPE</c> (enum labels, rename) and <c>ALTER DOMAIN</c>: <see cref="Kind"/> says which
/// was written. <see cref="Label"/> is the value or constraint acted on, <see cref="NewName"/> the
/// new label or name, <see cref="Neighbor"/> the label of BEFORE/AFTER.
/// </summary>
public sealed record AlterTypeStatement(ObjectKind Kind, QualifiedName Name, AlterTypeAction Action) : Statement
{
    public string? Label { get; init; }
    public string? NewName { get; init; }
    public string? Neighbor { get; init; }
    public bool After { get; init; }
    public bool IfNotExists { get; init; }
    public bool IfExists { get; init; }
    public bool Cascade { get; init; }
    public Expr? Default { get; init; }
    public TableConstraint? Constraint { get; init; }
    /// <summary>The type of ADD ATTRIBUTE or ALTER ATTRIBUTE … TYPE.</summary>
    public TypeName? AttributeType { get; init; }
    /// <summary>The actions after this one in an ADD / DROP / ALTER ATTRIBUTE list, each as a statement of its own.</summary>
    public IReadOnlyList<AlterTypeStatement> Following { get; init; } = Array.Empty<AlterTypeStatement>();
}
