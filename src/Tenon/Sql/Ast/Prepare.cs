namespace Tenon.Sql.Ast;

/// <summary><c>PREPARE name [(type, …)] AS statement</c>; <see cref="Text"/> is the statement's source.</summary>
public sealed record PrepareStatement(string Name, IReadOnlyList<TypeName> ParameterTypes, Statement Statement, string Text) : Statement;

/// <summary><c>EXECUTE name [(expression, …)]</c>.</summary>
public sealed record ExecutePreparedStatement(string Name, IReadOnlyList<Expr> Arguments) : Statement;

/// <summary><c>DEALLOCATE [PREPARE] {name | ALL}</c>; Name null means ALL.</summary>
public sealed record DeallocateStatement(string? Name) : Statement;
