using Tenon.Errors;
using Tenon.Types;

namespace Tenon.TextSearch;

/// <summary>
/// The text search configurations Tenon has, with their pg_ts_config oids: <c>simple</c> (every
/// token type of the default parser that has a mapping goes to the simple dictionary, which
/// lower-cases) and <c>english</c> (words through english_stem: lower-case, drop stop words,
/// Snowball English stemmer; numbers, e-mails, URLs, hosts and files through simple). A value
/// of type regconfig is the oid.
/// </summary>
public sealed class TextSearchConfig
{
    public const uint SimpleOid = 3748;
    /// <summary>The oid initdb gives pg_catalog.english in PostgreSQL 15.</summary>
    public const uint EnglishOid = 13164;

    public static readonly TextSearchConfig Simple = new("simple", SimpleOid, stem: false);
    public static readonly TextSearchConfig English = new("english", EnglishOid, stem: true);

    private readonly bool _stem;

    private TextSearchConfig(string name, uint oid, bool stem)
    {
        Name = name;
        Oid = oid;
        _stem = stem;
    }

    public string Name { get; }

    public uint Oid { get; }

    public static TextSearchConfig? ByOid(uint oid) => oid switch { SimpleOid => Simple, EnglishOid => English, _ => null };

    /// <summary>
    /// regconfigin: a possibly schema-qualified name (identifier rules: unquoted parts fold to
    /// lower case); a number is taken as an oid. 42704 when there is no such configuration.
    /// </summary>
    public static uint ParseName(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit) && uint.TryParse(trimmed, out var oid)) return oid;
        var parts = SplitQualified(trimmed);
        if (parts is { Count: 1 or 2 } && (parts.Count == 1 || parts[0] == "pg_catalog"))
        {
            var config = parts[^1] switch { "simple" => Simple, "english" => English, _ => null };
            if (config is not null) return config.Oid;
        }
        if (parts is null) throw new TenonException(SqlState.InvalidName, "invalid name syntax");
        throw new TenonException(SqlState.UndefinedObject, $"text search configuration \"{string.Join('.', parts)}\" does not exist");
    }

    private static List<string>? SplitQualified(string text)
    {
        var parts = new List<string>();
        var i = 0;
        while (true)
        {
            if (i >= text.Length) return null;
            var sb = new System.Text.StringBuilder();
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) return null;
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    sb.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] != '.') sb.Append(char.ToLowerInvariant(text[i++]));
                if (sb.Length == 0) return null;
            }
            parts.Add(sb.ToString());
            if (i >= text.Length) return parts;
            if (text[i] != '.') return null;
            i++;
        }
    }

    /// <summary>
    /// The lexemes of one token: null when the configuration maps no dictionary to its type (the
    /// token takes no position), empty for a stop word (it takes a position).
    /// </summary>
    public string[]? Lexize(TextParser.Token token)
    {
        switch (token.Type)
        {
            case TokenType.Blank or TokenType.Tag or TokenType.Protocol or TokenType.Entity:
                return null;
            case TokenType.AsciiWord or TokenType.Word or TokenType.HWordPart or TokenType.HWordAsciiPart or TokenType.AsciiHWord or TokenType.HWord when _stem:
            {
                var lower = token.Text.ToLowerInvariant();
                if (EnglishStopWords.Words.Contains(lower)) return [];
                return [EnglishStemmer.Stem(lower)];
            }
            default:
                return [token.Text.ToLowerInvariant()];
        }
    }

    /// <summary>The lexemes of a text with their positions (parsetext): each token with a mapping takes the next position.</summary>
    public List<(string Lexeme, int Position)> ParseText(string text)
    {
        var position = 0;
        return ParseText(text, ref position);
    }

    /// <summary>As <see cref="ParseText(string)"/>, positions continuing after <paramref name="position"/> (several columns of one document).</summary>
    public List<(string Lexeme, int Position)> ParseText(string text, ref int position)
    {
        var words = new List<(string, int)>();
        foreach (var token in TextParser.Parse(text))
        {
            var lexemes = Lexize(token);
            if (lexemes is null) continue;
            position++;
            foreach (var l in lexemes) words.Add((l, Math.Min(position, TsVector.MaxPosition)));
        }
        return words;
    }

    /// <summary>to_tsvector.</summary>
    public TsVector ToTsVector(string text) =>
        TsVector.Build(ParseText(text).Select(w => (w.Lexeme, (IEnumerable<ushort>)[TsVector.MakePosition(w.Position, 0)])));

    /// <summary>
    /// pushval_morph: the lexemes of one query operand, joined by <paramref name="join"/> (with the
    /// distance between their positions for a phrase); a stop word when there are none.
    /// </summary>
    public TsQueryNode MorphOperand(string text, int weights, bool prefix, TsOperator join)
    {
        var words = ParseText(text);
        if (words.Count == 0) return new TsQueryStop();
        TsQueryNode? node = null;
        var previous = 0;
        foreach (var (lexeme, position) in words)
        {
            var operand = new TsQueryOperand(lexeme, weights, prefix);
            node = node is null ? operand : new TsQueryBinary(join, node, operand, join == TsOperator.Phrase ? position - previous : 0);
            previous = position;
        }
        return node!;
    }
}
