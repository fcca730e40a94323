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
        if (items.Count == 0 || items.All(p => p.ParameterName.Length == 0))
            return new ParameterBinding(text, null, PositionMap.Identity);
        if (items.Any(p => p.ParameterName.Length == 0))
            throw new InvalidOperationException("Named and positional (unnamed) parameters cannot be mixed in one command.");
        var rewritten = NamedParameterRewriter.Rewrite(text, name =>
            parameters.IndexOf(name) is var i && i >= 0 ? items[i].ParameterName : null);
        return new ParameterBinding(rewritten.Sql, rewritten.Names, rewritten.Positions);
    }

    /// <summary>Which parameters are named decides the binding; a prepared binding stays valid while this does not change.</summary>
    public static string Signature(TenonParameterCollection parameters) =>
        string.Join('\n', parameters.Items.Select(p => p.ParameterName));

    /// <summary>The parameters' current values in <c>$n</c> order, converted for the engine.</summary>
    public object?[] Values(TenonParameterCollection parameters)
    {
        if (Names is null) return parameters.Items.Select(p => p.EngineValue()).ToArray();
        return Names.Select(n => parameters[n].EngineValue()).ToArray();
    }
}
