namespace Tenon.Sql.Ast;

/// <summary>A routine parameter: <c>[IN | OUT | INOUT | VARIADIC] [name] type [DEFAULT expr]</c>; Mode is pg_proc's i, o, b or v.</summary>
public sealed record RoutineParameter(string? Name, TypeName Type, char Mode, Expr? Default) : Node;

/// <summary>
/// <c>CREATE [OR REPLACE] {FUNCTION | PROCEDURE} name (params) [RETURNS type | RETURNS SETOF type |
/// RETURNS TABLE (…)] options… AS 'body'</c>. A SQL-standard body (<c>RETURN expr</c>) is kept as
/// the text of an equivalent SELECT in <see cref="Body"/>.
/// </summary>
public sealed record CreateFunctionStatement(QualifiedName Name, IReadOnlyList<RoutineParameter> Parameters, bool OrReplace, bool IsProcedure) : Statement
{
    public TypeName? ReturnType { get; init; }
    public bool ReturnsSet { get; init; }
    /// <summary>RETURNS TABLE (…) columns (as OUT parameters), or null.</summary>
    public IReadOnlyList<RoutineParameter>? TableColumns { get; init; }
    public string? Language { get; init; }
    public string? Body { get; init; }
    /// <summary>pg_proc.provolatile: i, s or v.</summary>
    public char Volatility { get; init; } = 'v';
    public bool Strict { get; init; }
    public bool SecurityDefiner { get; init; }
    /// <summary>Where the body string starts (1-based), for errors inside it.</summary>
    public int BodyPosition { get; init; }
}

/// <summary>A routine named with optional argument types (DROP FUNCTION f(int), ALTER FUNCTION …).</summary>
public sealed record RoutineSignature(QualifiedName Name, IReadOnlyList<TypeName>? ArgTypes) : Node;

/// <summary><c>DROP {FUNCTION | PROCEDURE | ROUTINE | AGGREGATE} [IF EXISTS] sig [, …] [CASCADE | RESTRICT]</c>.</summary>
public sealed record DropRoutineStatement(string Kind, IReadOnlyList<RoutineSignature> Routines, bool IfExists, bool Cascade) : Statement;

/// <summary><c>ALTER {FUNCTION | PROCEDURE | AGGREGATE} sig {RENAME TO name | SET SCHEMA s | OWNER TO role}</c>.</summary>
public sealed record AlterRoutineStatement(string Kind, RoutineSignature Routine) : Statement
{
    public string? RenameTo { get; init; }
    public string? SetSchema { get; init; }
    /// <summary>OWNER TO's role spec (CURRENT_USER … in upper case).</summary>
    public string? NewOwner { get; init; }
}

/// <summary><c>DO [LANGUAGE l] 'body'</c>.</summary>
public sealed record DoStatement(string Body, string Language) : Statement;

/// <summary><c>CALL name(args)</c>.</summary>
public sealed record CallStatement(FunctionCall Call) : Statement;

/// <summary>
/// <c>CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name {BEFORE | AFTER | INSTEAD OF} event [OR …] ON table
/// [FOR [EACH] {ROW | STATEMENT}] [WHEN (cond)] EXECUTE {FUNCTION | PROCEDURE} f(args)</c>.
/// <see cref="Timing"/> is B, A or I; <see cref="Events"/> holds insert, update, delete, truncate.
/// </summary>
public sealed record CreateTriggerStatement(string Name, QualifiedName Table, char Timing, IReadOnlyList<string> Events, QualifiedName Function, IReadOnlyList<string> Arguments) : Statement
{
    public bool OrReplace { get; init; }
    public bool IsConstraint { get; init; }
    public bool ForEachRow { get; init; }
    public IReadOnlyList<string>? UpdateColumns { get; init; }
    public Expr? When { get; init; }
    public string? WhenText { get; init; }
    public bool Deferrable { get; init; }
    public bool InitiallyDeferred { get; init; }
    public bool HasTransitionTables { get; init; }
}

/// <summary><c>DROP TRIGGER [IF EXISTS] name ON table [CASCADE | RESTRICT]</c>.</summary>
public sealed record DropTriggerStatement(string Name, QualifiedName Table, bool IfExists) : Statement;

/// <summary>ALTER TABLE … {ENABLE | DISABLE} TRIGGER {name | ALL | USER}.</summary>
public sealed record TriggerEnableAction(string? Name, bool Enable, bool UserOnly) : AlterTableAction;
