namespace Tenon.PlPgSql;

/// <summary>
/// PL/pgSQL's statements after parsing. Embedded SQL (expressions, queries, statements) is kept
/// as source text: an expression runs as <c>SELECT expr</c> and a statement as written, both
/// parsed and bound by the main SQL front end each time, with the block's variables in scope.
/// </summary>
public abstract record PlStmt
{
    /// <summary>1-based line of the statement in the function body (for CONTEXT lines).</summary>
    public int Line { get; init; }
}

public sealed record PlDecl(string Name, string? TypeText, bool Constant, bool NotNull, string? Default)
{
    /// <summary><c>name ALIAS FOR $n</c> or <c>ALIAS FOR name</c>.</summary>
    public string? AliasFor { get; init; }
    public int Line { get; init; }
}

public sealed record PlHandler(IReadOnlyList<string> Conditions, IReadOnlyList<PlStmt> Body);

public sealed record PlBlock(string? Label, IReadOnlyList<PlDecl> Decls, IReadOnlyList<PlStmt> Body, IReadOnlyList<PlHandler>? Handlers) : PlStmt;
public sealed record PlAssign(string Target, string Expr) : PlStmt;
public sealed record PlIf(IReadOnlyList<(string Cond, IReadOnlyList<PlStmt> Body)> Branches, IReadOnlyList<PlStmt>? Else) : PlStmt;
public sealed record PlCase(string? Subject, IReadOnlyList<(string Exprs, IReadOnlyList<PlStmt> Body)> Whens, IReadOnlyList<PlStmt>? Else) : PlStmt;
public sealed record PlLoop(string? Label, IReadOnlyList<PlStmt> Body) : PlStmt;
public sealed record PlWhile(string? Label, string Cond, IReadOnlyList<PlStmt> Body) : PlStmt;
public sealed record PlForInt(string? Label, string Var, bool Reverse, string Lower, string Upper, string? By, IReadOnlyList<PlStmt> Body) : PlStmt;
/// <summary>FOR targets IN query | EXECUTE expr [USING …] LOOP.</summary>
public sealed record PlForQuery(string? Label, IReadOnlyList<string> Targets, string? Query, string? Execute, IReadOnlyList<string>? Using, IReadOnlyList<PlStmt> Body) : PlStmt;
public sealed record PlForeach(string? Label, IReadOnlyList<string> Targets, int Slice, string Array, IReadOnlyList<PlStmt> Body) : PlStmt;
public sealed record PlExit(bool IsContinue, string? Label, string? When) : PlStmt;
public sealed record PlReturn(string? Expr) : PlStmt;
public sealed record PlReturnNext(string? Expr) : PlStmt;
public sealed record PlReturnQuery(string? Query, string? Execute, IReadOnlyList<string>? Using) : PlStmt;
/// <summary>RAISE [level] ['format' [, args]] [USING option = expr, …] | RAISE [level] condition | RAISE (re-raise).</summary>
public sealed record PlRaise(string Level, string? Format, IReadOnlyList<string> Args, IReadOnlyList<(string Option, string Expr)> Options, string? Condition) : PlStmt;
/// <summary>A SQL statement, with INTO targets when it had an INTO clause (removed from <see cref="Sql"/>).</summary>
public sealed record PlSql(string Sql, IReadOnlyList<string>? Into, bool Strict, bool Perform) : PlStmt;
public sealed record PlDynamic(string Expr, IReadOnlyList<string>? Into, bool Strict, IReadOnlyList<string>? Using) : PlStmt;
public sealed record PlGetDiagnostics(IReadOnlyList<(string Target, string Item)> Items, bool Stacked) : PlStmt;
public sealed record PlNull : PlStmt;
public sealed record PlAssert(string Cond, string? Message) : PlStmt;
