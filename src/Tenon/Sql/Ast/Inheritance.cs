namespace Tenon.Sql.Ast;

/// <summary>ALTER TABLE … INHERIT parent: the table becomes a child of <paramref name="Parent"/>.</summary>
public sealed record InheritAction(QualifiedName Parent) : AlterTableAction;

/// <summary>ALTER TABLE … NO INHERIT parent: the table stops being a child of <paramref name="Parent"/>.</summary>
public sealed record NoInheritAction(QualifiedName Parent) : AlterTableAction;
