namespace Tenon.Sql.Ast;

/// <summary>
/// <c>[WITH …] MERGE INTO [ONLY] target [[AS] alias] USING source ON condition when_clause …</c>
/// (PostgreSQL 15: no RETURNING).
/// </summary>
public sealed record MergeStatement(QualifiedName Target, string? Alias, TableRef Source, Expr On, IReadOnlyList<MergeWhen> Whens) : Statement
{
    public WithClause? With { get; init; }
    /// <summary>MERGE INTO ONLY: rows of tables inheriting from the target are not visited.</summary>
    public bool Only { get; init; }
}

public enum MergeActionKind { Update, Delete, Insert, DoNothing }

/// <summary>
/// <c>WHEN [NOT] MATCHED [AND condition] THEN action</c>: UPDATE SET … | DELETE | INSERT [(cols)]
/// [OVERRIDING …] {VALUES (…) | DEFAULT VALUES} | DO NOTHING. <see cref="Values"/> is null for
/// DEFAULT VALUES; an element is a <see cref="DefaultExpr"/> for DEFAULT.
/// </summary>
public sealed record MergeWhen(bool Matched, Expr? Condition, MergeActionKind Kind) : Node
{
    public IReadOnlyList<SetClause> Set { get; init; } = Array.Empty<SetClause>();
    public IReadOnlyList<string>? Columns { get; init; }
    public IReadOnlyList<int>? ColumnPositions { get; init; }
    public OverridingKind Overriding { get; init; }
    public IReadOnlyList<Expr>? Values { get; init; }
}
