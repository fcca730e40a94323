namespace Tenon.Sql.Ast;

/// <summary>
/// A query expression: <c>[WITH …] body [ORDER BY …] [LIMIT …] [OFFSET …] [FOR UPDATE …]</c>.
/// </summary>
public sealed record Query(QueryBody Body) : Node
{
    public WithClause? With { get; init; }
    public IReadOnlyList<OrderItem> OrderBy { get; init; } = Array.Empty<OrderItem>();
    /// <summary>LIMIT expression; null for none or <c>LIMIT ALL</c>.</summary>
    public Expr? Limit { get; init; }
    public Expr? Offset { get; init; }
    /// <summary>FOR UPDATE / FOR SHARE / FOR KEY SHARE / FOR NO KEY UPDATE, as written (locking is a no-op for a serial writer).</summary>
    public string? Locking { get; init; }
}

public abstract record QueryBody : Node;

/// <summary>
/// <c>SELECT [DISTINCT [ON (…)]] targets [FROM …] [WHERE …] [GROUP BY …] [HAVING …] [WINDOW …]</c>.
/// </summary>
public sealed record SelectCore(IReadOnlyList<SelectItem> Targets) : QueryBody
{
    public bool Distinct { get; init; }
    /// <summary>DISTINCT ON expressions; null unless DISTINCT ON was written.</summary>
    public IReadOnlyList<Expr>? DistinctOn { get; init; }
    public IReadOnlyList<TableRef> From { get; init; } = Array.Empty<TableRef>();
    public Expr? Where { get; init; }
    public IReadOnlyList<Expr> GroupBy { get; init; } = Array.Empty<Expr>();
    public Expr? Having { get; init; }
    public IReadOnlyList<(string Name, WindowSpec Spec)> Windows { get; init; } = Array.Empty<(string, WindowSpec)>();
    /// <summary>SELECT … INTO table (creates a table); null normally.</summary>
    public IntoClause? Into { get; init; }
}

/// <summary><c>INTO [TEMPORARY | UNLOGGED] [TABLE] name</c> of SELECT … INTO.</summary>
public sealed record IntoClause(QualifiedName Name, bool Temporary, bool Unlogged) : Node;

/// <summary><c>VALUES (…), (…)</c> used as a query.</summary>
public sealed record ValuesBody(IReadOnlyList<IReadOnlyList<Expr>> Rows) : QueryBody;

public enum SetOperator { Union, Intersect, Except }

/// <summary><c>left UNION|INTERSECT|EXCEPT [ALL] right</c>.</summary>
public sealed record SetOperationBody(SetOperator Operator, bool All, QueryBody Left, QueryBody Right) : QueryBody;

/// <summary>A parenthesized query used as a set-operation operand or body: <c>(SELECT … ORDER BY … LIMIT …)</c>.</summary>
public sealed record NestedQueryBody(Query Query) : QueryBody;

/// <summary>A select-list item: expression with optional alias.</summary>
public sealed record SelectItem(Expr Expr, string? Alias) : Node;

public sealed record OrderItem(Expr Expr, bool Descending, bool? NullsFirst) : Node
{
    /// <summary>ORDER BY x USING op; null normally.</summary>
    public string? UsingOperator { get; init; }
}

public sealed record WithClause(bool Recursive, IReadOnlyList<CommonTableExpr> Ctes) : Node;

/// <summary><c>name [(cols)] AS [[NOT] MATERIALIZED] (statement)</c>; the statement is a query or a data-modifying statement.</summary>
public sealed record CommonTableExpr(string Name, IReadOnlyList<string>? ColumnNames, Statement Statement) : Node
{
    public bool? Materialized { get; init; }
}

/// <summary>An item of FROM.</summary>
public abstract record TableRef : Node;

/// <summary>An alias with optional column aliases: <c>[AS] a (c1, c2)</c>.</summary>
public sealed record Alias(string Name, IReadOnlyList<string>? Columns = null);

/// <summary>A table, view or CTE name, with <c>ONLY</c> if written.</summary>
public sealed record NamedTableRef(QualifiedName Name, Alias? Alias) : TableRef
{
    public bool Only { get; init; }
}

/// <summary><c>[LATERAL] (SELECT …) [AS] alias</c>.</summary>
public sealed record SubqueryTableRef(Query Query, Alias? Alias, bool Lateral) : TableRef;

/// <summary>A set-returning function in FROM: <c>generate_series(1, 3) [AS] g(n)</c>.</summary>
public sealed record FunctionTableRef(FunctionCall Call, Alias? Alias, bool Lateral) : TableRef
{
    public bool WithOrdinality { get; init; }
}

/// <summary><c>VALUES (…) [AS] alias(cols)</c> in FROM is a SubqueryTableRef over a ValuesBody.</summary>
public enum JoinKind { Inner, Left, Right, Full, Cross }

/// <summary><c>left [NATURAL] kind JOIN right [ON cond | USING (cols)]</c>.</summary>
public sealed record JoinTableRef(JoinKind Kind, TableRef Left, TableRef Right, Expr? On, IReadOnlyList<string>? Using, bool Natural) : TableRef
{
    /// <summary>Alias of a JOIN … USING (…) AS j; null normally.</summary>
    public Alias? Alias { get; init; }
}
