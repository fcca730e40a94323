namespace Tenon.Sql.Ast;

public enum ReferentialAction { NoAction, Restrict, Cascade, SetNull, SetDefault }

public enum MatchType { Simple, Full, Partial }

/// <summary>Deferrability clauses of a constraint, as written (null = not written).</summary>
public sealed record ConstraintTiming(bool? Deferrable, bool? InitiallyDeferred)
{
    public static readonly ConstraintTiming Default = new(null, null);
}

/// <summary>The REFERENCES part shared by column and table foreign keys.</summary>
public sealed record ReferencesClause(QualifiedName Table, IReadOnlyList<string>? Columns) : Node
{
    public MatchType Match { get; init; } = MatchType.Simple;
    public ReferentialAction OnDelete { get; init; } = ReferentialAction.NoAction;
    public ReferentialAction OnUpdate { get; init; } = ReferentialAction.NoAction;
    /// <summary>PostgreSQL 15's <c>ON DELETE SET NULL (cols)</c> / <c>SET DEFAULT (cols)</c> column list; null when not written.</summary>
    public IReadOnlyList<string>? OnDeleteSetColumns { get; init; }
}

/// <summary>A constraint written on a column definition.</summary>
public abstract record ColumnConstraint : Node
{
    /// <summary><c>CONSTRAINT name</c>, or null for an auto-generated name.</summary>
    public string? Name { get; init; }
    public ConstraintTiming Timing { get; init; } = ConstraintTiming.Default;
}

public sealed record NotNullColumnConstraint : ColumnConstraint;
public sealed record NullColumnConstraint : ColumnConstraint;
public sealed record DefaultColumnConstraint(Expr Value) : ColumnConstraint;
public sealed record CheckColumnConstraint(Expr Condition, bool NoInherit) : ColumnConstraint
{
    /// <summary>The condition's source text as written, for pg_get_constraintdef-like output.</summary>
    public string SourceText { get; init; } = "";
}
public sealed record PrimaryKeyColumnConstraint : ColumnConstraint;
public sealed record UniqueColumnConstraint(bool NullsNotDistinct) : ColumnConstraint;
public sealed record ReferencesColumnConstraint(ReferencesClause References) : ColumnConstraint;

/// <summary><c>GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(sequence options)]</c>.</summary>
public sealed record IdentityColumnConstraint(bool Always, IReadOnlyList<SequenceOption> Options) : ColumnConstraint;

/// <summary><c>GENERATED ALWAYS AS (expr) STORED</c>.</summary>
public sealed record GeneratedColumnConstraint(Expr Expression) : ColumnConstraint;

/// <summary><c>name type [COLLATE c] [constraints…]</c>.</summary>
public sealed record ColumnDefinition(string Name, TypeName Type, IReadOnlyList<ColumnConstraint> Constraints) : Node
{
    public string? Collation { get; init; }
    /// <summary>COMPRESSION method, as written (folded).</summary>
    public string? Compression { get; init; }
    /// <summary>The storage LIKE … INCLUDING STORAGE copies ('p', 'e', 'x', 'm'), checked against an inherited column's; null otherwise.</summary>
    public char? Storage { get; init; }
}

/// <summary>A constraint written as a table element (or in ALTER TABLE ADD CONSTRAINT).</summary>
public abstract record TableConstraint : Node
{
    public string? Name { get; init; }
    public ConstraintTiming Timing { get; init; } = ConstraintTiming.Default;
    /// <summary>NOT VALID (foreign keys and checks only).</summary>
    public bool NotValid { get; init; }
}

public sealed record PrimaryKeyTableConstraint(IReadOnlyList<string> Columns) : TableConstraint
{
    public IReadOnlyList<string>? Include { get; init; }
}
/// <summary>
/// EXCLUDE [USING method] (column WITH operator, …): each element is a plain column and its
/// operator's name (the parser leaves expression elements and partial exclusions unsupported).
/// </summary>
public sealed record ExcludeTableConstraint(string? Method, IReadOnlyList<(string Column, string Operator)> Elements) : TableConstraint;

public sealed record UniqueTableConstraint(IReadOnlyList<string> Columns, bool NullsNotDistinct) : TableConstraint
{
    public IReadOnlyList<string>? Include { get; init; }
}
public sealed record CheckTableConstraint(Expr Condition, bool NoInherit) : TableConstraint
{
    public string SourceText { get; init; } = "";
}
public sealed record ForeignKeyTableConstraint(IReadOnlyList<string> Columns, ReferencesClause References) : TableConstraint;

/// <summary><c>LIKE other [INCLUDING …]</c> inside CREATE TABLE.</summary>
public sealed record LikeTableElement(QualifiedName Source, IReadOnlyList<string> Options) : Node;

/// <summary>
/// <c>CREATE [TEMP] TABLE [IF NOT EXISTS] name (columns and constraints)</c>, or
/// <c>CREATE TABLE name [(cols)] AS query</c> when <see cref="AsQuery"/> is set.
/// </summary>
public sealed record CreateTableStatement(QualifiedName Name, IReadOnlyList<ColumnDefinition> Columns, IReadOnlyList<TableConstraint> Constraints) : Statement
{
    public bool IfNotExists { get; init; }
    public bool Temporary { get; init; }
    public bool Unlogged { get; init; }
    /// <summary>WITH (storage parameters …); WITHOUT OIDS gives none.</summary>
    public IReadOnlyList<RelOption> Options { get; init; } = Array.Empty<RelOption>();
    /// <summary>OF type_name: a typed table; its columns come from the type.</summary>
    public QualifiedName? OfType { get; init; }
    public IReadOnlyList<LikeTableElement> Likes { get; init; } = Array.Empty<LikeTableElement>();
    public IReadOnlyList<QualifiedName> Inherits { get; init; } = Array.Empty<QualifiedName>();
    public Query? AsQuery { get; init; }
    public IReadOnlyList<string>? AsColumnNames { get; init; }
    /// <summary>CREATE TABLE … AS … WITH NO DATA: the table is made empty.</summary>
    public bool AsWithNoData { get; init; }
    /// <summary>Written as SELECT … INTO (its command tag is SELECT n, as CREATE TABLE AS's is).</summary>
    public bool IsSelectInto { get; init; }
    /// <summary>PARTITION BY clause, if any.</summary>
    public PartitionBySpec? PartitionBy { get; init; }
    /// <summary>PARTITION OF parent FOR VALUES …, if any.</summary>
    public PartitionOfClause? PartitionOf { get; init; }
    /// <summary>ON COMMIT action for temp tables: "drop", "delete rows", "preserve rows", or null.</summary>
    public string? OnCommit { get; init; }
    /// <summary>Order in which column definitions, table constraints and LIKE clauses were written (for name generation order).</summary>
    public IReadOnlyList<Node> ElementsInOrder { get; init; } = Array.Empty<Node>();
}

public enum ObjectKind { Table, Index, Sequence, View, Schema, Extension, Type, Domain, Database, Function, MaterializedView }

/// <summary><c>DROP kind [IF EXISTS] name[, …] [CASCADE | RESTRICT]</c>.</summary>
public sealed record DropStatement(ObjectKind Kind, IReadOnlyList<QualifiedName> Names, bool IfExists, bool Cascade) : Statement
{
    public bool Concurrently { get; init; }

    /// <summary>DROP DATABASE … WITH (FORCE): terminate the database's other sessions first.</summary>
    public bool Force { get; init; }
}

/// <summary>An index column: a column name or a parenthesized expression, with ordering options.</summary>
public sealed record IndexElement(string? Column, Expr? Expression) : Node
{
    public bool Descending { get; init; }
    public bool? NullsFirst { get; init; }
    public string? OpClass { get; init; }
    public string? Collation { get; init; }
}

/// <summary><c>CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table [USING method] (elements) [INCLUDE (…)] [NULLS [NOT] DISTINCT] [WHERE pred]</c>.</summary>
public sealed record CreateIndexStatement(string? Name, QualifiedName Table, IReadOnlyList<IndexElement> Elements) : Statement
{
    public bool Unique { get; init; }
    public bool IfNotExists { get; init; }
    public bool Concurrently { get; init; }
    /// <summary>WITH (…): storage parameters as written, or null.</summary>
    public IReadOnlyList<RelOption>? Options { get; init; }
    public string? Tablespace { get; init; }
    public string? Method { get; init; }
    public IReadOnlyList<string>? Include { get; init; }
    public bool NullsNotDistinct { get; init; }
    public Expr? Where { get; init; }
    /// <summary>ON ONLY: a partitioned table's partitions get no copy of the index.</summary>
    public bool Only { get; init; }
}

/// <summary>
/// A sequence option: <c>INCREMENT [BY] n</c>, <c>MINVALUE n</c>/<c>NO MINVALUE</c>, <c>MAXVALUE n</c>/<c>NO MAXVALUE</c>,
/// <c>START [WITH] n</c>, <c>RESTART [[WITH] n]</c>, <c>CACHE n</c>, <c>[NO] CYCLE</c>, <c>AS type</c>, <c>OWNED BY t.c | NONE</c>,
/// <c>SEQUENCE NAME n</c>. <see cref="Name"/> is the lower-case keyword ("increment", "minvalue", "maxvalue", "start",
/// "restart", "cache", "cycle", "as", "owned_by", "sequence_name"); <see cref="Value"/> is the number (null for NO …/RESTART alone);
/// <see cref="Flag"/> is false for NO MINVALUE/NO MAXVALUE/NO CYCLE.
/// </summary>
public sealed record SequenceOption(string Name, long? Value, bool Flag = true) : Node
{
    public TypeName? Type { get; init; }
    public QualifiedName? Target { get; init; }
    /// <summary>OWNED BY schema.table.column: the table's schema.</summary>
    public string? TargetTableSchema { get; init; }
}

/// <summary><c>CREATE [TEMP] SEQUENCE [IF NOT EXISTS] name [options]</c>.</summary>
public sealed record CreateSequenceStatement(QualifiedName Name, IReadOnlyList<SequenceOption> Options) : Statement
{
    public bool IfNotExists { get; init; }
    public bool Temporary { get; init; }
    public bool Unlogged { get; init; }
}

/// <summary><c>ALTER SEQUENCE [IF EXISTS] name options</c>.</summary>
public sealed record AlterSequenceStatement(QualifiedName Name, IReadOnlyList<SequenceOption> Options) : Statement
{
    public bool IfExists { get; init; }
}

/// <summary><c>CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]</c>.</summary>
public sealed record CreateExtensionStatement(string Name, bool IfNotExists) : Statement;

/// <summary><c>CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]</c> (<see cref="Name"/> is the role's name when only AUTHORIZATION is given).</summary>
public sealed record CreateSchemaStatement(string Name, bool IfNotExists) : Statement
{
    public string? Authorization { get; init; }

    /// <summary>The schema elements (CREATE TABLE/VIEW/INDEX/SEQUENCE/TRIGGER) run inside the new schema, as written.</summary>
    public IReadOnlyList<Statement> Elements { get; init; } = [];
}

/// <summary><c>ALTER SCHEMA name RENAME TO new</c> (<see cref="NewName"/>) or <c>OWNER TO role</c> (<see cref="Owner"/>).</summary>
public sealed record AlterSchemaStatement(string Name) : Statement
{
    public string? NewName { get; init; }
    public string? Owner { get; init; }
}

/// <summary><c>CREATE [OR REPLACE] [TEMP] VIEW name [(cols)] AS query</c>.</summary>
public sealed record CreateViewStatement(QualifiedName Name, IReadOnlyList<string>? Columns, Query Query, bool OrReplace) : Statement
{
    public bool Temporary { get; init; }
    public string QueryText { get; init; } = "";
    /// <summary><c>WITH (option [= value], …)</c> before AS.</summary>
    public IReadOnlyList<RelOption> Options { get; init; } = Array.Empty<RelOption>();
    /// <summary><c>WITH [CASCADED | LOCAL] CHECK OPTION</c> after the query: "cascaded" or "local"; null without it.</summary>
    public string? CheckOption { get; init; }
}

/// <summary><c>COMMENT ON kind name IS 'text' | NULL</c>.</summary>
public sealed record CommentStatement(string ObjectKind, IReadOnlyList<string> ObjectName, string? Comment) : Statement;

/// <summary><c>ALTER TABLE [IF EXISTS] [ONLY] name action[, …]</c>.</summary>
public sealed record AlterTableStatement(QualifiedName Table, IReadOnlyList<AlterTableAction> Actions) : Statement
{
    public bool IfExists { get; init; }
    public bool Only { get; init; }
    /// <summary>Written as ALTER MATERIALIZED VIEW: the relation must be one.</summary>
    public bool MaterializedView { get; init; }
    /// <summary>Made by Tenon to carry a partitioned table's action down to a partition (not written by the user).</summary>
    public bool Recursing { get; init; }
}

public abstract record AlterTableAction : Node;

/// <summary><c>ADD [COLUMN] [IF NOT EXISTS] coldef</c>.</summary>
public sealed record AddColumnAction(ColumnDefinition Column, bool IfNotExists) : AlterTableAction;

/// <summary><c>DROP [COLUMN] [IF EXISTS] name [CASCADE|RESTRICT]</c>.</summary>
public sealed record DropColumnAction(string Column, bool IfExists, bool Cascade) : AlterTableAction;

/// <summary><c>ADD table_constraint [NOT VALID]</c>.</summary>
public sealed record AddConstraintAction(TableConstraint Constraint) : AlterTableAction;

/// <summary><c>DROP CONSTRAINT [IF EXISTS] name [CASCADE|RESTRICT]</c>.</summary>
public sealed record DropConstraintAction(string Name, bool IfExists, bool Cascade) : AlterTableAction;

/// <summary><c>VALIDATE CONSTRAINT name</c>.</summary>
public sealed record ValidateConstraintAction(string Name) : AlterTableAction;

/// <summary><c>ALTER CONSTRAINT name [NOT] DEFERRABLE [INITIALLY …]</c>.</summary>
public sealed record AlterConstraintAction(string Name, ConstraintTiming Timing) : AlterTableAction;

public enum AlterColumnKind { SetNotNull, DropNotNull, SetDefault, DropDefault, DropExpression, SetType, AddIdentity, DropIdentity, SetIdentity, SetStatistics, SetStorage, SetCompression, SetOptions, ResetOptions }

/// <summary><c>ALTER [COLUMN] name …</c>. <see cref="Default"/> for SET DEFAULT; <see cref="Type"/> (and optional <see cref="Using"/>) for TYPE.</summary>
public sealed record AlterColumnAction(string Column, AlterColumnKind Kind) : AlterTableAction
{
    public Expr? Default { get; init; }
    public TypeName? Type { get; init; }
    public Expr? Using { get; init; }
    /// <summary>TYPE … COLLATE name.</summary>
    public string? Collation { get; init; }
    public IdentityColumnConstraint? Identity { get; init; }
    public bool IfExists { get; init; }
    public IReadOnlyList<SequenceOption> Options { get; init; } = Array.Empty<SequenceOption>();
    /// <summary>SET STATISTICS's target.</summary>
    public long Statistics { get; init; }
    /// <summary>SET STORAGE's or SET COMPRESSION's name, as written (folded).</summary>
    public string? Method { get; init; }
    /// <summary>SET (…) / RESET (…) attribute options.</summary>
    public IReadOnlyList<RelOption> AttributeOptions { get; init; } = Array.Empty<RelOption>();
}

/// <summary><c>RENAME [COLUMN] old TO new</c>.</summary>
public sealed record RenameColumnAction(string OldName, string NewName) : AlterTableAction;

/// <summary><c>RENAME TO new</c>.</summary>
public sealed record RenameTableAction(string NewName) : AlterTableAction;

/// <summary><c>RENAME CONSTRAINT old TO new</c>.</summary>
public sealed record RenameConstraintAction(string OldName, string NewName) : AlterTableAction;

/// <summary>An ALTER TABLE action Tenon parses but does not support (0A000), named for the message.</summary>
public sealed record UnsupportedAlterAction(string Feature) : AlterTableAction;

/// <summary><c>ALTER INDEX name RENAME TO new</c>, <c>ALTER SEQUENCE name RENAME TO new</c>, <c>ALTER VIEW …</c>.</summary>
/// <summary><c>ALTER {TABLE | SEQUENCE | VIEW} [IF EXISTS] name SET SCHEMA schema</c>.</summary>
public sealed record SetSchemaStatement(ObjectKind Kind, QualifiedName Name, string Schema, bool IfExists) : Statement;

public sealed record RenameObjectStatement(ObjectKind Kind, QualifiedName Name, string NewName, bool IfExists) : Statement;

/// <summary>One <c>name [=] value</c> of CREATE DATABASE; Value is null for DEFAULT. Names are lower case, CONNECTION LIMIT is "connection_limit".</summary>
public sealed record CreateDatabaseOption(string Name, string? Value) : Node;

/// <summary><c>CREATE DATABASE name [WITH] [option [=] value …]</c>; run by the session's <see cref="IDatabaseCluster"/>.</summary>
public sealed record CreateDatabaseStatement(string Name, IReadOnlyList<CreateDatabaseOption> Options) : Statement;
