using System.Globalization;
using System.Text;

namespace Tenon.Cli;

/// <summary>
/// Screen widths of characters as psql computes them for UTF-8 (libpq's ucs_wcwidth):
/// NUL is 0 wide, C0/C1 controls are -1 ("not printable"), combining marks and format
/// characters are 0, East Asian wide and fullwidth characters are 2, everything else 1.
/// The wide ranges follow Unicode's EastAsianWidth W/F classes (PostgreSQL 15 ships Unicode 14).
/// </summary>
internal static class DisplayWidth
{
    // Inclusive code point ranges of East Asian Wide (W) and Fullwidth (F) characters.
    private static readonly (int Lo, int Hi)[] s_wide =
    [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0),
        (0x23F3, 0x23F3), (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F),
        (0x2693, 0x2693), (0x26A1, 0x26A1), (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5),
        (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5),
        (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B), (0x2728, 0x2728),
        (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
        (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
        (0x2E80, 0x303E), (0x3041, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA000, 0xA4CF),
        (0xA960, 0xA97F), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE6F),
        (0xFF00, 0xFF60), (0xFFE0, 0xFFE6), (0x16FE0, 0x16FE4), (0x16FF0, 0x16FF1), (0x17000, 0x187F7),
        (0x18800, 0x18CD5), (0x18D00, 0x18D08), (0x1AFF0, 0x1B2FB), (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF),
        (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F200, 0x1F202), (0x1F210, 0x1F23B), (0x1F240, 0x1F248),
        (0x1F250, 0x1F251), (0x1F260, 0x1F265), (0x1F300, 0x1F320), (0x1F32D, 0x1F335), (0x1F337, 0x1F37C),
        (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4),
        (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440), (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E),
        (0x1F550, 0x1F567), (0x1F57A, 0x1F57A), (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F),
        (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6D7), (0x1F6DD, 0x1F6DF),
        (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7EB), (0x1F7F0, 0x1F7F0), (0x1F90C, 0x1F93A),
        (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA70, 0x1FA74), (0x1FA78, 0x1FA7C), (0x1FA80, 0x1FA86),
        (0x1FA90, 0x1FAAC), (0x1FAB0, 0x1FABA), (0x1FAC0, 0x1FAC5), (0x1FAD0, 0x1FAD9), (0x1FAE0, 0x1FAE7),
        (0x1FAF0, 0x1FAF6), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
    ];

    /// <summary>psql's width of one code point: -1 for control characters, else 0, 1 or 2.</summary>
    public static int Of(int codePoint)
    {
        if (codePoint == 0) return 0;
        if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0) || codePoint > 0x10ffff) return -1;
        if (codePoint < 0x300) return 1;
        if (IsZeroWidth(codePoint)) return 0;
        return IsWide(codePoint) ? 2 : 1;
    }

    private static bool IsZeroWidth(int codePoint)
    {
        if (codePoint is >= 0xD800 and <= 0xDFFF) return false;
        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format;
    }

    private static bool IsWide(int codePoint)
    {
        int lo = 0, hi = s_wide.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (codePoint < s_wide[mid].Lo) hi = mid - 1;
            else if (codePoint > s_wide[mid].Hi) lo = mid + 1;
            else return true;
        }
        return false;
    }

    /// <summary>Width of a string with every character counted at least 1 (what psql's prompt and caret logic assume).</summary>
    public static int OfText(string text)
    {
        var width = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var cp = CodePointAt(text, i, out var units);
            i += units - 1;
            var w = Of(cp);
            width += w <= 0 ? 1 : w;
        }
        return width;
    }

    /// <summary>The code point at <paramref name="index"/> and how many UTF-16 units it occupies.</summary>
    public static int CodePointAt(string text, int index, out int units)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            units = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }
        units = 1;
        return c;
    }

    /// <summary>
    /// Splits a cell value into display lines as psql's pg_wcsformat does: newline starts a
    /// line, CR shows as <c>\r</c>, tab pads to the next multiple of 8, other ASCII controls show
    /// as <c>\xNN</c>, non-ASCII controls as <c>\uNNNN</c>. Returns each line with its width.
    /// </summary>
    public static List<(string Text, int Width)> FormatLines(string value)
    {
        var lines = new List<(string, int)>();
        var sb = new StringBuilder();
        var width = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var cp = CodePointAt(value, i, out var units);
            i += units - 1;
            if (cp == '\n')
            {
                lines.Add((sb.ToString(), width));
                sb.Clear();
                width = 0;
            }
            else if (cp == '\r')
            {
                sb.Append("\\r");
                width += 2;
            }
            else if (cp == '\t')
            {
                do
                {
                    sb.Append(' ');
                    width++;
                } while (width % 8 != 0);
            }
            else
            {
                var w = Of(cp);
                if (w < 0 && cp < 0x80)
                {
                    sb.Append("\\x").Append(cp.ToString("X2", CultureInfo.InvariantCulture));
                    width += 4;
                }
                else if (w < 0)
                {
                    sb.Append("\\u").Append(cp.ToString("X4", CultureInfo.InvariantCulture));
                    width += 6;
                }
                else
                {
                    sb.Append(char.ConvertFromUtf32(cp is >= 0xD800 and <= 0xDFFF ? 0xFFFD : cp));
                    width += w;
                }
            }
        }
        lines.Add((sb.ToString(), width));
        return lines;
    }
}
