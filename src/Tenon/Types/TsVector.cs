using System.Text;

namespace Tenon.Types;

/// <summary>
/// A tsvector value: distinct lexemes in PostgreSQL's order (byte order of their UTF-8 text,
/// see <see cref="CompareLexemes"/>), each with its sorted, distinct positions. A position is
/// PostgreSQL's WordEntryPos: 14 bits of position (1..16383) and 2 bits of weight (3 = A … 0 = D).
/// Immutable.
/// </summary>
public sealed class TsVector : IEquatable<TsVector>
{
    /// <summary>The largest position a tsvector keeps (MAXENTRYPOS - 1); larger ones are clamped to it.</summary>
    public const int MaxPosition = (1 << 14) - 1;

    /// <summary>At most this many positions are kept per lexeme (MAXNUMPOS).</summary>
    public const int MaxPositions = 256;

    public static readonly TsVector Empty = new([]);

    public TsVector(IReadOnlyList<TsLexeme> lexemes) => Lexemes = lexemes;

    public IReadOnlyList<TsLexeme> Lexemes { get; }

    public static int PositionOf(ushort p) => p & MaxPosition;

    public static int WeightOf(ushort p) => p >> 14;

    public static ushort MakePosition(int position, int weight) =>
        (ushort)((Math.Min(position, MaxPosition) & MaxPosition) | (weight << 14));

    /// <summary>tsCompareString: memcmp of the UTF-8 bytes, a prefix sorting first.</summary>
    public static int CompareLexemes(string a, string b)
    {
        // Ordinal UTF-16 order is UTF-8 byte order except for surrogates against U+E000..U+FFFF.
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x == y) continue;
            if (x >= 0xD800 || y >= 0xD800) return Remap(x).CompareTo(Remap(y));
            return x.CompareTo(y);
        }
        return a.Length.CompareTo(b.Length);

        static int Remap(char c) => c is >= '\uD800' and <= '\uDFFF' ? c + 0x2000 : c >= '\uE000' ? c - 0x800 : c;
    }

    /// <summary>
    /// Builds a tsvector from lexemes in any order with duplicates: sorts them, merges the
    /// positions of equal lexemes (uniqueentry), and sorts, de-duplicates and limits each
    /// lexeme's positions (uniquePos: the highest weight wins for one position).
    /// </summary>
    public static TsVector Build(IEnumerable<(string Lexeme, IEnumerable<ushort> Positions)> words)
    {
        var map = new Dictionary<string, List<ushort>?>(StringComparer.Ordinal);
        foreach (var (lexeme, positions) in words)
        {
            var list = positions as ICollection<ushort> ?? positions.ToList();
            if (!map.TryGetValue(lexeme, out var existing))
            {
                map[lexeme] = list.Count == 0 ? null : [.. list];
            }
            else if (list.Count > 0)
            {
                if (existing is null) map[lexeme] = [.. list];
                else existing.AddRange(list);
            }
        }
        var keys = map.Keys.ToList();
        keys.Sort(CompareLexemes);
        return new TsVector(keys.Select(k => new TsLexeme(k, UniquePositions(map[k]))).ToArray());
    }

    internal static ushort[] UniquePositions(List<ushort>? positions)
    {
        if (positions is null || positions.Count == 0) return [];
        var sorted = positions.OrderBy(PositionOf).ToList();
        var result = new List<ushort> { sorted[0] };
        for (var i = 1; i < sorted.Count; i++)
        {
            var last = result[^1];
            if (PositionOf(sorted[i]) != PositionOf(last))
            {
                if (result.Count >= MaxPositions - 1 || PositionOf(last) == MaxPosition) break;
                result.Add(sorted[i]);
            }
            else if (WeightOf(sorted[i]) > WeightOf(last))
            {
                result[^1] = MakePosition(PositionOf(last), WeightOf(sorted[i]));
            }
        }
        return [.. result];
    }

    /// <summary>The lexeme's entry, or null (binary search in lexeme order).</summary>
    public TsLexeme? Find(string lexeme)
    {
        int lo = 0, hi = Lexemes.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var c = CompareLexemes(Lexemes[mid].Text, lexeme);
            if (c == 0) return Lexemes[mid];
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    /// <summary>tsvectorout: each lexeme quoted, quotes and backslashes doubled, then :positions with weight letters.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var lexeme in Lexemes)
        {
            if (sb.Length > 0) sb.Append(' ');
            AppendQuoted(sb, lexeme.Text);
            for (var i = 0; i < lexeme.Positions.Length; i++)
            {
                sb.Append(i == 0 ? ':' : ',');
                var p = lexeme.Positions[i];
                sb.Append(PositionOf(p));
                switch (WeightOf(p))
                {
                    case 3: sb.Append('A'); break;
                    case 2: sb.Append('B'); break;
                    case 1: sb.Append('C'); break;
                }
            }
        }
        return sb.ToString();
    }

    internal static void AppendQuoted(StringBuilder sb, string text)
    {
        sb.Append('\'');
        foreach (var c in text)
        {
            if (c is '\'' or '\\') sb.Append(c);
            sb.Append(c);
        }
        sb.Append('\'');
    }

    public bool Equals(TsVector? other)
    {
        if (other is null || other.Lexemes.Count != Lexemes.Count) return false;
        for (var i = 0; i < Lexemes.Count; i++)
        {
            if (Lexemes[i].Text != other.Lexemes[i].Text || !Lexemes[i].Positions.AsSpan().SequenceEqual(other.Lexemes[i].Positions)) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as TsVector);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var l in Lexemes)
        {
            h.Add(l.Text);
            foreach (var p in l.Positions) h.Add(p);
        }
        return h.ToHashCode();
    }

    /// <summary>
    /// A total order consistent with equality. PostgreSQL's tsvector_cmp orders by its internal
    /// layout (sizes first); this orders by lexeme count, then lexemes, then positions, which
    /// agrees with it on equality but not always on which of two different vectors is smaller.
    /// </summary>
    public int CompareTo(TsVector other)
    {
        var c = Lexemes.Count.CompareTo(other.Lexemes.Count);
        if (c != 0) return c;
        for (var i = 0; i < Lexemes.Count; i++)
        {
            c = CompareLexemes(Lexemes[i].Text, other.Lexemes[i].Text);
            if (c != 0) return c;
            c = Lexemes[i].Positions.AsSpan().SequenceCompareTo(other.Lexemes[i].Positions);
            if (c != 0) return c;
        }
        return 0;
    }
}

/// <summary>One lexeme of a <see cref="TsVector"/> and its positions (empty when it has none).</summary>
public sealed record TsLexeme(string Text, ushort[] Positions);
