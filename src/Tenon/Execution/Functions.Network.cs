using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// The inet/cidr functions. Each takes inet (a cidr argument converts implicitly, an unknown
/// literal is read as inet); abbrev and set_masklen also have cidr variants, chosen when the
/// argument is cidr, and set_masklen(cidr) and network() return cidr.
/// </summary>
public static partial class Functions
{
    private static FunctionDef? ResolveNetwork(string name, IReadOnlyList<SqlType> args)
    {
        var n = args.Count;
        bool IsNet(int i) => args[i].Id is TypeId.Inet or TypeId.Cidr or TypeId.Unknown;
        var inet = SqlType.Inet;
        static PgInet Arg(object?[] a, int i) => (PgInet)a[i]!;
        switch (name)
        {
            case "host" when n == 1 && IsNet(0):
                return new([inet], SqlType.Text, (a, _) => InetText.Host(Arg(a, 0)));
            case "text" when n == 1 && args[0].Id is TypeId.Inet or TypeId.Cidr:
                return new([inet], SqlType.Text, (a, _) => InetText.Text(Arg(a, 0)));
            case "abbrev" when n == 1 && IsNet(0):
            {
                var cidr = args[0].Id == TypeId.Cidr;
                return new([cidr ? SqlType.Cidr : inet], SqlType.Text, (a, _) => InetText.Abbrev(Arg(a, 0), cidr));
            }
            case "masklen" when n == 1 && IsNet(0):
                return new([inet], SqlType.Int4, (a, _) => (int)Arg(a, 0).Bits);
            case "family" when n == 1 && IsNet(0):
                return new([inet], SqlType.Int4, (a, _) => Arg(a, 0).Family);
            case "network" when n == 1 && IsNet(0):
                return new([inet], SqlType.Cidr, (a, _) => Arg(a, 0).Network);
            case "netmask" when n == 1 && IsNet(0):
                return new([inet], inet, (a, _) => Arg(a, 0).Netmask);
            case "hostmask" when n == 1 && IsNet(0):
                return new([inet], inet, (a, _) => Arg(a, 0).Hostmask);
            case "broadcast" when n == 1 && IsNet(0):
                return new([inet], inet, (a, _) => Arg(a, 0).Broadcast);
            case "set_masklen" when n == 2 && IsNet(0) && args[1].Id is TypeId.Int2 or TypeId.Int4 or TypeId.Unknown:
            {
                var cidr = args[0].Id == TypeId.Cidr;
                return new([cidr ? SqlType.Cidr : inet, SqlType.Int4], cidr ? SqlType.Cidr : inet,
                    (a, _) => SetMasklen(Arg(a, 0), (int)a[1]!, cidr));
            }
            case "inet_same_family" when n == 2 && IsNet(0) && IsNet(1):
                return new([inet, inet], SqlType.Bool, (a, _) => Arg(a, 0).IsV6 == Arg(a, 1).IsV6);
            case "inet_merge" when n == 2 && IsNet(0) && IsNet(1):
                return new([inet, inet], SqlType.Cidr, (a, _) => Merge(Arg(a, 0), Arg(a, 1)));
        }
        return null;
    }

    /// <summary>set_masklen: -1 means the full length; a cidr result loses the bits right of the new mask.</summary>
    private static PgInet SetMasklen(PgInet value, int bits, bool cidr)
    {
        if (bits == -1) bits = value.MaxBits;
        if (bits < 0 || bits > value.MaxBits)
            throw new TenonException(SqlState.InvalidParameterValue, $"invalid mask length: {bits}");
        var result = value.WithBits(bits);
        return cidr ? result.Network : result;
    }

    /// <summary>inet_merge: the smallest network that includes both.</summary>
    private static PgInet Merge(PgInet a, PgInet b)
    {
        if (a.IsV6 != b.IsV6)
            throw new TenonException(SqlState.InvalidParameterValue, "cannot merge addresses from different families");
        var bits = Math.Min(Math.Min(a.Bits, b.Bits), (int)UInt128.LeadingZeroCount(a.Address ^ b.Address));
        return a.WithBits(bits).Network;
    }
}
