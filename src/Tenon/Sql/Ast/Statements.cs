namespace Tenon.Sql.Ast;

/// <summary>
/// A top-level statement. <see cref="Node.Position"/> is where it starts; <see cref="EndPosition"/>
/// is one past its last character (exclusive, 1-based like Position), so the original text of the
/// statement is <c>sql[(Position-1)..(EndPosition-1)]</c>.
/// </summary>
public abstract record Statement : Node
{
    public int EndPosition { get; init; }

    /// <summary>Some identifier of the statement is xmin, so it may read that system column.</summary>
    public bool MentionsXmin { get; init; }
}

/// <summary>A query (<c>SELECT</c>, <c>VALUES</c>, <c>WITH … SELECT</c>, <c>TABLE t</c>).</summary>
public sealed record SelectStatement(Query Query) : Statement;

public enum OverridingKind { None, SystemValue, UserValue }

/// <summary>
/// <c>[WITH …] INSERT INTO table [AS alias] [(cols)] [OVERRIDING …] { VALUES … | query | DEFAULT VALUES }
/// [ON CONFLICT …] [RETURNING …]</c>. <see cref="Source"/> is null for DEFAULT VALUES.
/// </summary>
public sealed record InsertStatement(QualifiedName Table, string? Alias, IReadOnlyList<string>? Columns, Query? Source) : Statement
{
    public WithClause? With { get; init; }
    public OverridingKind Overriding { get; init; }
    public OnConflictClause? OnConflict { get; init; }
    public IReadOnlyList<SelectItem>? Returning { get; init; }
    /// <summary>Positions of the column names in <see cref="Columns"/>, for error positions.</summary>
    public IReadOnlyList<int>? ColumnPositions { get; init; }
    /// <summary>Per target column, its subscripts or fields (<c>f[1]</c>, <c>f.x</c>) or null; null when no target has any.</summary>
    public IReadOnlyList<InsertIndirection?>? Indirections { get; init; }
}

/// <summary>
/// The indirection of an INSERT target column: its path as text, and for subscripts only the
/// target as a SubscriptExpr chain over the column (null when the path has a field).
/// </summary>
public sealed record InsertIndirection(IReadOnlyList<string> Path, Expr? Subscripted)
{
    public IReadOnlyList<AssignStep> Steps { get; init; } = Array.Empty<AssignStep>();
}

/// <summary><c>ON CONFLICT [(cols) [WHERE …] | ON CONSTRAINT name] DO NOTHING | DO UPDATE SET … [WHERE …]</c>.</summary>
public sealed record OnConflictClause(IReadOnlyList<IndexElement>? TargetColumns, string? ConstraintName, bool DoNothing) : Node
{
    public Expr? TargetWhere { get; init; }
    /// <summary>Position of the '(' of the inference specification; PostgreSQL reports errors about its plain columns there.</summary>
    public int TargetPosition { get; init; }
    public IReadOnlyList<SetClause> Set { get; init; } = Array.Empty<SetClause>();
    public Expr? Where { get; init; }
}

/// <summary><c>col = expr</c> (expr may be <see cref="DefaultExpr"/>), or <c>(a, b) = (x, y)</c> expanded by the parser into several.</summary>
public sealed record SetClause(string Column, Expr Value) : Node
{
    /// <summary>Subscript/field path after the column name; empty normally.</summary>
    public IReadOnlyList<string> Path { get; init; } = Array.Empty<string>();
    /// <summary>For <c>col[i][j] = …</c>: the target as a SubscriptExpr chain over the column; null otherwise.</summary>
    public Expr? Subscripted { get; init; }
    /// <summary>The fields and subscripts after the column name, in order (empty normally).</summary>
    public IReadOnlyList<AssignStep> Steps { get; init; } = Array.Empty<AssignStep>();
}

/// <summary>One step of an assignment target's path: <c>.field</c> (<see cref="Field"/> set) or <c>[lower]</c> / <c>[lower:upper]</c>.</summary>
public sealed record AssignStep(string? Field, Expr? Lower, Expr? Upper, bool Slice) : Node;

/// <summary><c>[WITH …] UPDATE [ONLY] table [[AS] alias] SET … [FROM …] [WHERE …] [RETURNING …]</c>.</summary>
public sealed record UpdateStatement(QualifiedName Table, string? Alias, IReadOnlyList<SetClause> Set) : Statement
{
    public WithClause? With { get; init; }
    public IReadOnlyList<TableRef> From { get; init; } = Array.Empty<TableRef>();
    public Expr? Where { get; init; }
    public IReadOnlyList<SelectItem>? Returning { get; init; }
    public bool Only { get; init; }
}

/// <summary><c>[WITH …] DELETE FROM [ONLY] table [[AS] alias] [USING …] [WHERE …] [RETURNING …]</c>.</summary>
public sealed record DeleteStatement(QualifiedName Table, string? Alias) : Statement
{
    public WithClause? With { get; init; }
    public IReadOnlyList<TableRef> Using { get; init; } = Array.Empty<TableRef>();
    public Expr? Where { get; init; }
    public IReadOnlyList<SelectItem>? Returning { get; init; }
    public bool Only { get; init; }
}

/// <summary><c>TRUNCATE [TABLE] [ONLY] t [, …] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT]</c>.</summary>
public sealed record TruncateStatement(IReadOnlyList<QualifiedName> Tables, bool RestartIdentity, bool Cascade) : Statement
{
    /// <summary>Per entry of <see cref="Tables"/>: whether ONLY was written (inheritance children are left alone).</summary>
    public IReadOnlyList<bool> Only { get; init; } = Array.Empty<bool>();
}

public enum TransactionAction
{
    Begin,          // BEGIN [WORK|TRANSACTION] / START TRANSACTION
    Commit,         // COMMIT / END
    Rollback,       // ROLLBACK / ABORT
    Savepoint,      // SAVEPOINT name
    Release,        // RELEASE [SAVEPOINT] name
    RollbackTo,     // ROLLBACK [WORK|TRANSACTION] TO [SAVEPOINT] name
    PrepareTransaction,
    CommitPrepared,
    RollbackPrepared,
}

/// <summary>Transaction control. <see cref="Options"/> holds e.g. <c>ISOLATION LEVEL SERIALIZABLE</c>, <c>READ ONLY</c>, <c>DEFERRABLE</c>, normalized to lower case words.</summary>
public sealed record TransactionStatement(TransactionAction Action, string? SavepointName = null) : Statement
{
    public IReadOnlyList<string> Options { get; init; } = Array.Empty<string>();
    /// <summary>COMMIT AND CHAIN / ROLLBACK AND CHAIN.</summary>
    public bool Chain { get; init; }
}

/// <summary><c>SET [SESSION|LOCAL] name {TO|=} value[, …]</c>, <c>SET TIME ZONE …</c>; Values null means DEFAULT.</summary>
public sealed record SetStatement(string Name, IReadOnlyList<string>? Values, bool Local) : Statement;

/// <summary>
/// <c>SET TRANSACTION modes</c> (<see cref="SessionDefaults"/> false) or <c>SET SESSION CHARACTERISTICS
/// AS TRANSACTION modes</c> (true); modes as in <see cref="TransactionStatement.Options"/>.
/// </summary>
public sealed record SetTransactionStatement(IReadOnlyList<string> Modes, bool SessionDefaults) : Statement;

/// <summary><c>SHOW name</c> / <c>SHOW ALL</c>.</summary>
public sealed record ShowStatement(string Name) : Statement;

/// <summary><c>RESET name</c> / <c>RESET ALL</c>.</summary>
public sealed record ResetStatement(string Name) : Statement;

/// <summary><c>SET CONSTRAINTS {ALL | name[, …]} {DEFERRED | IMMEDIATE}</c>; Names null means ALL.</summary>
public sealed record SetConstraintsStatement(IReadOnlyList<QualifiedName>? Names, bool Deferred) : Statement;

/// <summary><c>EXPLAIN [ANALYZE] [VERBOSE] [(options)] statement</c>.</summary>
public sealed record ExplainStatement(Statement Statement, bool Analyze, bool Verbose) : Statement
{
    public IReadOnlyList<(string Name, string? Value)> Options { get; init; } = Array.Empty<(string, string?)>();
    /// <summary>Where each option's name is, for errors about it.</summary>
    public IReadOnlyList<int> OptionPositions { get; init; } = Array.Empty<int>();
}

/// <summary>
/// A statement that PostgreSQL accepts but Tenon recognizes only by name and rejects with
/// feature_not_supported (0A000) — e.g. <c>CREATE FUNCTION</c>. <see cref="Feature"/> names it for the message.
/// </summary>
public sealed record UnsupportedStatement(string Feature) : Statement;

/// <summary><c>VACUUM</c> (<see cref="IsVacuum"/>) or <c>ANALYZE</c>, with its options and tables (none: all).</summary>
public sealed record VacuumStatement(bool IsVacuum, IReadOnlyList<(string Name, string? Value, int Position)> Options,
    IReadOnlyList<(QualifiedName Name, IReadOnlyList<string> Columns)> Tables) : Statement;
