namespace Tenon.Sql.Ast;

/// <summary>An expression as parsed.</summary>
public abstract record Expr : Node;

/// <summary>An integer constant that fits in int8 (larger ones are <see cref="NumericLiteral"/>).</summary>
public sealed record IntegerLiteral(long Value) : Expr;

/// <summary>A numeric constant with a point or exponent, or an integer too large for int8; text as written.</summary>
public sealed record NumericLiteral(string Text) : Expr;

/// <summary>A string constant ('…', E'…', $$…$$, U&amp;'…'), already unescaped. Its type is unknown until context decides.</summary>
public sealed record StringLiteral(string Value) : Expr;

/// <summary>A typed constant: <c>DATE '2024-01-01'</c>, <c>int4 '5'</c>, <c>INTERVAL '1 day'</c>.</summary>
public sealed record TypedLiteral(TypeName Type, string Value) : Expr;

/// <summary>TRUE or FALSE.</summary>
public sealed record BoolLiteral(bool Value) : Expr;

public sealed record NullLiteral : Expr;

/// <summary>DEFAULT inside VALUES or UPDATE SET.</summary>
public sealed record DefaultExpr : Expr;

/// <summary>A column reference: <c>col</c>, <c>t.col</c>, <c>s.t.col</c>; <c>t.*</c> is <see cref="StarExpr"/>.</summary>
public sealed record ColumnRef(IReadOnlyList<string> Names) : Expr
{
    public string Column => Names[^1];
}

/// <summary><c>*</c> or <c>t.*</c> in a select list or function call.</summary>
public sealed record StarExpr(string? Table) : Expr
{
    public string? Schema { get; init; }
}

/// <summary>A positional parameter <c>$n</c> (1-based).</summary>
public sealed record ParamRef(int Number) : Expr;

/// <summary>
/// An operator application. <see cref="Op"/> is the operator symbol as PostgreSQL names it:
/// <c>+ - * / % ^ = &lt;&gt; &lt; &lt;= &gt; &gt;= ||</c>, <c>~~</c> (LIKE), <c>!~~</c> (NOT LIKE),
/// <c>~~*</c> (ILIKE), <c>!~~*</c>, and so on. (<c>!=</c> is normalized to <c>&lt;&gt;</c>.)
/// </summary>
public sealed record BinaryExpr(string Op, Expr Left, Expr Right) : Expr;

/// <summary>Prefix operator: <c>-x</c>, <c>+x</c>.</summary>
public sealed record UnaryExpr(string Op, Expr Operand) : Expr;

public sealed record AndExpr(Expr Left, Expr Right) : Expr;
public sealed record OrExpr(Expr Left, Expr Right) : Expr;
public sealed record NotExpr(Expr Operand) : Expr;

/// <summary><c>x IS [NOT] NULL</c>.</summary>
public sealed record IsNullExpr(Expr Operand, bool Negated) : Expr;

public enum BooleanTestKind { True, False, Unknown }

/// <summary><c>x IS [NOT] TRUE | FALSE | UNKNOWN</c>.</summary>
public sealed record BooleanTestExpr(Expr Operand, BooleanTestKind Kind, bool Negated) : Expr;

/// <summary><c>a IS [NOT] DISTINCT FROM b</c>.</summary>
public sealed record IsDistinctFromExpr(Expr Left, Expr Right, bool Negated) : Expr;

/// <summary><c>x [NOT] BETWEEN [SYMMETRIC] low AND high</c>.</summary>
public sealed record BetweenExpr(Expr Operand, Expr Low, Expr High, bool Negated, bool Symmetric) : Expr;

/// <summary><c>x [NOT] IN (a, b, …)</c>.</summary>
public sealed record InListExpr(Expr Operand, IReadOnlyList<Expr> Items, bool Negated) : Expr;

/// <summary><c>x [NOT] IN (SELECT …)</c>.</summary>
public sealed record InSubqueryExpr(Expr Operand, Query Subquery, bool Negated) : Expr;

/// <summary><c>x op ANY|SOME|ALL (SELECT …)</c>, or with an array expression instead of a subquery.</summary>
public sealed record QuantifiedExpr(string Op, Expr Left, bool All, Query? Subquery, Expr? Array) : Expr;

/// <summary><c>[NOT] EXISTS (SELECT …)</c> (NOT is a surrounding <see cref="NotExpr"/>).</summary>
public sealed record ExistsExpr(Query Subquery) : Expr;

/// <summary>A parenthesized subquery used as a value.</summary>
public sealed record ScalarSubqueryExpr(Query Subquery) : Expr;

/// <summary><c>ARRAY[…]</c>.</summary>
public sealed record ArrayExpr(IReadOnlyList<Expr> Items) : Expr;

/// <summary><c>ROW(a, b)</c> or <c>(a, b)</c>.</summary>
public sealed record RowExpr(IReadOnlyList<Expr> Items, bool ExplicitRow) : Expr;

public sealed record CaseWhen(Expr Condition, Expr Result);

/// <summary><c>CASE [operand] WHEN … THEN … [ELSE …] END</c>.</summary>
public sealed record CaseExpr(Expr? Operand, IReadOnlyList<CaseWhen> Whens, Expr? Else) : Expr;

/// <summary><c>CAST(x AS t)</c> or <c>x::t</c>.</summary>
public sealed record CastExpr(Expr Operand, TypeName Type) : Expr;

/// <summary>A function argument in named notation, <c>name => value</c> or <c>name := value</c>.</summary>
public sealed record NamedArgExpr(string Name, Expr Value) : Expr;

/// <summary>
/// A function call, including aggregates and the special forms that PostgreSQL parses as
/// functions: <c>COALESCE</c>, <c>NULLIF</c>, <c>GREATEST</c>, <c>LEAST</c> (names lowered).
/// <c>count(*)</c> has <see cref="Star"/> set and no arguments.
/// </summary>
public sealed record FunctionCall(QualifiedName Name, IReadOnlyList<Expr> Args) : Expr
{
    public bool Star { get; init; }
    public bool Distinct { get; init; }
    public Expr? Filter { get; init; }
    public IReadOnlyList<OrderItem>? OrderBy { get; init; }
    public WindowSpec? Over { get; init; }
    /// <summary>Ordered-set aggregate: <see cref="OrderBy"/> came from <c>WITHIN GROUP (ORDER BY …)</c>.</summary>
    public bool WithinGroup { get; init; }
    /// <summary>
    /// In an expression kept in the catalog (a column DEFAULT): the oid of the user function the
    /// call resolved to when the expression was created, which it keeps calling after a rename
    /// or a change of search_path, as PostgreSQL's stored function oid does. 0 otherwise.
    /// </summary>
    public uint RoutineOid { get; init; }
}

/// <summary><c>OVER (PARTITION BY … ORDER BY … [frame])</c> or <c>OVER name</c>.</summary>
public sealed record WindowSpec(string? Name, IReadOnlyList<Expr> PartitionBy, IReadOnlyList<OrderItem> OrderBy) : Node
{
    /// <summary>The frame clause text as written (e.g. <c>ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW</c>), or null.</summary>
    public string? Frame { get; init; }
    /// <summary>The frame clause, or null for the default frame.</summary>
    public WindowFrame? FrameClause { get; init; }
}

public enum FrameMode { Range, Rows, Groups }
public enum FrameBoundKind { UnboundedPreceding, OffsetPreceding, CurrentRow, OffsetFollowing, UnboundedFollowing }
public enum FrameExclusion { NoOthers, CurrentRow, Group, Ties }

/// <summary>One end of a window frame; <see cref="Offset"/> is set for <c>n PRECEDING</c>/<c>n FOLLOWING</c>.</summary>
public sealed record FrameBound(FrameBoundKind Kind, Expr? Offset) : Node;

/// <summary><c>{RANGE|ROWS|GROUPS} {start | BETWEEN start AND end} [EXCLUDE …]</c>; a lone start means end = CURRENT ROW.</summary>
public sealed record WindowFrame(FrameMode Mode, FrameBound Start, FrameBound End, FrameExclusion Exclusion) : Node;

public enum SqlValueFunctionKind
{
    CurrentDate,
    CurrentTime,
    CurrentTimestamp,
    LocalTime,
    LocalTimestamp,
    CurrentUser,
    SessionUser,
    User,
    CurrentRole,
    CurrentCatalog,
    CurrentSchema,
}

/// <summary>Keyword functions without parentheses: CURRENT_DATE, CURRENT_TIMESTAMP[(p)], CURRENT_USER, …</summary>
public sealed record SqlValueFunction(SqlValueFunctionKind Kind, int Precision = -1) : Expr;

/// <summary><c>x COLLATE "C"</c>.</summary>
public sealed record CollateExpr(Expr Operand, string Collation) : Expr;

/// <summary>
/// The source of <c>SET (a, b, …) = (SELECT …)</c> or <c>= ROW(…)</c> holding a <c>t.*</c>: a row
/// of <see cref="Count"/> values computed once per updated row. The targets read it through
/// <see cref="MultiAssignRef"/>s that share this node.
/// </summary>
public sealed record MultiAssignSource(Expr Source, int Count) : Expr
{
    // Shared by reference: the binder binds it once for all its targets.
    public bool Equals(MultiAssignSource? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>Field <see cref="Index"/> (0-based) of a <see cref="MultiAssignSource"/>.</summary>
public sealed record MultiAssignRef(MultiAssignSource Source, int Index) : Expr;
