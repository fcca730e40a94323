namespace Tenon.Sql.Ast;

/// <summary>
/// <c>ALTER VIEW [IF EXISTS] name</c> with one of the actions a view has besides RENAME TO and SET
/// SCHEMA: RENAME [COLUMN] a TO b (<see cref="RenameColumnAction"/>), SET (…) / RESET (…)
/// (<see cref="RelOptionsAction"/>), ALTER [COLUMN] c SET / DROP DEFAULT (refused: not yet).
/// </summary>
public sealed record AlterViewStatement(QualifiedName Name, bool IfExists, AlterTableAction Action) : Statement;
