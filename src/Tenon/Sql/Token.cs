namespace Tenon.Sql;

/// <summary>
/// One token. <see cref="Start"/> and <see cref="End"/> are 0-based character offsets into the
/// source (End exclusive); <see cref="Text"/> is the processed value (folded identifier, unescaped string, operator).
/// </summary>
public readonly record struct Token(TokenKind Kind, string Text, int Start, int End)
{
    /// <summary>Keyword category for an unquoted identifier that is a keyword; None otherwise.</summary>
    public KeywordCategory Keyword { get; init; }

    /// <summary>Whether the keyword may be used as a bare column label (<c>SELECT 1 x</c>).</summary>
    public bool BareLabel { get; init; }

    /// <summary>True for a quoted identifier.</summary>
    public bool Quoted { get; init; }

    /// <summary>1-based position, as PostgreSQL reports it.</summary>
    public int Position => Start + 1;

    /// <summary>True if this is the (unquoted) keyword <paramref name="word"/> (lower case).</summary>
    public bool Is(string word) => Kind == TokenKind.Identifier && Keyword != KeywordCategory.None && Text == word;

    /// <summary>True if this is the operator <paramref name="op"/>.</summary>
    public bool IsOp(string op) => Kind == TokenKind.Operator && Text == op;
}
