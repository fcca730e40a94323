using System.Buffers.Binary;
using System.Security.Cryptography;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// UUID functions beyond <c>gen_random_uuid()</c>, from PostgreSQL 17 and 18 (RFC 9562), so that
/// schemas written for them (Pagila's <c>DEFAULT uuidv7()</c> keys) load: <c>uuidv7([shift])</c>,
/// <c>uuidv4()</c>, <c>uuid_extract_version(uuid)</c> and <c>uuid_extract_timestamp(uuid)</c>.
/// </summary>
public static partial class Functions
{
    private static FunctionDef? ResolveUuidFunction(string name, IReadOnlyList<SqlType> args)
    {
        var n = args.Count;
        switch (name)
        {
            case "uuidv4" when n == 0:
                return new(None, SqlType.Uuid, (_, _) => UuidOssp.Random(), Volatile: true);
            case "uuidv7" when n == 0:
                return new(None, SqlType.Uuid, (_, _) => UuidV7.Next(0), Volatile: true);
            case "uuidv7" when n == 1 && args[0].Id is TypeId.Interval or TypeId.Unknown:
                return new([SqlType.Interval], SqlType.Uuid, (a, ctx) =>
                {
                    var now = PgTimestampTz.FromDateTimeOffset(DateTimeOffset.UtcNow);
                    var shifted = Arithmetic.TimestampTzPlusInterval(now, (PgInterval)a[0]!, ctx.Settings);
                    return UuidV7.Next(shifted.Microseconds - now.Microseconds);
                }, Volatile: true);
            case "uuid_extract_version" when n == 1 && args[0].Id is TypeId.Uuid or TypeId.Unknown:
                return new([SqlType.Uuid], SqlType.Int2, (a, _) => UuidV7.Version((Guid)a[0]!));
            case "uuid_extract_timestamp" when n == 1 && args[0].Id is TypeId.Uuid or TypeId.Unknown:
                return new([SqlType.Uuid], SqlType.Timestamptz, (a, _) => UuidV7.Timestamp((Guid)a[0]!));
        }
        return null;
    }
}

/// <summary>
/// Version 7 UUIDs (RFC 9562): 48 bits of Unix time in milliseconds, the version, 12 bits of
/// sub-millisecond fraction, the variant and 62 random bits. Like PostgreSQL 18's, the values this
/// process hands out strictly increase even when the clock does not, so keys made one after the
/// other sort in the order they were made.
/// </summary>
internal static class UuidV7
{
    private static readonly Lock ClockLock = new();
    private static long _last; // milliseconds << 12 | fraction of the last value handed out

    /// <summary>A new UUID whose timestamp is now shifted by <paramref name="shiftMicroseconds"/>.</summary>
    public static Guid Next(long shiftMicroseconds)
    {
        var nowTicks = DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks + shiftMicroseconds * 10;
        if (nowTicks < 0 || nowTicks / TimeSpan.TicksPerMillisecond >= 1L << 48)
            throw new Errors.TenonException(Errors.SqlState.DatetimeFieldOverflow, "timestamp out of range");
        var millis = nowTicks / TimeSpan.TicksPerMillisecond;
        var fraction = nowTicks % TimeSpan.TicksPerMillisecond * 4096 / TimeSpan.TicksPerMillisecond;
        var stamp = millis << 12 | fraction;
        if (shiftMicroseconds == 0)
        {
            lock (ClockLock)
            {
                stamp = Math.Max(stamp, _last + 1);
                _last = stamp;
            }
        }
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)(stamp >> 12) << 16 | 0x7000UL | (ulong)(stamp & 0xFFF));
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The version of an RFC 9562 UUID; null for other variants.</summary>
    public static object? Version(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        if ((bytes[8] & 0xC0) != 0x80) return null;
        return (short)(bytes[6] >> 4);
    }

    /// <summary>The time in a version 1 or 7 UUID; null for other versions and variants.</summary>
    public static object? Timestamp(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        if ((bytes[8] & 0xC0) != 0x80) return null;
        var high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        long unixTicks;
        switch (bytes[6] >> 4)
        {
            case 7:
                unixTicks = (long)(high >> 16) * TimeSpan.TicksPerMillisecond;
                break;
            case 1:
                // 60-bit count of 100 ns since 1582-10-15: time_low, time_mid, time_hi.
                var gregorian = (long)((high >> 32) | (high >> 16 & 0xFFFF) << 32 | (high & 0x0FFF) << 48);
                unixTicks = gregorian - 0x01B21DD213814000;
                break;
            default:
                return null;
        }
        return PgTimestampTz.FromDateTime(new DateTime(DateTime.UnixEpoch.Ticks + unixTicks, DateTimeKind.Utc));
    }
}
