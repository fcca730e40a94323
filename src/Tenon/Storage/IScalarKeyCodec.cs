namespace Tenon.Storage;

/// <summary>
/// A one-column key order that maps the column's non-null values one-to-one onto 64-bit integers
/// in the same order (integers, dates, timestamps), with NULL after every value and equal to NULL.
/// An index of such an order stores the integers (<see cref="ScalarEntry"/>) instead of key arrays.
/// </summary>
internal interface IScalarKeyCodec
{
    /// <summary>The value's integer; throws <see cref="InvalidCastException"/> for a value of another type, as the key order would.</summary>
    long Encode(object value);

    /// <summary>The value an integer of <see cref="Encode"/> stands for.</summary>
    object Decode(long encoded);
}
