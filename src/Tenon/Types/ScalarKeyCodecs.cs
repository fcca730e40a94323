using Tenon.Storage;

namespace Tenon.Types;

/// <summary>
/// The column types whose values an index can store as 64-bit integers in the same order
/// (<see cref="IScalarKeyCodec"/>): the integers, and dates and timestamps by their day or
/// microsecond counts. The orders are those of <see cref="ValueComparer"/> (and of
/// <see cref="TypedKeyOrders"/>'s exact abbreviations).
/// </summary>
internal static class ScalarKeyCodecs
{
    /// <summary>The codec for a column of <paramref name="type"/>; null when its values do not map onto integers.</summary>
    public static IScalarKeyCodec? For(TypeId type) => type switch
    {
        TypeId.Int2 => Int2.Instance,
        TypeId.Int4 => Int4.Instance,
        TypeId.Int8 => Int8.Instance,
        TypeId.Date => Date.Instance,
        TypeId.Timestamp => Timestamp.Instance,
        TypeId.Timestamptz => Timestamptz.Instance,
        _ => null,
    };

    // Any integer width encodes exactly, so a key of another width than the column's finds what it equals.
    private static long Integer(object value) => value switch
    {
        int v => v,
        long v => v,
        short v => v,
        _ => throw new InvalidCastException($"{value.GetType().Name} is not an integer key"),
    };

    private sealed class Int2 : IScalarKeyCodec
    {
        public static readonly Int2 Instance = new();

        public long Encode(object value) => Integer(value);

        public object Decode(long encoded) => (short)encoded;
    }

    private sealed class Int4 : IScalarKeyCodec
    {
        public static readonly Int4 Instance = new();

        public long Encode(object value) => Integer(value);

        public object Decode(long encoded) => (int)encoded;
    }

    private sealed class Int8 : IScalarKeyCodec
    {
        public static readonly Int8 Instance = new();

        public long Encode(object value) => Integer(value);

        public object Decode(long encoded) => encoded;
    }

    private sealed class Date : IScalarKeyCodec
    {
        public static readonly Date Instance = new();

        public long Encode(object value) => ((PgDate)value).Days;

        public object Decode(long encoded) => new PgDate((int)encoded);
    }

    private sealed class Timestamp : IScalarKeyCodec
    {
        public static readonly Timestamp Instance = new();

        public long Encode(object value) => ((PgTimestamp)value).Microseconds;

        public object Decode(long encoded) => new PgTimestamp(encoded);
    }

    private sealed class Timestamptz : IScalarKeyCodec
    {
        public static readonly Timestamptz Instance = new();

        public long Encode(object value) => ((PgTimestampTz)value).Microseconds;

        public object Decode(long encoded) => new PgTimestampTz(encoded);
    }
}
