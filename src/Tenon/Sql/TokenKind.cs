namespace Tenon.Sql;

/// <summary>Kinds of lexical tokens, after PostgreSQL's scan.l.</summary>
public enum TokenKind
{
    /// <summary>An identifier or keyword (see <see cref="Token.Keyword"/>; quoted identifiers are never keywords).</summary>
    Identifier,
    /// <summary>A string constant ('…', E'…', U&amp;'…', $$…$$), unescaped.</summary>
    String,
    /// <summary>B'…' bit string; <see cref="Token.Text"/> holds the digits.</summary>
    BitString,
    /// <summary>X'…' hex bit string; <see cref="Token.Text"/> holds the digits.</summary>
    HexString,
    /// <summary>An integer constant (digits only).</summary>
    Integer,
    /// <summary>A numeric constant with a point or exponent.</summary>
    Numeric,
    /// <summary>A parameter <c>$n</c>; <see cref="Token.Text"/> holds the digits.</summary>
    Param,
    /// <summary>An operator; <see cref="Token.Text"/> holds it (<c>!=</c> already mapped to <c>&lt;&gt;</c>).</summary>
    Operator,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Semicolon,
    Colon,
    Dot,
    /// <summary><c>::</c></summary>
    TypeCast,
    /// <summary><c>..</c></summary>
    DotDot,
    /// <summary><c>:=</c></summary>
    ColonEquals,
    /// <summary><c>=&gt;</c></summary>
    EqualsGreater,
    EndOfInput,
}
