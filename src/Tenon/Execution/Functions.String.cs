using System.Security.Cryptography;
using System.Text;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// String and bytea functions. Characters are Unicode code points; case mapping (lower, upper,
/// initcap) touches ASCII letters only, as PostgreSQL does under the C locale Tenon emulates.
/// An unknown literal argument picks the text variant over the bytea one, as PostgreSQL's
/// preference for the string category does.
/// </summary>
public static partial class Functions
{
    private static FunctionDef? ResolveString(string name, IReadOnlyList<SqlType> args)
    {
        var n = args.Count;
        bool IsText(int i) => args[i].IsString;
        bool IsBytea(int i) => args[i].Id == TypeId.Bytea;
        SqlType[] Texts(int count) => Enumerable.Repeat(SqlType.Text, count).ToArray();
        switch (name)
        {
            case "lower" when n == 1 && IsText(0):
                return new([SqlType.Text], SqlType.Text, (a, _) => MapAscii((string)a[0]!, upper: false));
            case "upper" when n == 1 && IsText(0):
                return new([SqlType.Text], SqlType.Text, (a, _) => MapAscii((string)a[0]!, upper: true));
            case "initcap" when n == 1 && IsText(0):
                return new([SqlType.Text], SqlType.Text, (a, _) => InitCap((string)a[0]!));
            case "length" or "octet_length" when n == 1 && IsBytea(0):
                return new([SqlType.Bytea], SqlType.Int4, (a, _) => ((byte[])a[0]!).Length);
            case "length" or "char_length" or "character_length" when n == 1 && IsText(0):
            {
                // char(n) counts without its trailing blanks (bpcharlen).
                var bpchar = args[0].Id == TypeId.Bpchar;
                return new([bpchar ? SqlType.Bpchar : SqlType.Text], SqlType.Int4,
                    (a, _) => CharLength(bpchar ? ((string)a[0]!).TrimEnd(' ') : (string)a[0]!));
            }
            case "octet_length" when n == 1 && IsText(0):
                // char(n) counts its padding (bpcharoctetlen).
                return new([args[0].Id == TypeId.Bpchar ? SqlType.Bpchar : SqlType.Text], SqlType.Int4,
                    (a, _) => Encoding.UTF8.GetByteCount((string)a[0]!));
            case "md5" when n == 1 && IsBytea(0):
                return new([SqlType.Bytea], SqlType.Text, (a, _) => Convert.ToHexStringLower(MD5.HashData((byte[])a[0]!)));
            case "md5" when n == 1 && IsText(0):
                return new([SqlType.Text], SqlType.Text, (a, _) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes((string)a[0]!))));
            case "concat":
                // Variadic "any": each non-null argument is written with its output function.
                return new(args.ToArray(), SqlType.Text, (a, ctx) => ConcatValues(a, args, 0, "", ctx), Strict: false);
            case "concat_ws" when n >= 1 && IsText(0):
                return new([SqlType.Text, .. args.Skip(1)], SqlType.Text,
                    (a, ctx) => a[0] is string sep ? ConcatValues(a, args, 1, sep, ctx) : null, Strict: false);
            case "btrim" or "trim" when n is 1 or 2 && IsText(0):
                return new(Texts(n), SqlType.Text, (a, _) => ((string)a[0]!).Trim(n == 1 ? [' '] : ((string)a[1]!).ToCharArray()));
            case "ltrim" when n is 1 or 2 && IsText(0):
                return new(Texts(n), SqlType.Text, (a, _) => ((string)a[0]!).TrimStart(n == 1 ? [' '] : ((string)a[1]!).ToCharArray()));
            case "rtrim" when n is 1 or 2 && IsText(0):
                return new(Texts(n), SqlType.Text, (a, _) => ((string)a[0]!).TrimEnd(n == 1 ? [' '] : ((string)a[1]!).ToCharArray()));
            case "replace" when n == 3:
                return new(Texts(3), SqlType.Text,
                    (a, _) => ((string)a[1]!).Length == 0 ? a[0] : ((string)a[0]!).Replace((string)a[1]!, (string)a[2]!, StringComparison.Ordinal));
            case "substring" or "substr" when n is 2 or 3 && IsBytea(0):
                return new(n == 2 ? [SqlType.Bytea, SqlType.Int4] : [SqlType.Bytea, SqlType.Int4, SqlType.Int4], SqlType.Bytea,
                    (a, _) => ByteSubstring((byte[])a[0]!, (int)a[1]!, n == 3 ? (int)a[2]! : null));
            case "substring" or "substr" when n is 2 or 3 && IsText(0):
                return new(n == 2 ? [SqlType.Text, SqlType.Int4] : [SqlType.Text, SqlType.Int4, SqlType.Int4], SqlType.Text,
                    (a, _) => Substring((string)a[0]!, (int)a[1]!, n == 3 ? (int)a[2]! : null));
            case "left" when n == 2:
                return new([SqlType.Text, SqlType.Int4], SqlType.Text, (a, _) => Left((string)a[0]!, (int)a[1]!));
            case "right" when n == 2:
                return new([SqlType.Text, SqlType.Int4], SqlType.Text, (a, _) => Right((string)a[0]!, (int)a[1]!));
            case "position" or "strpos" when n == 2:
                // position(a IN b) is parsed as position(b, a), so both take (haystack, needle).
                return new(Texts(2), SqlType.Int4, (a, _) => Position((string)a[0]!, (string)a[1]!));
            case "starts_with" when n == 2:
                return new(Texts(2), SqlType.Bool, (a, _) => ((string)a[0]!).StartsWith((string)a[1]!, StringComparison.Ordinal));
            case "repeat" when n == 2:
                return new([SqlType.Text, SqlType.Int4], SqlType.Text, (a, _) => Repeat((string)a[0]!, (int)a[1]!));
            case "lpad" or "rpad" when n is 2 or 3:
                return new(n == 2 ? [SqlType.Text, SqlType.Int4] : [SqlType.Text, SqlType.Int4, SqlType.Text], SqlType.Text,
                    (a, _) => Pad((string)a[0]!, (int)a[1]!, n == 3 ? (string)a[2]! : " ", name == "lpad"));
            case "reverse" when n == 1:
                return new([SqlType.Text], SqlType.Text, (a, _) => string.Concat(Runes((string)a[0]!).Reverse().Select(r => r.ToString())));
            case "split_part" when n == 3:
                return new([SqlType.Text, SqlType.Text, SqlType.Int4], SqlType.Text, (a, _) => SplitPart((string)a[0]!, (string)a[1]!, (int)a[2]!));
            case "translate" when n == 3:
                return new(Texts(3), SqlType.Text, (a, _) => Translate((string)a[0]!, (string)a[1]!, (string)a[2]!));
            case "ascii" when n == 1:
                return new([SqlType.Text], SqlType.Int4, (a, _) => ((string)a[0]!).Length == 0 ? 0 : Runes((string)a[0]!)[0].Value);
            case "chr" when n == 1:
                return new([SqlType.Int4], SqlType.Text, (a, _) => Chr((int)a[0]!));
            case "like_escape" when n == 2:
                return new(Texts(2), SqlType.Text, (a, _) => LikePattern.RewriteEscape((string)a[0]!, (string)a[1]!));
        }
        return null;
    }

    private static Rune[] Runes(string s) => s.EnumerateRunes().ToArray();

    private static int CharLength(string s)
    {
        var n = 0;
        foreach (var _ in s.EnumerateRunes()) n++;
        return n;
    }

    private static string MapAscii(string s, bool upper)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (upper && chars[i] is >= 'a' and <= 'z') chars[i] = (char)(chars[i] - 32);
            else if (!upper && chars[i] is >= 'A' and <= 'Z') chars[i] = (char)(chars[i] + 32);
        }
        return new string(chars);
    }

    // Upper-cases the first letter of each run of ASCII letters and digits, lower-cases the rest.
    private static string InitCap(string s)
    {
        var chars = s.ToCharArray();
        var inWord = false;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (inWord) chars[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            else chars[i] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
            inWord = char.IsAsciiLetterOrDigit(c);
        }
        return new string(chars);
    }

    private static string ConcatValues(object?[] values, IReadOnlyList<SqlType> types, int from, string separator, ExecContext ctx)
    {
        var parts = new List<string>();
        for (var i = from; i < values.Length; i++)
            if (values[i] is { } v) parts.Add(v as string ?? ValueText.Format(v, types[i], ctx.Settings));
        return string.Join(separator, parts);
    }

    private static string Substring(string s, int start, int? count)
    {
        if (count < 0) throw new TenonException(SqlState.SubstringError, "negative substring length not allowed");
        var runes = Runes(s);
        long from = start - 1;
        long to = count is null ? runes.Length : from + count.Value;
        from = Math.Max(from, 0);
        to = Math.Min(to, runes.Length);
        if (to <= from) return "";
        var sb = new StringBuilder();
        for (var i = (int)from; i < to; i++) sb.Append(runes[i].ToString());
        return sb.ToString();
    }

    /// <summary>substring over bytes (bytea_substr): 1-based start, clipped to the value as for text.</summary>
    private static byte[] ByteSubstring(byte[] b, int start, int? count)
    {
        if (count < 0) throw new TenonException(SqlState.SubstringError, "negative substring length not allowed");
        long from = start - 1;
        long to = count is null ? b.Length : from + count.Value;
        from = Math.Max(from, 0);
        to = Math.Min(to, b.Length);
        return to <= from ? [] : b[(int)from..(int)to];
    }

    private static string Left(string s, int n)
    {
        var runes = Runes(s);
        var take = n >= 0 ? Math.Min(n, runes.Length) : Math.Max(0, runes.Length + n);
        return string.Concat(runes.Take(take).Select(r => r.ToString()));
    }

    private static string Right(string s, int n)
    {
        var runes = Runes(s);
        var take = n >= 0 ? Math.Min(n, runes.Length) : Math.Max(0, runes.Length + n);
        return string.Concat(runes.Skip(runes.Length - take).Select(r => r.ToString()));
    }

    private static int Position(string haystack, string needle)
    {
        var i = haystack.IndexOf(needle, StringComparison.Ordinal);
        return i < 0 ? 0 : CharLength(haystack[..i]) + 1;
    }

    private static string Repeat(string s, int count)
    {
        if (count <= 0 || s.Length == 0) return "";
        if ((long)Encoding.UTF8.GetByteCount(s) * count > 0x3FFFFFFF)
            throw new TenonException(SqlState.ProgramLimitExceeded, "requested length too large");
        return new StringBuilder(s.Length * count).Insert(0, s, count).ToString();
    }

    // lpad/rpad: cut to length when longer; otherwise fill with repeats of the fill string.
    private static string Pad(string s, int length, string fill, bool left)
    {
        if (length <= 0) return "";
        // PostgreSQL refuses a result that could exceed 1 GB at the encoding's widest character.
        if ((long)length * 4 > 0x3FFFFFFF) throw new TenonException(SqlState.ProgramLimitExceeded, "requested length too large");
        var runes = Runes(s);
        if (runes.Length >= length) return string.Concat(runes.Take(length).Select(r => r.ToString()));
        var fillRunes = Runes(fill);
        if (fillRunes.Length == 0) return s;
        var padding = new StringBuilder();
        for (var i = 0; i < length - runes.Length; i++) padding.Append(fillRunes[i % fillRunes.Length].ToString());
        return left ? padding + s : s + padding;
    }

    private static string SplitPart(string s, string delimiter, int field)
    {
        if (field == 0) throw new TenonException(SqlState.InvalidParameterValue, "field position must not be zero");
        string[] parts = delimiter.Length == 0 ? (s.Length == 0 ? [] : [s]) : s.Split(delimiter);
        if (s.Length == 0) parts = [];
        var index = field > 0 ? field - 1 : parts.Length + field;
        return index >= 0 && index < parts.Length ? parts[index] : "";
    }

    private static string Translate(string s, string from, string to)
    {
        var fromRunes = Runes(from);
        var toRunes = Runes(to);
        var sb = new StringBuilder();
        foreach (var r in s.EnumerateRunes())
        {
            var i = Array.IndexOf(fromRunes, r);
            if (i < 0) sb.Append(r.ToString());
            else if (i < toRunes.Length) sb.Append(toRunes[i].ToString());
        }
        return sb.ToString();
    }

    private static string Chr(int code)
    {
        if (code < 0) throw new TenonException(SqlState.InvalidParameterValue, "character number must be positive");
        if (code == 0) throw new TenonException(SqlState.ProgramLimitExceeded, "null character not permitted");
        if (code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
            throw new TenonException(SqlState.ProgramLimitExceeded, $"requested character too large for encoding: {code}");
        return char.ConvertFromUtf32(code);
    }
}
