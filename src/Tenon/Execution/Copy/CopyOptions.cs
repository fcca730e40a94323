using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution.Copy;

/// <summary>HEADER: off, on (skip / write a header line) or MATCH (COPY FROM checks the names).</summary>
public enum CopyHeader { None, Present, Match }

/// <summary>
/// COPY's options after PostgreSQL's checks (its ProcessCopyOptions), with defaults filled in:
/// text uses tab and <c>\N</c>; CSV uses comma, the empty string, and <c>"</c> for quote and escape.
/// Column lists (FORCE …) stay names here; the executor resolves them against the COPY's columns.
/// </summary>
public sealed class CopyOptions
{
    private const string TextDelimiterForbidden = "\\.abcdefghijklmnopqrstuvwxyz0123456789";

    public CopyFormat Format { get; private init; } = CopyFormat.Text;
    public bool Binary { get; private init; }
    public char Delimiter { get; private init; }
    public string Null { get; private init; } = "";
    public CopyHeader Header { get; private init; }
    public char Quote { get; private init; }
    public char Escape { get; private init; }
    public bool ForceQuoteAll { get; private init; }
    public IReadOnlyList<string> ForceQuote { get; private init; } = [];
    public IReadOnlyList<string> ForceNotNull { get; private init; } = [];
    public IReadOnlyList<string> ForceNull { get; private init; } = [];
    public bool Freeze { get; private init; }
    public string? Encoding { get; private init; }

    public bool IsCsv => Format == CopyFormat.Csv;

    /// <summary>Text or CSV options with the defaults, for tests and callers without a statement.</summary>
    public static CopyOptions Defaults(CopyFormat format) => Process([new CopyOption("format", CopyOptionArgKind.String, format == CopyFormat.Csv ? "csv" : "text")], isFrom: true);

    public static CopyOptions Process(IReadOnlyList<CopyOption> options, bool isFrom)
    {
        string? format = null, delimiter = null, nullText = null, quote = null, escape = null, encoding = null;
        CopyHeader? header = null;
        bool? freeze = null;
        bool forceQuoteAll = false;
        List<string>? forceQuote = null, forceNotNull = null, forceNull = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var o in options)
        {
            void Once()
            {
                if (!seen.Add(o.Name))
                    throw new TenonException(SqlState.SyntaxError, "conflicting or redundant options") { Position = o.Position };
            }
            switch (o.Name)
            {
                case "format":
                    Once();
                    format = StringArg(o);
                    if (format is not ("text" or "csv" or "binary"))
                        throw new TenonException(SqlState.InvalidParameterValue, $"COPY format \"{format}\" not recognized") { Position = o.Position };
                    break;
                case "freeze": Once(); freeze = BooleanArg(o); break;
                case "delimiter": Once(); delimiter = StringArg(o); break;
                case "null": Once(); nullText = StringArg(o); break;
                case "header": Once(); header = HeaderArg(o); break;
                case "quote": Once(); quote = StringArg(o); break;
                case "escape": Once(); escape = StringArg(o); break;
                case "force_quote":
                    Once();
                    if (o.Kind == CopyOptionArgKind.Star) forceQuoteAll = true;
                    else forceQuote = ListArg(o);
                    break;
                case "force_not_null": Once(); forceNotNull = ListArg(o); break;
                case "force_null": Once(); forceNull = ListArg(o); break;
                case "encoding":
                    Once();
                    encoding = StringArg(o);
                    if (NormalizeEncoding(encoding) is null)
                        throw new TenonException(SqlState.InvalidParameterValue, $"argument to option \"{o.Name}\" must be a valid encoding name") { Position = o.Position };
                    break;
                default:
                    throw new TenonException(SqlState.SyntaxError, $"option \"{o.Name}\" not recognized") { Position = o.Position };
            }
        }

        var binary = format == "binary";
        var csv = format == "csv";
        if (binary && delimiter is not null) throw new TenonException(SqlState.SyntaxError, "cannot specify DELIMITER in BINARY mode");
        if (binary && nullText is not null) throw new TenonException(SqlState.SyntaxError, "cannot specify NULL in BINARY mode");
        if (binary && header is not null and not CopyHeader.None) throw new TenonException(SqlState.SyntaxError, "cannot specify HEADER in BINARY mode");

        delimiter ??= csv ? "," : "\t";
        nullText ??= csv ? "" : "\\N";
        if (csv)
        {
            quote ??= "\"";
            escape ??= quote;
        }
        if (delimiter.Length != 1 || delimiter[0] > 0x7F)
            throw new TenonException(SqlState.FeatureNotSupported, "COPY delimiter must be a single one-byte character");
        if (delimiter[0] is '\r' or '\n')
            throw new TenonException(SqlState.InvalidParameterValue, "COPY delimiter cannot be newline or carriage return");
        if (nullText.Contains('\r') || nullText.Contains('\n'))
            throw new TenonException(SqlState.InvalidParameterValue, "COPY null representation cannot use newline or carriage return");
        if (!csv && TextDelimiterForbidden.Contains(delimiter[0]))
            throw new TenonException(SqlState.InvalidParameterValue, $"COPY delimiter cannot be \"{delimiter}\"");
        if (header == CopyHeader.Match && !isFrom)
            throw new TenonException(SqlState.FeatureNotSupported, "cannot use \"match\" with HEADER in COPY TO");
        if (!csv && quote is not null) throw new TenonException(SqlState.FeatureNotSupported, "COPY quote available only in CSV mode");
        if (csv && (quote!.Length != 1 || quote[0] > 0x7F))
            throw new TenonException(SqlState.FeatureNotSupported, "COPY quote must be a single one-byte character");
        if (csv && delimiter[0] == quote![0])
            throw new TenonException(SqlState.InvalidParameterValue, "COPY delimiter and quote must be different");
        if (!csv && escape is not null) throw new TenonException(SqlState.FeatureNotSupported, "COPY escape available only in CSV mode");
        if (csv && (escape!.Length != 1 || escape[0] > 0x7F))
            throw new TenonException(SqlState.FeatureNotSupported, "COPY escape must be a single one-byte character");
        if (!csv && (forceQuote is not null || forceQuoteAll))
            throw new TenonException(SqlState.FeatureNotSupported, "COPY force quote available only in CSV mode");
        if ((forceQuote is not null || forceQuoteAll) && isFrom)
            throw new TenonException(SqlState.FeatureNotSupported, "COPY force quote only available using COPY TO");
        if (!csv && forceNotNull is not null)
            throw new TenonException(SqlState.FeatureNotSupported, "COPY force not null available only in CSV mode");
        if (forceNotNull is not null && !isFrom)
            throw new TenonException(SqlState.FeatureNotSupported, "COPY force not null only available using COPY FROM");
        if (!csv && forceNull is not null)
            throw new TenonException(SqlState.FeatureNotSupported, "COPY force null available only in CSV mode");
        if (forceNull is not null && !isFrom)
            throw new TenonException(SqlState.FeatureNotSupported, "COPY force null only available using COPY FROM");
        if (nullText.Contains(delimiter[0]))
            throw new TenonException(SqlState.FeatureNotSupported, "COPY delimiter must not appear in the NULL specification");
        if (csv && nullText.Contains(quote![0]))
            throw new TenonException(SqlState.FeatureNotSupported, "CSV quote character must not appear in the NULL specification");

        return new CopyOptions
        {
            Format = csv ? CopyFormat.Csv : CopyFormat.Text,
            Binary = binary,
            Delimiter = delimiter[0],
            Null = nullText,
            Header = header ?? CopyHeader.None,
            Quote = csv ? quote![0] : '\0',
            Escape = csv ? escape![0] : '\0',
            ForceQuoteAll = forceQuoteAll,
            ForceQuote = forceQuote ?? [],
            ForceNotNull = forceNotNull ?? [],
            ForceNull = forceNull ?? [],
            Freeze = freeze ?? false,
            Encoding = encoding is null ? null : NormalizeEncoding(encoding),
        };
    }

    /// <summary>The .NET encoding for a PostgreSQL encoding name Tenon can convert, or null.</summary>
    public static string? NormalizeEncoding(string name) =>
        name.Replace("_", "").Replace("-", "").ToUpperInvariant() switch
        {
            "UTF8" or "UNICODE" => "UTF8",
            "SQLASCII" => "SQL_ASCII",
            "LATIN1" or "ISO88591" => "LATIN1",
            _ => null,
        };

    /// <summary>defGetString: a word, string or number; a missing argument is an error.</summary>
    private static string StringArg(CopyOption o) => o.Kind switch
    {
        CopyOptionArgKind.String or CopyOptionArgKind.Number => o.Value!,
        CopyOptionArgKind.None => throw new TenonException(SqlState.SyntaxError, $"{o.Name} requires a parameter"),
        CopyOptionArgKind.Star => "*",
        _ => throw new TenonException(SqlState.SyntaxError, $"{o.Name} requires a parameter"),
    };

    /// <summary>defGetBoolean: no argument, 0/1, or true/false/on/off in any case.</summary>
    private static bool BooleanArg(CopyOption o) => TryBoolean(o) ?? throw new TenonException(SqlState.SyntaxError, $"{o.Name} requires a Boolean value");

    private static bool? TryBoolean(CopyOption o)
    {
        switch (o.Kind)
        {
            case CopyOptionArgKind.None: return true;
            case CopyOptionArgKind.Number: return o.Value == "0" ? false : o.Value == "1" ? true : null;
            case CopyOptionArgKind.String:
                return o.Value!.ToLowerInvariant() switch
                {
                    "true" or "on" => true,
                    "false" or "off" => false,
                    _ => null,
                };
            default: return null;
        }
    }

    private static CopyHeader HeaderArg(CopyOption o)
    {
        if (o.Kind == CopyOptionArgKind.String && string.Equals(o.Value, "match", StringComparison.OrdinalIgnoreCase)) return CopyHeader.Match;
        return TryBoolean(o) switch
        {
            true => CopyHeader.Present,
            false => CopyHeader.None,
            null => throw new TenonException(SqlState.SyntaxError, $"{o.Name} requires a Boolean value or \"match\""),
        };
    }

    private static List<string> ListArg(CopyOption o) =>
        o.Kind == CopyOptionArgKind.List ? o.List!.ToList()
            : throw new TenonException(SqlState.InvalidParameterValue, $"argument to option \"{o.Name}\" must be a list of column names") { Position = o.Position };
}
