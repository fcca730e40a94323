using System.Text;

namespace Tenon.Server;

/// <summary>
/// The normalization SCRAM applies to passwords (SASLprep, RFC 4013), as PostgreSQL applies it:
/// ASCII passwords are used as they are; others have non-ASCII spaces mapped to a space, the
/// "mapped to nothing" characters removed and NFKC applied; when the result contains a
/// prohibited character the raw password is used instead. The bidirectional-text rule of RFC
/// 3454 section 6 is not checked: such passwords are normalized but not refused.
/// </summary>
internal static class SaslPrep
{
    public static string Normalize(string password)
    {
        if (Ascii.IsValid(password)) return password;
        var sb = new StringBuilder(password.Length);
        foreach (var c in password)
        {
            if (IsNonAsciiSpace(c)) sb.Append(' ');
            else if (!IsMappedToNothing(c)) sb.Append(c);
        }
        var s = sb.ToString();
        try
        {
            s = s.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return password; // unpaired surrogates
        }
        foreach (var rune in s.EnumerateRunes())
            if (IsProhibited(rune.Value)) return password;
        return s;
    }

    // RFC 3454 C.1.2
    private static bool IsNonAsciiSpace(char c) =>
        c is '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200B') or '\u202F' or '\u205F' or '\u3000';

    // RFC 3454 B.1
    private static bool IsMappedToNothing(char c) =>
        c is '\u00AD' or '\u034F' or '\u1806' or (>= '\u180B' and <= '\u180D') or (>= '\u200C' and <= '\u200D') or '\u2060'
            or (>= '\uFE00' and <= '\uFE0F') or '\uFEFF';

    // RFC 4013 section 2.3: controls, private use, non-characters, surrogates, unassigned-ish specials.
    private static bool IsProhibited(int cp) =>
        cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x06DD || cp == 0x070F || cp == 0x180E
        || (cp >= 0x200E && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x206A && cp <= 0x206F)
        || (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE
        || (cp >= 0xFFF9 && cp <= 0xFFFD) || (cp >= 0xF0000) || (cp >= 0x1D173 && cp <= 0x1D17A)
        || (cp >= 0x2FF0 && cp <= 0x2FFB) || (cp >= 0xE0001 && cp <= 0xE007F);
}
