using System.Numerics;
using System.Text;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Catalog;

/// <summary>
/// The row hash of hash partitioning, computed as PostgreSQL computes it so rows land in the same
/// partitions: each non-null key value's extended hash (Bob Jenkins' lookup3 mixing over the
/// value's bytes, seeded with the partitioning seed) folded into one 64-bit value. A row belongs
/// to the partition whose remainder is that value modulo the partition's modulus.
/// Only key types whose hash functions Tenon reproduces are accepted.
/// </summary>
public static class PartitionHash
{
    /// <summary>HASH_PARTITION_SEED: the seed every key part's extended hash is computed with (also passed to an operator class's support function 2).</summary>
    public const ulong Seed = 0x7A5B22367996DCFDUL;

    public static bool Supports(SqlType type) => type.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Text or TypeId.Varchar or TypeId.Bool;

    public static ulong Combine(PartitionKeyDef key, object?[] values) => Combine(key, values, null);

    /// <summary>
    /// The row hash; <paramref name="partHash"/>, when given, hashes the parts whose key names a
    /// user-defined operator class (it calls that class's support function 2 with <see cref="Seed"/>).
    /// </summary>
    public static ulong Combine(PartitionKeyDef key, object?[] values, Func<int, object, ulong>? partHash)
    {
        ulong row = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } v) continue;
            var h = partHash is not null && key.OpClass(i) != 0 ? partHash(i, v) : Hash(v, key.Types[i]);
            row ^= h + 0x49a0f4dd15e5a8e3UL + (row << 54) + (row >> 7);
        }
        return row;
    }

    private static ulong Hash(object value, SqlType type) => value switch
    {
        short s => HashUInt32((uint)(int)s),
        int i => HashUInt32((uint)i),
        long l => HashUInt32((uint)l ^ (l >= 0 ? (uint)(l >> 32) : ~(uint)(l >> 32))),
        bool b => HashUInt32(b ? 1u : 0u),
        string s => HashBytes(Encoding.UTF8.GetBytes(s)),
        _ => throw new TenonException(SqlState.FeatureNotSupported, $"hash partitioning on type {type.DisplayName} is not supported by Tenon yet"),
    };

    private static void Mix(ref uint a, ref uint b, ref uint c)
    {
        a -= c; a ^= BitOperations.RotateLeft(c, 4); c += b;
        b -= a; b ^= BitOperations.RotateLeft(a, 6); a += c;
        c -= b; c ^= BitOperations.RotateLeft(b, 8); b += a;
        a -= c; a ^= BitOperations.RotateLeft(c, 16); c += b;
        b -= a; b ^= BitOperations.RotateLeft(a, 19); a += c;
        c -= b; c ^= BitOperations.RotateLeft(b, 4); b += a;
    }

    private static void Final(ref uint a, ref uint b, ref uint c)
    {
        c ^= b; c -= BitOperations.RotateLeft(b, 14);
        a ^= c; a -= BitOperations.RotateLeft(c, 11);
        b ^= a; b -= BitOperations.RotateLeft(a, 25);
        c ^= b; c -= BitOperations.RotateLeft(b, 16);
        a ^= c; a -= BitOperations.RotateLeft(c, 4);
        b ^= a; b -= BitOperations.RotateLeft(a, 14);
        c ^= b; c -= BitOperations.RotateLeft(b, 24);
    }

    private static void Start(uint length, out uint a, out uint b, out uint c)
    {
        a = b = c = 0x9e3779b9 + length + 3923095;
        a += (uint)(Seed >> 32);
        b += unchecked((uint)Seed);
        Mix(ref a, ref b, ref c);
    }

    private static ulong HashUInt32(uint k)
    {
        Start(4, out var a, out var b, out var c);
        a += k;
        Final(ref a, ref b, ref c);
        return (ulong)b << 32 | c;
    }

    private static ulong HashBytes(byte[] k)
    {
        Start((uint)k.Length, out var a, out var b, out var c);
        var p = 0;
        var len = k.Length;
        while (len >= 12)
        {
            a += Word(k, p);
            b += Word(k, p + 4);
            c += Word(k, p + 8);
            Mix(ref a, ref b, ref c);
            p += 12;
            len -= 12;
        }
        // The remaining bytes, little-endian; the lowest byte of c stays for the length.
        if (len >= 11) c += (uint)k[p + 10] << 24;
        if (len >= 10) c += (uint)k[p + 9] << 16;
        if (len >= 9) c += (uint)k[p + 8] << 8;
        if (len >= 8) b += (uint)k[p + 7] << 24;
        if (len >= 7) b += (uint)k[p + 6] << 16;
        if (len >= 6) b += (uint)k[p + 5] << 8;
        if (len >= 5) b += k[p + 4];
        if (len >= 4) a += (uint)k[p + 3] << 24;
        if (len >= 3) a += (uint)k[p + 2] << 16;
        if (len >= 2) a += (uint)k[p + 1] << 8;
        if (len >= 1) a += k[p];
        Final(ref a, ref b, ref c);
        return (ulong)b << 32 | c;
    }

    private static uint Word(byte[] k, int p) => (uint)(k[p] | k[p + 1] << 8 | k[p + 2] << 16 | k[p + 3] << 24);
}
