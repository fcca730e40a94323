using Tenon.Types;

namespace Tenon.TextSearch;

/// <summary>
/// tsvector @@ tsquery (TS_execute): operands match a lexeme (or, with :*, every lexeme they
/// start) whose positions carry one of the operand's weights; &amp;, | and ! combine as boolean
/// operators. A phrase L &lt;N&gt; R matches where a match of R starts exactly N positions after a
/// match of L ends. Lexemes without positions (a stripped tsvector) satisfy weight conditions by
/// their presence but never a phrase, as in PostgreSQL 15. The empty query matches nothing.
/// </summary>
public static class TsMatch
{
    public static bool Matches(TsVector vector, TsQuery query) => query.Root is { } root && Evaluate(vector, root);

    private static bool Evaluate(TsVector v, TsQueryNode node) => node switch
    {
        TsQueryOperand o => Positions(v, o, out _).Count > 0 || HasUnpositioned(v, o),
        TsQueryNot n => !Evaluate(v, n.Operand),
        TsQueryBinary { Operator: TsOperator.And } b => Evaluate(v, b.Left) && Evaluate(v, b.Right),
        TsQueryBinary { Operator: TsOperator.Or } b => Evaluate(v, b.Left) || Evaluate(v, b.Right),
        TsQueryBinary b => Phrase(v, b) is { } m && (m.Any || m.Ends.Count > 0),
        _ => false,
    };

    // The matches of a phrase operand: the positions where its matches end, its width (the
    // span from start to end), and Any when positions are unknown but it is present.
    private sealed record PhraseMatch(SortedSet<int> Ends, int Width, bool Any);

    private static PhraseMatch? Phrase(TsVector v, TsQueryNode node)
    {
        switch (node)
        {
            case TsQueryOperand o:
            {
                var positions = Positions(v, o, out _);
                return positions.Count > 0 ? new PhraseMatch(positions, 0, false) : null;
            }
            case TsQueryNot n:
                // A negation inside a phrase constrains no position: it matches where its operand does not occur.
                return Evaluate(v, n.Operand) ? null : new PhraseMatch([], 0, true);
            case TsQueryBinary { Operator: TsOperator.Phrase } b:
            {
                var l = Phrase(v, b.Left);
                var r = Phrase(v, b.Right);
                if (l is null || r is null) return null;
                var width = l.Width + b.Distance + r.Width;
                if (l.Any || r.Any) return new PhraseMatch([], width, true);
                var ends = new SortedSet<int>();
                foreach (var end in r.Ends)
                    if (l.Ends.Contains(end - r.Width - b.Distance)) ends.Add(end);
                return ends.Count > 0 ? new PhraseMatch(ends, width, false) : null;
            }
            case TsQueryBinary b:
            {
                var l = Phrase(v, b.Left);
                var r = Phrase(v, b.Right);
                if (b.Operator == TsOperator.And && (l is null || r is null)) return null;
                if (l is null) return r;
                if (r is null) return l;
                var ends = new SortedSet<int>(l.Ends);
                ends.UnionWith(r.Ends);
                return new PhraseMatch(ends, Math.Max(l.Width, r.Width), l.Any || r.Any);
            }
        }
        return null;
    }

    private static IEnumerable<TsLexeme> Candidates(TsVector v, TsQueryOperand o)
    {
        if (!o.Prefix)
        {
            if (v.Find(o.Lexeme) is { } exact) yield return exact;
            yield break;
        }
        foreach (var l in v.Lexemes)
            if (l.Text.StartsWith(o.Lexeme, StringComparison.Ordinal)) yield return l;
    }

    private static bool WeightMatches(ushort p, int weights) => weights == 0 || (weights & (1 << TsVector.WeightOf(p))) != 0;

    private static SortedSet<int> Positions(TsVector v, TsQueryOperand o, out bool any)
    {
        any = false;
        var set = new SortedSet<int>();
        foreach (var l in Candidates(v, o))
        {
            foreach (var p in l.Positions)
                if (WeightMatches(p, o.Weights)) set.Add(TsVector.PositionOf(p));
        }
        return set;
    }

    private static bool HasUnpositioned(TsVector v, TsQueryOperand o) => Candidates(v, o).Any(l => l.Positions.Length == 0);
}
