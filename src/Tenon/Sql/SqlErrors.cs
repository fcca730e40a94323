using Tenon.Errors;

namespace Tenon.Sql;

/// <summary>Factories for the errors the lexer and parser raise, with PostgreSQL 15's exact texts.</summary>
internal static class SqlErrors
{
    /// <summary>A 42601 error with <paramref name="message"/> at 1-based <paramref name="position"/>.</summary>
    public static TenonException Syntax(string message, int position) =>
        new(SqlState.SyntaxError, message) { Position = position };

    /// <summary>A lexer error: <c>message at or near "text"</c>.</summary>
    public static TenonException Lexical(string message, string near, int position) =>
        Syntax($"{message} at or near \"{near}\"", position);

    /// <summary><c>syntax error at or near "tok"</c>, or <c>syntax error at end of input</c>.</summary>
    public static TenonException At(Token token, string sql)
    {
        if (token.Kind == TokenKind.EndOfInput)
            return Syntax("syntax error at end of input", sql.Length + 1);
        return Lexical("syntax error", sql[token.Start..token.End], token.Position);
    }

    /// <summary>A 42601 error with a custom message pointing at a token (e.g. a grammar-level check).</summary>
    public static TenonException Custom(string message, Token token, string sql) =>
        Syntax(message, token.Kind == TokenKind.EndOfInput ? sql.Length + 1 : token.Position);

    public static TenonException FeatureNotSupported(string message, int position) =>
        new(SqlState.FeatureNotSupported, message) { Position = position };

    public static TenonException InvalidParameter(string message, int position) =>
        new(SqlState.InvalidParameterValue, message) { Position = position };

    public static TenonException StackDepth() =>
        new(SqlState.StatementTooComplex, "stack depth limit exceeded",
            hint: "Increase the configuration parameter \"max_stack_depth\" (currently 2048kB), after ensuring the platform's stack depth limit is adequate.");
}
