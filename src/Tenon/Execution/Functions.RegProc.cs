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
    public static string RegProcName(uint oid, SystemCatalog catalog, bool withArguments)
    {
        if (oid == 0) return "-";
        if (catalog.Functions.GetValueOrDefault(oid) is { } user)
            return withArguments
                ? $"{SqlErrors.QuoteIdentifier(user.Name)}({string.Join(',', user.InputTypes.Select(t => PgProc.ArgumentTypeName(t.DisplayName)))})"
                : SqlErrors.QuoteIdentifier(user.Name);
        foreach (var p in PgProc.Procedures)
            if (p.Oid == oid)
                return withArguments ? $"{SqlErrors.QuoteIdentifier(p.Name)}({string.Join(',', p.Arguments)})" : SqlErrors.QuoteIdentifier(p.Name);
        return oid.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// regproc input: digits are an oid, "-" is 0, otherwise a (possibly pg_catalog-qualified)
    /// function name that must name exactly one function.
    /// </summary>
    public static uint ResolveRegProc(string text)
    {
        if (TryOid(text, out var oid)) return oid;
        var name = FunctionName(text);
        var matches = PgProc.Procedures.Where(p => p.Name == name).ToList();
        if (matches.Count == 0) throw new TenonException(SqlState.UndefinedFunction, $"function \"{text}\" does not exist");
        if (matches.Count > 1) throw new TenonException(SqlState.AmbiguousFunction, $"more than one function named \"{text}\"");
        return matches[0].Oid;
    }

    /// <summary>
    /// regprocedure input: digits are an oid, "-" is 0, otherwise name(type, …) whose argument types
    /// (resolved by <paramref name="typeName"/>, which gives PostgreSQL's spelling) match one function.
    /// </summary>
    public static uint ResolveRegProcedure(string text, Func<string, string> typeName)
    {
        if (TryOid(text, out var oid)) return oid;
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var trimmed = text.TrimEnd();
        if (open < 0) throw new TenonException(SqlState.InvalidTextRepresentation, "expected a left parenthesis");
        if (!trimmed.EndsWith(')')) throw new TenonException(SqlState.InvalidTextRepresentation, "expected a right parenthesis");
        var name = FunctionName(text[..open]);
        var inner = trimmed[(open + 1)..^1];
        var args = inner.Trim().Length == 0 ? [] : inner.Split(',').Select(a => typeName(a.Trim())).ToArray();
        foreach (var p in PgProc.Procedures)
            if (p.Name == name && p.Arguments.SequenceEqual(args)) return p.Oid;
        throw new TenonException(SqlState.UndefinedFunction, $"function \"{text}\" does not exist");
    }

    private static bool TryOid(string text, out uint oid)
    {
        oid = 0;
        if (text == "-") return true;
        return text.Length > 0 && text.All(char.IsAsciiDigit) && uint.TryParse(text, out oid);
    }

    /// <summary>The function name of a possibly pg_catalog-qualified, possibly quoted name.</summary>
    private static string FunctionName(string text)
    {
        var parts = RegClassName.Split(text.Trim());
        if (parts.Count == 2 && parts[0] == "pg_catalog") return parts[1];
        if (parts.Count != 1) throw new TenonException(SqlState.InvalidName, "invalid name syntax");
        return parts[0];
    }
}
