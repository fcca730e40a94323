namespace Tenon.Sql.Ast;

/// <summary>
/// One item of CREATE OPERATOR CLASS … AS: <c>OPERATOR n op [(left, right)]</c> (<see cref="Operator"/>
/// set), <c>FUNCTION n [(left [, right])] name(argtypes)</c> (<see cref="Function"/> set) or
/// <c>STORAGE type</c> (<see cref="Storage"/> set).
/// </summary>
public sealed record OpClassItem(int Number) : Node
{
    public string? Operator { get; init; }
    /// <summary>The operand types written after an operator (both) or before a function's name (one or two); null when omitted.</summary>
    public IReadOnlyList<TypeName>? Types { get; init; }
    public RoutineSignature? Function { get; init; }
    public TypeName? Storage { get; init; }
}

/// <summary><c>CREATE OPERATOR CLASS name [DEFAULT] FOR TYPE type USING method [FAMILY family] AS item [, …]</c>.</summary>
public sealed record CreateOpClassStatement(QualifiedName Name, bool IsDefault, TypeName ForType, string Method, QualifiedName? Family, IReadOnlyList<OpClassItem> Items) : Statement;

/// <summary><c>CREATE OPERATOR FAMILY name USING method</c>.</summary>
public sealed record CreateOpFamilyStatement(QualifiedName Name, string Method) : Statement;

/// <summary><c>DROP OPERATOR {CLASS | FAMILY} [IF EXISTS] name USING method [CASCADE | RESTRICT]</c>.</summary>
public sealed record DropOpClassStatement(bool IsFamily, QualifiedName Name, string Method, bool IfExists, bool Cascade) : Statement;
