using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// tsquery input (tsqueryin, and the query syntax of to_tsquery): operands read like tsvector
/// words and followed by optional <c>:*ABCD</c> modifiers, the operators ! &amp; | &lt;-&gt; &lt;N&gt;
/// and parentheses, with priorities ! over &lt;-&gt; over &amp; over |, each left-associative.
/// How an operand becomes a node is the caller's (<see cref="OperandMaker"/>): tsqueryin takes it
/// as it is, to_tsquery runs it through a text search configuration, which may turn it into a
/// phrase or into a stop word (<see cref="TsQueryStop"/>, removed by <see cref="RemoveStopWords"/>).
/// </summary>
public static class TsQueryText
{
    public delegate TsQueryNode OperandMaker(string text, int weights, bool prefix);

    /// <summary>tsqueryin: operands taken as they are.</summary>
    public static TsQuery ParseLiteral(string text) => new(RemoveStopWords(ParseTree(text, (t, w, p) => new TsQueryOperand(t, w, p))));

    private enum Kind { Value, Operator, Open, Close, End }

    private readonly record struct Token(Kind Kind, TsOperator Op = TsOperator.And, int Distance = 0, TsQueryNode? Value = null);

    /// <summary>Parses the query syntax; null for a query without operands.</summary>
    public static TsQueryNode? ParseTree(string text, OperandMaker makeOperand)
    {
        var tokens = Tokenize(text, makeOperand);
        if (tokens[0].Kind == Kind.End) return null;
        var i = 0;
        return ParseOr(tokens, ref i);
    }

    private static TsQueryNode ParseOr(List<Token> t, ref int i)
    {
        var left = ParseAnd(t, ref i);
        while (t[i] is { Kind: Kind.Operator, Op: TsOperator.Or })
        {
            i++;
            left = new TsQueryBinary(TsOperator.Or, left, ParseAnd(t, ref i));
        }
        return left;
    }

    private static TsQueryNode ParseAnd(List<Token> t, ref int i)
    {
        var left = ParsePhrase(t, ref i);
        while (t[i] is { Kind: Kind.Operator, Op: TsOperator.And })
        {
            i++;
            left = new TsQueryBinary(TsOperator.And, left, ParsePhrase(t, ref i));
        }
        return left;
    }

    private static TsQueryNode ParsePhrase(List<Token> t, ref int i)
    {
        var left = ParseUnary(t, ref i);
        while (t[i] is { Kind: Kind.Operator, Op: TsOperator.Phrase } phrase)
        {
            i++;
            left = new TsQueryBinary(TsOperator.Phrase, left, ParseUnary(t, ref i), phrase.Distance);
        }
        return left;
    }

    private static TsQueryNode ParseUnary(List<Token> t, ref int i)
    {
        var token = t[i++];
        switch (token.Kind)
        {
            case Kind.Operator: // only ! can stand where an operand is expected (the tokenizer sees to it)
                return new TsQueryNot(ParseUnary(t, ref i));
            case Kind.Open:
            {
                var inner = ParseOr(t, ref i);
                i++; // the ')'
                return inner;
            }
            default:
                return token.Value!;
        }
    }

    // gettoken_query_standard: alternates between expecting an operand and an operator, so every
    // token list it returns is well formed.
    private static List<Token> Tokenize(string text, OperandMaker makeOperand)
    {
        TenonException Syntax() => new(SqlState.SyntaxError, $"syntax error in tsquery: \"{text}\"");
        var tokens = new List<Token>();
        var pos = 0;
        var expectOperand = true;
        var first = true;
        var depth = 0;
        while (true)
        {
            if (expectOperand)
            {
                while (pos < text.Length && TsVectorText.IsSpace(text[pos])) pos++;
                if (pos < text.Length && text[pos] == '!')
                {
                    pos++;
                    tokens.Add(new Token(Kind.Operator, TsOperator.Not));
                }
                else if (pos < text.Length && text[pos] == '(')
                {
                    pos++;
                    depth++;
                    tokens.Add(new Token(Kind.Open));
                }
                else if (pos < text.Length && text[pos] == ':')
                {
                    throw Syntax();
                }
                else
                {
                    var word = TsVectorText.ReadWord(text, ref pos, operatorsDelimit: true, out _, "tsquery");
                    if (word is null)
                    {
                        if (first)
                        {
                            tokens.Add(new Token(Kind.End));
                            return tokens;
                        }
                        throw new TenonException(SqlState.SyntaxError, $"no operand in tsquery: \"{text}\"");
                    }
                    var weights = 0;
                    var prefix = false;
                    if (pos < text.Length && text[pos] == ':')
                    {
                        pos++;
                        for (; pos < text.Length; pos++)
                        {
                            var bit = text[pos] switch { 'a' or 'A' => 8, 'b' or 'B' => 4, 'c' or 'C' => 2, 'd' or 'D' => 1, '*' => -1, _ => 0 };
                            if (bit == 0) break;
                            if (bit < 0) prefix = true;
                            else weights |= bit;
                        }
                    }
                    if (System.Text.Encoding.UTF8.GetByteCount(word) > 2047)
                        throw new TenonException(SqlState.ProgramLimitExceeded, "word is too long in tsquery: \"" + text + "\"");
                    tokens.Add(new Token(Kind.Value, Value: makeOperand(word, weights, prefix)));
                    expectOperand = false;
                }
                first = false;
                continue;
            }
            while (pos < text.Length && TsVectorText.IsSpace(text[pos])) pos++;
            if (pos >= text.Length)
            {
                if (depth != 0) throw Syntax();
                tokens.Add(new Token(Kind.End));
                return tokens;
            }
            switch (text[pos])
            {
                case '&':
                    pos++;
                    tokens.Add(new Token(Kind.Operator, TsOperator.And));
                    expectOperand = true;
                    break;
                case '|':
                    pos++;
                    tokens.Add(new Token(Kind.Operator, TsOperator.Or));
                    expectOperand = true;
                    break;
                case '<':
                    tokens.Add(new Token(Kind.Operator, TsOperator.Phrase, ReadDistance(text, ref pos) ?? throw Syntax()));
                    expectOperand = true;
                    break;
                case ')':
                    pos++;
                    if (--depth < 0) throw Syntax();
                    tokens.Add(new Token(Kind.Close));
                    break;
                default:
                    throw Syntax();
            }
        }
    }

    // parse_phrase_operator: "<->" is distance 1, "<N>" distance N (0 to 16384).
    private static int? ReadDistance(string text, ref int pos)
    {
        var p = pos + 1;
        int distance;
        if (p < text.Length && text[p] == '-')
        {
            distance = 1;
            p++;
        }
        else
        {
            var start = p;
            while (p < text.Length && char.IsAsciiDigit(text[p])) p++;
            if (p == start) return null;
            if (!long.TryParse(text.AsSpan(start, p - start), out var n) || n > 16384)
                throw new TenonException(SqlState.InvalidParameterValue, "distance in phrase operator must be an integer value between zero and 16384 inclusive");
            distance = (int)n;
        }
        if (p >= text.Length || text[p] != '>') return null;
        pos = p + 1;
        return distance;
    }

    /// <summary>
    /// clean_stopwords_intree: drops stop-word operands and the operators left without an
    /// operand, carrying the width of what was dropped into the enclosing phrase distances.
    /// </summary>
    public static TsQueryNode? RemoveStopWords(TsQueryNode? root) => root is null ? null : Clean(root, out _, out _);

    private static TsQueryNode? Clean(TsQueryNode node, out int ladd, out int radd)
    {
        ladd = radd = 0;
        switch (node)
        {
            case TsQueryStop:
                return null;
            case TsQueryOperand:
                return node;
            case TsQueryNot not:
            {
                var inner = Clean(not.Operand, out ladd, out radd);
                return inner is null ? null : inner == not.Operand ? not : new TsQueryNot(inner);
            }
        }
        var b = (TsQueryBinary)node;
        var left = Clean(b.Left, out var lladd, out var lradd);
        var right = Clean(b.Right, out var rladd, out var rradd);
        var isPhrase = b.Operator == TsOperator.Phrase;
        var distance = isPhrase ? b.Distance : 0;
        if (left is null && right is null)
        {
            ladd = radd = isPhrase ? lladd + distance + rladd : Math.Max(lladd, rladd);
            return null;
        }
        if (left is null)
        {
            ladd = isPhrase ? lladd + distance + rladd : rladd;
            radd = rradd;
            return right;
        }
        if (right is null)
        {
            ladd = lladd;
            radd = isPhrase ? lradd + distance + rradd : lradd;
            return left;
        }
        ladd = lladd;
        radd = rradd;
        return b with { Left = left, Right = right, Distance = isPhrase ? distance + lradd + rladd : b.Distance };
    }
}

/// <summary>An operand that was a stop word (QI_VALSTOP); only exists until <see cref="TsQueryText.RemoveStopWords"/>.</summary>
public sealed record TsQueryStop : TsQueryNode
{
    internal override int Priority => 5;
}
