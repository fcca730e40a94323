using System.Globalization;
using System.Text;
using Tenon.Errors;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// Text input and output of regclass: a relation name (optionally schema-qualified, with SQL
/// quoting) to its oid, and an oid back to the name as the search path would need it written.
/// </summary>
public static class RegClassText
{
    /// <summary>regclassin: a number is taken as the oid itself; a name must name an existing relation (42P01).</summary>
    public static uint Parse(SystemCatalog catalog, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit))
            return uint.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                : throw new TenonException(SqlState.NumericValueOutOfRange, $"value \"{trimmed}\" is out of range for type oid");
        var parts = SplitName(text);
        if (parts.Count > 3)
            throw new TenonException(SqlState.SyntaxError, $"improper relation name (too many dotted names): {string.Join(".", parts)}");
        var name = parts[^1];
        var schema = parts.Count >= 2 ? parts[^2] : null;
        var oid = catalog.LookupRelation(schema, name);
        if (oid == 0 && SystemRelations.Find(schema, name) is { } system
            && (schema is not null || !catalog.RelationExists(SystemCatalog.TempSchema, name)))
            oid = system.Oid;
        if (oid == 0)
            throw new TenonException(SqlState.UndefinedTable, $"relation \"{string.Join(".", parts)}\" does not exist");
        return oid;
    }

    /// <summary>regclassout: the relation's name, quoted as needed and schema-qualified when the search path would not find it; the number for an unknown oid.</summary>
    public static string Format(SystemCatalog catalog, uint oid)
    {
        var system = SystemRelations.All.FirstOrDefault(r => r.Oid == oid);
        if (system is not null) return system.Name;
        if (catalog.RelationKind(oid) == '\0') return oid.ToString(CultureInfo.InvariantCulture);
        var name = catalog.RelationName(oid);
        var quoted = SqlErrors.QuoteIdentifier(name);
        return catalog.LookupRelation(null, name) == oid ? quoted
            : SqlErrors.QuoteIdentifier(catalog.RelationSchema(oid)) + "." + quoted;
    }

    // SplitIdentifierString: dot-separated parts; unquoted parts are lower-cased (ASCII) and all
    // parts truncated to 63 bytes silently.
    private static List<string> SplitName(string text)
    {
        var parts = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var sb = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw InvalidName();
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    sb.Append(text[i++]);
                }
                if (sb.Length == 0) throw InvalidName();
            }
            else
            {
                for (; i < text.Length && text[i] != '.' && !char.IsWhiteSpace(text[i]); i++)
                    sb.Append(char.IsAsciiLetterUpper(text[i]) ? char.ToLowerInvariant(text[i]) : text[i]);
                if (sb.Length == 0) throw InvalidName();
            }
            parts.Add(NameGenerator.Truncate(sb.ToString()));
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) return parts;
            if (text[i] != '.') throw InvalidName();
            i++;
        }
    }

    private static TenonException InvalidName() => new(SqlState.InvalidName, "invalid name syntax");
}
