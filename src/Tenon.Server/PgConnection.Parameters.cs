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

    private void ReportAllParameters()
    {
        foreach (var (name, value) in ReportedParameters()) SendParameterStatus(name, value);
    }

    /// <summary>Before each ReadyForQuery, as PostgreSQL does: a ParameterStatus for every reported setting that changed.</summary>
    private void ReportParameterChanges()
    {
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
