using System.Text;

namespace Tenon.Types;

/// <summary>The operators of a tsquery, with PostgreSQL's priorities (tsearch_op_priority).</summary>
public enum TsOperator { Not, And, Or, Phrase }

/// <summary>A node of a tsquery tree.</summary>
public abstract record TsQueryNode
{
    internal abstract int Priority { get; }
}

/// <summary>
/// A lexeme to look for. <see cref="Weights"/> is a bit mask (8 = A, 4 = B, 2 = C, 1 = D; 0 for
/// any weight); <see cref="Prefix"/> matches every lexeme that starts with it (<c>:*</c>).
/// </summary>
public sealed record TsQueryOperand(string Lexeme, int Weights, bool Prefix) : TsQueryNode
{
    internal override int Priority => 5;
}

/// <summary>!operand.</summary>
public sealed record TsQueryNot(TsQueryNode Operand) : TsQueryNode
{
    internal override int Priority => 4;
}

/// <summary>&amp;, | or &lt;N&gt; (<see cref="Distance"/> is N for a phrase, 0 otherwise).</summary>
public sealed record TsQueryBinary(TsOperator Operator, TsQueryNode Left, TsQueryNode Right, int Distance = 0) : TsQueryNode
{
    internal override int Priority => Operator switch { TsOperator.Phrase => 3, TsOperator.And => 2, _ => 1 };
}

/// <summary>A tsquery value: a tree, or the empty query (no lexemes), which prints as an empty string.</summary>
public sealed class TsQuery : IEquatable<TsQuery>
{
    public static readonly TsQuery Empty = new(null);

    public TsQuery(TsQueryNode? root) => Root = root;

    public TsQueryNode? Root { get; }

    /// <summary>tsqueryout (infix): operands quoted as in tsvector output, "( … )" where priorities need it.</summary>
    public override string ToString()
    {
        if (Root is null) return "";
        var sb = new StringBuilder();
        Write(sb, Root, -1, rightOfPhrase: false);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, TsQueryNode node, int parentPriority, bool rightOfPhrase)
    {
        switch (node)
        {
            case TsQueryOperand o:
                TsVector.AppendQuoted(sb, o.Lexeme);
                if (o.Prefix || o.Weights != 0)
                {
                    sb.Append(':');
                    if (o.Prefix) sb.Append('*');
                    if ((o.Weights & 8) != 0) sb.Append('A');
                    if ((o.Weights & 4) != 0) sb.Append('B');
                    if ((o.Weights & 2) != 0) sb.Append('C');
                    if ((o.Weights & 1) != 0) sb.Append('D');
                }
                break;
            case TsQueryNot n:
            {
                var paren = n.Priority < parentPriority;
                if (paren) sb.Append("( ");
                sb.Append('!');
                Write(sb, n.Operand, n.Priority, false);
                if (paren) sb.Append(" )");
                break;
            }
            case TsQueryBinary b:
            {
                var paren = b.Priority < parentPriority || (b.Operator == TsOperator.Phrase && rightOfPhrase);
                if (paren) sb.Append("( ");
                Write(sb, b.Left, b.Priority, false);
                sb.Append(b.Operator switch
                {
                    TsOperator.And => " & ",
                    TsOperator.Or => " | ",
                    _ => b.Distance == 1 ? " <-> " : $" <{b.Distance}> ",
                });
                Write(sb, b.Right, b.Priority, b.Operator == TsOperator.Phrase);
                if (paren) sb.Append(" )");
                break;
            }
        }
    }

    /// <summary>numnode: operands plus operators.</summary>
    public int NodeCount => Count(Root);

    private static int Count(TsQueryNode? n) => n switch
    {
        null => 0,
        TsQueryNot not => 1 + Count(not.Operand),
        TsQueryBinary b => 1 + Count(b.Left) + Count(b.Right),
        _ => 1,
    };

    public bool Equals(TsQuery? other) => other is not null && Equals(Root, other.Root);

    public override bool Equals(object? obj) => Equals(obj as TsQuery);

    public override int GetHashCode() => Root?.GetHashCode() ?? 0;

    /// <summary>An order consistent with equality (by node count, then text); PostgreSQL's tsquery_cmp differs in detail.</summary>
    public int CompareTo(TsQuery other)
    {
        var c = NodeCount.CompareTo(other.NodeCount);
        return c != 0 ? c : string.CompareOrdinal(ToString(), other.ToString());
    }
}
