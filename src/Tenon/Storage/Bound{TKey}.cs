namespace Tenon.Storage;

/// <summary>
/// One end of a key range: no bound at all (<c>default</c>, <see cref="Unbounded"/>), or a key
/// that is included or excluded. Works the same for reference and value keys, so "no lower
/// bound" never has to be spelled as a null or a minimum value.
/// </summary>
public readonly struct Bound<TKey>
{
    private Bound(TKey key, bool inclusive)
    {
        Key = key;
        HasValue = true;
        IsInclusive = inclusive;
    }

    /// <summary>No bound: the range is open on this side.</summary>
    public static Bound<TKey> Unbounded => default;

    /// <summary>A bound that admits <paramref name="key"/> itself (<c>&gt;=</c> or <c>&lt;=</c>).</summary>
    public static Bound<TKey> Inclusive(TKey key) => new(key, true);

    /// <summary>A bound that excludes <paramref name="key"/> itself (<c>&gt;</c> or <c>&lt;</c>).</summary>
    public static Bound<TKey> Exclusive(TKey key) => new(key, false);

    /// <summary>The bounding key; meaningless when <see cref="HasValue"/> is false.</summary>
    public TKey Key { get; }

    /// <summary>False for <see cref="Unbounded"/>.</summary>
    public bool HasValue { get; }

    /// <summary>True when the key itself lies inside the range.</summary>
    public bool IsInclusive { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        !HasValue ? "unbounded" : IsInclusive ? $"[{Key}]" : $"({Key})";
}
