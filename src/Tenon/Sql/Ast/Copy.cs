namespace Tenon.Sql.Ast;

/// <summary>
/// <c>COPY table [(cols)] FROM {'file' | STDIN} [options] [WHERE cond]</c>,
/// <c>COPY table [(cols)] TO {'file' | STDOUT} [options]</c> or <c>COPY (query) TO …</c>.
/// Exactly one of <see cref="Table"/> and <see cref="Query"/> is set. <see cref="FileName"/> is
/// null for STDIN/STDOUT (the client pipe; PostgreSQL accepts either word in either direction).
/// Old-style options (<c>CSV HEADER</c>, <c>DELIMITER ','</c>, <c>BINARY</c> …) are normalized by
/// the parser to the generic <c>(name value)</c> form, as gram.y does.
/// </summary>
public sealed record CopyStatement(QualifiedName? Table, IReadOnlyList<string>? Columns, Statement? Query, bool IsFrom, string? FileName) : Statement
{
    public IReadOnlyList<CopyOption> Options { get; init; } = Array.Empty<CopyOption>();
    public Expr? Where { get; init; }
    /// <summary>Position of the WHERE keyword (PostgreSQL points there when WHERE is not allowed).</summary>
    public int WherePosition { get; init; }
    /// <summary>COPY … PROGRAM 'command'.</summary>
    public bool IsProgram { get; init; }
}

/// <summary>The kind of argument a COPY option was given.</summary>
public enum CopyOptionArgKind
{
    /// <summary>No argument (<c>HEADER</c>, <c>(freeze)</c>).</summary>
    None,
    /// <summary>A word or string constant (<see cref="CopyOption.Value"/>).</summary>
    String,
    /// <summary>A numeric constant (<see cref="CopyOption.Value"/> holds its text).</summary>
    Number,
    /// <summary><c>*</c>.</summary>
    Star,
    /// <summary>A parenthesized list (<see cref="CopyOption.List"/>).</summary>
    List,
}

/// <summary>One COPY option; <see cref="Node.Position"/> is its name's position (for "conflicting or redundant options").</summary>
public sealed record CopyOption(string Name, CopyOptionArgKind Kind, string? Value = null, IReadOnlyList<string>? List = null) : Node;
