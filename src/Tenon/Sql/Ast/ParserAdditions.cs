namespace Tenon.Sql.Ast;

// Nodes added by the parser for constructs the first AST draft did not cover.

/// <summary><c>x[i]</c> or a slice <c>x[lo:hi]</c> (either bound may be omitted in a slice).</summary>
public sealed record SubscriptExpr(Expr Operand, Expr? Lower, Expr? Upper, bool IsSlice) : Expr;

/// <summary><c>(x).field</c> or <c>(x).*</c> (Field is "*").</summary>
public sealed record FieldSelectExpr(Expr Operand, string Field) : Expr;

/// <summary><c>ARRAY(SELECT …)</c>.</summary>
public sealed record ArraySubqueryExpr(Query Subquery) : Expr;

/// <summary>A table constraint PostgreSQL accepts that Tenon does not support (e.g. EXCLUDE), named for the 0A000 message.</summary>
public sealed record UnsupportedTableConstraint(string Feature) : TableConstraint;
