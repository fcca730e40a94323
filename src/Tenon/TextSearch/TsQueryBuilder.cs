using Tenon.Types;

namespace Tenon.TextSearch;

/// <summary>
/// Building tsqueries from text: to_tsquery (query syntax, each operand through the
/// configuration), plainto_tsquery (all lexemes joined by &amp;), phraseto_tsquery (joined by
/// &lt;N&gt; with N the distance between their positions), websearch_to_tsquery (quoted phrases,
/// <c>or</c>, <c>-</c> for not), and the tsquery operators &amp;&amp; || &lt;-&gt;.
/// Stop words leave the query as PostgreSQL's cleanup does; a query left without lexemes is
/// empty and reported with PostgreSQL's NOTICE through <paramref name="notice"/>.
/// </summary>
public static class TsQueryBuilder
{
    private const string OnlyStopWords = "text-search query contains only stop words or doesn't contain lexemes, ignored";

    public static TsQuery ToTsQuery(TextSearchConfig config, string text, Action<string>? notice)
    {
        var tree = TsQueryText.ParseTree(text, (t, w, p) => config.MorphOperand(t, w, p, TsOperator.Phrase));
        return Finish(tree, text, notice);
    }

    public static TsQuery Plain(TextSearchConfig config, string text, TsOperator join, Action<string>? notice) =>
        Finish(config.MorphOperand(text, 0, false, join), text, notice);

    private static TsQuery Finish(TsQueryNode? tree, string text, Action<string>? notice)
    {
        if (tree is null)
        {
            notice?.Invoke($"text-search query doesn't contain lexemes: \"{text}\"");
            return TsQuery.Empty;
        }
        var cleaned = TsQueryText.RemoveStopWords(tree);
        if (cleaned is null) notice?.Invoke(OnlyStopWords);
        return new TsQuery(cleaned);
    }

    /// <summary>
    /// websearch_to_tsquery: words are ANDed; "quoted text" is a phrase; <c>or</c> between two
    /// terms is |; a leading - negates a term. Other punctuation separates words.
    /// </summary>
    public static TsQuery WebSearch(TextSearchConfig config, string text, Action<string>? notice)
    {
        var terms = new List<(TsQueryNode Node, bool OrBefore)>();
        var i = 0;
        var pendingOr = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var negate = false;
            if (c == '-')
            {
                negate = true;
                i++;
                if (i >= text.Length) break;
                c = text[i];
            }
            TsQueryNode node;
            if (c == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0) end = text.Length;
                node = config.MorphOperand(text[(i + 1)..end], 0, false, TsOperator.Phrase);
                i = Math.Min(end + 1, text.Length);
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"') i++;
                var word = text[start..i];
                if (!negate && string.Equals(word, "or", StringComparison.OrdinalIgnoreCase))
                {
                    if (terms.Count > 0) pendingOr = true;
                    continue;
                }
                node = config.MorphOperand(word, 0, false, TsOperator.And);
            }
            if (negate) node = node is TsQueryStop ? node : new TsQueryNot(node);
            terms.Add((node, pendingOr));
            pendingOr = false;
        }
        if (terms.Count == 0) return Finish(null, text, notice);
        // | binds looser than the implicit &: split into OR groups of ANDed terms.
        TsQueryNode? result = null;
        TsQueryNode? group = null;
        foreach (var (node, orBefore) in terms)
        {
            if (orBefore && group is not null)
            {
                result = result is null ? group : new TsQueryBinary(TsOperator.Or, result, group);
                group = null;
            }
            group = group is null ? node : new TsQueryBinary(TsOperator.And, group, node);
        }
        result = result is null ? group : new TsQueryBinary(TsOperator.Or, result, group!);
        return Finish(result, text, notice);
    }

    /// <summary>tsquery &amp;&amp;, || and &lt;-&gt;: an empty side gives the other side unchanged.</summary>
    public static TsQuery Combine(TsQuery a, TsQuery b, TsOperator op, int distance)
    {
        if (a.Root is null) return b;
        if (b.Root is null) return a;
        return new TsQuery(new TsQueryBinary(op, a.Root, b.Root, op == TsOperator.Phrase ? distance : 0));
    }

    /// <summary>querytree: the query without the parts an index could not search (negations); "T" when nothing is left.</summary>
    public static string QueryTree(TsQuery q)
    {
        if (q.Root is null) return "T";
        var node = DropNot(q.Root);
        return node is null ? "T" : new TsQuery(node).ToString();
    }

    private static TsQueryNode? DropNot(TsQueryNode n)
    {
        switch (n)
        {
            case TsQueryNot:
                return null;
            case TsQueryBinary b:
            {
                var l = DropNot(b.Left);
                var r = DropNot(b.Right);
                if (l is null || r is null)
                    return b.Operator == TsOperator.Or ? null : l ?? r;
                return b with { Left = l, Right = r };
            }
            default:
                return n;
        }
    }
}
