using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Sql.Ast;

namespace Tenon;

/// <summary>
/// Who the session is: the login user (the wire's startup user, <c>postgres</c> in process), the
/// session user (SET SESSION AUTHORIZATION) and the current user (SET ROLE). The last two are the
/// settings session_authorization and role, so SET LOCAL, ROLLBACK and savepoints undo them as
/// PostgreSQL's GUCs. A login name that is no role of the database behaves as a superuser of
/// that name (Tenon's wire server accepts any startup user), and its objects belong to the
/// bootstrap superuser. Privilege checks ask <see cref="IsSuperuser"/> first: a field test once
/// <see cref="RefreshUser"/> has seen the settings version and the catalog's roles.
/// </summary>
public sealed partial class Session
{
    private string _loginName = Functions.BootstrapSuperuserName;
    private string _userName = Functions.BootstrapSuperuserName;
    private string _sessionUserName = Functions.BootstrapSuperuserName;
    private int _userSettingsVersion = -1;
    private AuthCatalog? _userAuth;
    private uint _userOid = AuthCatalog.BootstrapOid;
    private bool _isSuperuser = true;

    /// <summary>
    /// The current user's name (current_user). Setting it names the login user (the wire's startup
    /// user), which becomes session and current user.
    /// </summary>
    public string UserName
    {
        get
        {
            if (_userSettingsVersion != _settings.Version) RefreshNames();
            return _userName;
        }
        set
        {
            _loginName = value;
            _settings.SetInternal("session_authorization", value, local: false, inTransaction: false, asDefault: true);
            RefreshNames();
            var super = Database.Committed.Catalog.Auth.RoleNamed(value) is not { Superuser: false };
            _settings.SetInternal("is_superuser", super ? "on" : "off", local: false, inTransaction: false, asDefault: true);
        }
    }

    /// <summary>session_user.</summary>
    public string SessionUserName
    {
        get
        {
            if (_userSettingsVersion != _settings.Version) RefreshNames();
            return _sessionUserName;
        }
    }

    private void RefreshNames()
    {
        _userSettingsVersion = _settings.Version;
        _sessionUserName = _settings.Get("session_authorization")!.Value.Value;
        var role = _settings.Get("role")!.Value.Value;
        _userName = role == "none" ? _sessionUserName : role;
        _userAuth = null;
    }

    /// <summary>Brings the current user's oid and superuser flag up to date with the settings and <paramref name="auth"/>.</summary>
    private void RefreshUser(AuthCatalog auth)
    {
        if (_userSettingsVersion == _settings.Version && ReferenceEquals(auth, _userAuth)) return;
        if (_userSettingsVersion != _settings.Version) RefreshNames();
        _userAuth = auth;
        if (auth.RoleNamed(_userName) is { } r)
        {
            _userOid = r.Oid;
            _isSuperuser = r.Superuser;
        }
        else
        {
            _userOid = AuthCatalog.BootstrapOid;
            _isSuperuser = true;
        }
    }

    /// <summary>Whether the current user is a superuser (privilege checks are skipped then).</summary>
    internal bool IsSuperuser(AuthCatalog auth)
    {
        RefreshUser(auth);
        return _isSuperuser;
    }

    /// <summary>The current user's role oid (the bootstrap superuser's for a login name that is no role).</summary>
    internal uint CurrentUserOid(AuthCatalog auth)
    {
        RefreshUser(auth);
        return _userOid;
    }

    /// <summary>The session user's role oid, as <see cref="CurrentUserOid"/>.</summary>
    internal uint SessionUserOid(AuthCatalog auth) => auth.RoleNamed(SessionUserName)?.Oid ?? AuthCatalog.BootstrapOid;

    /// <summary>Whether the login user may use SET SESSION AUTHORIZATION (a superuser, or a name that is no role).</summary>
    private bool LoginIsSuperuser(AuthCatalog auth) => auth.RoleNamed(_loginName) is not { } r || r.Superuser;

    private StatementResult SetSessionAuthorization(SetSessionAuthorizationStatement a, ExecContext ctx)
    {
        var auth = ctx.Transaction.Catalog.Auth;
        var target = a.User ?? _loginName;
        if (a.User is not null && auth.RoleNamed(a.User) is null && a.User != _loginName)
            throw new TenonException(SqlState.UndefinedObject, $"role \"{a.User}\" does not exist");
        if (target != _loginName && !LoginIsSuperuser(auth))
            throw new TenonException(SqlState.InsufficientPrivilege, "permission denied to set session authorization");
        var local = a.Local && !a.IsReset;
        if (local && _tx is not { IsExplicit: true })
        {
            RaiseNotice(new Notice("WARNING", SqlState.NoActiveSqlTransaction, "SET LOCAL can only be used in transaction blocks"));
            return new StatementResult("SET");
        }
        _settings.SetInternal("session_authorization", target, local, inTransaction: _tx is not null);
        _settings.SetInternal("role", "none", local, inTransaction: _tx is not null);
        UpdateIsSuperuserSetting(auth, local);
        return new StatementResult(a.IsReset ? "RESET" : "SET");
    }

    private StatementResult SetRole(SetRoleStatement s, ExecContext ctx)
    {
        var auth = ctx.Transaction.Catalog.Auth;
        if (s.Role is { } name)
        {
            var role = auth.RoleNamed(name);
            if (role is null && name != SessionUserName) throw new TenonException(SqlState.UndefinedObject, $"role \"{name}\" does not exist");
            var session = auth.RoleNamed(SessionUserName);
            // A session user that is no role behaves as a superuser.
            if (role is not null && session is not null && !auth.IsMemberOf(session.Oid, role.Oid))
                throw new TenonException(SqlState.InsufficientPrivilege, $"permission denied to set role \"{name}\"");
        }
        if (s.Local && _tx is not { IsExplicit: true })
        {
            RaiseNotice(new Notice("WARNING", SqlState.NoActiveSqlTransaction, "SET LOCAL can only be used in transaction blocks"));
            return new StatementResult("SET");
        }
        _settings.SetInternal("role", s.Role ?? "none", s.Local, inTransaction: _tx is not null);
        UpdateIsSuperuserSetting(auth, s.Local);
        return new StatementResult(s.IsReset ? "RESET" : "SET");
    }

    private void UpdateIsSuperuserSetting(AuthCatalog auth, bool local)
    {
        var super = IsSuperuser(auth) ? "on" : "off";
        if (_settings.Get("is_superuser")!.Value.Value != super)
            _settings.SetInternal("is_superuser", super, local, inTransaction: _tx is not null);
    }
}
