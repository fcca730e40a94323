namespace Tenon.Data;

/// <summary>
/// How a command text and its parameter collection reach the engine: the text with named
/// parameters rewritten to <c>$n</c> (or unchanged when they are positional), the names in
/// <c>$n</c> order, and the map from rewritten positions back to the caller's text for errors.
/// Shared by <see cref="TenonCommand"/> and <see cref="TenonBatchCommand"/>.
/// </summary>
internal sealed record ParameterBinding(string Sql, IReadOnlyList<string>? Names, PositionMap Positions)
{
    public static ParameterBinding Create(string text, TenonParameterCollection parameters)
    {
        var items = parameters.Items;
        var named = 0;
        for (var i = 0; i < items.Count; i++)
            if (items[i].ParameterName.Length > 0) named++;
        if (named == 0) return new ParameterBinding(text, null, PositionMap.Identity);
        if (named < items.Count)
            throw new InvalidOperationException("Named and positional (unnamed) parameters cannot be mixed in one command.");
        var rewritten = NamedParameterRewriter.Rewrite(text, name =>
            parameters.IndexOf(name) is var i && i >= 0 ? items[i].ParameterName : null);
        return new ParameterBinding(rewritten.Sql, rewritten.Names, rewritten.Positions);
    }

    /// <summary>
    /// The parameter names, in collection order: what decides the binding, so a binding made for
    /// them stays valid while <see cref="SameNames"/> holds.
    /// </summary>
    public static string[] NamesOf(TenonParameterCollection parameters)
    {
        var items = parameters.Items;
        var names = new string[items.Count];
        for (var i = 0; i < names.Length; i++) names[i] = items[i].ParameterName;
        return names;
    }

    /// <summary>Whether the collection's names are still <paramref name="names"/> (checked on every execution, so it allocates nothing).</summary>
    public static bool SameNames(string[] names, TenonParameterCollection parameters)
    {
        var items = parameters.Items;
        if (items.Count != names.Length) return false;
        for (var i = 0; i < names.Length; i++)
            if (!string.Equals(items[i].ParameterName, names[i], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>The parameters' current values in <c>$n</c> order, converted for the engine.</summary>
    public object?[] Values(TenonParameterCollection parameters)
    {
        var items = parameters.Items;
        if (Names is null)
        {
            var positional = new object?[items.Count];
            for (var i = 0; i < positional.Length; i++) positional[i] = items[i].EngineValue();
            return positional;
        }
        var values = new object?[Names.Count];
        for (var i = 0; i < values.Length; i++) values[i] = parameters[Names[i]].EngineValue();
        return values;
    }
}
