using System.Text;

namespace Tenon.Catalog;

/// <summary>
/// PostgreSQL's rules for names it makes up (makeObjectName, ChooseRelationName,
/// ChooseConstraintName): <c>name1_name2_label</c>, cut to 63 bytes by shortening the longer of
/// name1 and name2 one character at a time (never splitting a UTF-8 character), and on a clash
/// the label gets a number appended: <c>t_a_fkey</c>, <c>t_a_fkey1</c>, <c>t_a_fkey2</c>, …
/// </summary>
public static class NameGenerator
{
    public const int MaxIdentifierBytes = 63;

    public static string MakeObjectName(string name1, string? name2, string label)
    {
        var overhead = label.Length > 0 ? Encoding.UTF8.GetByteCount(label) + 1 : 0;
        if (name2 is not null) overhead++;
        var available = MaxIdentifierBytes - overhead;
        var n1 = Encoding.UTF8.GetByteCount(name1);
        var n2 = name2 is null ? 0 : Encoding.UTF8.GetByteCount(name2);
        while (n1 + n2 > available)
        {
            if (n1 > n2) n1 = ClipBytes(name1, n1 - 1);
            else n2 = ClipBytes(name2!, n2 - 1);
        }
        var sb = new StringBuilder();
        sb.Append(Prefix(name1, n1));
        if (name2 is not null) sb.Append('_').Append(Prefix(name2, n2));
        if (label.Length > 0) sb.Append('_').Append(label);
        return sb.ToString();
    }

    /// <summary>Chooses <c>name1_name2_label</c>, adding 1, 2, … to the label until <paramref name="taken"/> says it is free.</summary>
    public static string Choose(string name1, string? name2, string label, Func<string, bool> taken)
    {
        var pass = 0;
        while (true)
        {
            var candidate = MakeObjectName(name1, name2, pass == 0 ? label : label + pass);
            if (!taken(candidate)) return candidate;
            pass++;
        }
    }

    /// <summary>The column-name part of an index or foreign-key name: names joined by '_', cut to 63 bytes.</summary>
    /// <summary>Index column names made distinct as PostgreSQL makes them: a repeated name gets 1, 2, … appended (a, b, a → a, b, a1).</summary>
    public static IReadOnlyList<string> DistinctColumnNames(IEnumerable<string> columns)
    {
        var names = new List<string>();
        foreach (var baseName in columns)
        {
            var name = baseName;
            for (var n = 1; names.Contains(name); n++) name = Truncate(baseName + n);
            names.Add(name);
        }
        return names;
    }

    public static string JoinColumnNames(IEnumerable<string> columns)
    {
        var sb = new StringBuilder();
        foreach (var c in columns)
        {
            if (sb.Length > 0) sb.Append('_');
            sb.Append(c);
            if (Encoding.UTF8.GetByteCount(sb.ToString()) >= MaxIdentifierBytes) break;
        }
        var s = sb.ToString();
        var bytes = Encoding.UTF8.GetByteCount(s);
        return bytes > MaxIdentifierBytes ? Prefix(s, ClipBytes(s, MaxIdentifierBytes)) : s;
    }

    /// <summary>Truncates an identifier to 63 bytes as PostgreSQL does (the NOTICE is the caller's business).</summary>
    public static string Truncate(string identifier)
    {
        var bytes = Encoding.UTF8.GetByteCount(identifier);
        return bytes <= MaxIdentifierBytes ? identifier : Prefix(identifier, ClipBytes(identifier, MaxIdentifierBytes));
    }

    // Largest byte length <= limit that ends on a character boundary of s.
    private static int ClipBytes(string s, int limit)
    {
        var total = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            var len = rune.Utf8SequenceLength;
            if (total + len > limit) break;
            total += len;
        }
        return total;
    }

    private static string Prefix(string s, int byteCount)
    {
        var sb = new StringBuilder();
        var total = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            var len = rune.Utf8SequenceLength;
            if (total + len > byteCount) break;
            total += len;
            sb.Append(rune.ToString());
        }
        return sb.ToString();
    }
}
