using System.Text;

namespace Tenon.Types;

/// <summary>
/// An anonymous row value (PostgreSQL's <c>record</c>), as ROW(a, b) or (a, b) produces: the
/// field values and the types they were computed with, which its text form and ordering need.
/// </summary>
public sealed class PgRecord(object?[] fields, SqlType[] fieldTypes) : IComparable<PgRecord>
{
    public object?[] Fields { get; } = fields;
    public SqlType[] FieldTypes { get; } = fieldTypes;
    /// <summary>The column names of a whole-row reference (row_to_json keys on them); null for ROW(…).</summary>
    public IReadOnlyList<string>? FieldNames { get; init; }

    /// <summary>
    /// PostgreSQL's record output: <c>(a,b)</c>, NULL as nothing, and a field quoted when it is
    /// empty or holds a quote, backslash, parenthesis, comma or white space (quotes and
    /// backslashes inside are doubled).
    /// </summary>
    public string Format(FormatSettings settings)
    {
        var sb = new StringBuilder("(");
        for (var i = 0; i < Fields.Length; i++)
        {
            if (i > 0) sb.Append(',');
            if (Fields[i] is not { } value) continue;
            var text = ValueText.Format(value, FieldTypes[i], settings);
            var quote = text.Length == 0 || text.Any(c => c is '"' or '\\' or '(' or ')' or ',' || char.IsWhiteSpace(c));
            if (!quote)
            {
                sb.Append(text);
                continue;
            }
            sb.Append('"');
            foreach (var c in text)
            {
                if (c is '"' or '\\') sb.Append(c);
                sb.Append(c);
            }
            sb.Append('"');
        }
        return sb.Append(')').ToString();
    }

    /// <summary>Field by field, NULLs last, as PostgreSQL's record comparison orders them.</summary>
    public int CompareTo(PgRecord? other)
    {
        if (other is null) return 1;
        var n = Math.Min(Fields.Length, other.Fields.Length);
        for (var i = 0; i < n; i++)
        {
            var (a, b) = (Fields[i], other.Fields[i]);
            if (a is null || b is null)
            {
                if (a is null && b is null) continue;
                return a is null ? 1 : -1;
            }
            var c = ValueComparer.Compare(a, b, FieldTypes[i].Id);
            if (c != 0) return c;
        }
        return Fields.Length.CompareTo(other.Fields.Length);
    }

    public override bool Equals(object? obj) => obj is PgRecord r && CompareTo(r) == 0;

    public override int GetHashCode()
    {
        var h = new HashCode();
        for (var i = 0; i < Fields.Length; i++)
            h.Add(Fields[i] is { } v ? ValueComparer.Hash(v, FieldTypes[i].Id) : 0);
        return h.ToHashCode();
    }
}
