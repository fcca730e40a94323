using System.Globalization;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Catalog;

/// <summary>
/// An index's storage parameters (pg_class.reloptions) as PostgreSQL 15 defines them per access
/// method: which names exist, each one's type and bounds, how SET/RESET merge with the options an
/// index has, and how pg_get_indexdef prints them. Tenon keeps them for the catalog and acts on
/// none of them.
/// </summary>
public static class IndexStorageParameters
{
    private enum Kind { Int, Real, Bool, Buffering }

    private sealed record Parameter(string Name, Kind Kind, double Min = 0, double Max = 0);

    private static readonly Parameter FillFactor = new("fillfactor", Kind.Int, 10, 100);

    private static Parameter[] Known(string method) => method switch
    {
        "btree" => [FillFactor, new("vacuum_cleanup_index_scale_factor", Kind.Real, 0, 1e10), new("deduplicate_items", Kind.Bool)],
        "hash" => [FillFactor],
        "gist" => [FillFactor, new("buffering", Kind.Buffering)],
        "gin" => [new("fastupdate", Kind.Bool), new("gin_pending_list_limit", Kind.Int, 64, int.MaxValue)],
        "spgist" => [FillFactor],
        "brin" => [new("pages_per_range", Kind.Int, 1, 131072), new("autosummarize", Kind.Bool)],
        _ => [],
    };

    /// <summary>
    /// CREATE INDEX … WITH (…): the options as reloptions stores them, checked for
    /// <paramref name="method"/>. No namespace is valid here.
    /// </summary>
    public static List<string> ForCreate(IReadOnlyList<RelOption> given, string method)
    {
        foreach (var g in given)
            if (g.Namespace is not null)
                throw new TenonException(SqlState.InvalidParameterValue, $"unrecognized parameter namespace \"{g.Namespace}\"");
        var options = given.Select(g => $"{g.Name}={g.Value ?? "true"}").ToList();
        Validate(options, method);
        return options;
    }

    /// <summary>
    /// ALTER INDEX … SET / RESET: the options after merging <paramref name="given"/> into
    /// <paramref name="old"/> (options named again leave the old list; SET appends the new ones in
    /// order), checked for <paramref name="method"/>. A "toast." option is accepted and ignored, as
    /// PostgreSQL does for an index.
    /// </summary>
    public static List<string> Merge(IReadOnlyList<string> old, IReadOnlyList<RelOption> given, bool reset, string method)
    {
        foreach (var g in given)
        {
            if (reset && g.Value is not null) throw new TenonException(SqlState.SyntaxError, "RESET must not include values for parameters");
            if (!reset && g.Namespace is not null and not "toast")
                throw new TenonException(SqlState.InvalidParameterValue, $"unrecognized parameter namespace \"{g.Namespace}\"");
        }
        var own = given.Where(g => g.Namespace is null).ToList();
        var result = old.Where(o => !own.Any(g => g.Name == NameOf(o))).ToList();
        if (!reset) result.AddRange(own.Select(g => $"{g.Name}={g.Value ?? "true"}"));
        Validate(result, method);
        return result;
    }

    /// <summary>
    /// The options as pg_get_indexdef and \d print them after WITH: name=value, the value bare
    /// when it reads as an identifier and quoted as a literal otherwise.
    /// </summary>
    public static string Format(IReadOnlyList<string> options) => string.Join(", ", options.Select(o =>
    {
        var name = NameOf(o);
        var value = o.Length > name.Length ? o[(name.Length + 1)..] : "";
        var bare = SqlErrors.QuoteIdentifier(value) == value;
        return $"{name}={(bare ? value : "'" + value.Replace("'", "''") + "'")}";
    }));

    private static string NameOf(string option) => RelOptionValues.NameOf(option);

    private static void Validate(IReadOnlyList<string> options, string method)
    {
        var known = Known(method);
        RelOptionValues.Validate(options, name => known.FirstOrDefault(k => k.Name == name), CheckValue);
    }

    private static readonly string[] BufferingValues = ["on", "off", "auto"];

    private static void CheckValue(Parameter p, string value)
    {
        switch (p.Kind)
        {
            case Kind.Bool: RelOptionValues.CheckBool(p.Name, value); break;
            case Kind.Buffering: RelOptionValues.CheckEnum(p.Name, value, BufferingValues); break;
            case Kind.Int: RelOptionValues.CheckInt(p.Name, value, p.Min, p.Max); break;
            case Kind.Real: RelOptionValues.CheckReal(p.Name, value, p.Min, p.Max); break;
        }
    }
}
