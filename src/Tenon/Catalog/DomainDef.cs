using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Catalog;

/// <summary>
/// A domain (pg_type typtype 'd'): a base type (possibly another domain) with NOT NULL, a default
/// and CHECK constraints on VALUE. Values of a domain are values of its base type; the binder
/// checks the constraints wherever a value is coerced to the domain.
/// </summary>
public sealed record DomainDef(uint Oid, string Schema, string Name, SqlType BaseType) : UserTypeDef(Oid, Schema, Name)
{
    /// <summary>typnotnull.</summary>
    public bool NotNull { get; init; }
    public Expr? Default { get; init; }
    public string? Collation { get; init; }
    /// <summary>CHECK constraints (pg_constraint rows with contypid), in creation order.</summary>
    public IReadOnlyList<DomainConstraintDef> Constraints { get; init; } = [];
}

/// <summary>A CHECK constraint of a domain; <see cref="Validated"/> is false after ADD … NOT VALID.</summary>
public sealed record DomainConstraintDef(uint Oid, string Name, Expr Check, string CheckText, bool Validated);
