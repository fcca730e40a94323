namespace Tenon.Catalog;

public sealed partial class SystemCatalog
{
    /// <summary>Roles, memberships, and the owners and privileges of objects (<see cref="AuthCatalog"/>).</summary>
    public AuthCatalog Auth { get; private set; } = AuthCatalog.Empty;

    public SystemCatalog WithAuth(AuthCatalog auth)
    {
        var c = With();
        c.Auth = auth;
        return c;
    }

    /// <summary>The owner and privileges of an object, the kind's defaults when none were set.</summary>
    public ObjectAcl AclOf(ObjectKey key) =>
        Auth.Objects.TryGetValue(key, out var o) ? o : new ObjectAcl { Owner = Auth.OwnerOf(key) };
}
