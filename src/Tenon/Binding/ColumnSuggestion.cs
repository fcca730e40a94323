namespace Tenon.Binding;

/// <summary>
/// The "Perhaps you meant to reference the column …" hint of an unknown column (PostgreSQL's
/// errorMissingColumn): the visible columns nearest by Levenshtein distance, at most 3 edits away
/// (counting the edits to the table name when the reference was qualified) and with at most half
/// the written name's characters changed. One nearest column gives one suggestion, two at the same
/// distance give both, and more than two give none.
/// </summary>
public static class ColumnSuggestion
{
    private const int MaxDistance = 3;

    public static string? Hint(string column, string? alias, Scope? scope)
    {
        var best = MaxDistance + 1;
        var matches = new List<string>();
        var dropped = false;
        for (var s = scope; s is not null; s = s.Parent)
            foreach (var entry in s.Entries)
            {
                if (entry.Alias is null || entry.Synthetic) continue;
                var penalty = alias is null ? 0 : Levenshtein(alias, entry.Alias);
                if (penalty > best) continue;
                foreach (var c in entry.Columns)
                {
                    if (c.Hidden) continue;
                    var distance = Levenshtein(c.Name, column);
                    if (distance > column.Length / 2) continue;
                    distance += penalty;
                    if (distance < best)
                    {
                        best = distance;
                        matches.Clear();
                        dropped = false;
                        matches.Add($"{entry.Alias}.{c.Name}");
                    }
                    else if (distance == best && !dropped)
                    {
                        if (matches.Count == 2) { matches.Clear(); dropped = true; }
                        else matches.Add($"{entry.Alias}.{c.Name}");
                    }
                }
            }
        return matches.Count switch
        {
            1 => $"Perhaps you meant to reference the column \"{matches[0]}\".",
            2 => $"Perhaps you meant to reference the column \"{matches[0]}\" or the column \"{matches[1]}\".",
            _ => null,
        };
    }

    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
