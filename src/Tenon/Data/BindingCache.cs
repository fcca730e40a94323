namespace Tenon.Data;

/// <summary>
/// A connection's bindings of unprepared command texts (<see cref="ParameterBinding.Create"/>:
/// named parameters rewritten to <c>$n</c>), by text and parameter names. Dapper and EF Core make
/// a new command for every execution and never prepare it, so without this every execution
/// would rewrite its text again; the engine's parse cache then finds the rewritten text parsed.
/// </summary>
internal sealed class BindingCache
{
    // Enough for the statements of an application; past it the cache starts over (as the engine's parse cache does).
    private const int Capacity = 512;
    private const int MaxTextLength = 16384;

    private readonly Dictionary<string, (string[] Names, ParameterBinding Binding)> _entries = new(StringComparer.Ordinal);

    /// <summary>The binding of <paramref name="text"/> for the collection's current parameter names.</summary>
    public ParameterBinding Get(string text, TenonParameterCollection parameters)
    {
        if (_entries.TryGetValue(text, out var entry) && ParameterBinding.SameNames(entry.Names, parameters)) return entry.Binding;
        var binding = ParameterBinding.Create(text, parameters);
        if (text.Length <= MaxTextLength)
        {
            if (_entries.Count >= Capacity && !_entries.ContainsKey(text)) _entries.Clear();
            _entries[text] = (ParameterBinding.NamesOf(parameters), binding);
        }
        return binding;
    }
}
