namespace Tenon.Storage;

/// <summary>Factories for <see cref="Bound{TKey}"/> that let C# infer the key type.</summary>
public static class Bound
{
    /// <summary>A bound that admits <paramref name="key"/> itself.</summary>
    public static Bound<TKey> Inclusive<TKey>(TKey key) => Bound<TKey>.Inclusive(key);

    /// <summary>A bound that excludes <paramref name="key"/> itself.</summary>
    public static Bound<TKey> Exclusive<TKey>(TKey key) => Bound<TKey>.Exclusive(key);
}
