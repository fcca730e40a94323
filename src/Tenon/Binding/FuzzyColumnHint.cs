namespace Tenon.Binding;

/// <summary>
/// PostgreSQL's "Perhaps you meant to reference the column …" hint for a misspelt qualified column:
/// the columns of the named entry closest by Levenshtein distance, at most 3 edits and at most
/// half the length of the name written. One best match is named; two equally close are both
/// named; more than two at the best distance fall back to the next distance down, as PostgreSQL
/// does, which usually means no hint.
/// </summary>
internal static class FuzzyColumnHint
{
    private const int MaxDistance = 3;

    public static string? For(string alias, string written, RangeEntry entry)
    {
        var best = MaxDistance + 1;
        string? first = null, second = null;
        foreach (var c in entry.Columns)
        {
            if (c.Hidden) continue;
            var d = Distance(written, c.Name);
            if (d > written.Length / 2) continue;
            if (d < best)
            {
                best = d;
                first = c.Name;
                second = null;
            }
            else if (d == best)
            {
                if (second is not null)
                {
                    first = second = null;
                    best = d - 1;
                }
                else if (first is not null) second = c.Name;
            }
        }
        if (first is null) return null;
        return second is null
            ? $"Perhaps you meant to reference the column \"{alias}.{first}\"."
            : $"Perhaps you meant to reference the column \"{alias}.{first}\" or the column \"{alias}.{second}\".";
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
