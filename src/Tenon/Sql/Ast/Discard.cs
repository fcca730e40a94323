namespace Tenon.Sql.Ast;

/// <summary>What a DISCARD statement throws away.</summary>
public enum DiscardTarget
{
    /// <summary>Everything below, plus settings (RESET ALL), prepared statements and open portals.</summary>
    All,
    /// <summary>Cached query plans.</summary>
    Plans,
    /// <summary>The session's currval/lastval state.</summary>
    Sequences,
    /// <summary>The session's temporary relations (TEMP or TEMPORARY).</summary>
    Temp,
}

/// <summary><c>DISCARD {ALL | PLANS | SEQUENCES | TEMP | TEMPORARY}</c>.</summary>
public sealed record DiscardStatement(DiscardTarget Target) : Statement
{
    /// <summary>The command tag: DISCARD TEMPORARY answers DISCARD TEMP, as in PostgreSQL.</summary>
    public string Tag => "DISCARD " + Target.ToString().ToUpperInvariant();
}

/// <summary><c>CLOSE {name | ALL}</c>: closes SQL cursors (portals); Name null means ALL.</summary>
public sealed record CloseCursorStatement(string? Name) : Statement;

/// <summary><c>UNLISTEN {channel | *}</c>; Channel null means *.</summary>
public sealed record UnlistenStatement(string? Channel) : Statement;

/// <summary><c>SET SESSION AUTHORIZATION {user | DEFAULT}</c> and <c>RESET SESSION AUTHORIZATION</c> (IsReset); User null means DEFAULT.</summary>
public sealed record SetSessionAuthorizationStatement(string? User, bool IsReset = false) : Statement
{
    /// <summary>SET LOCAL SESSION AUTHORIZATION: undone at the end of the transaction.</summary>
    public bool Local { get; init; }
}
