namespace Tenon.Sql.Ast;

/// <summary>
/// <c>ALTER INDEX [IF EXISTS] name action [, …]</c> for the actions other than RENAME (which is a
/// <see cref="RenameObjectStatement"/>): storage parameters, statistics targets, tablespace,
/// owner, ATTACH PARTITION and DEPENDS ON EXTENSION.
/// </summary>
public sealed record AlterIndexStatement(QualifiedName Name, bool IfExists, IReadOnlyList<AlterIndexAction> Actions) : Statement;

public abstract record AlterIndexAction : Node;

/// <summary><c>SET (option [= value], …)</c> or <c>RESET (option, …)</c>.</summary>
public sealed record IndexOptionsAction(IReadOnlyList<RelOption> Options, bool Reset) : AlterIndexAction;

/// <summary>
/// <c>ALTER [COLUMN] {number | name} SET STATISTICS target</c>; <see cref="Column"/> is the column
/// number (at <see cref="Node.Position"/>) or null when a name was written.
/// </summary>
public sealed record IndexStatisticsAction(int? Column, string? ColumnName, int Target) : AlterIndexAction;

/// <summary><c>SET TABLESPACE name</c>.</summary>
public sealed record IndexTablespaceAction(string Tablespace) : AlterIndexAction;

/// <summary><c>OWNER TO role</c>.</summary>
public sealed record IndexOwnerAction(string Role) : AlterIndexAction;

/// <summary><c>ATTACH PARTITION index</c>: makes an index of a partition a partition of this partitioned index.</summary>
public sealed record AttachIndexPartitionAction(QualifiedName Partition) : AlterIndexAction;

/// <summary><c>[NO] DEPENDS ON EXTENSION name</c>.</summary>
public sealed record IndexDependsOnExtensionAction(string Extension, bool Remove) : AlterIndexAction;

/// <summary><c>ALTER INDEX ALL IN TABLESPACE name [OWNED BY role, …] SET TABLESPACE new [NOWAIT]</c>.</summary>
public sealed record AlterIndexAllInTablespaceStatement(string Tablespace, IReadOnlyList<string> OwnedBy, string NewTablespace) : Statement;

/// <summary>
/// ALTER TABLE … ADD [CONSTRAINT name] {PRIMARY KEY | UNIQUE} USING INDEX index: an existing
/// unique index of the table becomes the constraint's index.
/// </summary>
public sealed record KeyUsingIndexConstraint(bool Primary, string IndexName) : TableConstraint;
