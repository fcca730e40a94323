using System.Globalization;
using System.Text;
using Tenon.Errors;

namespace Tenon.Catalog;

/// <summary>
/// regclass text input and output. Input: a relation name written as text ('items',
/// 'public.items', '"Order Items"', 'pg_class') or a numeric oid, resolved through the session's
/// search path to the relation's oid. Output: the name again,
/// qualified when the search path would not find it. Unquoted parts are folded to lower case and
/// quoted parts kept as written, as for identifiers in SQL text. Errors carry no position; the
/// binder adds the literal's position when the text is a constant.
/// </summary>
public static class RegClassName
{
    /// <summary>The database name a three-part name may carry (current_database()).</summary>
    public const string DatabaseName = "postgres";

    public static uint Resolve(string text, SystemCatalog catalog) => Resolve(text, catalog, SearchPath.Default);

    public static uint Resolve(string text, SystemCatalog catalog, SearchPath path)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
            return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var oid) ? oid
                : throw new TenonException(SqlState.NumericValueOutOfRange, $"value \"{text}\" is out of range for type oid");
        var parts = Split(text);
        var joined = string.Join(".", parts);
        string? schema;
        switch (parts.Count)
        {
            case 1: schema = null; break;
            case 2: schema = parts[0]; break;
            case 3:
                if (parts[0] != DatabaseName)
                    throw new TenonException(SqlState.FeatureNotSupported, $"cross-database references are not implemented: {joined}");
                schema = parts[1];
                break;
            default:
                throw new TenonException(SqlState.SyntaxError, $"improper relation name (too many dotted names): {joined}");
        }
        var name = parts[^1];
        if (schema is not null && !catalog.Schemas.Contains(path.Qualifier(schema)) && schema != SystemCatalog.TempSchema)
            throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{schema}\" does not exist");
        if (PgCatalog.SystemRelations.Find(catalog, path, schema, name) is { } system) return system.Oid;
        var found = catalog.LookupRelation(path, schema, name);
        return found != 0 ? found : throw SqlErrors.RelationDoesNotExist(joined);
    }

    /// <summary>Splits a possibly qualified, possibly quoted name into its parts ("invalid name syntax" when malformed).</summary>
    public static List<string> Split(string text)
    {
        var parts = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var part = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw InvalidSyntax();
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { part.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    part.Append(text[i++]);
                }
                if (part.Length == 0) throw InvalidSyntax();
            }
            else
            {
                while (i < text.Length && text[i] != '.' && !char.IsWhiteSpace(text[i]))
                    part.Append(char.IsAsciiLetterUpper(text[i]) ? char.ToLowerInvariant(text[i++]) : text[i++]);
                if (part.Length == 0) throw InvalidSyntax();
            }
            parts.Add(NameGenerator.Truncate(part.ToString()));
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) return parts;
            if (text[i] != '.') throw InvalidSyntax();
            i++;
        }
    }

    /// <summary>regclass output: the relation's name, schema-qualified when the search path would not find it, or the bare oid.</summary>
    public static string Format(uint oid, SystemCatalog catalog) => Format(oid, catalog, SearchPath.Default);

    public static string Format(uint oid, SystemCatalog catalog, SearchPath path)
    {
        if (PgCatalog.InformationSchema.ByOid(oid) is { } info) return PgCatalog.InformationSchema.Schema + "." + info.Name;
        if (PgCatalog.SystemRelations.ByOid(oid) is { } system)
            return PgCatalog.SystemRelations.Find(catalog, path, null, system.Name) == system ? system.Name : PgCatalog.SystemRelations.Schema + "." + system.Name;
        if (PgCatalog.PgClass.CompositeTypeByRelation(catalog, oid) is { } composite)
            return catalog.LookupType(null, composite.Name)?.Oid == composite.Oid ? SqlErrors.QuoteIdentifier(composite.Name)
                : SqlErrors.QuoteIdentifier(composite.Schema) + "." + SqlErrors.QuoteIdentifier(composite.Name);
        if (catalog.RelationKind(oid) == '\0') return oid.ToString(CultureInfo.InvariantCulture);
        var name = catalog.RelationName(oid);
        var schema = catalog.RelationSchema(oid);
        var quoted = SqlErrors.QuoteIdentifier(name);
        // LookupRelation gives 0 when a system relation earlier on the path hides the name.
        var visible = catalog.LookupRelation(path, null, name) == oid;
        return visible ? quoted : SqlErrors.QuoteIdentifier(schema) + "." + quoted;
    }

    private static TenonException InvalidSyntax() => new(SqlState.InvalidName, "invalid name syntax");
}
