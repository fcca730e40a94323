using System.Text;
using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// tsvector input (tsvectorin): whitespace-separated lexemes, each bare (a backslash escapes the
/// next character) or in single quotes ('' and \' for a quote), optionally followed by
/// <c>:</c> and comma-separated positions, each with an optional weight letter (A–D, * for A).
/// The same word reader (<see cref="ReadWord"/>) reads tsquery operands, where the tsquery
/// operator characters also end a bare word.
/// </summary>
public static class TsVectorText
{
    public static TsVector Parse(string text)
    {
        var words = new List<(string, IEnumerable<ushort>)>();
        var pos = 0;
        while (true)
        {
            var word = ReadWord(text, ref pos, operatorsDelimit: false, out var positions, "tsvector");
            if (word is null) break;
            if (Encoding.UTF8.GetByteCount(word) > 2047)
                throw new TenonException(SqlState.ProgramLimitExceeded, $"word is too long ({Encoding.UTF8.GetByteCount(word)} bytes, max 2047 bytes)");
            words.Add((word, positions ?? (IEnumerable<ushort>)Array.Empty<ushort>()));
        }
        return TsVector.Build(words);
    }

    internal static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';

    /// <summary>The characters that end a bare tsquery operand (ISOPERATOR).</summary>
    internal static bool IsOperator(char c) => c is '!' or '&' or '|' or '(' or ')' or '<';

    /// <summary>
    /// gettoken_tsvector: the next word from <paramref name="pos"/>, or null at the end of input.
    /// With <paramref name="operatorsDelimit"/> (tsquery operands) positions are not read and an
    /// operator character or ':' ends a bare word; otherwise <paramref name="positions"/> gets the
    /// positions that follow a ':' (null when there are none).
    /// </summary>
    internal static string? ReadWord(string text, ref int pos, bool operatorsDelimit, out List<ushort>? positions, string typeName)
    {
        positions = null;
        var sb = new StringBuilder();
        TenonException Syntax() => new(SqlState.SyntaxError, $"syntax error in {typeName}: \"{text}\"");
        // Skip blanks; decide between a quoted and a bare word.
        while (pos < text.Length && IsSpace(text[pos])) pos++;
        if (pos >= text.Length) return null;
        var quoted = false;
        if (text[pos] == '\'')
        {
            quoted = true;
            pos++;
        }
        else if (operatorsDelimit && IsOperator(text[pos]))
        {
            throw Syntax();
        }
        if (quoted)
        {
            while (true)
            {
                if (pos >= text.Length) throw Syntax();
                var c = text[pos];
                if (c == '\\')
                {
                    pos++;
                    if (pos >= text.Length) throw new TenonException(SqlState.SyntaxError, $"there is no escaped character: \"{text}\"");
                    sb.Append(text[pos++]);
                }
                else if (c == '\'')
                {
                    pos++;
                    if (pos < text.Length && text[pos] == '\'')
                    {
                        sb.Append('\'');
                        pos++;
                        continue;
                    }
                    if (sb.Length == 0) throw Syntax();
                    break;
                }
                else
                {
                    AppendChar(sb, text, ref pos);
                }
            }
            if (operatorsDelimit) return sb.ToString();
            if (pos < text.Length && text[pos] == ':')
            {
                pos++;
                positions = ReadPositions(text, ref pos, Syntax);
            }
            return sb.ToString();
        }
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == '\\')
            {
                pos++;
                if (pos >= text.Length) throw new TenonException(SqlState.SyntaxError, $"there is no escaped character: \"{text}\"");
                AppendChar(sb, text, ref pos);
                continue;
            }
            if (IsSpace(c) || (operatorsDelimit && IsOperator(c))) break;
            if (c == ':')
            {
                if (sb.Length == 0) throw Syntax();
                if (operatorsDelimit) break;
                pos++;
                positions = ReadPositions(text, ref pos, Syntax);
                return sb.ToString();
            }
            AppendChar(sb, text, ref pos);
        }
        return sb.ToString();
    }

    private static void AppendChar(StringBuilder sb, string text, ref int pos)
    {
        sb.Append(text[pos]);
        if (char.IsHighSurrogate(text[pos]) && pos + 1 < text.Length) sb.Append(text[++pos]);
        pos++;
    }

    // INPOSINFO / WAITPOSDELIM: digits, then weight letters; ',' starts the next position.
    private static List<ushort> ReadPositions(string text, ref int pos, Func<TenonException> syntax)
    {
        var list = new List<ushort>();
        while (true)
        {
            if (pos >= text.Length || !char.IsAsciiDigit(text[pos])) throw syntax();
            var start = pos;
            while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
            var number = long.TryParse(text.AsSpan(start, pos - start), out var n) ? n : long.MaxValue;
            if (number == 0) throw new TenonException(SqlState.InvalidParameterValue, $"wrong position info in tsvector: \"{text}\"");
            var position = (int)Math.Min(number, TsVector.MaxPosition);
            var weight = 0;
            while (true)
            {
                if (pos >= text.Length || IsSpace(text[pos]))
                {
                    list.Add(TsVector.MakePosition(position, weight));
                    return list;
                }
                var c = text[pos];
                if (c == ',')
                {
                    pos++;
                    list.Add(TsVector.MakePosition(position, weight));
                    break;
                }
                var w = char.ToLowerInvariant(c) switch { 'a' or '*' => 3, 'b' => 2, 'c' => 1, 'd' => 0, _ => -1 };
                if (w >= 0)
                {
                    if (weight != 0) throw syntax();
                    weight = w;
                    pos++;
                    continue;
                }
                // Digits after a weight are skipped (atoi already read the number).
                if (!char.IsAsciiDigit(c)) throw syntax();
                pos++;
            }
        }
    }
}
