using System.Net.NetworkInformation;
using System.Security.Cryptography;
using System.Text;

namespace Tenon.Execution;

/// <summary>
/// The UUID algorithms of the uuid-ossp extension (RFC 4122): version 1 (time and node),
/// version 3 (MD5 of namespace and name), version 4 (random), version 5 (SHA-1 of namespace and
/// name), and the well-known namespace UUIDs. UUIDs are built in network byte order.
/// </summary>
internal static class UuidOssp
{
    public static readonly Guid Nil = Guid.Empty;
    public static readonly Guid NamespaceDns = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    public static readonly Guid NamespaceUrl = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
    public static readonly Guid NamespaceOid = new("6ba7b812-9dad-11d1-80b4-00c04fd430c8");
    public static readonly Guid NamespaceX500 = new("6ba7b814-9dad-11d1-80b4-00c04fd430c8");

    // 100-nanosecond intervals between the Gregorian reform (1582-10-15) and the Unix epoch.
    private const long GregorianToUnixTicks = 0x01B21DD213814000;

    private static readonly Lock TimeLock = new();
    private static long _lastTimestamp;
    private static readonly ushort ClockSequence = (ushort)(RandomNumberGenerator.GetInt32(1 << 14));
    private static readonly Lazy<byte[]> HardwareNode = new(FindHardwareNode);

    /// <summary>Version 1 with this host's MAC address as node (a random multicast node when there is none).</summary>
    public static Guid TimeBased() => TimeBased(HardwareNode.Value);

    /// <summary>Version 1 with a random node that has the multicast bit set, so it can never equal a real MAC address.</summary>
    public static Guid TimeBasedRandomNode() => TimeBased(RandomMulticastNode());

    public static Guid NameBased(Guid ns, string name, int version)
    {
        var input = ns.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        var hash = version == 3 ? MD5.HashData(input) : SHA1.HashData(input);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | (version << 4));
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static Guid Random()
    {
        var bytes = RandomNumberGenerator.GetBytes(16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static Guid TimeBased(byte[] node)
    {
        long timestamp;
        lock (TimeLock)
        {
            // Strictly increasing, so two calls within one clock tick still differ.
            timestamp = Math.Max(DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks + GregorianToUnixTicks, _lastTimestamp + 1);
            _lastTimestamp = timestamp;
        }
        var bytes = new byte[16];
        var timeLow = (uint)timestamp;
        var timeMid = (ushort)(timestamp >> 32);
        var timeHigh = (ushort)(((timestamp >> 48) & 0x0FFF) | 0x1000);
        bytes[0] = (byte)(timeLow >> 24); bytes[1] = (byte)(timeLow >> 16); bytes[2] = (byte)(timeLow >> 8); bytes[3] = (byte)timeLow;
        bytes[4] = (byte)(timeMid >> 8); bytes[5] = (byte)timeMid;
        bytes[6] = (byte)(timeHigh >> 8); bytes[7] = (byte)timeHigh;
        bytes[8] = (byte)(((ClockSequence >> 8) & 0x3F) | 0x80);
        bytes[9] = (byte)ClockSequence;
        node.CopyTo(bytes, 10);
        return new Guid(bytes, bigEndian: true);
    }

    private static byte[] RandomMulticastNode()
    {
        var node = RandomNumberGenerator.GetBytes(6);
        node[0] |= 0x01;
        return node;
    }

    private static byte[] FindHardwareNode()
    {
        try
        {
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (nic.NetworkInterfaceType == NetworkInterfaceType.Loopback) continue;
                var mac = nic.GetPhysicalAddress().GetAddressBytes();
                if (mac.Length == 6 && mac.Any(b => b != 0)) return mac;
            }
        }
        catch (NetworkInformationException)
        {
        }
        catch (PlatformNotSupportedException)
        {
        }
        return RandomMulticastNode();
    }
}
