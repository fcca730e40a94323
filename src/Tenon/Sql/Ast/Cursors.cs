namespace Tenon.Sql.Ast;

/// <summary><c>DECLARE name [BINARY] [ASENSITIVE | INSENSITIVE] [[NO] SCROLL] CURSOR [{WITH | WITHOUT} HOLD] FOR query</c>.</summary>
public sealed record DeclareCursorStatement(string Name, Query Query) : Statement
{
    public bool Binary { get; init; }
    /// <summary>True for SCROLL, false for NO SCROLL, null when neither was written.</summary>
    public bool? Scroll { get; init; }
    public bool Hold { get; init; }
}

/// <summary>How FETCH or MOVE moves: NEXT is Forward 1, PRIOR Backward 1, FIRST Absolute 1, LAST Absolute -1.</summary>
public enum FetchDirection { Forward, Backward, Absolute, Relative }

/// <summary>
/// <c>FETCH [direction] [FROM | IN] name</c> or <c>MOVE …</c> (<see cref="IsMove"/>). <see cref="Count"/>
/// is null for ALL (FORWARD ALL / BACKWARD ALL).
/// </summary>
public sealed record FetchStatement(string CursorName, FetchDirection Direction, long? Count, bool IsMove) : Statement;
