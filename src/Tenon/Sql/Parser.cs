using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>
/// Recursive-descent parser for PostgreSQL 15's SQL, producing the immutable AST of
/// <see cref="Tenon.Sql.Ast"/>. It follows gram.y closely enough that valid statements parse
/// to the same structure and invalid ones fail at the same token with the same message.
///
/// Terms
///   token        what <see cref="Lexer"/> produces, pulled on demand (a grammar error before a
///                lexical error is the one reported, as in PostgreSQL).
///   ColId        IDENT, unreserved or column-name keyword (column, table, alias names).
///   type_func    IDENT, unreserved or type/function-name keyword (function and type names).
///   ColLabel     IDENT or any keyword (after AS, after a dot).
///   BareColLabel IDENT or a keyword marked bare-label (a select alias without AS).
///
/// Steps
///   P.1  ParseScript splits on ';' at statement level (the lexer already took care of quotes,
///        comments and dollar quotes); empty statements are skipped.
///   P.2  Each statement is dispatched on its first keyword (Parser.cs); unknown first words are a
///        syntax error at that word; statements PostgreSQL accepts that Tenon does not implement
///        are skipped to their end and returned as <see cref="UnsupportedStatement"/>.
///   P.3  Expressions use precedence climbing over PostgreSQL's table (Parser.Expr.cs):
///        OR &lt; AND &lt; NOT &lt; IS &lt; comparison &lt; BETWEEN/IN/LIKE &lt; Op &lt; + - &lt; * / % &lt; ^ &lt; AT &lt; COLLATE
///        &lt; unary minus &lt; [ ] &lt; :: &lt; '.'; comparison, IS … FROM, BETWEEN and LIKE are
///        non-associative (a second operator of the same level right after is a syntax error).
///   P.4  Errors: the first token that cannot continue a valid prefix is reported as
///        <c>syntax error at or near "tok"</c> (its 1-based position) or <c>at end of input</c>
///        (position = length + 1).
///
/// Invariants: every node's Position is 1-based into the string given to ParseScript; only
/// <see cref="TenonException"/> ever escapes; nesting deeper than <see cref="MaxDepth"/> is 54001.
/// </summary>
public sealed partial class Parser
{
    private const int MaxDepth = 1000;

    private readonly string _sql;
    private readonly Lexer _lexer;
    private readonly List<Token> _tokens = new();
    private TenonException? _lexError;
    private int _pos;
    private int _depth;

    private Parser(string sql, Action<string, string>? onTruncate = null)
    {
        _sql = sql;
        _lexer = new Lexer(sql, onTruncate);
    }

    /// <summary>
    /// Parses all statements of <paramref name="sql"/> separated by ';' (empty ones skipped).
    /// <paramref name="onTruncate"/> is told (original, truncated) for each identifier longer than
    /// 63 bytes, as it is scanned.
    /// </summary>
    public static IReadOnlyList<Statement> ParseScript(string sql, Action<string, string>? onTruncate = null)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var parser = new Parser(sql, onTruncate);
        return parser.Guard(parser.ParseAll);
    }

    /// <summary>Parses exactly one statement (a trailing ';' is allowed).</summary>
    public static Statement ParseStatement(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var parser = new Parser(sql);
        return parser.Guard(() =>
        {
            var all = parser.ParseAll();
            if (all.Count == 0) throw SqlErrors.Syntax("syntax error at end of input", sql.Length + 1);
            if (all.Count > 1)
                throw new TenonException(SqlState.SyntaxError, "cannot insert multiple commands into a prepared statement");
            return all[0];
        });
    }

    /// <summary>Turns anything unexpected into a TenonException: only TenonException leaves the parser.</summary>
    private T Guard<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (TenonException)
        {
            throw;
        }
        catch (InsufficientExecutionStackException)
        {
            throw SqlErrors.StackDepth();
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw SqlErrors.At(Cur, _sql);
        }
    }

    /// P.1  stmtmulti: stmt (';' stmt)*
    private List<Statement> ParseAll()
    {
        var list = new List<Statement>();
        while (true)
        {
            while (Cur.Kind == TokenKind.Semicolon) Advance();
            if (Cur.Kind == TokenKind.EndOfInput) return list;
            var start = Cur;
            var first = _pos;
            var stmt = ParseStatementBody();
            var xmin = false;
            for (var i = first; i < _pos && !xmin; i++) xmin = _tokens[i] is { Kind: TokenKind.Identifier, Text: "xmin" };
            list.Add(stmt with { Position = start.Position, EndPosition = EndOfPrevious, MentionsXmin = xmin });
            if (Cur.Kind != TokenKind.Semicolon && Cur.Kind != TokenKind.EndOfInput) throw Error();
        }
    }

    // ---- token access -------------------------------------------------------------------

    private Token Cur => At(0);

    private Token At(int k)
    {
        while (_tokens.Count <= _pos + k)
        {
            if (_tokens.Count > 0 && _tokens[^1].Kind == TokenKind.EndOfInput)
            {
                _tokens.Add(_tokens[^1]);
                continue;
            }
            if (_lexError is not null) throw _lexError;
            try
            {
                _tokens.Add(_lexer.Next());
            }
            catch (TenonException ex)
            {
                _lexError = ex;
                throw;
            }
        }
        return _tokens[_pos + k];
    }

    private Token Prev => _tokens[_pos - 1];

    /// <summary>1-based exclusive end of the last consumed token.</summary>
    private int EndOfPrevious => _pos == 0 ? 1 : Prev.End + 1;

    private Token Advance()
    {
        var t = Cur;
        _pos++;
        return t;
    }

    private TenonException Error() => SqlErrors.At(Cur, _sql);

    private TenonException ErrorAt(Token t) => SqlErrors.At(t, _sql);

    private bool IsKw(string word, int k = 0) => At(k).Is(word);

    private bool Accept(TokenKind kind)
    {
        if (Cur.Kind != kind) return false;
        _pos++;
        return true;
    }

    private Token Expect(TokenKind kind)
    {
        if (Cur.Kind != kind) throw Error();
        return Advance();
    }

    private bool AcceptKw(string word)
    {
        if (!Cur.Is(word)) return false;
        _pos++;
        return true;
    }

    private bool AcceptKws(string w1, string w2)
    {
        if (!Cur.Is(w1) || !At(1).Is(w2)) return false;
        _pos += 2;
        return true;
    }

    private Token ExpectKw(string word)
    {
        if (!Cur.Is(word)) throw Error();
        return Advance();
    }

    private bool AcceptOp(string op)
    {
        if (!Cur.IsOp(op)) return false;
        _pos++;
        return true;
    }

    private void ExpectOp(string op)
    {
        if (!Cur.IsOp(op)) throw Error();
        _pos++;
    }

    private string SourceText(int startOffset, int endOffset) => _sql[startOffset..endOffset];

    private void Enter()
    {
        if (++_depth > MaxDepth) throw SqlErrors.StackDepth();
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    private void Leave() => _depth--;

    // ---- name categories ------------------------------------------------------------------

    private static bool IsColId(Token t) =>
        t.Kind == TokenKind.Identifier && t.Keyword is KeywordCategory.None or KeywordCategory.Unreserved or KeywordCategory.ColName;

    private static bool IsTypeFuncName(Token t) =>
        t.Kind == TokenKind.Identifier && t.Keyword is KeywordCategory.None or KeywordCategory.Unreserved or KeywordCategory.TypeFuncName;

    private static bool IsNonReservedWord(Token t) =>
        t.Kind == TokenKind.Identifier && t.Keyword != KeywordCategory.Reserved;

    private static bool IsColLabel(Token t) => t.Kind == TokenKind.Identifier;

    private static bool IsBareColLabel(Token t) =>
        t.Kind == TokenKind.Identifier && (t.Keyword == KeywordCategory.None || t.BareLabel);

    private string ParseColId()
    {
        if (!IsColId(Cur)) throw Error();
        return Advance().Text;
    }

    private string ParseColLabel()
    {
        if (!IsColLabel(Cur)) throw Error();
        return Advance().Text;
    }

    private string ParseNonReservedWord()
    {
        if (!IsNonReservedWord(Cur)) throw Error();
        return Advance().Text;
    }

    /// name_list: ColId [, ColId …]
    private List<string> ParseNameList()
    {
        var list = new List<string> { ParseColId() };
        while (Accept(TokenKind.Comma)) list.Add(ParseColId());
        return list;
    }

    /// '(' name_list ')'
    private List<string> ParseParenNameList()
    {
        Expect(TokenKind.LParen);
        var list = ParseNameList();
        Expect(TokenKind.RParen);
        return list;
    }

    /// qualified_name: ColId | ColId indirection (at most catalog.schema.name)
    private QualifiedName ParseQualifiedName()
    {
        var first = Cur;
        var parts = new List<string> { ParseColId() };
        while (Cur.Kind == TokenKind.Dot)
        {
            Advance();
            parts.Add(ParseColLabel());
        }
        return MakeQualifiedName(parts, first);
    }

    private QualifiedName MakeQualifiedName(List<string> parts, Token first)
    {
        switch (parts.Count)
        {
            case 1: return new QualifiedName(null, parts[0]) { Position = first.Position };
            case 2: return new QualifiedName(parts[0], parts[1]) { Position = first.Position };
            case 3: return new QualifiedName(parts[1], parts[2]) { Position = first.Position };
            default:
                throw SqlErrors.Syntax($"improper qualified name (too many dotted names): {string.Join(".", parts)}", first.Position);
        }
    }

    /// any_name: ColId attrs — returned as its parts
    private List<string> ParseAnyName()
    {
        var parts = new List<string> { ParseColId() };
        while (Cur.Kind == TokenKind.Dot)
        {
            Advance();
            parts.Add(ParseColLabel());
        }
        return parts;
    }

    /// Sconst
    private string ParseStringConst()
    {
        if (Cur.Kind != TokenKind.String) throw Error();
        return Advance().Text;
    }

    /// Iconst
    private int ParseIntConst()
    {
        if (Cur.Kind != TokenKind.Integer) throw Error();
        var t = Advance();
        if (!int.TryParse(t.Text, out var v)) throw ErrorAt(t);
        return v;
    }

    /// <summary>Skips to the end of the statement (';' at parenthesis depth 0, or end of input).</summary>
    private void SkipToStatementEnd()
    {
        int depth = 0;
        while (true)
        {
            var t = Cur;
            if (t.Kind == TokenKind.EndOfInput) return;
            if (t.Kind == TokenKind.Semicolon && depth == 0) return;
            if (t.Kind is TokenKind.LParen or TokenKind.LBracket) depth++;
            else if (t.Kind is TokenKind.RParen or TokenKind.RBracket && depth > 0) depth--;
            Advance();
        }
    }

    private UnsupportedStatement Unsupported(string feature)
    {
        SkipToStatementEnd();
        return new UnsupportedStatement(feature);
    }
}
