using System.Globalization;
using System.Text;
using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// Text input and output of <c>inet</c> and <c>cidr</c>, as PostgreSQL 15 reads and prints them.
///
/// INPUT (no surrounding blanks allowed; anything else is 22P02 "invalid input syntax")
///   IPv6 (the text has a colon): 1–4 hex digits per group, one "::" at most, an optional
///        dotted IPv4 tail of 1–4 octets without leading zeros (missing octets are zero),
///        then an optional /bits of 0–128 written without leading zeros.
///   IPv4 inet: 1–4 decimal octets (leading zeros allowed, still decimal), optional /bits
///        0–32; the mask may not be longer than the octets written ("10/8" is 10.0.0.0/8,
///        "10" alone is an error, as the default mask is 32).
///   IPv4 cidr: as inet, or "0x" and hex digit pairs (an odd last digit is a high nibble);
///        without /bits the mask is the classful one (first octet ≥ 240: 32, ≥ 224: 8,
///        ≥ 192: 24, ≥ 128: 16, else 8; 224 alone: 4), widened to cover every octet written.
///   cidr then rejects host bits: 22P02 "invalid cidr value" with DETAIL
///   "Value has bits set to right of mask."
///
/// OUTPUT
///   IPv4 is the dotted quad. IPv6 is lower-case hex groups with the first longest run of
///   two or more zero groups shortened to "::"; an address whose first five groups are zero
///   and sixth is ffff, or whose first six are zero (but not seven), ends in dotted IPv4.
///   inet appends /bits unless it is the full length; cidr and text() always append it.
///   abbrev(cidr) prints only the groups the mask covers (see <see cref="Abbrev"/>).
/// </summary>
public static class InetText
{
    public static PgInet Parse(string text, bool isCidr)
    {
        var typeName = isCidr ? "cidr" : "inet";
        var ok = text.Contains(':') ? TryParseV6(text, out var value) : TryParseV4(text, isCidr, out value);
        if (!ok) throw TypeErrors.InvalidSyntax(typeName, text);
        if (isCidr && value.HasHostBits)
            throw new TenonException(SqlState.InvalidTextRepresentation, $"invalid cidr value: \"{text}\"",
                "Value has bits set to right of mask.");
        return value;
    }

    /// <summary>The output function: inet omits a full-length mask, cidr always shows it.</summary>
    public static string Format(PgInet value, bool isCidr)
    {
        var address = FormatAddress(value);
        return isCidr || value.Bits != value.MaxBits ? address + "/" + value.Bits.ToString(CultureInfo.InvariantCulture) : address;
    }

    /// <summary>host(): the address alone.</summary>
    public static string Host(PgInet value) => FormatAddress(value);

    /// <summary>text(inet), also the inet/cidr → text cast: the address and always /bits.</summary>
    public static string Text(PgInet value) => FormatAddress(value) + "/" + value.Bits.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// abbrev(): for inet the output text; for cidr only the part the mask covers. IPv4 prints
    /// ceil(bits/8) octets (at least one). IPv6 prints ceil(bits/16) groups (at least two),
    /// where even a single zero group may become "::", and a dotted IPv4 tail has 2, 3 or 4
    /// octets as the mask reaches into the third or fourth.
    /// </summary>
    public static string Abbrev(PgInet value, bool isCidr)
    {
        if (!isCidr) return Format(value, isCidr: false);
        var bits = value.Bits.ToString(CultureInfo.InvariantCulture);
        var bytes = value.GetBytes();
        if (!value.IsV6)
        {
            var octets = Math.Max(1, (value.Bits + 7) / 8);
            return string.Join('.', bytes.Take(octets)) + "/" + bits;
        }
        var groups = Math.Max(2, (value.Bits + 15) / 16);
        var tailOctets = value.Bits > 120 ? 4 : value.Bits > 112 ? 3 : 2;
        return FormatV6(bytes, groups, minRun: 1, tailOctets) + "/" + bits;
    }

    private static string FormatAddress(PgInet value)
    {
        var bytes = value.GetBytes();
        return value.IsV6 ? FormatV6(bytes, 8, minRun: 2, tailOctets: 4) : $"{bytes[0]}.{bytes[1]}.{bytes[2]}.{bytes[3]}";
    }

    private static string FormatV6(byte[] bytes, int groups, int minRun, int tailOctets)
    {
        var words = new int[8];
        for (var i = 0; i < 8; i++) words[i] = (bytes[2 * i] << 8) | bytes[2 * i + 1];

        // The first longest run of zero groups.
        int bestBase = -1, bestLen = 0, curBase = -1, curLen = 0;
        for (var i = 0; i < groups; i++)
        {
            if (words[i] == 0)
            {
                if (curBase < 0) (curBase, curLen) = (i, 0);
                curLen++;
                if (curLen > bestLen) (bestBase, bestLen) = (curBase, curLen);
            }
            else
            {
                curBase = -1;
            }
        }
        if (bestLen < minRun) bestBase = -1;

        var sb = new StringBuilder(46);
        for (var i = 0; i < groups; i++)
        {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen)
            {
                if (i == bestBase) sb.Append(':');
                continue;
            }
            if (i != 0) sb.Append(':');
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff)))
            {
                sb.Append(string.Join('.', bytes.Skip(12).Take(tailOctets)));
                return sb.ToString();
            }
            sb.Append(words[i].ToString("x", CultureInfo.InvariantCulture));
        }
        if (bestBase >= 0 && bestBase + bestLen == groups) sb.Append(':');
        return sb.ToString();
    }

    // ---- IPv4 ---------------------------------------------------------------------------------

    private static bool TryParseV4(string s, bool isCidr, out PgInet value)
    {
        value = default;
        Span<byte> octets = stackalloc byte[4];
        var count = 0;
        var i = 0;
        if (isCidr && s.Length > 2 && s[0] == '0' && s[1] is 'x' or 'X' && IsHex(s[2]))
        {
            i = 2;
            var nibbles = 0;
            while (i < s.Length && IsHex(s[i]))
            {
                if (nibbles == 8) return false;
                var digit = HexValue(s[i++]);
                if (nibbles % 2 == 0) octets[count++] = (byte)(digit << 4);
                else octets[count - 1] |= (byte)digit;
                nibbles++;
            }
        }
        else
        {
            while (true)
            {
                if (count == 4 || !TryDecimal(s, ref i, 255, out var octet)) return false;
                octets[count++] = (byte)octet;
                if (i < s.Length && s[i] == '.') i++;
                else break;
            }
        }

        int bits;
        var hasBits = i < s.Length && s[i] == '/';
        if (hasBits)
        {
            i++;
            if (!TryDecimal(s, ref i, 32, out bits)) return false;
        }
        else
        {
            bits = 32;
        }
        if (i != s.Length) return false;

        if (!isCidr)
        {
            if (bits > count * 8) return false;
        }
        else if (!hasBits)
        {
            bits = octets[0] >= 240 ? 32 : octets[0] >= 224 ? 8 : octets[0] >= 192 ? 24 : octets[0] >= 128 ? 16 : 8;
            if (bits < count * 8) bits = count * 8;
            if (bits == 8 && octets[0] == 224) bits = 4;
        }
        UInt128 address = 0;
        for (var k = 0; k < 4; k++) address = (address << 8) | octets[k];
        value = new PgInet(false, bits, address << 96);
        return true;
    }

    /// <summary>One or more decimal digits (leading zeros allowed) with a value up to <paramref name="max"/>.</summary>
    private static bool TryDecimal(string s, ref int i, int max, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            value = value * 10 + (s[i++] - '0');
            if (value > max) return false;
        }
        return i > start;
    }

    // ---- IPv6 ---------------------------------------------------------------------------------

    private static bool TryParseV6(string s, out PgInet value)
    {
        value = default;
        var slash = s.IndexOf('/');
        var addressPart = slash < 0 ? s.AsSpan() : s.AsSpan(0, slash);
        var bits = 128;
        if (slash >= 0 && !TryMaskV6(s.AsSpan(slash + 1), out bits)) return false;

        Span<ushort> words = stackalloc ushort[8];
        var count = 0;
        var gap = -1; // index in words where "::" stands
        var p = addressPart;
        var i = 0;
        if (p.StartsWith("::"))
        {
            gap = 0;
            i = 2;
        }
        else if (p.Length > 0 && p[0] == ':')
        {
            return false;
        }
        while (i < p.Length)
        {
            // One group: hex digits, or the dotted IPv4 tail.
            var start = i;
            while (i < p.Length && IsHex(p[i])) i++;
            if (i < p.Length && p[i] == '.')
            {
                if (count > 6 || !TryV4Tail(p[start..], out var high, out var low)) return false;
                words[count++] = high;
                words[count++] = low;
                i = p.Length;
                break;
            }
            var digits = i - start;
            if (digits is 0 or > 4 || count == 8) return false;
            words[count++] = ushort.Parse(p[start..i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            if (i == p.Length) break;
            if (p[i] != ':') return false;
            i++;
            if (i < p.Length && p[i] == ':')
            {
                if (gap >= 0) return false;
                gap = count;
                i++;
            }
            else if (i == p.Length)
            {
                return false; // a single trailing colon
            }
        }
        if (gap >= 0)
        {
            if (count > 7) return false;
            var move = count - gap;
            for (var k = 1; k <= move; k++)
            {
                words[8 - k] = words[count - k];
                words[count - k] = 0;
            }
            for (var k = gap; k < 8 - move; k++) words[k] = 0;
        }
        else if (count != 8)
        {
            return false;
        }
        UInt128 address = 0;
        foreach (var w in words) address = (address << 16) | w;
        value = new PgInet(true, bits, address);
        return true;
    }

    /// <summary>An IPv6 mask length: 0–128 without leading zeros.</summary>
    private static bool TryMaskV6(ReadOnlySpan<char> s, out int bits)
    {
        bits = 0;
        if (s.Length == 0 || s.Length > 3 || (s[0] == '0' && s.Length > 1)) return false;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            bits = bits * 10 + (c - '0');
        }
        return bits <= 128;
    }

    /// <summary>The dotted IPv4 tail of an IPv6 address: 1–4 octets, no leading zeros.</summary>
    private static bool TryV4Tail(ReadOnlySpan<char> s, out ushort high, out ushort low)
    {
        high = low = 0;
        Span<byte> octets = stackalloc byte[4];
        var count = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var v = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                if (i > start && v == 0) return false; // leading zero
                v = v * 10 + (s[i++] - '0');
                if (v > 255) return false;
            }
            if (i == start || count == 4) return false;
            octets[count++] = (byte)v;
            if (i == s.Length) break;
            if (s[i] != '.') return false;
            i++;
        }
        high = (ushort)((octets[0] << 8) | octets[1]);
        low = (ushort)((octets[2] << 8) | octets[3]);
        return true;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
