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
