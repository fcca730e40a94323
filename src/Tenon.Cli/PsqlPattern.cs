using System.Text;

namespace Tenon.Cli;

/// <summary>
/// A psql object-name pattern (docs: psql "Patterns") turned into regular expressions for the
/// catalog queries of the describe commands:
///   P.1  Unquoted dots split the pattern into up to three parts: database.schema.name; the
///        last part is the name, the one before it the schema.
///   P.2  Outside double quotes letters are folded to lower case, '*' means any text and '?'
///        any one character; other characters pass through, so regular-expression syntax works.
///   P.3  Inside double quotes everything is literal (regular-expression specials are escaped);
///        "" is a literal quote. '$' is always literal.
///   P.4  Each part becomes an anchored regex ^(...)$; a part that is just ".*" adds no condition.
/// </summary>
internal sealed class PsqlPattern
{
    private PsqlPattern(string text, List<string> parts, string literalDatabase)
    {
        Text = text;
        _parts = parts;
        LiteralDatabase = literalDatabase;
    }

    private readonly List<string> _parts;

    /// <summary>The pattern as written (for messages).</summary>
    public string Text { get; }

    /// <summary>Number of unquoted dots.</summary>
    public int Dots => _parts.Count - 1;

    /// <summary>The database part as a plain name (quotes removed, unquoted letters folded), when there are three parts.</summary>
    public string LiteralDatabase { get; }

    /// <summary>The regex for the name part (P.4).</summary>
    public string NameRegex => _parts[^1];

    /// <summary>The regex for the schema part, or null when the pattern has no dot.</summary>
    public string? SchemaRegex => _parts.Count >= 2 ? _parts[^2] : null;

    public static PsqlPattern Parse(string pattern)
    {
        var parts = new List<string>();
        var current = new StringBuilder("^(");
        var literal = new StringBuilder();
        var literalDatabase = "";
        var inQuotes = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (ch == '"')
            {
                if (inQuotes && i + 1 < pattern.Length && pattern[i + 1] == '"')
                {
                    current.Append('"');
                    literal.Append('"');
                    i++;
                }
                else inQuotes = !inQuotes;
            }
            else if (!inQuotes && char.IsAsciiLetterUpper(ch))
            {
                current.Append(char.ToLowerInvariant(ch));
                literal.Append(char.ToLowerInvariant(ch));
            }
            else if (!inQuotes && ch == '*')
            {
                current.Append(".*");
                literal.Append(ch);
            }
            else if (!inQuotes && ch == '?')
            {
                current.Append('.');
                literal.Append(ch);
            }
            else if (!inQuotes && ch == '.')
            {
                parts.Add(current.Append(")$").ToString());
                if (parts.Count == 1) literalDatabase = literal.ToString();
                current.Clear().Append("^(");
                literal.Clear();
            }
            else if (ch == '$')
            {
                current.Append("\\$");
                literal.Append(ch);
            }
            else
            {
                if (inQuotes && "|*+?()[]{}.^$\\".Contains(ch)) current.Append('\\');
                else if (ch == '[' && i + 1 < pattern.Length && pattern[i + 1] == ']') current.Append('\\');
                current.Append(ch);
                literal.Append(ch);
            }
        }
        parts.Add(current.Append(")$").ToString());
        return new PsqlPattern(pattern, parts, literalDatabase);
    }

    /// <summary>
    /// Appends the pattern's conditions to a WHERE clause: the schema regex on
    /// <paramref name="schemaColumn"/> (or, without a schema part, <paramref name="visibility"/>),
    /// the name regex on <paramref name="nameColumn"/>. Returns whether a WHERE is now open.
    /// </summary>
    /// <remarks>With <paramref name="altNameColumn"/>, the name may match either column.</remarks>
    public bool AppendConditions(StringBuilder sql, bool haveWhere, string? schemaColumn, string nameColumn, string? visibility, string? altNameColumn = null)
    {
        void And(string condition)
        {
            sql.Append(haveWhere ? "  AND " : "WHERE ").Append(condition).Append('\n');
            haveWhere = true;
        }

        if (NameRegex != "^(.*)$")
        {
            var match = $"OPERATOR(pg_catalog.~) {Literal(NameRegex)} COLLATE pg_catalog.default";
            And(altNameColumn is null ? $"{nameColumn} {match}" : $"({nameColumn} {match}\n        OR {altNameColumn} {match})");
        }
        if (SchemaRegex is { } schema && schemaColumn is not null)
        {
            if (schema != "^(.*)$") And($"{schemaColumn} OPERATOR(pg_catalog.~) {Literal(schema)} COLLATE pg_catalog.default");
        }
        else if (visibility is not null)
        {
            And(visibility);
        }
        return haveWhere;
    }

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
