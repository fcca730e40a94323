namespace Tenon.Sql.Ast;

/// <summary>One element of CREATE STATISTICS … ON: a column name or an expression.</summary>
public sealed record StatisticsElement(string? Column, Expr? Expression) : Node;

/// <summary><c>CREATE STATISTICS [IF NOT EXISTS] name [(kind, …)] ON element, … FROM table</c>.</summary>
public sealed record CreateStatisticsStatement(QualifiedName Name, bool IfNotExists, IReadOnlyList<string>? Kinds,
    IReadOnlyList<StatisticsElement> Elements, IReadOnlyList<TableRef> From) : Statement;

/// <summary><c>DROP STATISTICS [IF EXISTS] name [, …] [CASCADE | RESTRICT]</c>.</summary>
public sealed record DropStatisticsStatement(IReadOnlyList<QualifiedName> Names, bool IfExists) : Statement;
