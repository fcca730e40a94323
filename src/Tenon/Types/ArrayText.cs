using System.Text;
using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// Array text input and output (array_in / array_out).
///
/// Output: <c>{1,2,3}</c>, nested braces per dimension, NULL for a null element, and a
/// <c>[lb:ub]…=</c> prefix when some lower bound is not 1. An element is double-quoted when it is
/// empty, spells NULL in any case, or holds a quote, backslash, brace, comma or white space;
/// quotes and backslashes inside are backslash-escaped.
///
/// Input is checked for structure over the whole text before any element goes through its type's
/// input function, so a structural error wins over a bad element, as in PostgreSQL. The parser
/// is a small state machine over these states:
///
///   LevelStarted     just after '{'            may see '{', an element, '"', '\', or '}' (empty outer level only)
///   ElemStarted      inside an unquoted element  may see more of it, '\', ',', '}'
///   QuotedCompleted  after a closing quote       may see ',', '}'
///   ElemDelimited    after ',' between elements  may see an element, '"', '\'
///   LevelCompleted   after '}'                 may see ',', '}'
///   LevelDelimited   after ',' between levels    may see '{'
///
/// Anything else is "malformed array literal" with the detail PostgreSQL gives for that spot.
/// Unquoted elements lose leading and trailing white space (but not escaped white space); an
/// unquoted, unescaped NULL (any case) is the null element.
/// </summary>
public static class ArrayText
{
    public static string Format(PgArray array, FormatSettings settings)
    {
        if (array.IsEmpty) return "{}";
        var sb = new StringBuilder();
        if (array.LowerBounds.Any(lb => lb != 1))
        {
            for (var d = 0; d < array.Rank; d++)
                sb.Append('[').Append(array.LowerBounds[d]).Append(':').Append(array.UpperBound(d)).Append(']');
            sb.Append('=');
        }
        var index = 0;
        AppendLevel(sb, array, 0, ref index, settings);
        return sb.ToString();
    }

    private static void AppendLevel(StringBuilder sb, PgArray array, int dim, ref int index, FormatSettings settings)
    {
        sb.Append('{');
        for (var i = 0; i < array.Lengths[dim]; i++)
        {
            if (i > 0) sb.Append(Delimiter(array.ElementType));
            if (dim < array.Rank - 1)
            {
                AppendLevel(sb, array, dim + 1, ref index, settings);
                continue;
            }
            var value = array.Items[index++];
            if (value is null)
            {
                sb.Append("NULL");
                continue;
            }
            AppendElement(sb, ValueText.Format(value, array.ElementType, settings), Delimiter(array.ElementType));
        }
        sb.Append('}');
    }

    /// <summary>pg_type.typdelim: ';' for box (whose text has commas), ',' for every other type.</summary>
    internal static char Delimiter(SqlType element) => element.Id == TypeId.Box ? ';' : ',';

    private static void AppendElement(StringBuilder sb, string text, char delimiter)
    {
        var quote = text.Length == 0 || text.Equals("NULL", StringComparison.OrdinalIgnoreCase);
        foreach (var c in text)
        {
            if (c is '"' or '\\' or '{' or '}' || c == delimiter || IsSpace(c))
            {
                quote = true;
                break;
            }
        }
        if (!quote)
        {
            sb.Append(text);
            return;
        }
        sb.Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\') sb.Append('\\');
            sb.Append(c);
        }
        sb.Append('"');
    }

    /// <summary>array_isspace: the six ASCII white-space characters.</summary>
    internal static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';

    /// <summary>Parses array text whose elements have <paramref name="elementType"/> (its modifier applied as by input).</summary>
    public static PgArray Parse(string text, SqlType elementType, FormatSettings settings)
    {
        var pos = 0;
        while (pos < text.Length && IsSpace(text[pos])) pos++;
        int[]? explicitLower = null, explicitUpper = null;
        if (pos < text.Length && text[pos] == '[')
        {
            (explicitLower, explicitUpper) = ParseDimensions(text, ref pos);
            if (pos >= text.Length || text[pos] != '{') throw Malformed(text, "Array contents must start with \"{\".");
        }
        else if (pos >= text.Length || text[pos] != '{')
            throw Malformed(text, "Array value must start with \"{\" or dimension information.");

        var elements = new List<string?>();
        var shape = Scan(text, pos, elements, Delimiter(elementType));
        if (explicitLower is not null)
        {
            var matches = shape.Count == explicitLower.Length;
            for (var d = 0; matches && d < shape.Count; d++)
                matches = shape[d] == explicitUpper![d] - explicitLower[d] + 1;
            if (!matches) throw Malformed(text, "Specified array dimensions do not match array contents.");
        }
        if (elements.Count == 0) return PgArray.Empty(elementType);
        var items = new object?[elements.Count];
        for (var i = 0; i < items.Length; i++)
            items[i] = elements[i] is { } s ? ValueText.Parse(s, elementType, settings) : null;
        var lower = explicitLower ?? Enumerable.Repeat(1, shape.Count).ToArray();
        return new PgArray(elementType, items, shape.ToArray(), lower);
    }

    /// <summary>One or more <c>[lb:ub]</c> or <c>[ub]</c>, then white space, '=', white space; leaves pos at the '{'.</summary>
    private static (int[] Lower, int[] Upper) ParseDimensions(string text, ref int pos)
    {
        var lower = new List<int>();
        var upper = new List<int>();
        while (pos < text.Length && text[pos] == '[')
        {
            pos++;
            if (!StartsNumber(text, pos)) throw Malformed(text, "\"[\" must introduce explicitly-specified array dimensions.");
            var first = ReadNumber(text, ref pos);
            int lb = 1, ub;
            if (pos < text.Length && text[pos] == ':')
            {
                pos++;
                if (!StartsNumber(text, pos)) throw Malformed(text, "Missing array dimension value.");
                lb = first;
                ub = ReadNumber(text, ref pos);
            }
            else ub = first;
            if (pos >= text.Length || text[pos] != ']') throw Malformed(text, "Missing \"]\" after array dimensions.");
            pos++;
            if (ub < lb) throw new TenonException(SqlState.ArraySubscriptError, "upper bound cannot be less than lower bound");
            if (lower.Count == PgArray.MaxDimensions)
                throw new TenonException(SqlState.ProgramLimitExceeded,
                    $"number of array dimensions ({lower.Count + 1}) exceeds the maximum allowed ({PgArray.MaxDimensions})");
            lower.Add(lb);
            upper.Add(ub);
        }
        while (pos < text.Length && IsSpace(text[pos])) pos++;
        if (pos >= text.Length || text[pos] != '=') throw Malformed(text, "Missing \"=\" after array dimensions.");
        pos++;
        while (pos < text.Length && IsSpace(text[pos])) pos++;
        return (lower.ToArray(), upper.ToArray());
    }

    private static bool StartsNumber(string text, int pos) =>
        pos < text.Length && (char.IsAsciiDigit(text[pos]) || ((text[pos] is '-' or '+') && pos + 1 < text.Length && char.IsAsciiDigit(text[pos + 1])));

    // strtol then a cast to int, as PostgreSQL reads a bound: out-of-range values saturate, then wrap.
    private static int ReadNumber(string text, ref int pos)
    {
        var negative = text[pos] == '-';
        if (text[pos] is '-' or '+') pos++;
        long value = 0;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            value = value > (long.MaxValue - 9) / 10 ? long.MaxValue : value * 10 + (text[pos] - '0');
            pos++;
        }
        return unchecked((int)(negative ? -value : value));
    }

    private enum State { LevelStarted, ElemStarted, QuotedStarted, QuotedCompleted, ElemDelimited, LevelCompleted, LevelDelimited }

    /// <summary>
    /// Checks the structure from the outer '{' and collects the raw elements (null for NULL).
    /// Returns the length of each dimension (empty for <c>{}</c>).
    /// </summary>
    private static List<int> Scan(string text, int pos, List<string?> elements, char delimiter)
    {
        var counts = new List<int>();     // items so far in the open sub-array of each level
        var expected = new List<int>();   // items every sub-array of a level must have (-1 before the first closes)
        var leafDepth = -1;               // the level elements were found at
        var depth = 0;
        var state = State.LevelStarted;
        var element = new StringBuilder();
        var protectedLength = 0;          // element length up to its last quoted or escaped char
        var quotedOrEscaped = false;
        var inElement = false;

        void Open()
        {
            if (depth == PgArray.MaxDimensions)
                throw new TenonException(SqlState.ProgramLimitExceeded,
                    $"number of array dimensions ({depth + 1}) exceeds the maximum allowed ({PgArray.MaxDimensions})");
            if (depth > 0) counts[depth - 1]++;
            depth++;
            if (counts.Count < depth)
            {
                counts.Add(0);
                expected.Add(-1);
            }
            counts[depth - 1] = 0;
        }

        void EndElement(string text)
        {
            if (!inElement) return;
            var s = element.ToString();
            var end = s.Length;
            while (end > protectedLength && IsSpace(s[end - 1])) end--;
            s = s[..end];
            elements.Add(!quotedOrEscaped && s.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : s);
            counts[depth - 1]++;
            if (leafDepth < 0) leafDepth = depth;
            else if (leafDepth != depth) throw Malformed(text, "Multidimensional arrays must have sub-arrays with matching dimensions.");
            element.Clear();
            protectedLength = 0;
            quotedOrEscaped = false;
            inElement = false;
        }

        Open();
        pos++;
        while (true)
        {
            if (pos >= text.Length) throw Malformed(text, "Unexpected end of input.");
            var c = text[pos];
            if (state == State.QuotedStarted)
            {
                if (c == '\\')
                {
                    if (++pos >= text.Length) throw Malformed(text, "Unexpected end of input.");
                    element.Append(text[pos]);
                }
                else if (c == '"')
                {
                    state = State.QuotedCompleted;
                    protectedLength = element.Length;
                }
                else element.Append(c);
                pos++;
                continue;
            }
            switch (c)
            {
                case '\\':
                    if (state is not (State.LevelStarted or State.ElemStarted or State.ElemDelimited))
                        throw Malformed(text, "Unexpected \"\\\" character.");
                    if (++pos >= text.Length) throw Malformed(text, "Unexpected end of input.");
                    element.Append(text[pos]);
                    protectedLength = element.Length;
                    quotedOrEscaped = inElement = true;
                    state = State.ElemStarted;
                    break;
                case '"':
                    if (state is not (State.LevelStarted or State.ElemDelimited))
                        throw Malformed(text, "Unexpected array element.");
                    quotedOrEscaped = inElement = true;
                    state = State.QuotedStarted;
                    break;
                case '{':
                    if (state is not (State.LevelStarted or State.LevelDelimited))
                        throw Malformed(text, "Unexpected \"{\" character.");
                    Open();
                    state = State.LevelStarted;
                    break;
                case '}':
                    if (!(state is State.ElemStarted or State.QuotedCompleted or State.LevelCompleted
                          || (state == State.LevelStarted && depth == 1)))
                        throw Malformed(text, "Unexpected \"}\" character.");
                    EndElement(text);
                    var level = depth - 1;
                    if (expected[level] >= 0 && expected[level] != counts[level])
                        throw Malformed(text, "Multidimensional arrays must have sub-arrays with matching dimensions.");
                    expected[level] = counts[level];
                    depth--;
                    state = State.LevelCompleted;
                    if (depth == 0)
                    {
                        pos++;
                        while (pos < text.Length && IsSpace(text[pos])) pos++;
                        if (pos < text.Length) throw Malformed(text, "Junk after closing right brace.");
                        if (elements.Count == 0) return new List<int>();
                        if (leafDepth != expected.Count)
                            throw Malformed(text, "Multidimensional arrays must have sub-arrays with matching dimensions.");
                        return expected;
                    }
                    break;
                case var d when d == delimiter:
                    if (state is not (State.ElemStarted or State.QuotedCompleted or State.LevelCompleted))
                        throw Malformed(text, $"Unexpected \"{delimiter}\" character.");
                    EndElement(text);
                    state = state == State.LevelCompleted ? State.LevelDelimited : State.ElemDelimited;
                    break;
                default:
                    if (IsSpace(c))
                    {
                        if (state == State.ElemStarted) element.Append(c);
                        break;
                    }
                    if (state is not (State.LevelStarted or State.ElemStarted or State.ElemDelimited))
                        throw Malformed(text, "Unexpected array element.");
                    element.Append(c);
                    inElement = true;
                    state = State.ElemStarted;
                    break;
            }
            pos++;
        }
    }

    public static TenonException Malformed(string text, string detail) =>
        new(SqlState.InvalidTextRepresentation, $"malformed array literal: \"{text}\"", detail);
}
