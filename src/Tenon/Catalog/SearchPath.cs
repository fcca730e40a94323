using System.Text;
using Tenon.Errors;

namespace Tenon.Catalog;

/// <summary>
/// A session's search_path, as PostgreSQL applies it: the listed schemas that exist, in order
/// ("$user" is the schema named after the session's user, pg_temp the session's own temporary
/// schema), with pg_catalog searched first unless listed, and the temporary schema before that
/// unless listed. The temporary schema is searched for relations only, never for types or
/// functions. New objects go into the first listed schema that exists; there is none when no
/// listed schema exists (3F000 "no schema has been selected to create in").
///
/// The path is data: it resolves against whatever catalog a statement sees, so a schema created
/// or dropped in the transaction takes effect at once.
/// </summary>
public sealed class SearchPath
{
    private readonly IReadOnlyList<string> _elements;

    /// <param name="elements">The setting's elements after identifier parsing, "$user" and "pg_temp" unresolved.</param>
    /// <param name="user">The session's user name, for "$user".</param>
    /// <param name="tempSchema">The name of the session's temporary schema (pg_temp_N), whether or not it exists yet.</param>
    public SearchPath(IReadOnlyList<string> elements, string user, string tempSchema)
    {
        _elements = elements;
        User = user;
        TempSchema = tempSchema;
    }

    /// <summary>PostgreSQL's default path ("$user", public) for a session without a temporary schema.</summary>
    public static SearchPath Default { get; } = new(["$user", SystemCatalog.PublicSchema], "postgres", SystemCatalog.TempSchema + "_0");

    public string User { get; }

    /// <summary>The session's temporary schema name (pg_temp_N).</summary>
    public string TempSchema { get; }

    /// <summary>Parses the search_path setting's text (a comma-separated identifier list).</summary>
    public static SearchPath Parse(string setting, string user, string tempSchema) => new(SplitIdentifiers(setting), user, tempSchema);

    /// <summary>
    /// The schema an explicitly written qualifier names: pg_temp is the session's temporary
    /// schema. The name is returned unchanged when it is not pg_temp.
    /// </summary>
    public string Qualifier(string schema) => schema == SystemCatalog.TempSchema ? TempSchema : schema;

    /// <summary>This path with <paramref name="schema"/> searched first and receiving new objects (CREATE SCHEMA's elements run so).</summary>
    public SearchPath Prepend(string schema) => new([schema, .. _elements], User, TempSchema) { Role = Role };

    /// <summary>
    /// The role whose USAGE a listed schema needs to be searched, as PostgreSQL leaves schemas the
    /// user may not use out of the path; 0 (a superuser's path) searches every listed schema.
    /// </summary>
    public uint Role { get; init; }

    private bool Usable(SystemCatalog catalog, string schema) =>
        Role == 0 || IsTempSchema(schema) || schema == PgCatalog.SystemRelations.Schema
        || (Execution.Privileges.Held(catalog, Role, new ObjectKey(ObjectKey.Namespace, catalog.SchemaOid(schema))) & Privilege.Usage) != 0;

    /// <summary>The schemas searched for an unqualified name, in order.</summary>
    public IReadOnlyList<string> Effective(SystemCatalog catalog, bool includeTemp = true)
    {
        var listed = Listed(catalog);
        var result = new List<string>(listed.Count + 2);
        var tempExists = catalog.Schemas.Contains(TempSchema);
        if (includeTemp && tempExists && !listed.Contains(TempSchema)) result.Add(TempSchema);
        if (!listed.Contains(PgCatalog.SystemRelations.Schema)) result.Add(PgCatalog.SystemRelations.Schema);
        foreach (var s in listed)
            if (includeTemp || s != TempSchema) result.Add(s);
        return result;
    }

    /// <summary>The listed schemas that exist, in order, without the implicit ones.</summary>
    public List<string> Listed(SystemCatalog catalog)
    {
        var result = new List<string>();
        foreach (var e in _elements)
        {
            var name = e == "$user" ? User : e == SystemCatalog.TempSchema ? TempSchema : e;
            if (catalog.Schemas.Contains(name) && !result.Contains(name) && Usable(catalog, name)) result.Add(name);
        }
        return result;
    }

    /// <summary>current_schema(): the first listed schema that exists, or null.</summary>
    public string? CurrentSchema(SystemCatalog catalog) => Listed(catalog) is [var first, ..] ? first : null;

    /// <summary>
    /// The schema a new object with an unqualified name goes into: the first listed schema that
    /// exists, or pg_temp when that is listed first and the session has no temporary schema yet.
    /// </summary>
    public string CreationSchema(SystemCatalog catalog, int position = 0)
    {
        foreach (var e in _elements)
        {
            if (e == SystemCatalog.TempSchema) return TempSchema;
            var name = e == "$user" ? User : e;
            if (catalog.Schemas.Contains(name) && Usable(catalog, name)) return name;
        }
        throw new TenonException(SqlState.InvalidSchemaName, "no schema has been selected to create in") { Position = position };
    }

    /// <summary>True for a session temporary schema name (pg_temp_N) or the pg_temp alias.</summary>
    public static bool IsTempSchema(string schema) =>
        schema == SystemCatalog.TempSchema || schema.StartsWith(SystemCatalog.TempSchema + "_", StringComparison.Ordinal);

    /// <summary>
    /// Splits a list of identifiers as PostgreSQL reads list settings: unquoted names folded to
    /// lower case, double-quoted ones kept as written ("" is a quote), separated by commas.
    /// </summary>
    public static List<string> SplitIdentifiers(string text)
    {
        var result = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            var part = new StringBuilder();
            if (text[i] == '"')
            {
                i++;
                while (i < text.Length)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { part.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    part.Append(text[i++]);
                }
            }
            else
                while (i < text.Length && text[i] != ',' && !char.IsWhiteSpace(text[i]))
                    part.Append(char.ToLowerInvariant(text[i++]));
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i < text.Length && text[i] == ',') i++;
            if (part.Length > 0) result.Add(part.ToString());
        }
        return result;
    }
}
