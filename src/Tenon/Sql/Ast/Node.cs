namespace Tenon.Sql.Ast;

/// <summary>
/// Base of every parsed node. The AST is immutable and faithful to the SQL text: names are
/// already case-folded (unquoted identifiers lowered, quoted ones kept) but nothing is resolved.
/// <see cref="Position"/> is the 1-based character offset in the statement text of the token that
/// PostgreSQL would point at in an error about this node (0 when there is none).
/// </summary>
public abstract record Node
{
    public int Position { get; init; }
}

/// <summary>A possibly schema-qualified object name: <c>name</c> or <c>schema.name</c>.</summary>
public sealed record QualifiedName(string? Schema, string Name) : Node
{
    public override string ToString() => Schema is null ? Name : $"{Schema}.{Name}";
}

/// <summary>
/// A type as written: <see cref="Name"/> is PostgreSQL's canonical internal name after the
/// parser maps SQL spellings (<c>integer</c>→<c>int4</c>, <c>character varying</c>→<c>varchar</c>,
/// <c>double precision</c>→<c>float8</c>, <c>timestamp with time zone</c>→<c>timestamptz</c>,
/// <c>serial</c> stays <c>serial</c>, …); unknown names are kept as written for the binder to reject.
/// </summary>
public sealed record TypeName(string Name, IReadOnlyList<int> Modifiers, bool IsArray = false) : Node
{
    public string? Schema { get; init; }
    /// <summary>INTERVAL field restriction as written in lower case (<c>day</c>, <c>day to second</c>), or null.</summary>
    public string? IntervalFields { get; init; }
    /// <summary>Set when the type is already known (a column copied by CREATE TABLE … LIKE): the name is then only for display.</summary>
    public Types.SqlType? Resolved { get; init; }
}
