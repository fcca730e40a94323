using System.Globalization;
using Tenon.Catalog;
using Tenon.Catalog.PgCatalog;
using Tenon.Errors;

namespace Tenon.Execution;

public static partial class Functions
{
    /// <summary>
    /// regproc / regprocedure output: the function's name (with its argument types for
    /// regprocedure, as array_in(cstring,oid,integer)); "-" for 0, the bare oid for an unknown function.
    /// </summary>
    public static string RegProcName(uint oid, SystemCatalog catalog, bool withArguments, SearchPath? path = null)
    {
        if (oid == 0) return "-";
        if (catalog.Functions.GetValueOrDefault(oid) is { } user)
        {
            var arguments = user.InputTypes.Select(t => PgProc.ArgumentTypeName(t.WithoutModifier().DisplayName)).ToArray();
            // Schema-qualified unless the name (regproc: the name alone, regprocedure: with these
            // arguments) finds this very function on the search path.
            var found = path is null || (withArguments
                ? Candidates(catalog, path, null, user.Name).FirstOrDefault(c => c.Arguments.SequenceEqual(arguments)).Oid == oid
                : Candidates(catalog, path, null, user.Name).Take(2).ToList() is [var only] && only.Oid == oid);
            var name = found ? SqlErrors.QuoteIdentifier(user.Name) : $"{SqlErrors.QuoteIdentifier(user.Schema)}.{SqlErrors.QuoteIdentifier(user.Name)}";
            return withArguments ? $"{name}({string.Join(',', arguments)})" : name;
        }
        foreach (var p in PgProc.Procedures)
            if (p.Oid == oid)
                return withArguments ? $"{SqlErrors.QuoteIdentifier(p.Name)}({string.Join(',', p.Arguments)})" : SqlErrors.QuoteIdentifier(p.Name);
        return oid.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// regproc input: digits are an oid, "-" is 0, otherwise a function name, schema-qualified or
    /// found on the search path (pg_catalog's functions first, unless the path places it), that
    /// must name exactly one function there.
    /// </summary>
    public static uint ResolveRegProc(string text, SystemCatalog catalog, SearchPath path)
    {
        if (TryOid(text, out var oid)) return oid;
        var (schema, name) = QualifiedFunctionName(text);
        var matches = Candidates(catalog, path, schema, name).ToList();
        if (matches.Count == 0) throw new TenonException(SqlState.UndefinedFunction, $"function \"{text}\" does not exist");
        if (matches.Count > 1) throw new TenonException(SqlState.AmbiguousFunction, $"more than one function named \"{text}\"");
        return matches[0].Oid;
    }

    /// <summary>
    /// regprocedure input: digits are an oid, "-" is 0, otherwise name(type, …) whose argument types
    /// (resolved by <paramref name="typeName"/>, which gives PostgreSQL's spelling) match one function
    /// among those the name finds (as for regproc).
    /// </summary>
    public static uint ResolveRegProcedure(string text, SystemCatalog catalog, SearchPath path, Func<string, string> typeName)
    {
        if (TryOid(text, out var oid)) return oid;
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var trimmed = text.TrimEnd();
        if (open < 0) throw new TenonException(SqlState.InvalidTextRepresentation, "expected a left parenthesis");
        if (!trimmed.EndsWith(')')) throw new TenonException(SqlState.InvalidTextRepresentation, "expected a right parenthesis");
        var (schema, name) = QualifiedFunctionName(text[..open]);
        var inner = trimmed[(open + 1)..^1];
        var args = inner.Trim().Length == 0 ? [] : inner.Split(',').Select(a => typeName(a.Trim())).ToArray();
        foreach (var (candidate, arguments) in Candidates(catalog, path, schema, name))
            if (arguments.SequenceEqual(args)) return candidate;
        throw new TenonException(SqlState.UndefinedFunction, $"function \"{text}\" does not exist");
    }

    /// <summary>
    /// The functions an unqualified (or schema-qualified) name finds, with their input types as
    /// regprocedure spells them: along the search path without the temporary schema, a function
    /// hidden by one of the same arguments in an earlier schema left out.
    /// </summary>
    private static IEnumerable<(uint Oid, string[] Arguments)> Candidates(SystemCatalog catalog, SearchPath path, string? schema, string name)
    {
        var seen = new HashSet<string>();
        foreach (var s in schema is null ? path.Effective(catalog, includeTemp: false) : [schema])
        {
            var inSchema = s == SystemRelations.Schema
                ? PgProc.Procedures.Where(p => p.Name == name).Select(p => (p.Oid, p.Arguments))
                : catalog.Functions.Values.Where(f => f.Schema == s && f.Name == name).OrderBy(f => f.Oid)
                    .Select(f => (f.Oid, Arguments: f.InputTypes.Select(t => PgProc.ArgumentTypeName(t.WithoutModifier().DisplayName)).ToArray()));
            foreach (var c in inSchema.ToList())
                if (seen.Add(string.Join(",", c.Arguments))) yield return c;
        }
    }

    private static bool TryOid(string text, out uint oid)
    {
        oid = 0;
        if (text == "-") return true;
        return text.Length > 0 && text.All(char.IsAsciiDigit) && uint.TryParse(text, out oid);
    }

    /// <summary>A possibly schema-qualified, possibly quoted function name.</summary>
    private static (string? Schema, string Name) QualifiedFunctionName(string text)
    {
        var parts = RegClassName.Split(text.Trim());
        return parts.Count switch
        {
            1 => (null, parts[0]),
            2 => (parts[0], parts[1]),
            _ => throw new TenonException(SqlState.InvalidName, "invalid name syntax"),
        };
    }
}
