namespace Tenon.Catalog;

/// <summary>
/// A slot for a value an immutable definition record derives from its parts, filled on first use.
/// The holder stores the parts it derived from next to the value and checks them on reading, since
/// <c>with</c> copies the slot into records whose parts differ. It never takes part in the
/// record's equality (every slot equals every other) and is not serialized (no public setter).
/// </summary>
internal sealed class DerivedCache
{
    public object? Value;

    public override bool Equals(object? obj) => obj is DerivedCache;
    public override int GetHashCode() => 0;
}
