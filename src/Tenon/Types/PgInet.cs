namespace Tenon.Types;

/// <summary>
/// The value of PostgreSQL's <c>inet</c> and <c>cidr</c> types: an IPv4 or IPv6 address with a
/// netmask length. Both types share this representation; a cidr value never has bits set to the
/// right of its mask (its input function and casts guarantee that).
///
/// The address is kept left-aligned in a 128-bit number: an IPv6 address fills it, an IPv4
/// address occupies the top 32 bits and the low 96 bits are zero. A prefix of n bits is then the
/// top n bits whatever the family, so masking and prefix comparison need no family case.
/// </summary>
public readonly struct PgInet : IEquatable<PgInet>
{
    public PgInet(bool isV6, int bits, UInt128 address)
    {
        IsV6 = isV6;
        Bits = (byte)bits;
        Address = address & FamilyMask(isV6);
    }

    public bool IsV6 { get; }

    /// <summary>The netmask length, 0..32 for IPv4 and 0..128 for IPv6.</summary>
    public byte Bits { get; }

    /// <summary>The address, left-aligned (see the type's summary).</summary>
    public UInt128 Address { get; }

    public int MaxBits => IsV6 ? 128 : 32;

    /// <summary>PostgreSQL's family(): 4 or 6.</summary>
    public int Family => IsV6 ? 6 : 4;

    /// <summary>The top <paramref name="bits"/> bits set.</summary>
    public static UInt128 PrefixMask(int bits) => bits <= 0 ? UInt128.Zero : UInt128.MaxValue << (128 - bits);

    private static UInt128 FamilyMask(bool isV6) => PrefixMask(isV6 ? 128 : 32);

    /// <summary>True when the address has bits set to the right of the mask (not a valid cidr).</summary>
    public bool HasHostBits => (Address & ~PrefixMask(Bits)) != UInt128.Zero;

    /// <summary>The 16 address bytes in network order (an IPv4 address is the first 4).</summary>
    public byte[] GetBytes()
    {
        var bytes = new byte[16];
        var a = Address;
        for (var i = 15; i >= 0; i--)
        {
            bytes[i] = (byte)a;
            a >>= 8;
        }
        return bytes;
    }

    // ---- the network functions --------------------------------------------------------------

    /// <summary>network(): the address with the host bits cleared, same mask length.</summary>
    public PgInet Network => new(IsV6, Bits, Address & PrefixMask(Bits));

    /// <summary>netmask(): the mask as an address, with the full mask length.</summary>
    public PgInet Netmask => new(IsV6, MaxBits, PrefixMask(Bits));

    /// <summary>hostmask(): the inverted mask as an address, with the full mask length.</summary>
    public PgInet Hostmask => new(IsV6, MaxBits, ~PrefixMask(Bits));

    /// <summary>broadcast(): the address with all host bits set, same mask length.</summary>
    public PgInet Broadcast => new(IsV6, Bits, Address | ~PrefixMask(Bits));

    /// <summary>The same address with another mask length (validated by the caller).</summary>
    public PgInet WithBits(int bits) => new(IsV6, bits, Address);

    // ---- ordering and containment (network_cmp, network_sub, …) --------------------------

    /// <summary>
    /// PostgreSQL's network_cmp: IPv4 before IPv6, then the common prefix (the shorter of the two
    /// masks), then the mask length, then the whole address.
    /// </summary>
    public static int Compare(PgInet a, PgInet b)
    {
        if (a.IsV6 != b.IsV6) return a.IsV6 ? 1 : -1;
        var common = PrefixMask(Math.Min(a.Bits, b.Bits));
        var c = (a.Address & common).CompareTo(b.Address & common);
        if (c != 0) return c;
        c = a.Bits.CompareTo(b.Bits);
        return c != 0 ? c : a.Address.CompareTo(b.Address);
    }

    /// <summary>a &lt;&lt; b (strict) or a &lt;&lt;= b: a's network lies inside b's.</summary>
    public static bool IsContainedBy(PgInet a, PgInet b, bool orEqual) =>
        a.IsV6 == b.IsV6
        && (orEqual ? a.Bits >= b.Bits : a.Bits > b.Bits)
        && SamePrefix(a, b, b.Bits);

    /// <summary>a &amp;&amp; b: either network contains or equals the other.</summary>
    public static bool Overlaps(PgInet a, PgInet b) =>
        a.IsV6 == b.IsV6 && SamePrefix(a, b, Math.Min(a.Bits, b.Bits));

    private static bool SamePrefix(PgInet a, PgInet b, int bits)
    {
        var mask = PrefixMask(bits);
        return (a.Address & mask) == (b.Address & mask);
    }

    public bool Equals(PgInet other) => IsV6 == other.IsV6 && Bits == other.Bits && Address == other.Address;

    public override bool Equals(object? obj) => obj is PgInet other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(IsV6, Bits, Address);

    public static bool operator ==(PgInet a, PgInet b) => a.Equals(b);

    public static bool operator !=(PgInet a, PgInet b) => !a.Equals(b);

    public override string ToString() => InetText.Format(this, isCidr: false);
}
