namespace Tenon.Types;

/// <summary>
/// Where a cast is being applied, as pg_cast.castcontext: an implicit cast may happen anywhere
/// (in expressions), an assignment cast only when storing into a column, an explicit cast only
/// when written with CAST or ::. Each context also allows the casts of the weaker ones.
/// </summary>
public enum CastContext
{
    Implicit,
    Assignment,
    Explicit,
}
