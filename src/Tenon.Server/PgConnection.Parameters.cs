namespace Tenon.Server;

internal sealed partial class PgConnection
{
    private readonly Dictionary<string, string> _reported = new(StringComparer.Ordinal);

    /// <summary>
    /// The settings PostgreSQL 15 reports in ParameterStatus (GUC_REPORT), with the session's
    /// current values; server_version is the server's configured one, and session_authorization
    /// the connected user.
    /// </summary>
    private IEnumerable<(string Name, string Value)> ReportedParameters()
    {
        foreach (var (name, value) in _session!.ReportedParameters)
        {
            yield return name switch
            {
                "server_version" => (name, _server.Options.ServerVersion),
                "session_authorization" => (name, _user),
                _ => (name, value),
            };
        }
    }

    /// <summary>The session's settings version when the values in <see cref="_reported"/> were last compared.</summary>
    private int _reportedVersion;

    private void ReportAllParameters()
    {
        _reportedVersion = _session!.SettingsVersion;
        foreach (var (name, value) in ReportedParameters()) SendParameterStatus(name, value);
    }

    /// <summary>Before each ReadyForQuery, as PostgreSQL does: a ParameterStatus for every reported setting that changed.</summary>
    private void ReportParameterChanges()
    {
        // Every change of a setting moves the version: unchanged, nothing can need reporting.
        if (_session!.SettingsVersion == _reportedVersion) return;
        _reportedVersion = _session.SettingsVersion;
        foreach (var (name, value) in ReportedParameters())
            if (!_reported.TryGetValue(name, out var old) || old != value) SendParameterStatus(name, value);
    }

    private void SendParameterStatus(string name, string value)
    {
        _reported[name] = value;
        _out.Begin('S');
        _out.CString(name);
        _out.CString(value);
        _out.End();
    }
}
